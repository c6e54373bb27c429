// Payout reversals through the SDK (POST /v1/payouts/:id/reverse with Stripe-Account): a paid
// payout to a US or Canadian bank account is reversed by a payout of the opposite sign, linked both
// ways, its credit posted and available when it arrives, with Stripe's events; and every refusal
// (pending, not yet paid, already reversed, a reversal itself, the platform's own, a bank outside
// the US and Canada, a debit card, 90 days after arrival).
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { createEnabled, emulatorForFile, expectBalancesEqualTransactions, expectErrorShape, expectStripeError, FIXED_NOW, STRIPE_FIXTURES } from './harness';

const DAY = 86400;
const h = emulatorForFile();
const as = (account: string) => ({ stripeAccount: account });
const CURRENCY = { US: 'usd', CA: 'cad', GB: 'gbp' } as const;

async function advance(seconds: number) {
  h.clock += seconds;
  await h.stripe.balance.retrieve();
}

const available = async (account: string, currency = 'usd') => (await h.stripe.balance.retrieve({}, as(account))).available.find((b) => b.currency === currency)?.amount ?? 0;

/** An enabled account on a manual schedule holding `amount` available. */
async function funded(country: keyof typeof CURRENCY = 'US', amount = 10_000) {
  const currency = CURRENCY[country];
  const acct = await createEnabled(h.stripe, country, 'individual', FIXED_NOW);
  await h.stripe.accounts.update(acct.id, { settings: { payouts: { schedule: { interval: 'manual' } } } });
  // Grossed up generously for Stripe's fee in any of these currencies.
  await h.stripe.charges.create({ amount: Math.ceil(amount * 1.1) + 100, currency, source: 'tok_bypassPending' });
  await h.stripe.transfers.create({ amount, currency, destination: acct.id });
  return acct;
}

/** A payout of `amount` made now and moved to its arrival date, paid (made on FIXED_NOW, a Monday, it arrives on Wednesday). */
async function paidPayout(account: string, amount = 4000, currency = 'usd') {
  const po = await h.stripe.payouts.create({ amount, currency }, as(account));
  await advance(po.arrival_date - h.clock);
  expect((await h.stripe.payouts.retrieve(po.id, {}, as(account))).status).toBe('paid');
  return po;
}

describe('reverse', () => {
  it('reverses a paid payout: a payout of the opposite sign, linked both ways, with its metadata and Stripe’s fields', async () => {
    const acct = await funded();
    const po = await paidPayout(acct.id);
    expect(await available(acct.id)).toBe(6000);
    const rev = await h.stripe.payouts.reverse(po.id, { metadata: { reason: 'sent twice' } }, as(acct.id));
    for (const key of Object.keys(STRIPE_FIXTURES.payout)) expect(rev, key).toHaveProperty(key);
    expect(rev).toMatchObject({
      object: 'payout', amount: -4000, currency: 'usd', status: 'pending', automatic: false, method: 'standard', type: 'bank_account',
      destination: po.destination, original_payout: po.id, reversed_by: null, metadata: { reason: 'sent twice' }, reconciliation_status: 'not_applicable',
      created: FIXED_NOW + 2 * DAY, arrival_date: FIXED_NOW + 4 * DAY, failure_code: null,
    });
    expect(rev.id).not.toBe(po.id);
    expect(await h.stripe.payouts.retrieve(po.id, { expand: ['reversed_by'] }, as(acct.id))).toMatchObject({ status: 'paid', reversed_by: { id: rev.id, original_payout: po.id } });
    const bt = await h.stripe.balanceTransactions.retrieve(rev.balance_transaction as string, {}, as(acct.id));
    expect(bt).toMatchObject({ type: 'payout', amount: 4000, net: 4000, reporting_category: 'payout_reversal', status: 'pending', available_on: rev.arrival_date, source: rev.id });
    expect(await available(acct.id)).toBe(6000);
    await expectBalancesEqualTransactions(h.stripe, [acct.id]);
  });

  it('raises payout.updated for the original, then payout.created, payout.updated and payout.paid for the reversal; the money is back when it arrives', async () => {
    const acct = await funded();
    const po = await paidPayout(acct.id);
    const before = (await h.stripe.events.list({ type: 'payout.*' }, as(acct.id))).data.length;
    const rev = await h.stripe.payouts.reverse(po.id, {}, as(acct.id));
    await advance(DAY);
    expect((await h.stripe.payouts.retrieve(rev.id, {}, as(acct.id))).status).toBe('in_transit');
    await advance(DAY);
    expect((await h.stripe.payouts.retrieve(rev.id, {}, as(acct.id))).status).toBe('paid');
    expect(await available(acct.id)).toBe(10_000);
    const evts = (await h.stripe.events.list({ type: 'payout.*', limit: 100 }, as(acct.id))).data.slice(0, -before).reverse();
    expect(evts.map((e) => [e.type, (e.data.object as Stripe.Payout).id])).toEqual([
      ['payout.updated', po.id],
      ['payout.created', rev.id],
      ['payout.updated', rev.id],
      ['payout.paid', rev.id],
    ]);
    expect(evts[0].data.previous_attributes).toEqual({ reversed_by: null });
    expect(evts.every((e) => e.account === acct.id)).toBe(true);
    expect((await h.stripe.payouts.list({ limit: 10 }, as(acct.id))).data.map((p) => p.amount)).toEqual([-4000, 4000]);
    await expectBalancesEqualTransactions(h.stripe, [acct.id]);
  });

  it('reverses a payout to a Canadian bank account', async () => {
    const acct = await funded('CA');
    const po = await paidPayout(acct.id, 2000, 'cad');
    expect(await h.stripe.payouts.reverse(po.id, {}, as(acct.id))).toMatchObject({ amount: -2000, currency: 'cad', original_payout: po.id });
  });
});

