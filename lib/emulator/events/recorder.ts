// Makes events from what changes. Every change the emulator makes happens inside a batch: one API
// request, or one tick of the clock. The first time a batch is about to change an object (the
// tables tell it: World.willWrite), the recorder renders the object as it stands; at the end of
// the batch it renders it again and, where the two differ, appends the events the object's
// source names, with `previous_attributes` from the difference. Nothing else in the emulator
// needs to know about events.
import type Stripe from 'stripe';
import { PLATFORM } from '../core/ledger';
import { makeId } from '../core/ids';
import type { Ctx } from '../core/router';
import { DEFAULT_API_VERSION, RENDER_ERAS, eraVersion } from '../core/versions';
import type { World } from '../core/world';
import { platformApplication } from '../money/store';
import { renderBalance } from '../resources/balance';
import { computeAccountState, renderCapability } from '../resources/requirements';
import { tick as tickTestClocks } from '../resources/test-clocks';
import { tickBilling } from '../billing/engine';
import { settleTopups } from '../resources/topups';
import { settleDisputes } from '../money/disputes';
import { tickPayouts } from '../money/payouts';
import { SOURCES, type Source } from './sources';
import { inEra, type Versioned } from './store';

/** Stripe lists events of the last 30 days. */
export const EVENT_RETENTION = 30 * 86400;

type Obj = Record<string, unknown> & { id: string };

interface Snapshot {
  owner: string | null;
  /** The rendering per era (one entry when the source is not versioned). */
  object: Versioned;
  /** An account's capabilities, by name, per era. */
  capabilities?: Map<string, Versioned>;
}

interface Touched {
  kind: string;
  id: string;
  before: Snapshot | undefined;
}

export interface BatchMeta {
  /** The API request that makes the changes; null for the clock. */
  request: { id: string; idempotency_key: string | null } | null;
  now: number;
  /** The moment `before` snapshots are rendered at (the clock's previous tick); defaults to `now`. */
  beforeNow?: number;
}

/** Previous values of what changed: nested hashes are compared key by key, anything else whole. */
export function previousAttributes(before: unknown, after: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    const was = b[key];
    const is = a[key];
    if (JSON.stringify(was) === JSON.stringify(is)) continue;
    out[key] = isHash(was) && isHash(is) && was.object !== 'list' ? previousAttributes(was, is) : (was ?? null);
  }
  return out;
}

const isHash = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function sameVersioned(a: Versioned | undefined, b: Versioned | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every(([era, json], i) => b[i][0] === era && b[i][1] === json);
}

/** `[era, json]` pairs, one per era, with equal neighbours merged. */
function perEra(eras: readonly string[], value: (era: string) => unknown): Versioned {
  const out: [string, string][] = [];
  for (const era of eras) {
    const json = JSON.stringify(value(era));
    if (out.length === 0 || out[out.length - 1][1] !== json) out.push([era, json]);
  }
  return out;
}

function latest(v: Versioned): Obj {
  return JSON.parse(v[v.length - 1][1]) as Obj;
}

export class Recorder {
  private batch: { meta: BatchMeta; touched: Map<string, Touched>; transactions: string[] } | null = null;
  /** Balance transactions still pending: when each becomes available, and whose it is (oldest first). */
  private availability: { at: number; owner: string }[] | null = null;
  private lastTick: number | null = null;

  constructor(private readonly world: World) {
    world.willWrite = (kind, id, next) => this.willWrite(kind, id, next);
  }

  /** Runs `fn` as one batch: the changes it makes become events at its end (even when it throws). */
  run<T>(meta: BatchMeta, fn: () => T): T {
    if (this.batch) return fn(); // nested: the outer batch records
    this.batch = { meta, touched: new Map(), transactions: [] };
    try {
      return fn();
    } finally {
      this.flush();
    }
  }

  /** Renders `kind`/`id` as it stands, if the running batch has not yet (call before changing it in place). */
  touch(kind: string, id: string): void {
    const b = this.batch;
    if (!b || !SOURCES[kind]) return;
    const key = `${kind}:${id}`;
    if (b.touched.has(key)) return;
    b.touched.set(key, { kind, id, before: this.snapshot(kind, id, b.meta.beforeNow ?? b.meta.now) });
    // A person's requirements are the account's: whatever changes the account may change its persons.
    if (kind === 'account') for (const p of this.world.persons.newestFirstIn(id)) this.touch('person', p.id);
  }

  private willWrite(kind: string, id: string, next: unknown): void {
    if (!this.batch) return;
    if (kind === 'balance_transaction') {
      if (next) this.batch.transactions.push(id);
      return;
    }
    const source = SOURCES[kind];
    if (!source) return;
    // The objects this one is part of first: they must be seen before it changes.
    const current = source.get(this.world, id) ?? (next as Obj | undefined);
    for (const [k, i] of current && source.partOf ? source.partOf(this.world, current) : []) if (i) this.touch(k, i);
    if (next && source.partOf) for (const [k, i] of source.partOf(this.world, next as Obj)) if (i) this.touch(k, i);
    this.touch(kind, id);
  }

  private ctx(now: number, version: string, stripeAccount: string | null): Ctx {
    return { method: 'GET', path: '/', mode: this.world.mode, world: this.world, apiVersion: version, stripeAccount, requestId: 'req_events', params: {}, baseUrl: 'http://127.0.0.1', now: () => now };
  }

