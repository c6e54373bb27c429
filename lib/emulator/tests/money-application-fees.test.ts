// Application fees (list with charge and created filters, retrieve) and their refunds (create in
// full or in part, never beyond what is left; retrieve, update, list; the deprecated /refund),
// with both balances moving.
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { collect, createEnabled, expectErrorShape, expectStripeError, FIXED_NOW, STRIPE_FIXTURES, emulatorForFile } from './harness';

const FIXTURES = STRIPE_FIXTURES;

const h = emulatorForFile();

const as = (account: string) => ({ stripeAccount: account });
const usd = (side: Stripe.Balance.Available[]) => side.find((x) => x.currency === 'usd')?.amount ?? 0;
const available = async (account?: string) => usd((await h.stripe.balance.retrieve({}, account ? as(account) : {})).available);

async function destinationCharge(fee: number, amount = 10000) {
  const acct = await createEnabled(h.stripe, 'US', 'individual', FIXED_NOW);
  const ch = await h.stripe.charges.create({ amount, currency: 'usd', source: 'tok_bypassPending', application_fee_amount: fee, transfer_data: { destination: acct.id } });
  return { acct, ch, feeId: ch.application_fee as string };
}

describe('application fees', () => {
  it('retrieves a fee with every field of Stripe’s sample, and expands what it names', async () => {
    const { acct, ch, feeId } = await destinationCharge(500);
    const fee = await h.stripe.applicationFees.retrieve(feeId, { expand: ['account', 'originating_transaction', 'balance_transaction', 'application'] });
    for (const key of Object.keys(FIXTURES.application_fee)) expect(fee, key).toHaveProperty(key);
    expect((fee.account as Stripe.Account).id).toBe(acct.id);
    expect((fee.originating_transaction as Stripe.Charge).id).toBe(ch.id);
    expect((fee.balance_transaction as Stripe.BalanceTransaction).type).toBe('application_fee');
    expect(fee.application).toMatchObject({ object: 'application', id: 'ca_EmulatorPlatformApplicatn' });
    await expectStripeError(h.stripe.applicationFees.retrieve('fee_nope'), { status: 404, code: 'resource_missing', message: "No such application fee: 'fee_nope'" });
  });

  it('lists newest first, by charge (the fee’s charge or its originating charge) and created', async () => {
    const one = await destinationCharge(100);
    h.clock += 100;
    const two = await destinationCharge(200);
    expect((await h.stripe.applicationFees.list()).data.map((f) => f.id)).toEqual([two.feeId, one.feeId]);
    expect((await h.stripe.applicationFees.list({ charge: one.ch.id })).data.map((f) => f.id)).toEqual([one.feeId]);
    const payment = (await h.stripe.applicationFees.retrieve(two.feeId)).charge as string;
    expect((await h.stripe.applicationFees.list({ charge: payment })).data.map((f) => f.id)).toEqual([two.feeId]);
    expect((await h.stripe.applicationFees.list({ created: { gt: FIXED_NOW } })).data.map((f) => f.id)).toEqual([two.feeId]);
    expect((await collect(h.stripe.applicationFees.list({ limit: 1 }))).map((f) => f.id)).toEqual([two.feeId, one.feeId]);
    expectErrorShape(await h.raw('GET', '/v1/application_fees', { body: 'account=acct_1' }), 400, { code: 'parameter_unknown', param: 'account' });
    await expectStripeError(h.stripe.applicationFees.list({}, as(one.acct.id)), { status: 400, param: 'Stripe-Account' });
  });
});

