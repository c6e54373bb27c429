// Charges: platform, destination and direct charges, the balance transactions and objects each
// one makes on both sides, test tokens (declines, bypassPending, Radar), capture, lists, expand,
// idempotency and Stripe's errors.
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { collect, createCustom, createEnabled, expectErrorShape, expectStripeError, FIXED_NOW, LIVE_KEY, STRIPE_FIXTURES, stripeError, emulatorForFile } from './harness';

const FIXTURES = STRIPE_FIXTURES;
const DAY = 86400;

const h = emulatorForFile();

const enabled = () => createEnabled(h.stripe, 'US', 'individual', FIXED_NOW);
const as = (account: string) => ({ stripeAccount: account });
const txn = (id: unknown, account?: string) => h.stripe.balanceTransactions.retrieve(id as string, {}, account ? as(account) : {});
const balanceOf = async (account?: string) => {
  const b = await h.stripe.balance.retrieve({}, account ? as(account) : {});
  const pick = (side: Stripe.Balance.Available[]) => side.find((x) => x.currency === 'usd')?.amount ?? 0;
  return { available: pick(b.available), pending: pick(b.pending) };
};

describe('platform charges', () => {
  it('answers a charge with every field of Stripe’s sample and a pending balance transaction', async () => {
    const ch = await h.stripe.charges.create({ amount: 2000, currency: 'USD', source: 'tok_visa', description: 'Order 42', metadata: { order: '42' }, statement_descriptor_suffix: 'order 42' });
    expect(ch.id).toMatch(/^ch_/);
    for (const key of Object.keys(FIXTURES.charge)) expect(ch, key).toHaveProperty(key);
    expect(ch).toMatchObject({
      object: 'charge',
      amount: 2000,
      amount_captured: 2000,
      currency: 'usd',
      captured: true,
      paid: true,
      status: 'succeeded',
      description: 'Order 42',
      metadata: { order: '42' },
      statement_descriptor_suffix: 'order 42',
      calculated_statement_descriptor: 'CONNECT CO* ORDER 42',
      transfer_data: null,
      application_fee: null,
      outcome: { type: 'authorized', network_status: 'approved_by_network', risk_level: 'normal' },
      payment_method_details: { type: 'card', card: { brand: 'visa', last4: '4242' } },
      source: { object: 'card', last4: '4242', brand: 'Visa' },
    });
    const bt = await txn(ch.balance_transaction);
    for (const key of Object.keys(FIXTURES.balance_transaction)) expect(bt, key).toHaveProperty(key);
    // 2.9% + 30¢ = 88¢, available two days later.
    expect(bt).toMatchObject({ type: 'charge', amount: 2000, fee: 88, net: 1912, source: ch.id, status: 'pending', available_on: FIXED_NOW + 2 * DAY, reporting_category: 'charge' });
    expect(bt.fee_details).toEqual([{ amount: 88, application: null, currency: 'usd', description: 'Stripe processing fees', type: 'stripe_fee' }]);
    expect(await balanceOf()).toEqual({ available: 0, pending: 1912 });
    h.clock = FIXED_NOW + 2 * DAY;
    expect(await balanceOf()).toEqual({ available: 1912, pending: 0 });
    expect((await txn(ch.balance_transaction)).status).toBe('available');
  });

  it('makes tok_bypassPending funds available at once', async () => {
    const ch = await h.stripe.charges.create({ amount: 10000, currency: 'usd', source: 'tok_bypassPending' });
    expect((await txn(ch.balance_transaction)).available_on).toBe(FIXED_NOW);
    expect(await balanceOf()).toEqual({ available: 9680, pending: 0 });
  });

  it('declines tok_chargeDeclined with a 402 naming the failed charge, which moved nothing', async () => {
    const e = await expectStripeError(h.stripe.charges.create({ amount: 2000, currency: 'usd', source: 'tok_chargeDeclined' }), { status: 402, type: 'card_error', code: 'card_declined' });
    expect(e.decline_code).toBe('generic_decline');
    const chargeId = (e.raw as { charge?: string }).charge;
    expect(chargeId).toMatch(/^ch_/);
    const failed = await h.stripe.charges.retrieve(chargeId!);
    expect(failed).toMatchObject({ status: 'failed', paid: false, captured: false, balance_transaction: null, failure_code: 'card_declined', outcome: { type: 'issuer_declined' } });
    expect((await h.stripe.balanceTransactions.list()).data).toHaveLength(0);
    const insufficient = await stripeError(h.stripe.charges.create({ amount: 2000, currency: 'usd', source: 'tok_chargeDeclinedInsufficientFunds' }));
    expect(insufficient.decline_code).toBe('insufficient_funds');
    const fraud = await stripeError(h.stripe.charges.create({ amount: 2000, currency: 'usd', source: 'tok_chargeDeclinedFraudulent' }));
    expect(fraud).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'fraudulent' });
  });

  it('refuses bad parameters as Stripe does', async () => {
    expectErrorShape(await h.raw('POST', '/v1/charges', { body: 'amount=100&currency=usd&source=tok_visa&tip=1' }), 400, { code: 'parameter_unknown', param: 'tip' });
    expectErrorShape(await h.raw('POST', '/v1/charges', { body: 'amount=100&currency=usd&source=tok_visa&transfer_data[destination]=acct_1&transfer_data[dest]=x' }), 400, { code: 'parameter_unknown', param: 'transfer_data[dest]' });
    await expectStripeError(h.stripe.charges.create({ currency: 'usd', source: 'tok_visa' }), { status: 400, code: 'parameter_missing', param: 'amount' });
    await expectStripeError(h.stripe.charges.create({ amount: 100, source: 'tok_visa' }), { status: 400, code: 'parameter_missing', param: 'currency' });
    await expectStripeError(h.stripe.charges.create({ amount: 100, currency: 'usd' }), { status: 400, code: 'parameter_missing', param: 'source' });
    await expectStripeError(h.stripe.charges.create({ amount: 49, currency: 'usd', source: 'tok_visa' }), { status: 400, code: 'amount_too_small', param: 'amount', message: 'Amount must be at least $0.50 usd' });
    await expectStripeError(h.stripe.charges.create({ amount: 100_000_000, currency: 'usd', source: 'tok_visa' }), { status: 400, code: 'amount_too_large', param: 'amount' });
    expectErrorShape(await h.raw('POST', '/v1/charges', { body: 'amount=12.5&currency=usd&source=tok_visa' }), 400, { code: 'parameter_invalid_integer', param: 'amount' });
    await expectStripeError(h.stripe.charges.create({ amount: 100, currency: 'xyz', source: 'tok_visa' }), { status: 400, param: 'currency', message: /Invalid currency: xyz/ });
    await expectStripeError(h.stripe.charges.create({ amount: 100, currency: 'usd', source: 'tok_nope' }), { status: 400, code: 'resource_missing', param: 'source' });
    await expectStripeError(h.stripe.charges.create({ amount: 100, currency: 'usd', source: 'tok_visa', application_fee_amount: 10 }), { status: 400, param: 'application_fee_amount' });
    await expectStripeError(h.stripe.charges.create({ amount: 100, currency: 'usd', source: 'tok_visa', customer: 'cus_nope' }), { status: 400, code: 'resource_missing', param: 'customer' });
    await expectStripeError(h.stripe.charges.create({ amount: 100, currency: 'usd', source: 'tok_visa', statement_descriptor_suffix: 'x'.repeat(23) }), { status: 400, param: 'statement_descriptor_suffix' });
    expect((await h.stripe.charges.list()).data).toHaveLength(0);
  });

  it('answers 404 for an unknown charge and keeps test and live apart', async () => {
    await expectStripeError(h.stripe.charges.retrieve('ch_nope'), { status: 404, code: 'resource_missing', message: "No such charge: 'ch_nope'" });
    const ch = await h.stripe.charges.create({ amount: 500, currency: 'usd', source: 'tok_visa' });
    await expectStripeError(h.client(LIVE_KEY).charges.retrieve(ch.id), { status: 404, code: 'resource_missing' });
    await expectStripeError(h.client(LIVE_KEY).charges.create({ amount: 500, currency: 'usd', source: 'tok_visa' }), { status: 402, type: 'card_error', code: 'card_declined' });
  });

  it('replays an idempotent create without charging twice', async () => {
    const opts = { idempotencyKey: 'charge-once' };
    const a = await h.stripe.charges.create({ amount: 700, currency: 'usd', source: 'tok_visa' }, opts);
    const b = await h.stripe.charges.create({ amount: 700, currency: 'usd', source: 'tok_visa' }, opts);
    expect(b.id).toBe(a.id);
    expect(b.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect((await h.stripe.charges.list()).data).toHaveLength(1);
    expect((await h.stripe.balanceTransactions.list()).data).toHaveLength(1);
  });

  it('lists newest first with created and transfer_group filters, and expands', async () => {
    const first = await h.stripe.charges.create({ amount: 500, currency: 'usd', source: 'tok_visa', transfer_group: 'ORDER_1' });
    h.clock += 60;
    const second = await h.stripe.charges.create({ amount: 600, currency: 'usd', source: 'tok_mastercard' });
    expect((await h.stripe.charges.list()).data.map((c) => c.id)).toEqual([second.id, first.id]);
    expect((await h.stripe.charges.list({ transfer_group: 'ORDER_1' })).data.map((c) => c.id)).toEqual([first.id]);
    expect((await h.stripe.charges.list({ created: { gt: FIXED_NOW } })).data.map((c) => c.id)).toEqual([second.id]);
    expect((await collect(h.stripe.charges.list({ limit: 1 }))).map((c) => c.id)).toEqual([second.id, first.id]);
    const expanded = await h.stripe.charges.retrieve(first.id, { expand: ['balance_transaction'] });
    expect((expanded.balance_transaction as Stripe.BalanceTransaction).object).toBe('balance_transaction');
    const listed = await h.stripe.charges.list({ expand: ['data.balance_transaction'] });
    expect((listed.data[0].balance_transaction as Stripe.BalanceTransaction).source).toBe(second.id);
    expectErrorShape(await h.raw('GET', '/v1/charges', { body: 'destination=acct_1' }), 400, { code: 'parameter_unknown', param: 'destination' });
  });
});

