// What each kind of object contributes to events: how to find it, whose it is (the connected
// account an event on it happens on, or null for the platform), how the API renders it, which
// other objects' renderings it is part of, and which event types a change to it makes.
import type Stripe from 'stripe';
import { PLATFORM } from '../core/ledger';
import type { Ctx } from '../core/router';
import type { World } from '../core/world';
import { renderApplicationFee, renderCharge, renderTransfer } from '../money/objects';
import { renderDispute } from '../money/disputes';
import { disputes, paymentRefunds } from '../money/store';
import { renderAccount } from '../resources/accounts';
import { renderEarlyFraudWarning } from '../resources/radar';
import { renderPerson } from '../resources/requirements';
import { clockOwner } from '../resources/test-clocks';
import { renderTopup } from '../resources/topups';
import { BILLING_SOURCES } from '../billing/events';
import { PAYOUT_SOURCES } from '../money/payout-events';
import { crud } from './crud';

type Obj = Record<string, unknown> & { id: string };

/** A change to one object, as its source judges it: `before`/`after` are the rendered objects (newest era). */
export interface Change {
  before: Obj | undefined;
  after: Obj | undefined;
}

export interface Source {
  /** Read the stored object (undefined when it does not exist). */
  get(world: World, id: string): Obj | undefined;
  owner(world: World, obj: Obj): string | null;
  /** The object as the API answers it at `ctx.apiVersion` and `ctx.now()`. */
  render(ctx: Ctx, obj: Obj): unknown;
  /** True when the rendering differs between API versions (the account and its capabilities). */
  versioned?: boolean;
  /** Objects whose rendering includes this one: they are recorded too when it changes. */
  partOf?(world: World, obj: Obj): [kind: string, id: string][];
  /** The event types a change makes (none: the change shows only through `partOf`). */
  types(c: Change): string[];
}

const idOf = (v: unknown): string | null => (typeof v === 'string' ? v : v && typeof v === 'object' && 'id' in v ? String((v as { id: unknown }).id) : null);
const num = (o: Obj | undefined, k: string): number => Number(o?.[k] ?? 0);

/** The connected account a charge was made on, or null for the platform's own (destination charges too). */
function chargeAccount(world: World, chargeId: string | null): string | null {
  if (!chargeId) return null;
  const owner = world.chargeOwner.get(chargeId);
  return owner === undefined || owner === PLATFORM ? null : owner;
}


/** Every field but the given ones is equal: a change to those alone has its own event. */
function onlyChanged(c: Change, fields: readonly string[]): boolean {
  const keys = new Set([...Object.keys(c.before ?? {}), ...Object.keys(c.after ?? {})]);
  for (const k of keys) {
    if (fields.includes(k)) continue;
    if (JSON.stringify(c.before?.[k]) !== JSON.stringify(c.after?.[k])) return false;
  }
  return true;
}

