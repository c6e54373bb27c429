// Usage records (legacy usage-based billing) on metered subscription items: created with
// `increment` or `set`, at a timestamp in the current period or `now`, idempotently; summarized per
// billing period; billed at the period's end (on the invoice, and the phase's fee follows). They
// exist only before 2025-03-31.basil: at later versions (the pinned one) both routes answer
// Stripe's 404 for an unknown URL. The stripe package has no methods for them any more, so the
// tests send them with `rawRequest` and a per-request API version.
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { createEnabled, expectStripeError, FIXED_NOW, emulatorForFile } from './harness';

const h = emulatorForFile();
const DAY = 86400;
const OLD = '2024-06-20';

interface UsageRecord {
  id: string;
  object: 'usage_record';
  livemode: boolean;
  quantity: number;
  subscription_item: string;
  timestamp: number;
}

const record = (item: string, params: Record<string, unknown>, opts: Stripe.RawRequestOptions = {}) =>
  h.stripe.rawRequest('POST', `/v1/subscription_items/${item}/usage_records`, params, { apiVersion: OLD, ...opts }) as Promise<UsageRecord>;
const summaries = (item: string, opts: Stripe.RawRequestOptions = {}) =>
  h.stripe.rawRequest('GET', `/v1/subscription_items/${item}/usage_record_summaries`, {}, { apiVersion: OLD, ...opts }) as Promise<{ data: { invoice: string | null; total_usage: number; period: { start: number; end: number } }[] }>;

/** A connected account's schedule with a licensed and a metered item, made at an old version. */
async function meteredSchedule() {
  const acct = await createEnabled(h.stripe, 'US', 'individual', FIXED_NOW);
  const as = { stripeAccount: acct.id, apiVersion: OLD };
  const customer = await h.stripe.customers.create({}, as);
  const base = await h.stripe.prices.create({ product_data: { name: 'Base' }, currency: 'usd', unit_amount: 1000, recurring: { interval: 'month' } }, as);
  const calls = await h.stripe.prices.create({ product_data: { name: 'API calls' }, currency: 'usd', unit_amount: 2, recurring: { interval: 'month', usage_type: 'metered' } }, as);
  const s = await h.stripe.subscriptionSchedules.create(
    { customer: customer.id, phases: [{ items: [{ price: base.id, quantity: 1 }, { price: calls.id }], iterations: 2, application_fee_percent: 10 }], end_behavior: 'cancel' } as unknown as Stripe.SubscriptionScheduleCreateParams,
    as,
  );
  const sub = await h.stripe.subscriptions.retrieve(s.subscription as string, {}, as);
  const metered = sub.items.data.find((i) => i.price.id === calls.id)!;
  const licensed = sub.items.data.find((i) => i.price.id === base.id)!;
  return { acct, as, s, sub, metered, licensed };
}

