// Transfers and transfer reversals: the platform's available balance, the destination's
// capability, source_transaction, update, lists, and reversals that never go beyond the amount
// and move both balances (with the application fee refunded in proportion when asked).
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { collect, createCustom, createEnabled, expectErrorShape, expectStripeError, FIXED_NOW, STRIPE_FIXTURES, emulatorForFile } from './harness';

const FIXTURES = STRIPE_FIXTURES;
const DAY = 86400;

const h = emulatorForFile();

const enabled = () => createEnabled(h.stripe, 'US', 'individual', FIXED_NOW);
const as = (account: string) => ({ stripeAccount: account });
const usd = (side: Stripe.Balance.Available[]) => side.find((x) => x.currency === 'usd')?.amount ?? 0;
const balanceOf = async (account?: string) => {
  const b = await h.stripe.balance.retrieve({}, account ? as(account) : {});
  return { available: usd(b.available), pending: usd(b.pending) };
};
/** Puts `amount` (net) in the platform's available balance. */
const fund = async (net: number) => {
  // tok_bypassPending: available at once; gross up for the 2.9% + 30¢ fee.
  const amount = Math.ceil((net + 30) / 0.971) + 1;
  await h.stripe.charges.create({ amount, currency: 'usd', source: 'tok_bypassPending' });
};

