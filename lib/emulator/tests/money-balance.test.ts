// Balances and balance transactions: the platform's and, with Stripe-Account, a connected
// account's; pending until available_on; the list filters; and the live-mode rule that an
// account can only be rejected or deleted once its ledger balances are zero.
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { post } from '@/lib/emulator/core/ledger';
import { collect, createEnabled, expectErrorShape, expectStripeError, FIXED_NOW, STRIPE_FIXTURES, emulatorForFile } from './harness';

const FIXTURES = STRIPE_FIXTURES;
const DAY = 86400;

const h = emulatorForFile();

const as = (account: string) => ({ stripeAccount: account });
const amounts = (side: Stripe.Balance.Available[]) => Object.fromEntries(side.map((s) => [s.currency, s.amount]));

describe('balance', () => {
  it('answers an empty platform balance with every field of Stripe’s sample', async () => {
    const b = await h.stripe.balance.retrieve();
    for (const key of Object.keys(FIXTURES.balance)) expect(b, key).toHaveProperty(key);
    expect(b).toMatchObject({ object: 'balance', livemode: false, available: [{ amount: 0, currency: 'usd', source_types: { card: 0 } }], pending: [{ amount: 0, currency: 'usd' }] });
    expectErrorShape(await h.raw('GET', '/v1/balance', { body: 'currency=usd' }), 400, { code: 'parameter_unknown', param: 'currency' });
  });

  it('holds card funds pending for two days, per currency, then makes them available', async () => {
    await h.stripe.charges.create({ amount: 1000, currency: 'usd', source: 'tok_visa' });
    await h.stripe.charges.create({ amount: 1000, currency: 'eur', source: 'tok_visa' });
    let b = await h.stripe.balance.retrieve();
    expect(amounts(b.pending)).toEqual({ usd: 941, eur: 946 });
    expect(amounts(b.available)).toEqual({ usd: 0, eur: 0 });
    expect(b.available[0].currency).toBe('usd');
    h.clock += 2 * DAY - 1;
    expect(amounts((await h.stripe.balance.retrieve()).available)).toEqual({ usd: 0, eur: 0 });
    h.clock += 1;
    b = await h.stripe.balance.retrieve();
    expect(amounts(b.available)).toEqual({ usd: 941, eur: 946 });
    expect(amounts(b.pending)).toEqual({ usd: 0, eur: 0 });
  });

  it('answers a connected account’s balance with the Stripe-Account header', async () => {
    const acct = await createEnabled(h.stripe, 'GB', 'individual', FIXED_NOW);
    await h.stripe.charges.create({ amount: 2000, currency: 'gbp', source: 'tok_visa', transfer_data: { destination: acct.id } });
    const b = await h.stripe.balance.retrieve({}, as(acct.id));
    expect(b.connect_reserved).toBeUndefined();
    expect(b.available[0].currency).toBe('gbp');
    expect(amounts(b.pending)).toEqual({ gbp: 2000 });
    await expectStripeError(h.stripe.balance.retrieve({}, as('acct_1Nope')), { status: 403, code: 'account_invalid' });
  });
});