describe('destination charges', () => {
  it('transfers the full amount, takes the application fee back, and moves both balances', async () => {
    const acct = await enabled();
    const ch = await h.stripe.charges.create({ amount: 10000, currency: 'usd', source: 'tok_visa', application_fee_amount: 1230, transfer_data: { destination: acct.id } });
    expect(ch).toMatchObject({ application_fee_amount: 1230, transfer_data: { destination: acct.id, amount: null }, transfer_group: `group_${ch.id}`, application: null });
    expect(ch.transfer).toMatch(/^tr_/);
    expect(ch.application_fee).toMatch(/^fee_/);

    const tr = await h.stripe.transfers.retrieve(ch.transfer as string);
    expect(tr).toMatchObject({ amount: 10000, destination: acct.id, source_transaction: ch.id, transfer_group: `group_${ch.id}` });
    const payment = await h.stripe.charges.retrieve(tr.destination_payment as string, {}, as(acct.id));
    expect(payment.id).toMatch(/^py_/);
    expect(payment).toMatchObject({ amount: 10000, source_transfer: tr.id, application_fee: ch.application_fee, application_fee_amount: 1230 });

    const fee = await h.stripe.applicationFees.retrieve(ch.application_fee as string);
    expect(fee).toMatchObject({ amount: 1230, account: acct.id, charge: payment.id, originating_transaction: ch.id, amount_refunded: 0, refunded: false });

    // Platform: +10000 charge (fee 320), -10000 transfer, +1230 application fee; all pending two days.
    expect(await txn(ch.balance_transaction)).toMatchObject({ type: 'charge', amount: 10000, fee: 320, net: 9680 });
    expect(await txn(tr.balance_transaction)).toMatchObject({ type: 'transfer', amount: -10000, net: -10000, source: tr.id });
    expect(await txn(fee.balance_transaction)).toMatchObject({ type: 'application_fee', amount: 1230, net: 1230, source: fee.id, reporting_category: 'platform_earning' });
    expect(await balanceOf()).toEqual({ available: 0, pending: 910 });
    // Destination: the payment, net of the application fee.
    const paymentBt = await txn(payment.balance_transaction, acct.id);
    // Stripe's reporting guide (docs.stripe.com/reports/reporting-categories): payment → charge.
    expect(paymentBt).toMatchObject({ type: 'payment', amount: 10000, fee: 1230, net: 8770, source: payment.id, status: 'pending', reporting_category: 'charge' });
    expect(paymentBt.fee_details[0]).toMatchObject({ type: 'application_fee', amount: 1230, application: fee.application });
    expect(await balanceOf(acct.id)).toEqual({ available: 0, pending: 8770 });
    // The platform cannot see the destination's payment without the Stripe-Account header.
    await expectStripeError(h.stripe.charges.retrieve(payment.id), { status: 404 });
    await expectStripeError(h.stripe.balanceTransactions.retrieve(paymentBt.id), { status: 404 });
  });

  it('gives the transfer transfer_data[description] (ChargeCreateParams.TransferData)', async () => {
    const acct = await enabled();
    const ch = await h.stripe.charges.create({ amount: 2000, currency: 'usd', source: 'tok_visa', transfer_data: { destination: acct.id, description: 'Order 7 payout' } });
    expect(ch.transfer_data).toEqual({ destination: acct.id, amount: null });
    expect((await h.stripe.transfers.retrieve(ch.transfer as string)).description).toBe('Order 7 payout');
  });

  it('transfers transfer_data[amount] and makes no application fee', async () => {
    const acct = await enabled();
    const ch = await h.stripe.charges.create({ amount: 5000, currency: 'usd', source: 'tok_bypassPending', transfer_data: { destination: acct.id, amount: 4000 } });
    expect(ch.application_fee).toBeNull();
    expect((await h.stripe.transfers.retrieve(ch.transfer as string)).amount).toBe(4000);
    expect(await balanceOf(acct.id)).toEqual({ available: 4000, pending: 0 });
    expect(await balanceOf()).toEqual({ available: 5000 - 175 - 4000, pending: 0 });
    expect((await h.stripe.applicationFees.list()).data).toHaveLength(0);
  });

  it('refuses a destination without the transfers capability, unknown accounts and bad combinations', async () => {
    const bare = await createCustom(h.stripe);
    const acct = await enabled();
    await expectStripeError(h.stripe.charges.create({ amount: 1000, currency: 'usd', source: 'tok_visa', transfer_data: { destination: bare.id } }), {
      status: 400,
      code: 'insufficient_capabilities_for_transfer',
      param: 'transfer_data[destination]',
    });
    await expectStripeError(h.stripe.charges.create({ amount: 1000, currency: 'usd', source: 'tok_visa', transfer_data: { destination: 'acct_1Nope' } }), { status: 400, code: 'resource_missing', param: 'transfer_data[destination]' });
    await expectStripeError(h.stripe.charges.create({ amount: 1000, currency: 'usd', source: 'tok_visa', application_fee_amount: 1001, transfer_data: { destination: acct.id } }), { status: 400, param: 'application_fee_amount' });
    await expectStripeError(h.stripe.charges.create({ amount: 1000, currency: 'usd', source: 'tok_visa', transfer_data: { destination: acct.id, amount: 1001 } }), { status: 400, param: 'transfer_data[amount]' });
    await expectStripeError(h.stripe.charges.create({ amount: 1000, currency: 'usd', source: 'tok_visa', application_fee_amount: 10, transfer_data: { destination: acct.id, amount: 900 } }), { status: 400, param: 'transfer_data[amount]' });
    await expectStripeError(h.stripe.charges.create({ amount: 1000, currency: 'usd', source: 'tok_visa', on_behalf_of: bare.id, transfer_data: { destination: acct.id } }), { status: 400, param: 'on_behalf_of' });
    await expectStripeError(h.stripe.charges.create({ amount: 1000, currency: 'usd', source: 'tok_visa', on_behalf_of: bare.id }), { status: 400, param: 'on_behalf_of' });
    expect((await h.stripe.charges.list()).data).toHaveLength(0);
    expect((await h.stripe.transfers.list()).data).toHaveLength(0);
  });

  it('settles on behalf of the destination with its statement descriptor', async () => {
    const acct = await enabled();
    const ch = await h.stripe.charges.create({ amount: 1000, currency: 'usd', source: 'tok_visa', on_behalf_of: acct.id, transfer_data: { destination: acct.id } });
    expect(ch.on_behalf_of).toBe(acct.id);
    expect(ch.calculated_statement_descriptor).not.toBe('CONNECT CONSOLE PLATFO');
  });
});

