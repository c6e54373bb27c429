// The emulator's state: one World per mode (test and live keys see separate data), each a set of
// tables of Stripe-typed objects. Internal facts Stripe keeps but does not show (why an account
// is restricted, who rejected it) live beside the object, never inside it.
import type Stripe from 'stripe';
import { EventStore } from '../events/store';
import type { OrderedView } from './list';

export type Mode = 'test' | 'live';

export interface Row<T> {
  obj: T;
  /** Order of making: breaks ties between objects created in the same second. */
  seq: number;
  /** The sort key (`created`, 0 when the object has none), as of the last insert or put. */
  created: number;
}

/** What a table tells before it changes a row (the events recorder listens: events/recorder.ts). */
export interface TableOwner {
  nextSeq(): number;
  willWrite?(kind: string, id: string, next: unknown): void;
}
/** Row order, oldest first: created ascending, then order of making. Seqs are unique, so every row has one place. */
const ascending = <T>(a: Row<T>, b: Row<T>): number => a.created - b.created || a.seq - b.seq;

/** How far from the newest end a write may land and still be spliced into the cached order (else the cache is dropped). */
const SPLICE_REACH = 256;

export class Table<T extends { id: string }> {
  private rows = new Map<string, Row<T>>();
  /** Ids by group key (a person's or bank account's account), when the table is grouped. */
  private groups = new Map<string, Set<string>>();
  /** Every row oldest first (see `order()`); null until read, and again after a write it cannot place cheaply. */
  private asc: Row<T>[] | null = null;
  /** Rows whose object has no `created`: a `created` filter cannot be answered from the order alone then. */
  private undated = 0;
  constructor(
    private readonly world: TableOwner,
    /** The Stripe object the table holds (`account`, `transfer`, ...): what a write is reported as. */
    readonly kind: string,
    private readonly groupOf?: (t: T) => string,
  ) {}
  get(id: string): T | undefined {
    return this.rows.get(id)?.obj;
  }
  has(id: string): boolean {
    return this.rows.has(id);
  }
  insert(obj: T): T {
    this.world.willWrite?.(this.kind, obj.id, obj);
    this.ungroup(obj.id);
    this.unorder(this.rows.get(obj.id));
    const row = { obj, seq: this.world.nextSeq(), created: 0 };
    this.rows.set(obj.id, row);
    this.reorder(row);
    this.group(obj);
    return obj;
  }
  /** Replaces an object, keeping its place in lists. */
  put(obj: T): T {
    this.world.willWrite?.(this.kind, obj.id, obj);
    const row = this.rows.get(obj.id);
    this.ungroup(obj.id);
    if (row) this.replaceInOrder(row, obj);
    else {
      const made = { obj, seq: this.world.nextSeq(), created: 0 };
      this.rows.set(obj.id, made);
      this.reorder(made);
    }
    this.group(obj);
    return obj;
  }
  delete(id: string): boolean {
    if (this.rows.has(id)) this.world.willWrite?.(this.kind, id, undefined);
    this.ungroup(id);
    this.unorder(this.rows.get(id));
    return this.rows.delete(id);
  }
  seqOf(id: string): number {
    return this.rows.get(id)?.seq ?? 0;
  }
  get size(): number {
    return this.rows.size;
  }
  values(): T[] {
    return [...this.rows.values()].map((r) => r.obj);
  }
  /** Newest first: created descending, then latest made first. */
  newestFirst(filter?: (t: T) => boolean): T[] {
    const asc = this.order();
    const out: T[] = [];
    for (let i = asc.length - 1; i >= 0; i--) if (!filter || filter(asc[i].obj)) out.push(asc[i].obj);
    return out;
  }
  /**
   * The whole table newest first, read by position (what `paginate` pages through): a page costs
   * its own length, a cursor a binary search, a `created` filter two.
   */
  ordered(): OrderedView<T> {
    const asc = this.order();
    const n = asc.length;
    return {
      length: n,
      at: (i) => asc[n - 1 - i].obj,
      indexOf: (id) => {
        const row = this.rows.get(id);
        const p = row ? positionIn(asc, row) : -1;
        return p === -1 ? -1 : n - 1 - p;
      },
      createdRange: (filter) => {
        if (this.undated > 0) return null;
        // Oldest first, the rows matching a created filter are one run [from, to).
        const [lower, upper] = typeof filter === 'number' ? [{ gte: filter }, { lte: filter }] : [filter, filter];
        const from = firstWhere(asc, (r) => (lower.gt === undefined || r.created > lower.gt) && (lower.gte === undefined || r.created >= lower.gte));
        const to = Math.max(from, firstWhere(asc, (r) => (upper.lt !== undefined && r.created >= upper.lt) || (upper.lte !== undefined && r.created > upper.lte)));
        return [n - to, n - from];
      },
    };
  }
  /** The group's objects, newest first (a grouped table answers without reading every row). */
  newestFirstIn(key: string, filter?: (t: T) => boolean): T[] {
    if (!this.groupOf) throw new Error('newestFirstIn needs a grouped table');
    const ids = this.groups.get(key);
    if (!ids) return [];
    return this.sorted([...ids].map((id) => this.rows.get(id)!), filter);
  }
  /** How many objects the group holds. */
  countIn(key: string): number {
    return this.groups.get(key)?.size ?? 0;
  }
  private sorted(all: Row<T>[], filter?: (t: T) => boolean): T[] {
    const rows = filter ? all.filter((r) => filter(r.obj)) : all;
    rows.sort((a, b) => b.created - a.created || b.seq - a.seq);
    return rows.map((r) => r.obj);
  }
  /** The cached order, oldest first, made again if a write dropped it. */
  private order(): Row<T>[] {
    this.asc ??= [...this.rows.values()].sort(ascending);
    return this.asc;
  }
  /** A row's object (and so its sort key) was set: place it in the cached order. */
  private reorder(row: Row<T>): void {
    const created = (row.obj as { created?: number }).created;
    if (created === undefined) this.undated++;
    row.created = created ?? 0;
    const asc = this.asc;
    if (!asc) return;
    // The newest object (every object made at run time) goes at the end; one a little older is
    // spliced in; anything else drops the cache, rebuilt at the next read (bulk, backdated loads).
    const start = Math.max(0, asc.length - SPLICE_REACH);
    const at = firstWhere(asc, (r) => ascending(r, row) > 0, start);
    if (at === asc.length) asc.push(row);
    else if (at > start || start === 0) asc.splice(at, 0, row);
    else this.asc = null;
  }
  /** The row leaves the table (or is about to be replaced): take it out of the cached order. */
  private unorder(row: Row<T> | undefined): void {
    if (!row) return;
    if ((row.obj as { created?: number }).created === undefined) this.undated--;
    if (!this.asc) return;
    const p = positionIn(this.asc, row);
    if (p !== -1) this.asc.splice(p, 1);
  }
  /** put: the same place in lists unless the object's `created` changed. */
  private replaceInOrder(row: Row<T>, obj: T): void {
    if ((obj as { created?: number }).created === (row.obj as { created?: number }).created) {
      row.obj = obj;
      return;
    }
    this.unorder(row);
    row.obj = obj;
    this.reorder(row);
  }
  private group(obj: T): void {
    if (!this.groupOf) return;
    const key = this.groupOf(obj);
    let ids = this.groups.get(key);
    if (!ids) this.groups.set(key, (ids = new Set()));
    ids.add(obj.id);
  }
  private ungroup(id: string): void {
    const row = this.rows.get(id);
    if (!this.groupOf || !row) return;
    this.groups.get(this.groupOf(row.obj))?.delete(id);
  }
}


