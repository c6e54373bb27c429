// Charge refunds (POST /v1/refunds and the charge's own refund fields): partial and full, more
// than is left refused in Stripe's words, the refund's balance transaction on whoever took the
// charge, `reverse_transfer` and `refund_application_fee` on destination charges (through
// transfer reversals and fee refunds), direct charges with Stripe-Account, uncaptured charges,
// lists, update, cancel, events, shapes and strict params.
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { collect, createEnabled, expectBalancesEqualTransactions, expectErrorShape, expectStripeError, FIXED_NOW, STRIPE_FIXTURES, emulatorForFile } from './harness';

const DAY = 86400;
const h = emulatorForFile();

const enabled = () => createEnabled(h.stripe, 'US', 'individual', FIXED_NOW);
const as = (account: string) => ({ stripeAccount: account });
const usd = (side: Stripe.Balance.Available[]) => side.find((x) => x.currency === 'usd')?.amount ?? 0;
const totalOf = async (account?: string) => {
  const b = await h.stripe.balance.retrieve({}, account ? as(account) : {});
  return usd(b.available) + usd(b.pending);
};
const eventTypes = async (account?: string) => (await collect(h.stripe.events.list({ limit: 100 }, account ? as(account) : {}))).map((e) => e.type);

describe('refunds of platform charges', () => {
  it('refunds part, then the rest, with every field of Stripe’s sample and a refund balance transaction', async () => {
    const ch = await h.stripe.charges.create({ amount: 5000, currency: 'usd', source: 'tok_bypassPending', description: 'Order 7' });
    const before = await totalOf();
    const re = await h.stripe.refunds.create({ charge: ch.id, amount: 1500, reason: 'requested_by_customer', metadata: { ticket: 'T-1' } });
    for (const key of Object.keys(STRIPE_FIXTURES.refund)) expect(re, key).toHaveProperty(key);
    expect(re).toMatchObject({ object: 'refund', amount: 1500, charge: ch.id, currency: 'usd', status: 'succeeded', reason: 'requested_by_customer', metadata: { ticket: 'T-1' }, transfer_reversal: null, created: FIXED_NOW });
    expect(re.id).toMatch(/^re_/);
    const bt = await h.stripe.balanceTransactions.retrieve(re.balance_transaction as string);
    // Stripe keeps its processing fee: the refund's net is the whole amount.
    expect(bt).toMatchObject({ type: 'refund', amount: -1500, fee: 0, net: -1500, source: re.id, reporting_category: 'refund', status: 'available' });
    expect(await totalOf()).toBe(before - 1500);
    let charge = await h.stripe.charges.retrieve(ch.id);
    expect(charge).toMatchObject({ amount_refunded: 1500, refunded: false });
    expect(charge.refunds!.data.map((r) => r.id)).toEqual([re.id]);

    const rest = await h.stripe.refunds.create({ charge: ch.id });
    expect(rest.amount).toBe(3500);
    charge = await h.stripe.charges.retrieve(ch.id);
    expect(charge).toMatchObject({ amount_refunded: 5000, refunded: true });
    expect(charge.refunds!.data.map((r) => r.id)).toEqual([rest.id, re.id]);
    expect(await totalOf()).toBe(before - 5000);
    await expectBalancesEqualTransactions(h.stripe, [null]);
  });

  it('refuses more than is left in Stripe’s words, and a charge already refunded', async () => {
    const ch = await h.stripe.charges.create({ amount: 5000, currency: 'usd', source: 'tok_visa' });
    await expectStripeError(h.stripe.refunds.create({ charge: ch.id, amount: 6000 }), { status: 400, param: 'amount', message: 'Refund amount ($60.00) is greater than charge amount ($50.00)' });
    await h.stripe.refunds.create({ charge: ch.id, amount: 1000 });
    await expectStripeError(h.stripe.refunds.create({ charge: ch.id, amount: 4001 }), { status: 400, param: 'amount', message: 'Refund amount ($40.01) is greater than unrefunded amount on charge ($40.00)' });
    await h.stripe.refunds.create({ charge: ch.id, amount: 4000 });
    await expectStripeError(h.stripe.refunds.create({ charge: ch.id }), { status: 400, code: 'charge_already_refunded', message: `Charge ${ch.id} has already been refunded.` });
    expect((await h.stripe.charges.retrieve(ch.id)).amount_refunded).toBe(5000);
  });

  it('gives money back while the charge is pending in the state it came', async () => {
    const ch = await h.stripe.charges.create({ amount: 5000, currency: 'usd', source: 'tok_visa' });
    const re = await h.stripe.refunds.create({ charge: ch.id, amount: 2000 });
    const bt = await h.stripe.balanceTransactions.retrieve(re.balance_transaction as string);
    expect(bt).toMatchObject({ status: 'pending', available_on: FIXED_NOW + 2 * DAY });
    h.clock += 2 * DAY;
    await expectBalancesEqualTransactions(h.stripe, [null]);
  });

  it('releases an uncaptured charge whole, moving no money', async () => {
    const ch = await h.stripe.charges.create({ amount: 3000, currency: 'usd', source: 'tok_visa', capture: false });
    await expectStripeError(h.stripe.refunds.create({ charge: ch.id, amount: 1000 }), { status: 400, param: 'amount' });
    const re = await h.stripe.refunds.create({ charge: ch.id });
    expect(re).toMatchObject({ amount: 3000, balance_transaction: null, destination_details: { type: 'card', card: { type: 'reversal' } } });
    expect(await h.stripe.charges.retrieve(ch.id)).toMatchObject({ captured: false, refunded: true, amount_refunded: 3000 });
    await expectStripeError(h.stripe.charges.capture(ch.id), { status: 400, code: 'charge_already_refunded' });
    expect((await collect(h.stripe.balanceTransactions.list())).filter((t) => t.type === 'refund')).toHaveLength(0);
  });

  it('raises refund.created and charge.refunded, then refund.updated and charge.refund.updated on update', async () => {
    const ch = await h.stripe.charges.create({ amount: 2000, currency: 'usd', source: 'tok_visa' });
    const re = await h.stripe.refunds.create({ charge: ch.id, amount: 500 });
    expect(await eventTypes()).toEqual(expect.arrayContaining(['refund.created', 'charge.refunded']));
    const updated = await h.stripe.refunds.update(re.id, { metadata: { note: 'late' } });
    expect(updated.metadata).toEqual({ note: 'late' });
    const events = await collect(h.stripe.events.list({ types: ['refund.updated', 'charge.refund.updated'] }));
    expect(events.map((e) => e.type).sort()).toEqual(['charge.refund.updated', 'refund.updated']);
    expect((events[0].data.object as Stripe.Refund).metadata).toEqual({ note: 'late' });
    expect(events[0].data.previous_attributes).toEqual({ metadata: { note: null } });
    const refunded = (await collect(h.stripe.events.list({ type: 'charge.refunded' })))[0];
    expect(refunded.data.object).toMatchObject({ id: ch.id, amount_refunded: 500 });
  });
});