describe('direct charges', () => {
  it('charges on the connected account and collects the application fee for the platform', async () => {
    const acct = await enabled();
    const ch = await h.stripe.charges.create({ amount: 5000, currency: 'usd', source: 'tok_visa', application_fee_amount: 300 }, as(acct.id));
    expect(ch).toMatchObject({ application_fee_amount: 300, application: 'ca_EmulatorPlatformApplicatn' });
    expect(ch.transfer).toBeUndefined();
    const bt = await txn(ch.balance_transaction, acct.id);
    expect(bt).toMatchObject({ type: 'charge', amount: 5000, fee: 475, net: 4525 });
    expect(bt.fee_details.map((f) => [f.type, f.amount])).toEqual([['application_fee', 300], ['stripe_fee', 175]]);
    const fee = await h.stripe.applicationFees.retrieve(ch.application_fee as string);
    expect(fee).toMatchObject({ account: acct.id, charge: ch.id, originating_transaction: null, amount: 300 });
    expect(await balanceOf()).toEqual({ available: 0, pending: 300 });
    expect(await balanceOf(acct.id)).toEqual({ available: 0, pending: 4525 });
    expect((await h.stripe.charges.list({}, as(acct.id))).data.map((c) => c.id)).toEqual([ch.id]);
    expect((await h.stripe.charges.list()).data).toHaveLength(0);
    await expectStripeError(h.stripe.charges.retrieve(ch.id), { status: 404 });
  });

  it('needs the account’s card_payments capability and refuses transfer_data', async () => {
    const bare = await createCustom(h.stripe);
    const acct = await enabled();
    await expectStripeError(h.stripe.charges.create({ amount: 5000, currency: 'usd', source: 'tok_visa' }, as(bare.id)), { status: 400 });
    await expectStripeError(h.stripe.charges.create({ amount: 5000, currency: 'usd', source: 'tok_visa', transfer_data: { destination: acct.id } }, as(acct.id)), { status: 400, param: 'transfer_data' });
    await expectStripeError(h.stripe.charges.create({ amount: 5000, currency: 'usd', source: 'tok_visa' }, as('acct_1Nope')), { status: 403, code: 'account_invalid' });
  });
});