describe('create, retrieve, update, list', () => {
  it('pays a transfer from the available balance, with every field of Stripe’s sample', async () => {
    const acct = await enabled();
    await fund(10000);
    const before = await balanceOf();
    const tr = await h.stripe.transfers.create({ amount: 2500, currency: 'usd', destination: acct.id, description: 'Payout share', metadata: { week: '22' }, transfer_group: 'WEEK_22' });
    for (const key of Object.keys(FIXTURES.transfer)) expect(tr, key).toHaveProperty(key);
    expect(tr).toMatchObject({ object: 'transfer', amount: 2500, amount_reversed: 0, reversed: false, destination: acct.id, description: 'Payout share', metadata: { week: '22' }, transfer_group: 'WEEK_22', source_transaction: null, source_type: 'card', reversals: { object: 'list', data: [], has_more: false, url: `/v1/transfers/${tr.id}/reversals` } });
    expect(tr.destination_payment).toMatch(/^py_/);
    expect(await balanceOf()).toEqual({ available: before.available - 2500, pending: 0 });
    expect(await balanceOf(acct.id)).toEqual({ available: 2500, pending: 0 });
    const bt = await h.stripe.balanceTransactions.retrieve(tr.balance_transaction as string);
    expect(bt).toMatchObject({ type: 'transfer', amount: -2500, net: -2500, source: tr.id, description: 'Payout share', reporting_category: 'transfer' });
    const retrieved = await h.stripe.transfers.retrieve(tr.id, { expand: ['destination', 'destination_payment'] });
    expect((retrieved.destination as Stripe.Account).id).toBe(acct.id);
    expect((retrieved.destination_payment as Stripe.Charge).source_transfer).toBe(tr.id);
  });

  it('fails with balance_insufficient when the available balance cannot cover it (pending funds do not count)', async () => {
    const acct = await enabled();
    await h.stripe.charges.create({ amount: 100000, currency: 'usd', source: 'tok_visa' });
    await expectStripeError(h.stripe.transfers.create({ amount: 100, currency: 'usd', destination: acct.id }), { status: 400, code: 'balance_insufficient', message: /insufficient available funds/ });
    await expectStripeError(h.stripe.transfers.create({ amount: 100, currency: 'eur', destination: acct.id }), { status: 400, code: 'balance_insufficient' });
    h.clock += 2 * DAY;
    await h.stripe.transfers.create({ amount: 100, currency: 'usd', destination: acct.id });
    await expectStripeError(h.stripe.transfers.create({ amount: 1, currency: 'usd', destination: acct.id, source_type: 'bank_account' }), { status: 400, code: 'balance_insufficient' });
  });

  it('pays from a pending charge with source_transaction, never beyond it', async () => {
    const acct = await enabled();
    // Manual payouts: a daily schedule would pay the funds out the moment they become available.
    await h.stripe.accounts.update(acct.id, { settings: { payouts: { schedule: { interval: 'manual' } } } });
    const ch = await h.stripe.charges.create({ amount: 5000, currency: 'usd', source: 'tok_visa' });
    const tr = await h.stripe.transfers.create({ amount: 3000, currency: 'usd', destination: acct.id, source_transaction: ch.id });
    expect(tr.source_transaction).toBe(ch.id);
    expect(await balanceOf(acct.id)).toEqual({ available: 0, pending: 3000 });
    await expectStripeError(h.stripe.transfers.create({ amount: 2001, currency: 'usd', destination: acct.id, source_transaction: ch.id }), { status: 400, param: 'amount' });
    await expectStripeError(h.stripe.transfers.create({ amount: 100, currency: 'eur', destination: acct.id, source_transaction: ch.id }), { status: 400, param: 'currency' });
    await expectStripeError(h.stripe.transfers.create({ amount: 100, currency: 'usd', destination: acct.id, source_transaction: 'ch_nope' }), { status: 400, code: 'resource_missing', param: 'source_transaction' });
    h.clock += 2 * DAY;
    expect(await balanceOf(acct.id)).toEqual({ available: 3000, pending: 0 });
  });

  it('refuses a destination without an active transfers capability, and bad parameters', async () => {
    const bare = await createCustom(h.stripe);
    await fund(1000);
    await expectStripeError(h.stripe.transfers.create({ amount: 100, currency: 'usd', destination: bare.id }), { status: 400, code: 'insufficient_capabilities_for_transfer', param: 'destination' });
    await expectStripeError(h.stripe.transfers.create({ amount: 100, currency: 'usd', destination: 'acct_1Nope' }), { status: 400, code: 'resource_missing', param: 'destination' });
    await expectStripeError(h.stripe.transfers.create({ currency: 'usd', destination: bare.id } as Stripe.TransferCreateParams), { status: 400, code: 'parameter_missing', param: 'amount' });
    await expectStripeError(h.stripe.transfers.create({ amount: 100, currency: 'usd' } as Stripe.TransferCreateParams), { status: 400, code: 'parameter_missing', param: 'destination' });
    await expectStripeError(h.stripe.transfers.create({ amount: 0, currency: 'usd', destination: bare.id }), { status: 400, param: 'amount' });
    await expectStripeError(h.stripe.transfers.create({ amount: -5, currency: 'usd', destination: bare.id }), { status: 400, param: 'amount' });
    await expectStripeError(h.stripe.transfers.create({ amount: 100, currency: 'usd', destination: bare.id, source_type: 'cash' as 'card' }), { status: 400, param: 'source_type' });
    expectErrorShape(await h.raw('POST', '/v1/transfers', { body: `amount=100&currency=usd&destination=${bare.id}&application_fee=3` }), 400, { code: 'parameter_unknown', param: 'application_fee' });
    await expectStripeError(h.stripe.transfers.create({ amount: 100, currency: 'usd', destination: bare.id }, as(bare.id)), { status: 400, param: 'Stripe-Account' });
    expect((await h.stripe.transfers.list()).data).toHaveLength(0);
  });

  it('updates description and metadata only', async () => {
    const acct = await enabled();
    await fund(1000);
    const tr = await h.stripe.transfers.create({ amount: 100, currency: 'usd', destination: acct.id, metadata: { a: '1', b: '2' } });
    const updated = await h.stripe.transfers.update(tr.id, { description: 'Fixed', metadata: { a: '', c: '3' } });
    expect(updated).toMatchObject({ description: 'Fixed', metadata: { b: '2', c: '3' } });
    expect((await h.stripe.transfers.retrieve(tr.id)).description).toBe('Fixed');
    expectErrorShape(await h.raw('POST', `/v1/transfers/${tr.id}`, { body: 'amount=5' }), 400, { code: 'parameter_unknown', param: 'amount' });
    await expectStripeError(h.stripe.transfers.update('tr_nope', { description: 'x' }), { status: 404, code: 'resource_missing', message: "No such transfer: 'tr_nope'" });
    await expectStripeError(h.stripe.transfers.retrieve('tr_x'), { status: 404, code: 'resource_missing', message: "No such transfer: 'tr_x'" });
  });

  it('lists newest first with destination, transfer_group and created filters', async () => {
    const a = await enabled();
    const b = await enabled();
    await fund(1000);
    const t1 = await h.stripe.transfers.create({ amount: 100, currency: 'usd', destination: a.id, transfer_group: 'G1' });
    h.clock += 10;
    const t2 = await h.stripe.transfers.create({ amount: 100, currency: 'usd', destination: b.id, transfer_group: 'G1' });
    h.clock += 10;
    const t3 = await h.stripe.transfers.create({ amount: 100, currency: 'usd', destination: a.id });
    expect((await h.stripe.transfers.list()).data.map((t) => t.id)).toEqual([t3.id, t2.id, t1.id]);
    expect((await h.stripe.transfers.list({ destination: a.id })).data.map((t) => t.id)).toEqual([t3.id, t1.id]);
    expect((await h.stripe.transfers.list({ transfer_group: 'G1' })).data.map((t) => t.id)).toEqual([t2.id, t1.id]);
    expect((await h.stripe.transfers.list({ created: { gte: FIXED_NOW + 10, lt: FIXED_NOW + 20 } })).data.map((t) => t.id)).toEqual([t2.id]);
    expect((await collect(h.stripe.transfers.list({ limit: 2 }))).map((t) => t.id)).toEqual([t3.id, t2.id, t1.id]);
    expectErrorShape(await h.raw('GET', '/v1/transfers', { body: 'status=paid' }), 400, { code: 'parameter_unknown', param: 'status' });
  });
});