  private snapshot(kind: string, id: string, now: number): Snapshot | undefined {
    const source = SOURCES[kind];
    const obj = source.get(this.world, id);
    if (!obj) return undefined;
    const owner = source.owner(this.world, obj);
    const eras = source.versioned ? RENDER_ERAS : [RENDER_ERAS[0]];
    const object = perEra(eras, (era) => source.render(this.ctx(now, eraVersion(era), owner), obj));
    if (kind !== 'account') return { owner, object };
    const facts = this.world.accountFacts.get(id);
    const capabilities = new Map<string, Versioned>();
    if (facts) {
      const account = obj as unknown as Stripe.Account;
      const states = new Map(RENDER_ERAS.map((era) => [era, computeAccountState(this.world, account, facts, now, eraVersion(era))]));
      for (const name of facts.capabilities.keys()) {
        capabilities.set(name, perEra(RENDER_ERAS, (era) => renderCapability(this.world, account, facts, name, now, eraVersion(era), states.get(era))));
      }
    }
    return { owner, object, capabilities };
  }

  private flush(): void {
    const b = this.batch!;
    this.batch = null;
    const { meta } = b;
    const request = meta.request ? { id: meta.request.id, idempotency_key: meta.request.idempotency_key } : { id: null, idempotency_key: null };
    const emit = (type: string, account: string | null, object: Versioned, previous: Versioned | null) =>
      this.world.events.append({ id: makeId('evt'), type, account, created: meta.now, request, object, previous });

    for (const t of b.touched.values()) {
      const source: Source = SOURCES[t.kind];
      const after = this.snapshot(t.kind, t.id, meta.now);
      const before = t.before;
      if (!before && !after) continue;
      const owner = after?.owner ?? before?.owner ?? null;
      if (t.kind === 'account' && !after) {
        const app = platformApplication(this.world);
        emit('account.application.deauthorized', t.id, [[RENDER_ERAS[0], JSON.stringify(app)]], null);
        continue;
      }
      // A deleted account's objects go with it: Stripe tells only its deauthorization, and nothing after.
      if (owner !== null && !this.world.accounts.has(owner)) continue;
      const changed = !sameVersioned(before?.object, after?.object);
      if (changed) {
        const types = source.types({ before: before && latest(before.object), after: after && latest(after.object) });
        const object = (after ?? before)!.object;
        const allEras = source.versioned ? RENDER_ERAS : [RENDER_ERAS[0]];
        const previous = before && after ? perEra(allEras, (era) => previousAttributes(inEra(before.object, era), inEra(after.object, era))) : null;
        for (const type of types) emit(type, owner, object, previous);
      }
      if (t.kind === 'account' && after?.capabilities) {
        for (const [name, cap] of after.capabilities) {
          const was = before?.capabilities?.get(name);
          if (sameVersioned(was, cap)) continue;
          const previous = was ? perEra(RENDER_ERAS, (era) => previousAttributes(inEra(was, era), inEra(cap, era))) : null;
          emit('capability.updated', t.id, cap, previous);
        }
      }
    }
    this.noteTransactions(b.transactions, meta.now);
  }

  /** Pending balance transactions made in the batch: each will make `balance.available` when its funds arrive. */
  private noteTransactions(ids: string[], now: number): void {
    if (!this.availability) return; // built on the first tick from every transaction
    for (const id of ids) {
      const bt = this.world.balanceTransactions.get(id);
      const owner = this.world.ledgerOwner.get(id);
      if (bt && owner && bt.available_on > now) insertSorted(this.availability, { at: bt.available_on, owner });
    }
  }

  /**
   * The clock: what time alone changes since the last tick becomes events now (a top-up's funds
   * arriving, a requirements deadline passing, a test clock finishing its advance, funds becoming
   * available). Each API request ticks first; the emulator also ticks on a timer.
   */
  tick(now: number): void {
    const last = this.lastTick ?? now;
    if (this.availability === null) {
      this.availability = [];
      for (const bt of this.world.balanceTransactions.values()) {
        const owner = this.world.ledgerOwner.get(bt.id);
        if (owner && bt.available_on > now) this.availability.push({ at: bt.available_on, owner });
      }
      this.availability.sort((a, b) => a.at - b.at);
    }
    this.lastTick = now;
    if (now <= last) {
      // A test clock advanced since the last tick finishes at the next one, even when no time passed.
      if (this.world.testClocks.values().some((c) => c.status === 'advancing')) this.run({ request: null, now }, () => tickTestClocks(this.world, now));
      return;
    }
    this.run({ request: null, now, beforeNow: last }, () => {
      for (const [id, facts] of this.world.accountFacts) {
        const passed = (d: number | null) => d !== null && d > last && d <= now;
        if (passed(facts.deadline) || passed(facts.future.deadline)) this.touch('account', id);
      }
      settleTopups(this.world, now);
      settleDisputes(this.world, now);
      tickTestClocks(this.world, now);
      tickBilling(this.world, now);
      tickPayouts(this.world, last, now);
    });
    const owners = new Set<string>();
    while (this.availability.length > 0 && this.availability[0].at <= now) owners.add(this.availability.shift()!.owner);
    for (const owner of owners) {
      const account = owner === PLATFORM ? null : owner;
      if (account && !this.world.accounts.has(account)) continue;
      const balance = renderBalance(this.ctx(now, DEFAULT_API_VERSION, account));
      this.world.events.append({ id: makeId('evt'), type: 'balance.available', account, created: now, request: { id: null, idempotency_key: null }, object: [[RENDER_ERAS[0], JSON.stringify(balance)]], previous: null });
    }
    this.world.events.prune(now - EVENT_RETENTION);
  }
}

function insertSorted(list: { at: number; owner: string }[], item: { at: number; owner: string }): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].at <= item.at) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
}

const recorders = new WeakMap<World, Recorder>();

/** The recorder of `world` (made, and hooked into its tables, on first use). */
export function recorderOf(world: World): Recorder {
  let r = recorders.get(world);
  if (!r) recorders.set(world, (r = new Recorder(world)));
  return r;
}