describe('capture', () => {
  it('moves no money until captured, then settles the destination flow', async () => {
    const acct = await enabled();
    const ch = await h.stripe.charges.create({ amount: 3000, currency: 'usd', source: 'tok_visa', capture: false, application_fee_amount: 200, transfer_data: { destination: acct.id } });
    expect(ch).toMatchObject({ captured: false, paid: true, status: 'succeeded', amount_captured: 0, balance_transaction: null, transfer_group: null });
    expect(ch.transfer).toBeUndefined();
    expect((await h.stripe.balanceTransactions.list()).data).toHaveLength(0);
    h.clock += DAY;
    const captured = await h.stripe.charges.capture(ch.id, { amount: 2500 });
    expect(captured).toMatchObject({ captured: true, amount_captured: 2500, amount_refunded: 500, application_fee_amount: 200 });
    expect(captured.transfer_group).toBe(`group_${ch.id}`);
    expect((await h.stripe.transfers.retrieve(captured.transfer as string)).amount).toBe(2500);
    expect((await txn(captured.balance_transaction)).available_on).toBe(h.clock + 2 * DAY);
    await expectStripeError(h.stripe.charges.capture(ch.id), { status: 400, code: 'charge_already_captured' });
  });

  it('refuses more than authorized, and refuses to capture after seven days', async () => {
    const ch = await h.stripe.charges.create({ amount: 3000, currency: 'usd', source: 'tok_visa', capture: false });
    await expectStripeError(h.stripe.charges.capture(ch.id, { amount: 3001 }), { status: 400, param: 'amount' });
    h.clock += 8 * DAY;
    await expectStripeError(h.stripe.charges.capture(ch.id), {
      status: 400,
      code: 'charge_expired_for_capture',
      message: 'The charge cannot be captured as the authorization has expired. Auth and capture charges must be captured within seven days.',
    });
  });

  it('takes every parameter of ChargeCaptureParams: receipt_email, statement descriptors, transfer_group, transfer_data[amount]', async () => {
    const acct = await enabled();
    const ch = await h.stripe.charges.create({ amount: 3000, currency: 'usd', source: 'tok_visa', capture: false, transfer_data: { destination: acct.id } });
    const captured = await h.stripe.charges.capture(ch.id, {
      receipt_email: 'buyer@example.com',
      statement_descriptor_suffix: 'order 9',
      transfer_group: 'ORDER_9',
      transfer_data: { amount: 2000 },
    });
    expect(captured).toMatchObject({ receipt_email: 'buyer@example.com', statement_descriptor_suffix: 'order 9', transfer_group: 'ORDER_9', transfer_data: { destination: acct.id, amount: 2000 } });
    expect(captured.calculated_statement_descriptor).toMatch(/\* ORDER 9$/);
    expect(await h.stripe.transfers.retrieve(captured.transfer as string)).toMatchObject({ amount: 2000, transfer_group: 'ORDER_9' });
    // transfer_data[amount] needs a destination charge; transfer_group only when none is set.
    const plain = await h.stripe.charges.create({ amount: 3000, currency: 'usd', source: 'tok_visa', capture: false, transfer_group: 'G1' });
    await expectStripeError(h.stripe.charges.capture(plain.id, { transfer_data: { amount: 100 } }), { status: 400, param: 'transfer_data[amount]' });
    await expectStripeError(h.stripe.charges.capture(plain.id, { transfer_group: 'G2' }), { status: 400, param: 'transfer_group' });
    const dest = await h.stripe.charges.create({ amount: 3000, currency: 'usd', source: 'tok_visa', capture: false, transfer_data: { destination: acct.id } });
    await expectStripeError(h.stripe.charges.capture(dest.id, { amount: 1500, transfer_data: { amount: 2000 } }), { status: 400, param: 'transfer_data[amount]' });
    expect((await h.stripe.charges.capture(plain.id, { transfer_group: 'G1' })).captured).toBe(true);
    expectErrorShape(await h.raw('POST', `/v1/charges/${dest.id}/capture`, { body: 'description=x' }), 400, { code: 'parameter_unknown', param: 'description' });
  });
});