/** The first index from `start` of the sorted `rows` where `past` holds (it must hold for every later row too). */
function firstWhere<T>(rows: readonly Row<T>[], past: (r: Row<T>) => boolean, start = 0): number {
  let lo = start;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(rows[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Where `row` sits in the ascending `rows`, or -1. */
function positionIn<T>(rows: readonly Row<T>[], row: Row<T>): number {
  const p = firstWhere(rows, (r) => ascending(r, row) >= 0);
  return rows[p] === row ? p : -1;
}

/** Who rejected an account and for what; rendered per API version into `disabled_reason`. */
export interface Rejection {
  by: 'platform' | 'stripe';
  /** The reason as given to POST /reject (platform), or Stripe's own (fraud, terms_of_service, listed, other). */
  reason: string;
  at: number;
  payoutsAction: 'pause' | 'none';
}

export interface AccountFacts {
  /** When currently due requirements become past due; null means they are past due at once (onboarding). */
  deadline: number | null;
  /** Stripe asks for the country's additional fields now (volume thresholds reached), not only eventually. */
  requireAdditional: boolean;
  /** Fields Stripe is verifying: they block activation until done. */
  pendingVerification: string[];
  /** Verification errors on what was provided (documents, tax ids, ...). */
  errors: Stripe.Account.Requirements.Error[];
  /** Requirements Stripe will ask for later (future_requirements). */
  future: { fields: string[]; deadline: number | null };
  rejection: Rejection | null;
  /** Requested capabilities: name -> when requested, or unrequested. */
  capabilities: Map<string, { requested: boolean; requested_at: number | null; created: number }>;
  /** Per-currency balances, minor units: live-mode reject and delete need them at zero. */
  balance: { available: Record<string, number>; pending: Record<string, number> };
}

export type Person = Stripe.Person;

/** The id a field holds, whether the field is an id or an expanded object. */
const idOf = (v: string | { id: string } | null): string => (typeof v === 'string' ? v : (v?.id ?? ''));
export type ExternalAccount = Stripe.BankAccount | Stripe.Card;

export interface IdempotentResult {
  method: string;
  path: string;
  fingerprint: string;
  status: number;
  body: string;
  inFlight: boolean;
}

export class World {
  private seq = 0;
  readonly accounts = new Table<Stripe.Account>(this, 'account');
  readonly accountFacts = new Map<string, AccountFacts>();
  readonly persons = new Table<Person>(this, 'person', (p) => p.account);
  readonly externalAccounts = new Table<ExternalAccount>(this, 'external_account', (e) => (typeof e.account === 'string' ? e.account : (e.account?.id ?? '')));
  readonly loginLinks: { account: string; url: string; created: number }[] = [];
  /** Accounts whose hosted onboarding has started (an account link was made): Stripe then owns their persons and external accounts. */
  readonly onboardingStarted = new Set<string>();
  readonly idempotency = new Map<string, IdempotentResult>();

  // Money (see ledger.ts): balance transactions and whose balance each one moves.
  readonly balanceTransactions = new Table<Stripe.BalanceTransaction>(this, 'balance_transaction');
  readonly ledgerOwner = new Map<string, string>();
  readonly charges = new Table<Stripe.Charge>(this, 'charge');
  /** Which account a charge was made on: 'platform', or a connected account for direct charges. */
  readonly chargeOwner = new Map<string, string>();
  readonly transfers = new Table<Stripe.Transfer>(this, 'transfer');
  readonly transferReversals = new Table<Stripe.TransferReversal>(this, 'transfer_reversal', (r) => idOf(r.transfer));
  readonly applicationFees = new Table<Stripe.ApplicationFee>(this, 'application_fee');
  readonly feeRefunds = new Table<Stripe.FeeRefund>(this, 'fee_refund', (r) => idOf(r.fee));
  readonly topups = new Table<Stripe.Topup>(this, 'topup');
  readonly earlyFraudWarnings = new Table<Stripe.Radar.EarlyFraudWarning>(this, 'radar.early_fraud_warning');
  readonly reviews = new Table<Stripe.Review>(this, 'review');
  readonly testClocks = new Table<Stripe.TestHelpers.TestClock>(this, 'test_helpers.test_clock');
  readonly appSecrets = new Table<Stripe.Apps.Secret>(this, 'apps.secret');
  /** The platform's own account (GET /v1/account without Stripe-Account). */
  platform: Stripe.Account | null = null;
  /** Events (`/v1/events`), made by the recorder from what changes (events/recorder.ts). */
  readonly events = new EventStore();
  /** Told before a table row changes; set by the events recorder while it records. */
  willWrite?: (kind: string, id: string, next: unknown) => void;

  constructor(readonly mode: Mode) {}

  nextSeq(): number {
    return ++this.seq;
  }
}
