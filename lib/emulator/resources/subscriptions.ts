// What schedules make: subscriptions and their items (retrieve, list), invoices (retrieve, list)
// and their payments (`GET /v1/invoice_payments`, `expand[]=payments`),
// and the usage records of metered items (legacy usage-based billing: create a record, list the
// period summaries), on the platform or a connected account (`Stripe-Account`).
//
// Usage records exist only before 2025-03-31.basil, the version that removed legacy usage-based
// billing (docs.stripe.com/changelog/basil/2025-03-31/deprecate-legacy-usage-based-billing; the
// API reference documents /v1/subscription_items/:id/usage_records only up to 2025-02-24.acacia and
// the stripe package dropped its methods). From basil on, both routes answer Stripe's 404 for an
// unknown URL, as any removed route does here.
import type Stripe from 'stripe';
import { invalidRequest, unrecognizedUrl } from '../core/errors';
import { cryptoRandom, makeId } from '../core/ids';
import { expand, EXPAND_ONLY, hash, int, LIST_ONLY, listParams, nowOrTimestamp, oneOf, parseParams, rangeFilter, str } from '../core/params';
import type { Ctx, Route } from '../core/router';
import { atLeast, VERSION } from '../core/versions';
import { timeOf } from '../billing/engine';
import { billing, ownedNewestFirst, ownerOfCtx, requireOwned } from '../billing/store';
import { expandObject, listResponse, registerExpandable, registerResolver } from './shared';

/** A usage record (legacy usage-based billing: the stripe package no longer has its type). */
export interface UsageRecord {
  id: string;
  object: 'usage_record';
  livemode: boolean;
  quantity: number;
  subscription_item: string;
  timestamp: number;
}

/** A metered item's usage over one billing period. */
export interface UsageRecordSummary {
  id: string;
  object: 'usage_record_summary';
  invoice: string | null;
  livemode: boolean;
  period: { start: number | null; end: number | null };
  subscription_item: string;
  total_usage: number;
}

registerExpandable('subscription', ['application', 'customer', 'latest_invoice', 'schedule', 'test_clock', 'default_payment_method', 'default_source', 'on_behalf_of', 'pending_setup_intent']);
registerExpandable('subscription_item', []);
registerExpandable('invoice', ['payments', 'application', 'customer', 'test_clock', 'default_payment_method', 'default_source', 'on_behalf_of']);
registerExpandable('usage_record', []);
registerExpandable('invoice_payment', ['invoice']);
registerResolver('in', (ctx, id) => requireOwned(ctx, billing(ctx.world).invoices, 'invoice', id, 'expand'));

const SUB_STATUSES = ['active', 'all', 'canceled', 'ended', 'incomplete', 'incomplete_expired', 'past_due', 'paused', 'trialing', 'unpaid'] as const;
const listSubscriptionParams = hash({
  ...listParams,
  customer: str().optional(),
  price: str().optional(),
  status: oneOf(SUB_STATUSES).optional(),
  test_clock: str().optional(),
  created: rangeFilter().optional(),
});
const listInvoiceParams = hash({
  ...listParams,
  customer: str().optional(),
  subscription: str().optional(),
  status: oneOf(['draft', 'open', 'paid', 'uncollectible', 'void']).optional(),
  collection_method: oneOf(['charge_automatically', 'send_invoice']).optional(),
  created: rangeFilter().optional(),
});
const listInvoicePaymentParams = hash({
  ...listParams,
  invoice: str().optional(),
  status: oneOf(['canceled', 'open', 'paid']).optional(),
  payment: hash({ type: oneOf(['charge', 'payment_intent', 'payment_record']), payment_intent: str().optional(), payment_record: str().optional() }).optional(),
  created: rangeFilter().optional(),
});

/**
 * The payment of a paid invoice: its charge (`payment.type` `charge`: the emulator has no
 * PaymentIntents). How a fee leads back to its invoice: fee.charge is the invoice payment's charge.
 */
function invoicePayment(world: Ctx['world'], invoice: Stripe.Invoice): Stripe.InvoicePayment | null {
  const charge = billing(world).invoiceCharge.get(invoice.id);
  if (!charge) return null;
  return {
    id: `inpay_${invoice.id.slice(3)}`,
    object: 'invoice_payment',
    amount_paid: invoice.amount_paid,
    amount_requested: invoice.amount_due,
    created: invoice.created,
    currency: invoice.currency,
    invoice: invoice.id,
    is_default: true,
    livemode: invoice.livemode,
    payment: { charge, type: 'charge' },
    status: 'paid',
    status_transitions: { canceled_at: null, paid_at: invoice.status_transitions.paid_at },
  };
}