describe('reversals', () => {
  it('reverses in part, then the rest by default, moving both balances; then refuses more', async () => {
    const acct = await enabled();
    await fund(5000);
    const tr = await h.stripe.transfers.create({ amount: 1000, currency: 'usd', destination: acct.id });
    const platformBefore = await balanceOf();
    const r1 = await h.stripe.transfers.createReversal(tr.id, { amount: 300, metadata: { reason: 'dispute' }, description: 'Partial' });
    for (const key of Object.keys(FIXTURES.transfer_reversal)) expect(r1, key).toHaveProperty(key);
    expect(r1).toMatchObject({ object: 'transfer_reversal', amount: 300, currency: 'usd', transfer: tr.id, metadata: { reason: 'dispute' }, source_refund: null });
    expect(r1.destination_payment_refund).toMatch(/^pyr_/);
    expect(await h.stripe.transfers.retrieve(tr.id)).toMatchObject({ amount_reversed: 300, reversed: false });
    expect(await balanceOf()).toEqual({ available: platformBefore.available + 300, pending: 0 });
    expect(await balanceOf(acct.id)).toEqual({ available: 700, pending: 0 });
    expect(await h.stripe.balanceTransactions.retrieve(r1.balance_transaction as string)).toMatchObject({ type: 'transfer_refund', amount: 300, source: r1.id, reporting_category: 'transfer_reversal' });
    const accountSide = await h.stripe.balanceTransactions.list({ type: 'payment_refund' }, as(acct.id));
    // Stripe's reporting guide: payment_refund → refund, transfer_refund → transfer_reversal.
    expect(accountSide.data.map((b) => [b.amount, b.source, b.reporting_category])).toEqual([[-300, r1.destination_payment_refund, 'refund']]);

    await expectStripeError(h.stripe.transfers.createReversal(tr.id, { amount: 701 }), { status: 400, param: 'amount' });
    const r2 = await h.stripe.transfers.createReversal(tr.id);
    expect(r2.amount).toBe(700);
    const done = await h.stripe.transfers.retrieve(tr.id);
    expect(done).toMatchObject({ amount_reversed: 1000, reversed: true });
    expect(done.reversals.data.map((r) => r.id)).toEqual([r2.id, r1.id]);
    await expectStripeError(h.stripe.transfers.createReversal(tr.id, { amount: 1 }), { status: 400, code: 'transfer_already_reversed' });
    expect(await balanceOf(acct.id)).toEqual({ available: 0, pending: 0 });
    const payment = await h.stripe.charges.retrieve(tr.destination_payment as string, { expand: ['refunds'] }, as(acct.id));
    expect(payment).toMatchObject({ amount_refunded: 1000, refunded: true });
    expect(payment.refunds?.data.map((r) => r.amount)).toEqual([700, 300]);
  });

  it('needs the destination to hold enough for a separate transfer', async () => {
    const acct = await enabled();
    await fund(5000);
    // A destination charge fully reversed without its fee leaves the account 300 short.
    const ch = await h.stripe.charges.create({ amount: 1000, currency: 'usd', source: 'tok_bypassPending', application_fee_amount: 300, transfer_data: { destination: acct.id } });
    await h.stripe.transfers.createReversal(ch.transfer as string);
    const tr = await h.stripe.transfers.create({ amount: 500, currency: 'usd', destination: acct.id });
    expect(await balanceOf(acct.id)).toEqual({ available: 200, pending: 0 });
    await expectStripeError(h.stripe.transfers.createReversal(tr.id, { amount: 201 }), { status: 400, code: 'balance_insufficient', param: 'amount' });
    await h.stripe.transfers.createReversal(tr.id, { amount: 200 });
    expect((await h.stripe.transfers.retrieve(tr.id)).amount_reversed).toBe(200);
    expect(await balanceOf(acct.id)).toEqual({ available: 0, pending: 0 });
  });

  it('refunds the application fee in proportion for a destination charge, and lets the account go negative', async () => {
    const acct = await enabled();
    const ch = await h.stripe.charges.create({ amount: 10000, currency: 'usd', source: 'tok_bypassPending', application_fee_amount: 1000, transfer_data: { destination: acct.id } });
    const tr = ch.transfer as string;
    await h.stripe.transfers.createReversal(tr, { amount: 2500, refund_application_fee: true });
    const fee = await h.stripe.applicationFees.retrieve(ch.application_fee as string);
    expect(fee).toMatchObject({ amount_refunded: 250, refunded: false });
    expect(fee.refunds.data.map((r) => r.amount)).toEqual([250]);
    // Account: 9000 (payment net) - 2500 + 250.
    expect(await balanceOf(acct.id)).toEqual({ available: 6750, pending: 0 });
    // Without the fee refund, the full reversal leaves the account short by the fee it paid.
    await h.stripe.transfers.createReversal(tr);
    expect(await balanceOf(acct.id)).toEqual({ available: -750, pending: 0 });
    expect((await h.stripe.applicationFees.retrieve(ch.application_fee as string)).amount_refunded).toBe(250);
  });

  it('refunds all that is left of the fee on a full reversal', async () => {
    const acct = await enabled();
    const ch = await h.stripe.charges.create({ amount: 1000, currency: 'usd', source: 'tok_bypassPending', application_fee_amount: 333, transfer_data: { destination: acct.id } });
    await h.stripe.transfers.createReversal(ch.transfer as string, { amount: 1, refund_application_fee: true });
    await h.stripe.transfers.createReversal(ch.transfer as string, { refund_application_fee: true });
    expect(await h.stripe.applicationFees.retrieve(ch.application_fee as string)).toMatchObject({ amount_refunded: 333, refunded: true });
    expect(await balanceOf(acct.id)).toEqual({ available: 0, pending: 0 });
  });

  it('keeps reversals of pending funds pending', async () => {
    const acct = await enabled();
    const ch = await h.stripe.charges.create({ amount: 1000, currency: 'usd', source: 'tok_visa', transfer_data: { destination: acct.id } });
    const r = await h.stripe.transfers.createReversal(ch.transfer as string, { amount: 400 });
    expect((await h.stripe.balanceTransactions.retrieve(r.balance_transaction as string)).status).toBe('pending');
    expect(await balanceOf(acct.id)).toEqual({ available: 0, pending: 600 });
  });

  it('embeds the ten newest reversals and pages the rest; retrieves and updates one', async () => {
    const acct = await enabled();
    await fund(5000);
    const tr = await h.stripe.transfers.create({ amount: 1200, currency: 'usd', destination: acct.id });
    const made: string[] = [];
    for (let i = 0; i < 12; i++) {
      h.clock += 1;
      made.push((await h.stripe.transfers.createReversal(tr.id, { amount: 100 })).id);
    }
    const t = await h.stripe.transfers.retrieve(tr.id);
    expect(t.reversed).toBe(true);
    expect(t.reversals.data.map((r) => r.id)).toEqual(made.slice(2).reverse());
    expect(t.reversals.has_more).toBe(true);
    expect((await collect(h.stripe.transfers.listReversals(tr.id, { limit: 5 }))).map((r) => r.id)).toEqual([...made].reverse());
    const one = await h.stripe.transfers.retrieveReversal(tr.id, made[0], { expand: ['transfer', 'balance_transaction'] });
    expect((one.transfer as Stripe.Transfer).id).toBe(tr.id);
    expect((one.balance_transaction as Stripe.BalanceTransaction).type).toBe('transfer_refund');
    const updated = await h.stripe.transfers.updateReversal(tr.id, made[0], { metadata: { note: 'ok' } });
    expect(updated.metadata).toEqual({ note: 'ok' });
    expect((await h.stripe.transfers.retrieveReversal(tr.id, made[0])).metadata).toEqual({ note: 'ok' });
    expectErrorShape(await h.raw('POST', `/v1/transfers/${tr.id}/reversals/${made[0]}`, { body: 'amount=1' }), 400, { code: 'parameter_unknown', param: 'amount' });
  });

  it('answers Stripe’s errors for unknown transfers and reversals and bad parameters', async () => {
    const acct = await enabled();
    await fund(1000);
    const tr = await h.stripe.transfers.create({ amount: 100, currency: 'usd', destination: acct.id });
    const other = await h.stripe.transfers.create({ amount: 100, currency: 'usd', destination: acct.id });
    const r = await h.stripe.transfers.createReversal(other.id, { amount: 10 });
    await expectStripeError(h.stripe.transfers.createReversal('tr_nope'), { status: 404, code: 'resource_missing', message: "No such transfer: 'tr_nope'" });
    await expectStripeError(h.stripe.transfers.listReversals('tr_nope'), { status: 404, code: 'resource_missing' });
    await expectStripeError(h.stripe.transfers.retrieveReversal(tr.id, r.id), { status: 404, code: 'resource_missing' });
    await expectStripeError(h.stripe.transfers.retrieveReversal(tr.id, 'trr_nope'), { status: 404, code: 'resource_missing' });
    await expectStripeError(h.stripe.transfers.createReversal(tr.id, { amount: 0 }), { status: 400, param: 'amount' });
    expectErrorShape(await h.raw('POST', `/v1/transfers/${tr.id}/reversals`, { body: 'refund_application_fee=maybe' }), 400, { param: 'refund_application_fee' });
    expectErrorShape(await h.raw('POST', `/v1/transfers/${tr.id}/reversals`, { body: 'currency=usd' }), 400, { code: 'parameter_unknown', param: 'currency' });
    expect((await h.stripe.transfers.retrieve(tr.id)).amount_reversed).toBe(0);
  });

  it('replays an idempotent reversal instead of reversing twice', async () => {
    const acct = await enabled();
    await fund(1000);
    const tr = await h.stripe.transfers.create({ amount: 500, currency: 'usd', destination: acct.id });
    const a = await h.stripe.transfers.createReversal(tr.id, { amount: 200 }, { idempotencyKey: 'rev-1' });
    const b = await h.stripe.transfers.createReversal(tr.id, { amount: 200 }, { idempotencyKey: 'rev-1' });
    expect(b.id).toBe(a.id);
    expect((await h.stripe.transfers.retrieve(tr.id)).amount_reversed).toBe(200);
  });
});
