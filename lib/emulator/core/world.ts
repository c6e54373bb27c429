// The emulator's state: one World per mode (test and live keys see separate data), each a set of
// tables of Stripe-typed objects. Internal facts Stripe keeps but does not show (why an account
// is restricted, who rejected it) live beside the object, never inside it.
import type Stripe from 'stripe';
import { EventStore } from '../events/store';

export type Mode = 'test' | 'live';

export interface Row<T> {
  obj: T;
  /** Order of making: breaks ties between objects created in the same second. */
  seq: number;
}

/** What a table tells before it changes a row (the events recorder listens: events/recorder.ts). */
export interface TableOwner {
  nextSeq(): number;
  willWrite?(kind: string, id: string, next: unknown): void;
}

export class Table<T extends { id: string }> {
  private rows = new Map<string, Row<T>>();
  /** Ids by group key (a person's or bank account's account), when the table is grouped. */
  private groups = new Map<string, Set<string>>();
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
    this.rows.set(obj.id, { obj, seq: this.world.nextSeq() });
    this.group(obj);
    return obj;
  }
  /** Replaces an object, keeping its place in lists. */
  put(obj: T): T {
    this.world.willWrite?.(this.kind, obj.id, obj);
    const row = this.rows.get(obj.id);
    this.ungroup(obj.id);
    this.rows.set(obj.id, { obj, seq: row?.seq ?? this.world.nextSeq() });
    this.group(obj);
    return obj;
  }
  delete(id: string): boolean {
    if (this.rows.has(id)) this.world.willWrite?.(this.kind, id, undefined);
    this.ungroup(id);
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
    return this.sorted([...this.rows.values()], filter);
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
    const createdOf = (o: T) => (o as { created?: number }).created ?? 0;
    rows.sort((a, b) => createdOf(b.obj) - createdOf(a.obj) || b.seq - a.seq);
    return rows.map((r) => r.obj);
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