export const SOURCES: Record<string, Source> = {
  account: {
    get: (w, id) => w.accounts.get(id) as Obj | undefined,
    owner: (_w, a) => a.id,
    render: (ctx, a) => renderAccount(ctx, a as unknown as Stripe.Account),
    versioned: true,
    // A new account is told by its first `account.updated` (Stripe has no account.created);
    // a deleted one by `account.application.deauthorized` (made by the recorder: its object is the application).
    types: (c) => (c.after ? ['account.updated'] : ['account.application.deauthorized']),
  },
  person: {
    get: (w, id) => w.persons.get(id) as Obj | undefined,
    owner: (_w, p) => String(p.account),
    render: (ctx, p) => renderPerson(ctx, p as unknown as Stripe.Person),
    partOf: (_w, p) => [['account', String(p.account)]],
    types: crud('person'),
  },
  external_account: {
    get: (w, id) => w.externalAccounts.get(id) as Obj | undefined,
    owner: (_w, e) => idOf(e.account),
    render: (_ctx, e) => e,
    partOf: (_w, e) => [['account', idOf(e.account) ?? '']],
    types: crud('account.external_account'),
  },
  charge: {
    get: (w, id) => w.charges.get(id) as Obj | undefined,
    owner: (w, c) => chargeAccount(w, c.id),
    render: (ctx, c) => renderCharge(ctx.world, c as unknown as Stripe.Charge),
    partOf: (w, c) => w.earlyFraudWarnings.values().filter((e) => idOf(e.charge) === c.id).map((e) => ['radar.early_fraud_warning', e.id]),
    types: (c) => {
      if (!c.before) return [`charge.${c.after?.status === 'failed' ? 'failed' : c.after?.status === 'pending' ? 'pending' : 'succeeded'}`];
      const out: string[] = [];
      if (c.before.captured === false && c.after?.captured === true) out.push('charge.captured');
      if (num(c.after, 'amount_refunded') > num(c.before, 'amount_refunded')) out.push('charge.refunded');
      if (!onlyChanged(c, ['captured', 'amount_captured', 'balance_transaction', 'amount_refunded', 'refunded', 'refunds'])) out.push('charge.updated');
      return out;
    },
  },
  refund: {
    get: (w, id) => paymentRefunds(w).get(id) as Obj | undefined,
    owner: (w, r) => chargeAccount(w, idOf(r.charge)),
    render: (_ctx, r) => r,
    partOf: (_w, r) => [['charge', idOf(r.charge) ?? '']],
    // A charge refund (`re_`) has its own events; a destination payment's refund (`pyr_`) is told by its charge (charge.refunded).
    types: (c) => (!String(c.after?.id ?? c.before?.id).startsWith('re_') ? [] : c.before ? ['refund.updated', 'charge.refund.updated'] : ['refund.created']),
  },
  dispute: {
    get: (w, id) => disputes(w).get(id) as Obj | undefined,
    owner: (w, d) => chargeAccount(w, idOf(d.charge)),
    render: (ctx, d) => renderDispute(ctx.world, d as unknown as Stripe.Dispute),
    types: (c) => {
      const withdrawn = (o: Obj | undefined) => (o?.balance_transactions as unknown[] | undefined)?.length ?? 0;
      if (!c.before) return withdrawn(c.after) > 0 ? ['charge.dispute.created', 'charge.dispute.funds_withdrawn'] : ['charge.dispute.created'];
      const closed = (o: Obj | undefined) => ['won', 'lost', 'warning_closed'].includes(String(o?.status));
      const out = [!closed(c.before) && closed(c.after) ? 'charge.dispute.closed' : 'charge.dispute.updated'];
      // Money moving later: given back when won, or withdrawn when an inquiry escalates to a chargeback.
      if (withdrawn(c.after) > withdrawn(c.before)) out.push(c.after?.status === 'won' ? 'charge.dispute.funds_reinstated' : 'charge.dispute.funds_withdrawn');
      return out;
    },
  },
  transfer: {
    get: (w, id) => w.transfers.get(id) as Obj | undefined,
    owner: () => null,
    render: (ctx, t) => renderTransfer(ctx.world, t as unknown as Stripe.Transfer),
    types: (c) => {
      if (!c.before) return ['transfer.created'];
      if (num(c.after, 'amount_reversed') > num(c.before, 'amount_reversed')) return ['transfer.reversed'];
      return ['transfer.updated'];
    },
  },
  transfer_reversal: {
    get: (w, id) => w.transferReversals.get(id) as Obj | undefined,
    owner: () => null,
    render: (_ctx, r) => r,
    // Stripe has no reversal events: a reversal is told through its transfer (transfer.reversed, transfer.updated).
    partOf: (_w, r) => [['transfer', idOf(r.transfer) ?? '']],
    types: () => [],
  },
  application_fee: {
    get: (w, id) => w.applicationFees.get(id) as Obj | undefined,
    owner: () => null,
    render: (ctx, f) => renderApplicationFee(ctx.world, f as unknown as Stripe.ApplicationFee),
    types: (c) => {
      if (!c.before) return ['application_fee.created'];
      if (num(c.after, 'amount_refunded') > num(c.before, 'amount_refunded')) return ['application_fee.refunded'];
      return [];
    },
  },
  fee_refund: {
    get: (w, id) => w.feeRefunds.get(id) as Obj | undefined,
    owner: () => null,
    render: (_ctx, r) => r,
    partOf: (_w, r) => [['application_fee', idOf(r.fee) ?? '']],
    // A new refund is told by application_fee.refunded (its fee's event).
    types: (c) => (c.before && c.after ? ['application_fee.refund.updated'] : []),
  },
  topup: {
    get: (w, id) => w.topups.get(id) as Obj | undefined,
    owner: () => null,
    render: (ctx, t) => renderTopup(t as unknown as Stripe.Topup, ctx.now()),
    // Stripe has no topup.updated: a change of description or metadata makes no event.
    types: (c) => {
      if (!c.before) return c.after?.status === 'pending' ? ['topup.created'] : ['topup.created', `topup.${String(c.after?.status)}`];
      return c.before.status !== c.after?.status ? [`topup.${String(c.after?.status)}`] : [];
    },
  },
  'radar.early_fraud_warning': {
    get: (w, id) => w.earlyFraudWarnings.get(id) as Obj | undefined,
    owner: (w, e) => chargeAccount(w, idOf(e.charge)),
    render: (ctx, e) => renderEarlyFraudWarning(ctx.world, e as unknown as Stripe.Radar.EarlyFraudWarning),
    types: (c) => [c.before ? 'radar.early_fraud_warning.updated' : 'radar.early_fraud_warning.created'],
  },
  review: {
    get: (w, id) => w.reviews.get(id) as Obj | undefined,
    owner: (w, r) => chargeAccount(w, idOf(r.charge)),
    render: (_ctx, r) => r,
    types: (c) => {
      if (!c.before) return c.after?.open === false ? ['review.opened', 'review.closed'] : ['review.opened'];
      return c.before.open === true && c.after?.open === false ? ['review.closed'] : [];
    },
  },
  'test_helpers.test_clock': {
    get: (w, id) => w.testClocks.get(id) as Obj | undefined,
    owner: (w, c) => clockOwner(w, c.id),
    render: (_ctx, c) => c,
    types: (c) => {
      if (!c.before) return ['test_helpers.test_clock.created'];
      if (!c.after) return ['test_helpers.test_clock.deleted'];
      if (c.before.status !== c.after.status) return [`test_helpers.test_clock.${String(c.after.status)}`];
      return [];
    },
  },
  ...BILLING_SOURCES,
  ...PAYOUT_SOURCES,
};