describe('balance transactions', () => {
  it('lists newest first with type, source, currency and created filters, and expands the source', async () => {
    const acct = await createEnabled(h.stripe, 'US', 'individual', FIXED_NOW);
    const c1 = await h.stripe.charges.create({ amount: 5000, currency: 'usd', source: 'tok_bypassPending' });
    h.clock += 10;
    const c2 = await h.stripe.charges.create({ amount: 5000, currency: 'eur', source: 'tok_visa' });
    h.clock += 10;
    const tr = await h.stripe.transfers.create({ amount: 1000, currency: 'usd', destination: acct.id });
    const all = await h.stripe.balanceTransactions.list();
    expect(all.data.map((b) => b.source)).toEqual([tr.id, c2.id, c1.id]);
    for (const key of Object.keys(FIXTURES.balance_transaction)) expect(all.data[0], key).toHaveProperty(key);
    expect((await h.stripe.balanceTransactions.list({ type: 'charge' })).data.map((b) => b.source)).toEqual([c2.id, c1.id]);
    expect((await h.stripe.balanceTransactions.list({ source: c1.id })).data.map((b) => b.source)).toEqual([c1.id]);
    expect((await h.stripe.balanceTransactions.list({ currency: 'EUR' })).data.map((b) => b.source)).toEqual([c2.id]);
    expect((await h.stripe.balanceTransactions.list({ created: { lte: FIXED_NOW + 10 } })).data.map((b) => b.source)).toEqual([c2.id, c1.id]);
    expect((await collect(h.stripe.balanceTransactions.list({ limit: 1 }))).length).toBe(3);
    const expanded = await h.stripe.balanceTransactions.retrieve(all.data[0].id, { expand: ['source'] });
    expect((expanded.source as Stripe.Transfer).object).toBe('transfer');
    // The account sees its own side only.
    const theirs = await h.stripe.balanceTransactions.list({}, as(acct.id));
    expect(theirs.data.map((b) => [b.type, b.amount])).toEqual([['payment', 1000]]);
    expectErrorShape(await h.raw('GET', '/v1/balance_transactions', { body: 'type=bonus' }), 400, { param: 'type' });
    expectErrorShape(await h.raw('GET', '/v1/balance_transactions', { body: 'account=x' }), 400, { code: 'parameter_unknown', param: 'account' });
    await expectStripeError(h.stripe.balanceTransactions.retrieve('txn_nope'), { status: 404, code: 'resource_missing', message: "No such balance transaction: 'txn_nope'" });
    await expectStripeError(h.stripe.balanceTransactions.retrieve(theirs.data[0].id), { status: 404, code: 'resource_missing' });
  });

  it('keeps every balance equal to the sum of its transactions', async () => {
    const acct = await createEnabled(h.stripe, 'US', 'individual', FIXED_NOW);
    const ch = await h.stripe.charges.create({ amount: 9000, currency: 'usd', source: 'tok_visa', application_fee_amount: 900, transfer_data: { destination: acct.id } });
    await h.stripe.transfers.createReversal(ch.transfer as string, { amount: 3000, refund_application_fee: true });
    await h.stripe.applicationFees.createRefund(ch.application_fee as string, { amount: 100 });
    for (const opts of [{}, as(acct.id)]) {
      const txns = await collect(h.stripe.balanceTransactions.list({}, opts));
      const b = await h.stripe.balance.retrieve({}, opts);
      const sum = (status: string) => txns.filter((t) => t.status === status).reduce((s, t) => s + t.net, 0);
      expect(amounts(b.pending).usd).toBe(sum('pending'));
      expect(amounts(b.available).usd).toBe(sum('available'));
    }
  });
});

describe('live-mode reject and delete read the ledger', () => {
  it('refuses while the account holds money, and allows once its balance is back to zero', async () => {
    const live = h.client('sk_live_integration');
    const acct = await live.accounts.create({ type: 'custom', country: 'US', capabilities: { card_payments: { requested: true }, transfers: { requested: true } } });
    await expectStripeError(live.accounts.del('acct_1Nope'), { status: 404 });
    const world = h.emulator.worlds.live;
    // Live mode takes no test cards: put the money straight into the ledger.
    post(world, { owner: acct.id, amount: 700, currency: 'usd', type: 'payment', source: null, created: h.clock });
    await expectStripeError(live.accounts.reject(acct.id, { reason: 'other' }), { status: 400, code: 'balance_insufficient', message: /700 usd/ });
    await expectStripeError(live.accounts.del(acct.id), { status: 400, code: 'balance_insufficient' });
    post(world, { owner: acct.id, amount: -700, currency: 'usd', type: 'payment_refund', source: null, created: h.clock });
    await expect(live.accounts.del(acct.id)).resolves.toMatchObject({ deleted: true });
  });
});