describe('destination charges', () => {
  it('reverses the transfer and refunds the application fee in proportion, then all that is left', async () => {
    const acct = await enabled();
    const ch = await h.stripe.charges.create({ amount: 10000, currency: 'usd', source: 'tok_bypassPending', application_fee_amount: 1000, transfer_data: { destination: acct.id } });
    const platformBefore = await totalOf();
    const accountBefore = await totalOf(acct.id);
    const re = await h.stripe.refunds.create({ charge: ch.id, amount: 2500, reverse_transfer: true, refund_application_fee: true });
    expect(re.transfer_reversal).toMatch(/^trr_/);
    const tr = await h.stripe.transfers.retrieve(ch.transfer as string);
    expect(tr).toMatchObject({ amount_reversed: 2500, reversed: false });
    expect(tr.reversals.data[0]).toMatchObject({ id: re.transfer_reversal, amount: 2500, source_refund: re.id });
    const fee = await h.stripe.applicationFees.retrieve(ch.application_fee as string);
    expect(fee).toMatchObject({ amount_refunded: 250, refunded: false });
    // Platform: -2500 refunded, +2500 reversal, -250 fee refund; account: -2500 payment refund, +250 fee refund.
    expect(await totalOf()).toBe(platformBefore - 250);
    expect(await totalOf(acct.id)).toBe(accountBefore - 2250);

    await h.stripe.refunds.create({ charge: ch.id, reverse_transfer: true, refund_application_fee: true });
    expect(await h.stripe.transfers.retrieve(ch.transfer as string)).toMatchObject({ amount_reversed: 10000, reversed: true });
    expect(await h.stripe.applicationFees.retrieve(ch.application_fee as string)).toMatchObject({ amount_refunded: 1000, refunded: true });
    expect(await h.stripe.charges.retrieve(tr.destination_payment as string, {}, as(acct.id))).toMatchObject({ refunded: true, amount_refunded: 10000 });
    await expectBalancesEqualTransactions(h.stripe, [null, acct.id]);
  });

  it('without reverse_transfer the platform alone pays the refund; the transfer stays', async () => {
    const acct = await enabled();
    const ch = await h.stripe.charges.create({ amount: 4000, currency: 'usd', source: 'tok_bypassPending', transfer_data: { destination: acct.id } });
    const accountBefore = await totalOf(acct.id);
    await h.stripe.refunds.create({ charge: ch.id });
    expect(await h.stripe.transfers.retrieve(ch.transfer as string)).toMatchObject({ amount_reversed: 0 });
    expect(await totalOf(acct.id)).toBe(accountBefore);
    await expectStripeError(h.stripe.refunds.create({ charge: (await h.stripe.charges.create({ amount: 1000, currency: 'usd', source: 'tok_visa' })).id, reverse_transfer: true }), { status: 400, param: 'reverse_transfer' });
  });
});