/** An invoice as answered: `payments` is included only when asked for (`expand[]=payments`), as on Stripe. */
function renderInvoice(ctx: Ctx, invoice: Stripe.Invoice, expandParam: string[] | undefined): { obj: Stripe.Invoice; rest: string[] | undefined } {
  if (!expandParam?.includes('payments')) return { obj: invoice, rest: expandParam };
  const payment = invoicePayment(ctx.world, invoice);
  const obj = { ...invoice, payments: { object: 'list' as const, data: payment ? [payment] : [], has_more: false, url: `/v1/invoices/${invoice.id}/payments` } };
  return { obj, rest: expandParam.filter((e) => e !== 'payments') };
}

const usageRecordParams = hash({
  quantity: int({ min: 0 }),
  action: oneOf(['increment', 'set']).optional(),
  timestamp: nowOrTimestamp().optional(),
  expand: expand(),
});

/** A subscription item of the request's owner: [item, its subscription], or Stripe's 404. */
export function requireItem(ctx: Ctx, id: string): [Stripe.SubscriptionItem, Stripe.Subscription] {
  const b = billing(ctx.world);
  const subId = b.itemSubscription.get(id);
  const sub = subId ? b.subscriptions.get(subId) : undefined;
  const item = sub?.items.data.find((i) => i.id === id);
  if (!sub || !item || b.owners.get(sub.id) !== ownerOfCtx(ctx)) throw invalidRequest(`No such subscription item: '${id}'`, { code: 'resource_missing', param: 'id' }, 404);
  return [item, sub];
}

function legacyOnly(ctx: Ctx): void {
  if (atLeast(ctx.apiVersion, VERSION.legacyUsageBilling)) throw unrecognizedUrl(ctx.method, ctx.path);
}

/** Records usage on a metered item through the same rules as POST /v1/subscription_items/:id/usage_records (the demo seeder uses this too). */
export function createUsageRecord(ctx: Ctx, itemId: string, p: { quantity: number; action?: 'increment' | 'set'; timestamp?: number | 'now' }): UsageRecord {
  const [item, sub] = requireItem(ctx, itemId);
  const b = billing(ctx.world);
  if (item.price.recurring?.usage_type !== 'metered') {
    throw invalidRequest(`Usage records can only be created for subscription items with a metered price; the price of ${item.id} (${item.price.id}) has \`usage_type=licensed\`.`, { param: 'id' });
  }
  if (sub.status === 'canceled') throw invalidRequest(`Cannot create usage records for subscription item ${item.id}: its subscription ${sub.id} is canceled.`);
  const now = timeOf(ctx.world, sub.test_clock, ctx.now());
  const ts = p.timestamp === undefined || p.timestamp === 'now' ? now : p.timestamp;
  if (ts < item.current_period_start) {
    throw invalidRequest(
      `Cannot create the usage record with this timestamp because timestamps must be after the subscription's last invoice period (or current period start time).`,
      { param: 'timestamp' },
    );
  }
  if (ts > now + 300) throw invalidRequest('Cannot create the usage record with this timestamp because timestamps must not be in the future.', { param: 'timestamp' });
  const records = b.usage.get(item.id) ?? [];
  const same = records.find((r) => r.timestamp === ts);
  let record;
  if (same) {
    same.quantity = p.action === 'set' ? p.quantity : same.quantity + p.quantity;
    record = same;
  } else {
    record = { id: makeId('mbur', cryptoRandom), timestamp: ts, quantity: p.quantity };
    records.push(record);
  }
  b.usage.set(item.id, records);
  return { id: record.id, object: 'usage_record', livemode: ctx.mode === 'live', quantity: record.quantity, subscription_item: item.id, timestamp: ts };
}

/** The usage summaries of an item, newest period first: the total reported in each period, and the invoice that billed it. */
function usageSummaries(ctx: Ctx, itemId: string): (UsageRecordSummary & { created: number })[] {
  const [item] = requireItem(ctx, itemId);
  const b = billing(ctx.world);
  const records = b.usage.get(item.id) ?? [];
  return (b.itemPeriods.get(item.id) ?? [])
    .map((period, n) => ({
      id: `sis_${item.id.slice(3)}${String(n).padStart(4, '0')}`,
      object: 'usage_record_summary' as const,
      invoice: period.invoice,
      livemode: ctx.mode === 'live',
      period: { start: period.start, end: period.end },
      subscription_item: item.id,
      total_usage: records.filter((r) => r.timestamp >= period.start && r.timestamp < period.end).reduce((s, r) => s + r.quantity, 0),
      created: period.start,
    }))
    .reverse();
}

const publicSummary = ({ created: _created, ...s }: UsageRecordSummary & { created: number }): UsageRecordSummary => s;

const listItemParams = hash({ ...listParams, subscription: str() });

