// A copy of a Stripe account's objects built from events alone, the way a platform's webhook
// receiver builds one: each event's `data.object` replaces what the copy holds for that id, unless
// the copy already holds something newer (events are not ordered and may come twice: an event
// older than what the copy holds is ignored; within one second a change makes one event per
// object, so `created` orders them). Embedded lists (a transfer's reversals, a fee's refunds, a
// charge's refunds, an account's external accounts) fill the copy too.
import type Stripe from 'stripe';
import { expect } from 'vitest';

export interface Held {
  kind: string;
  /** The connected account it belongs to (the event's `account`), or null for the platform. */
  account: string | null;
  created: number;
  /** Null when the object was deleted (kept so an older event cannot bring it back). */
  object: Record<string, unknown> | null;
}

const EMBEDDED: Record<string, string> = { transfer: 'reversals', application_fee: 'refunds', charge: 'refunds', account: 'external_accounts' };

export class Replica {
  readonly held = new Map<string, Held>();
  /** Events applied (duplicates included) and events ignored as older than what was held. */
  applied = 0;
  ignored = 0;
  /** Connected accounts the platform lost (deauthorized or deleted), with when: an older event about their objects, arriving late, is ignored. */
  private readonly gone = new Map<string, number>();

  apply(e: Stripe.Event): void {
    const obj = e.data.object as unknown as Record<string, unknown> & { id?: string; object: string };
    const account = e.account ?? null;
    if (e.type === 'account.application.deauthorized') {
      if (account) {
        this.gone.set(account, Math.max(e.created, this.gone.get(account) ?? 0));
        this.put(`account:${account}`, 'account', null, e.created, null);
        for (const [key, h] of this.held) if (h.account === account && h.kind !== 'account') this.put(key, h.kind, account, e.created, null);
      }
      return;
    }
    if (e.type === 'balance.available') {
      this.put(`balance:${account ?? 'platform'}`, 'balance', account, e.created, obj);
      return;
    }
    const key = obj.object === 'capability' ? `capability:${String(obj.account)}:${obj.id}` : `${obj.object}:${obj.id}`;
    // An object of an account already gone, told by an event from before it went (a delivery delayed or reordered past the deauthorization): nothing to bring back.
    const owner = account ?? (obj.object === 'capability' ? String(obj.account) : null);
    const goneAt = owner !== null && obj.object !== 'account' ? this.gone.get(owner) : undefined;
    if (goneAt !== undefined && e.created <= goneAt) {
      this.ignored++;
      return;
    }
    const deleted = e.type.endsWith('.deleted');
    if (!this.put(key, obj.object, account, e.created, deleted ? null : obj)) return;
    const list = EMBEDDED[obj.object];
    const embedded = list ? (obj[list] as { data?: Record<string, unknown>[] } | undefined) : undefined;
    for (const child of embedded?.data ?? []) this.put(`${String(child.object)}:${String(child.id)}`, String(child.object), account, e.created, child);
  }

  /** Holds `object` under `key` unless something newer is held; false when ignored. */
  private put(key: string, kind: string, account: string | null, created: number, object: Record<string, unknown> | null): boolean {
    const was = this.held.get(key);
    if (was && was.created > created) {
      this.ignored++;
      return false;
    }
    // A deletion is final within its second: a same-second update arriving later does not undo it.
    if (was && was.created === created && was.object === null && object !== null) return false;
    this.held.set(key, { kind, account, created, object });
    this.applied++;
    return true;
  }

  /** The live objects of a kind (deleted ones left out). */
  all(kind: string): Record<string, unknown>[] {
    return [...this.held.values()].filter((h) => h.kind === kind && h.object !== null).map((h) => h.object!);
  }

  get(kind: string, id: string): Record<string, unknown> | null {
    return this.held.get(`${kind}:${id}`)?.object ?? null;
  }
}