describe('refused', () => {
  it('refuses a pending payout (cancel it instead), one in transit, one reversed already, and a reversal', async () => {
    const acct = await funded();
    const pending = await h.stripe.payouts.create({ amount: 1000, currency: 'usd' }, as(acct.id));
    await expectStripeError(h.stripe.payouts.reverse(pending.id, {}, as(acct.id)), { status: 400, type: 'invalid_request_error', message: /use \/v1\/payouts\/:id\/cancel instead/ });
    await advance(DAY);
    await expectStripeError(h.stripe.payouts.reverse(pending.id, {}, as(acct.id)), { status: 400, message: /status 'in_transit': only paid payouts/ });
    await advance(DAY);
    const rev = await h.stripe.payouts.reverse(pending.id, {}, as(acct.id));
    await expectStripeError(h.stripe.payouts.reverse(pending.id, {}, as(acct.id)), { status: 400, message: `Payout ${pending.id} has already been reversed by ${rev.id}.` });
    await expectStripeError(h.stripe.payouts.reverse(rev.id, {}, as(acct.id)), { status: 400, message: /is itself a payout reversal/ });
    await expectStripeError(h.stripe.payouts.cancel(rev.id, {}, as(acct.id)), { status: 400, message: /cannot be canceled/ });
    expect((await h.stripe.payouts.list({}, as(acct.id))).data).toHaveLength(2);
  });

  it('refuses the platform’s own payout, a bank outside the US and Canada, an instant payout to a debit card, and 90 days after arrival', async () => {
    await h.stripe.charges.create({ amount: 10_000, currency: 'usd', source: 'tok_bypassPending' });
    const own = await h.stripe.payouts.create({ amount: 1000, currency: 'usd' });
    await advance(2 * DAY);
    await expectStripeError(h.stripe.payouts.reverse(own.id), { status: 400, message: /only payouts of connected accounts/ });

    const gb = await funded('GB');
    const gbp = await paidPayout(gb.id, 1000, 'gbp');
    await expectStripeError(h.stripe.payouts.reverse(gbp.id, {}, as(gb.id)), { status: 400, message: /only payouts to US and Canadian bank accounts/ });

    const acct = await funded();
    const card = await h.stripe.accounts.createExternalAccount(acct.id, { external_account: 'tok_visa_debit' });
    const instant = await h.stripe.payouts.create({ amount: 1000, currency: 'usd', method: 'instant', destination: card.id }, as(acct.id));
    await advance(1);
    await expectStripeError(h.stripe.payouts.reverse(instant.id, {}, as(acct.id)), { status: 400, message: /debit card or was an Instant Payout/ });

    const young = await h.stripe.payouts.create({ amount: 1000, currency: 'usd' }, as(acct.id));
    const old = await paidPayout(acct.id, 1000);
    expect(young.arrival_date).toBe(old.arrival_date);
    await advance(old.arrival_date + 90 * DAY - 1 - h.clock);
    expect(await h.stripe.payouts.reverse(young.id, {}, as(acct.id))).toMatchObject({ original_payout: young.id });
    await advance(1);
    await expectStripeError(h.stripe.payouts.reverse(old.id, {}, as(acct.id)), { status: 400, message: /90 days ago or more/ });
    await expectBalancesEqualTransactions(h.stripe, [acct.id, gb.id]);
  });

  it('answers an unknown or another account’s payout with Stripe’s 404, and refuses unknown parameters', async () => {
    const acct = await funded();
    const po = await paidPayout(acct.id, 1000);
    const other = await funded();
    await expectStripeError(h.stripe.payouts.reverse(po.id, {}, as(other.id)), { status: 404, code: 'resource_missing' });
    await expectStripeError(h.stripe.payouts.reverse('po_nope', {}, as(acct.id)), { status: 404, code: 'resource_missing' });
    expectErrorShape(await h.raw('POST', `/v1/payouts/${po.id}/reverse`, { body: 'amount=100', headers: { 'Stripe-Account': acct.id } }), 400, { code: 'parameter_unknown', param: 'amount' });
    expect((await h.stripe.payouts.retrieve(po.id, {}, as(acct.id))).reversed_by).toBeNull();
  });
});