export const subscriptionRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/subscriptions',
    params: listSubscriptionParams,
    connect: true,
    handler: (ctx) => {
      const p = parseParams(listSubscriptionParams, ctx.params);
      const status = p.status ?? 'active-ish';
      const items = ownedNewestFirst(
        ctx,
        billing(ctx.world).subscriptions,
        (s) =>
          (p.customer === undefined || s.customer === p.customer) &&
          (p.test_clock === undefined || s.test_clock === p.test_clock) &&
          (p.price === undefined || s.items.data.some((i) => i.price.id === p.price)) &&
          (status === 'all' || (status === 'active-ish' ? s.status !== 'canceled' && s.status !== 'incomplete_expired' : status === 'ended' ? s.status === 'canceled' || s.status === 'incomplete_expired' : s.status === status)),
      );
      return listResponse(ctx, items, p, '/v1/subscriptions');
    },
  },
  {
    method: 'GET',
    pattern: '/v1/subscriptions/:subscription',
    params: EXPAND_ONLY,
    connect: true,
    handler: (ctx, { subscription }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, requireOwned(ctx, billing(ctx.world).subscriptions, 'subscription', subscription), p.expand);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/subscription_items',
    connect: true,
    params: listItemParams,
    handler: (ctx) => {
      const p = parseParams(listItemParams, ctx.params);
      const b = billing(ctx.world);
      const sub = b.subscriptions.get(p.subscription);
      if (!sub || b.owners.get(sub.id) !== ownerOfCtx(ctx)) throw invalidRequest(`No such subscription: '${p.subscription}'`, { param: 'subscription', code: 'resource_missing' });
      return listResponse(ctx, [...sub.items.data].reverse(), p, '/v1/subscription_items');
    },
  },
  {
    method: 'GET',
    pattern: '/v1/subscription_items/:item',
    params: EXPAND_ONLY,
    connect: true,
    handler: (ctx, { item }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, requireItem(ctx, item)[0], p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/subscription_items/:item/usage_records',
    params: usageRecordParams,
    object: 'usage_record',
    connect: true,
    handler: (ctx, { item }) => {
      legacyOnly(ctx);
      const p = parseParams(usageRecordParams, ctx.params);
      return expandObject(ctx, createUsageRecord(ctx, item, p), p.expand);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/subscription_items/:item/usage_record_summaries',
    connect: true,
    params: LIST_ONLY,
    handler: (ctx, { item }) => {
      legacyOnly(ctx);
      const p = parseParams(LIST_ONLY, ctx.params);
      return listResponse(ctx, usageSummaries(ctx, item), p, `/v1/subscription_items/${item}/usage_record_summaries`, publicSummary);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/invoices',
    params: listInvoiceParams,
    connect: true,
    handler: (ctx) => {
      const p = parseParams(listInvoiceParams, ctx.params);
      const items = ownedNewestFirst(
        ctx,
        billing(ctx.world).invoices,
        (i) =>
          (p.customer === undefined || i.customer === p.customer) &&
          (p.subscription === undefined || i.parent?.subscription_details?.subscription === p.subscription) &&
          (p.status === undefined || i.status === p.status) &&
          (p.collection_method === undefined || i.collection_method === p.collection_method),
      );
      return listResponse(ctx, items, p, '/v1/invoices');
    },
  },
  {
    method: 'GET',
    pattern: '/v1/invoices/:invoice',
    params: EXPAND_ONLY,
    connect: true,
    handler: (ctx, { invoice }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      const { obj, rest } = renderInvoice(ctx, requireOwned(ctx, billing(ctx.world).invoices, 'invoice', invoice), p.expand);
      return expandObject(ctx, obj, rest);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/invoice_payments',
    params: listInvoicePaymentParams,
    connect: true,
    handler: (ctx) => {
      const p = parseParams(listInvoicePaymentParams, ctx.params);
      if (p.payment && p.payment.type !== 'charge') return listResponse(ctx, [], p, '/v1/invoice_payments');
      const items = ownedNewestFirst(ctx, billing(ctx.world).invoices, (i) => p.invoice === undefined || i.id === p.invoice)
        .map((i) => invoicePayment(ctx.world, i))
        .filter((x): x is Stripe.InvoicePayment => x !== null && (p.status === undefined || x.status === p.status));
      return listResponse(ctx, items, p, '/v1/invoice_payments');
    },
  },
  {
    method: 'GET',
    pattern: '/v1/invoice_payments/:payment',
    params: EXPAND_ONLY,
    connect: true,
    handler: (ctx, { payment }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      const b = billing(ctx.world);
      const invoice = b.invoices.get(`in_${payment.replace(/^inpay_/, '')}`);
      const found = payment.startsWith('inpay_') && invoice && b.owners.get(invoice.id) === ownerOfCtx(ctx) ? invoicePayment(ctx.world, invoice) : null;
      if (!found) throw invalidRequest(`No such invoice payment: '${payment}'`, { code: 'resource_missing', param: 'id' }, 404);
      return expandObject(ctx, found, p.expand);
    },
  },
];