describe('fee refunds', () => {
  it('refunds in part, then the rest by default, moving the platform’s and the account’s balances', async () => {
    const { acct, feeId } = await destinationCharge(1000);
    const platform0 = await available();
    const account0 = await available(acct.id);
    const r1 = await h.stripe.applicationFees.createRefund(feeId, { amount: 400, metadata: { why: 'goodwill' } });
    for (const key of Object.keys(FIXTURES.fee_refund)) expect(r1, key).toHaveProperty(key);
    expect(r1).toMatchObject({ object: 'fee_refund', amount: 400, currency: 'usd', fee: feeId, metadata: { why: 'goodwill' } });
    expect(r1.id).toMatch(/^fr_/);
    expect(await h.stripe.applicationFees.retrieve(feeId)).toMatchObject({ amount_refunded: 400, refunded: false });
    expect(await available()).toBe(platform0 - 400);
    expect(await available(acct.id)).toBe(account0 + 400);
    expect(await h.stripe.balanceTransactions.retrieve(r1.balance_transaction as string)).toMatchObject({ type: 'application_fee_refund', amount: -400, source: r1.id, reporting_category: 'platform_earning_refund' });
    expect((await h.stripe.balanceTransactions.list({ type: 'application_fee_refund' }, as(acct.id))).data.map((b) => [b.amount, b.source])).toEqual([[400, r1.id]]);

    await expectStripeError(h.stripe.applicationFees.createRefund(feeId, { amount: 601 }), { status: 400, param: 'amount' });
    const r2 = await h.stripe.applicationFees.createRefund(feeId);
    expect(r2.amount).toBe(600);
    const fee = await h.stripe.applicationFees.retrieve(feeId);
    expect(fee).toMatchObject({ amount_refunded: 1000, refunded: true });
    expect(fee.refunds.data.map((r) => r.id)).toEqual([r2.id, r1.id]);
    await expectStripeError(h.stripe.applicationFees.createRefund(feeId, { amount: 1 }), { status: 400, message: /already been refunded/ });
    expect(await available(acct.id)).toBe(account0 + 1000);
  });

  it('refunds a direct charge’s fee to the account it was taken from', async () => {
    const acct = await createEnabled(h.stripe, 'US', 'individual', FIXED_NOW);
    const ch = await h.stripe.charges.create({ amount: 5000, currency: 'usd', source: 'tok_bypassPending', application_fee_amount: 250 }, as(acct.id));
    const before = await available(acct.id);
    await h.stripe.applicationFees.createRefund(ch.application_fee as string);
    expect(await available(acct.id)).toBe(before + 250);
    expect(await available()).toBe(0);
  });

  it('retrieves, updates and lists refunds; answers 404s and refuses unknown parameters', async () => {
    const { feeId } = await destinationCharge(1200);
    const other = await destinationCharge(100);
    const made: string[] = [];
    for (let i = 0; i < 12; i++) {
      h.clock += 1;
      made.push((await h.stripe.applicationFees.createRefund(feeId, { amount: 100 })).id);
    }
    const fee = await h.stripe.applicationFees.retrieve(feeId);
    expect(fee.refunds.data.map((r) => r.id)).toEqual(made.slice(2).reverse());
    expect(fee.refunds.has_more).toBe(true);
    expect((await collect(h.stripe.applicationFees.listRefunds(feeId, { limit: 4 }))).map((r) => r.id)).toEqual([...made].reverse());
    const one = await h.stripe.applicationFees.retrieveRefund(feeId, made[0], { expand: ['fee'] });
    expect((one.fee as Stripe.ApplicationFee).id).toBe(feeId);
    expect((await h.stripe.applicationFees.updateRefund(feeId, made[0], { metadata: { k: 'v' } })).metadata).toEqual({ k: 'v' });
    expect((await h.stripe.applicationFees.retrieveRefund(feeId, made[0])).metadata).toEqual({ k: 'v' });
    await expectStripeError(h.stripe.applicationFees.retrieveRefund(other.feeId, made[0]), { status: 404, code: 'resource_missing' });
    await expectStripeError(h.stripe.applicationFees.createRefund('fee_nope'), { status: 404, code: 'resource_missing', message: "No such application fee: 'fee_nope'" });
    await expectStripeError(h.stripe.applicationFees.listRefunds('fee_nope'), { status: 404, code: 'resource_missing' });
    expectErrorShape(await h.raw('POST', `/v1/application_fees/${other.feeId}/refunds`, { body: 'reason=x' }), 400, { code: 'parameter_unknown', param: 'reason' });
    expectErrorShape(await h.raw('POST', `/v1/application_fees/${other.feeId}/refunds`, { body: 'amount=0' }), 400, { param: 'amount' });
    expectErrorShape(await h.raw('POST', `/v1/application_fees/${feeId}/refunds/${made[0]}`, { body: 'amount=5' }), 400, { code: 'parameter_unknown', param: 'amount' });
    expect((await h.stripe.applicationFees.retrieve(other.feeId)).amount_refunded).toBe(0);
  });

  it('answers the deprecated POST /v1/application_fees/:id/refund with the fee', async () => {
    const { feeId } = await destinationCharge(300);
    const res = await h.raw('POST', `/v1/application_fees/${feeId}/refund`, { body: 'amount=100' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ object: 'application_fee', id: feeId, amount_refunded: 100 });
    expect(res.json.refunds.data).toHaveLength(1);
  });
});