/** An object without its embedded lists (compared on their own). */
export function withoutEmbedded(o: Record<string, unknown>): Record<string, unknown> {
  const list = EMBEDDED[String(o.object)];
  if (!list) return o;
  const { [list]: _omit, ...rest } = o;
  return rest;
}

const sortKey = (o: Record<string, unknown>) => `${typeof o.account === 'string' ? o.account : ''}:${String(o.id)}`;
const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => sortKey(a).localeCompare(sortKey(b));

/**
 * Every object the API answers, read with `stripe` (the platform's key), in the shape the replica
 * holds: kind → objects sorted by id. Accounts and charges without their embedded lists.
 */
export async function apiObjects(stripe: Stripe): Promise<Record<string, Record<string, unknown>[]>> {
  const all = async <T>(list: AsyncIterable<T>): Promise<T[]> => {
    const out: T[] = [];
    for await (const x of list) out.push(x);
    return out;
  };
  const out: Record<string, Record<string, unknown>[]> = {};
  const add = (kind: string, items: unknown[]) => (out[kind] ??= []).push(...(items as Record<string, unknown>[]));
  const accounts = await all(stripe.accounts.list({ limit: 100 }));
  add('account', accounts);
  for (const a of accounts) {
    const as = { stripeAccount: a.id };
    add('person', await all(stripe.accounts.listPersons(a.id, { limit: 100 })));
    add('bank_account', await all(stripe.accounts.listExternalAccounts(a.id, { limit: 100, object: 'bank_account' })));
    add('card', await all(stripe.accounts.listExternalAccounts(a.id, { limit: 100, object: 'card' })));
    add('capability', (await stripe.accounts.listCapabilities(a.id)).data);
    add('charge', await all(stripe.charges.list({ limit: 100 }, as)));
    add('radar.early_fraud_warning', await all(stripe.radar.earlyFraudWarnings.list({ limit: 100 }, as)));
    add('refund', await all(stripe.refunds.list({ limit: 100 }, as)));
    add('dispute', await all(stripe.disputes.list({ limit: 100 }, as)));
  }
  add('charge', await all(stripe.charges.list({ limit: 100 })));
  const transfers = await all(stripe.transfers.list({ limit: 100 }));
  add('transfer', transfers);
  for (const t of transfers) add('transfer_reversal', await all(stripe.transfers.listReversals(t.id, { limit: 100 })));
  const fees = await all(stripe.applicationFees.list({ limit: 100 }));
  add('application_fee', fees);
  for (const f of fees) add('fee_refund', await all(stripe.applicationFees.listRefunds(f.id, { limit: 100 })));
  add('topup', await all(stripe.topups.list({ limit: 100 })));
  add('radar.early_fraud_warning', await all(stripe.radar.earlyFraudWarnings.list({ limit: 100 })));
  add('refund', await all(stripe.refunds.list({ limit: 100 })));
  add('dispute', await all(stripe.disputes.list({ limit: 100 })));
  for (const kind of Object.keys(out)) out[kind] = out[kind].map(withoutEmbedded).sort(byId);
  return out;
}

/** The replica's objects of the same kinds, in the same shape. */
export function replicaObjects(r: Replica, kinds: readonly string[]): Record<string, Record<string, unknown>[]> {
  return Object.fromEntries(kinds.map((k) => [k, r.all(k).map(withoutEmbedded).sort(byId)]));
}

/** The replica holds exactly what the API answers: every object, field by field; reviews (the API lists open ones only) one by one. */
export async function expectReplicaEqualsApi(replica: Replica, stripe: Stripe): Promise<void> {
  const api = await apiObjects(stripe);
  expect(replicaObjects(replica, Object.keys(api))).toEqual(api);
  for (const r of replica.all('review')) expect(await stripe.reviews.retrieve(String(r.id))).toEqual(r);
  const open = (await stripe.reviews.list({ limit: 100 })).data.map((r) => r.id).sort();
  expect(replica.all('review').filter((r) => r.open === true).map((r) => String(r.id)).sort()).toEqual(open);
}