describe('direct charges (Stripe-Account)', () => {
  it('debits the connected account, refunds the platform’s fee in proportion, and is the account’s own', async () => {
    const acct = await enabled();
    const ch = await h.stripe.charges.create({ amount: 8000, currency: 'usd', source: 'tok_bypassPending', application_fee_amount: 800 }, as(acct.id));
    const accountBefore = await totalOf(acct.id);
    const platformBefore = await totalOf();
    const re = await h.stripe.refunds.create({ charge: ch.id, amount: 4000, refund_application_fee: true }, as(acct.id));
    expect(await totalOf(acct.id)).toBe(accountBefore - 4000 + 400);
    expect(await totalOf()).toBe(platformBefore - 400);
    const bt = await h.stripe.balanceTransactions.retrieve(re.balance_transaction as string, {}, as(acct.id));
    expect(bt).toMatchObject({ type: 'refund', amount: -4000 });
    // The platform does not see the account's refund, and the account lists only its own.
    await expectStripeError(h.stripe.refunds.retrieve(re.id), { status: 404, code: 'resource_missing' });
    await expectStripeError(h.stripe.refunds.create({ charge: ch.id }), { status: 400, code: 'resource_missing', param: 'charge' });
    expect((await collect(h.stripe.refunds.list({}, as(acct.id)))).map((r) => r.id)).toEqual([re.id]);
    expect(await collect(h.stripe.refunds.list())).toHaveLength(0);
    expect(await eventTypes(acct.id)).toEqual(expect.arrayContaining(['refund.created', 'charge.refunded']));
    await expectBalancesEqualTransactions(h.stripe, [null, acct.id]);
  });
});

describe('list, retrieve, cancel, params', () => {
  it('lists newest first, filtered by charge and created, with cursors', async () => {
    const a = await h.stripe.charges.create({ amount: 3000, currency: 'usd', source: 'tok_visa' });
    const b = await h.stripe.charges.create({ amount: 3000, currency: 'usd', source: 'tok_visa' });
    const r1 = await h.stripe.refunds.create({ charge: a.id, amount: 100 });
    h.clock += 60;
    const r2 = await h.stripe.refunds.create({ charge: b.id, amount: 100 });
    h.clock += 60;
    const r3 = await h.stripe.refunds.create({ charge: a.id, amount: 100 });
    expect((await collect(h.stripe.refunds.list())).map((r) => r.id)).toEqual([r3.id, r2.id, r1.id]);
    expect((await collect(h.stripe.refunds.list({ charge: a.id }))).map((r) => r.id)).toEqual([r3.id, r1.id]);
    expect((await collect(h.stripe.refunds.list({ created: { gt: FIXED_NOW } }))).map((r) => r.id)).toEqual([r3.id, r2.id]);
    const page = await h.stripe.refunds.list({ limit: 1, starting_after: r3.id });
    expect(page.data.map((r) => r.id)).toEqual([r2.id]);
    expect(page.has_more).toBe(true);
    expect(await h.stripe.refunds.retrieve(r1.id, { expand: ['charge', 'balance_transaction'] })).toMatchObject({ charge: { id: a.id }, balance_transaction: { type: 'refund' } });
  });

  it('refuses to cancel a card refund that has succeeded', async () => {
    const ch = await h.stripe.charges.create({ amount: 3000, currency: 'usd', source: 'tok_visa' });
    const re = await h.stripe.refunds.create({ charge: ch.id });
    await expectStripeError(h.stripe.refunds.cancel(re.id), { status: 400, message: /status of succeeded/ });
    await expectStripeError(h.stripe.refunds.cancel('re_nope'), { status: 404, code: 'resource_missing' });
  });

  it('answers unknown and missing parameters as Stripe does', async () => {
    const ch = await h.stripe.charges.create({ amount: 3000, currency: 'usd', source: 'tok_visa' });
    expectErrorShape(await h.raw('POST', '/v1/refunds', { body: `charge=${ch.id}&reverse=true` }), 400, { code: 'parameter_unknown', param: 'reverse' });
    expectErrorShape(await h.raw('POST', '/v1/refunds', { body: 'amount=100' }), 400, { code: 'parameter_missing', param: 'charge' });
    expectErrorShape(await h.raw('POST', '/v1/refunds', { body: `charge=${ch.id}&reason=whim` }), 400, { param: 'reason' });
    expectErrorShape(await h.raw('POST', '/v1/refunds', { body: `charge=${ch.id}&amount=0` }), 400, { param: 'amount' });
    expectErrorShape(await h.raw('POST', '/v1/refunds', { body: 'charge=ch_nope' }), 400, { code: 'resource_missing', param: 'charge' });
    expectErrorShape(await h.raw('POST', '/v1/refunds', { body: 'payment_intent=pi_nope' }), 400, { code: 'resource_missing', param: 'payment_intent' });
    expectErrorShape(await h.raw('GET', '/v1/refunds?charges=x'), 400, { code: 'parameter_unknown', param: 'charges' });
    const re = await h.stripe.refunds.create({ charge: ch.id, amount: 10 });
    expectErrorShape(await h.raw('POST', `/v1/refunds/${re.id}`, { body: 'amount=5' }), 400, { code: 'parameter_unknown', param: 'amount' });
    expect((await h.stripe.charges.retrieve(ch.id)).amount_refunded).toBe(10);
  });
});