describe('usage records', () => {
  it('records usage (increment, set, now), summarizes it, and bills it at the period’s end with the fee', async () => {
    const { acct, as, s, sub, metered } = await meteredSchedule();
    expect(metered.quantity).toBeUndefined();
    const opts = { stripeAccount: acct.id };
    h.clock += 2 * DAY;
    const first = await record(metered.id, { quantity: 100, timestamp: FIXED_NOW + DAY }, opts);
    expect(first).toMatchObject({ object: 'usage_record', quantity: 100, subscription_item: metered.id, timestamp: FIXED_NOW + DAY, livemode: false });
    expect(first.id).toMatch(/^mbur_/);
    expect((await record(metered.id, { quantity: 50, timestamp: FIXED_NOW + DAY }, opts)).quantity).toBe(150);
    expect((await record(metered.id, { quantity: 20, timestamp: FIXED_NOW + DAY, action: 'set' }, opts)).quantity).toBe(20);
    expect((await record(metered.id, { quantity: 80, timestamp: 'now' }, opts)).timestamp).toBe(FIXED_NOW + 2 * DAY);
    // The same key replays; another quantity under it is refused.
    const once = await record(metered.id, { quantity: 5 }, { ...opts, idempotencyKey: 'usage-1' });
    expect((await record(metered.id, { quantity: 5 }, { ...opts, idempotencyKey: 'usage-1' })).id).toBe(once.id);
    await expectStripeError(record(metered.id, { quantity: 6 }, { ...opts, idempotencyKey: 'usage-1' }), { status: 400, type: 'idempotency_error' });
    const current = await summaries(metered.id, opts);
    expect(current.data[0]).toMatchObject({ total_usage: 105, invoice: null });
    // The seed's sample summary's fields.
    expect(Object.keys(current.data[0]).sort()).toEqual(['id', 'invoice', 'livemode', 'object', 'period', 'subscription_item', 'total_usage']);
    expect(Object.keys(first).sort()).toEqual(['id', 'livemode', 'object', 'quantity', 'subscription_item', 'timestamp']);

    // The period ends: 105 calls at 0.02 join the next period's base fee on one invoice.
    const periodEnd = metered.current_period_end;
    h.clock = periodEnd;
    const invoices = await h.stripe.invoices.list({ subscription: sub.id }, as);
    expect(invoices.data.map((i) => i.total)).toEqual([1000 + 210, 1000]);
    const latest = invoices.data[0];
    expect(latest.lines.data.map((l) => [l.quantity, l.amount]).sort()).toEqual([[1, 1000], [105, 210]].sort());
    expect((await h.stripe.applicationFees.list()).data.map((f) => f.amount)).toEqual([121, 100]);
    const after = await summaries(metered.id, opts);
    expect(after.data.map((x) => [x.total_usage, x.invoice])).toEqual([[0, null], [105, latest.id]]);
    // Past the period's start a timestamp is refused.
    await expectStripeError(record(metered.id, { quantity: 1, timestamp: FIXED_NOW + DAY }, opts), { status: 400, param: 'timestamp' });
    // The schedule's last period ends: its usage goes on the final invoice.
    await record(metered.id, { quantity: 10 }, opts);
    h.clock = s.phases[0].end_date;
    expect((await h.stripe.invoices.list({ subscription: sub.id }, as)).data[0].total).toBe(20);
  });

  it('refuses usage on a licensed item, and unknown or missing parameters', async () => {
    const { acct, licensed, metered } = await meteredSchedule();
    const opts = { stripeAccount: acct.id };
    await expectStripeError(record(licensed.id, { quantity: 1 }, opts), { status: 400, message: /metered price/ });
    await expectStripeError(record(metered.id, { quantity: 1, nope: 1 }, opts), { status: 400, code: 'parameter_unknown', param: 'nope' });
    await expectStripeError(record(metered.id, {}, opts), { status: 400, code: 'parameter_missing', param: 'quantity' });
    await expectStripeError(record(metered.id, { quantity: 1, action: 'add' }, opts), { status: 400, param: 'action' });
    await expectStripeError(record('si_nope', { quantity: 1 }, opts), { status: 404, code: 'resource_missing' });
    // Another account's item is unknown here.
    await expectStripeError(record(metered.id, { quantity: 1 }), { status: 404, code: 'resource_missing' });
  });

  it('answers at the pinned version as Stripe does for a removed route: 404 Unrecognized request URL', async () => {
    const { acct, metered } = await meteredSchedule();
    const pinned = h.client();
    const post = await h.raw('POST', `/v1/subscription_items/${metered.id}/usage_records`, { body: 'quantity=1', headers: { 'Stripe-Account': acct.id, 'Stripe-Version': '2026-10-28.endive' } });
    expect(post.status).toBe(404);
    expect(post.json.error.message).toBe(`Unrecognized request URL (POST: /v1/subscription_items/${metered.id}/usage_records). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`);
    await expectStripeError(pinned.rawRequest('GET', `/v1/subscription_items/${metered.id}/usage_record_summaries`, {}, { stripeAccount: acct.id }), { status: 404, message: /Unrecognized request URL \(GET: / });
    // The version that removed them is the first to refuse.
    await expectStripeError(record(metered.id, { quantity: 1 }, { stripeAccount: acct.id, apiVersion: '2025-03-31.basil' }), { status: 404, message: /Unrecognized request URL/ });
    expect((await record(metered.id, { quantity: 1 }, { stripeAccount: acct.id, apiVersion: '2025-02-24.acacia' })).quantity).toBe(1);
    // And a schedule cannot take a legacy metered price at the pinned version.
    const sub = await h.stripe.subscriptionItems.retrieve(metered.id, {}, { stripeAccount: acct.id });
    const customer = await h.stripe.customers.create({}, { stripeAccount: acct.id });
    await expectStripeError(
      h.stripe.subscriptionSchedules.create({ customer: customer.id, phases: [{ items: [{ price: sub.price.id }] }] }, { stripeAccount: acct.id }),
      { status: 400, param: 'phases[0][items][0][price]', message: /legacy usage-based billing/ },
    );
  });
});