describe('Radar test cards', () => {
  it('raises an early fraud warning for 4000000000005423 (tok_createIssuerFraudRecord)', async () => {
    const ch = await h.stripe.charges.create({ amount: 2000, currency: 'usd', source: 'tok_createIssuerFraudRecord' });
    const warnings = await h.stripe.radar.earlyFraudWarnings.list({ charge: ch.id });
    expect(warnings.data).toHaveLength(1);
    expect(warnings.data[0]).toMatchObject({ charge: ch.id, actionable: true });
    expect(ch.payment_method_details?.card?.last4).toBe('5423');
  });

  it('opens a review for the elevated-risk card 4000000000009235 (tok_riskLevelElevated)', async () => {
    const ch = await h.stripe.charges.create({ amount: 2000, currency: 'usd', source: 'tok_riskLevelElevated' });
    expect(ch.outcome).toMatchObject({ risk_level: 'elevated', type: 'manual_review' });
    expect(ch.review).toMatch(/^prv_/);
    const reviews = await h.stripe.reviews.list();
    expect(reviews.data.map((r) => r.charge)).toEqual([ch.id]);
  });

  it('ties them to the connected account for direct charges', async () => {
    const acct = await enabled();
    const ch = await h.stripe.charges.create({ amount: 2000, currency: 'usd', source: 'tok_createIssuerFraudRecord' }, as(acct.id));
    expect((await h.stripe.radar.earlyFraudWarnings.list({}, as(acct.id))).data.map((w) => w.charge)).toEqual([ch.id]);
    expect((await h.stripe.radar.earlyFraudWarnings.list()).data).toHaveLength(0);
  });
});
