// Top-ups through the SDK: create (with Stripe's test bank tokens), retrieve, update, list and
// cancel, and the platform balance they move through the ledger (pending until the expected
// availability date, then available; a canceled top-up nets to zero).
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { balanceOf, PLATFORM, transactionsOf } from '@/lib/emulator/core/ledger';
import { collect, createCustom, expectStripeError, FIXED_NOW, STRIPE_FIXTURES, emulatorForFile } from './harness';

const FIXTURES = STRIPE_FIXTURES;

const h = emulatorForFile();

const DAY = 86400;
/** FIXED_NOW is Monday 2026-06-01 00:00 UTC: five business days later is Monday 2026-06-08. */
const EXPECTED = FIXED_NOW + 7 * DAY;

const FAILING_TOKENS = {
  btok_us_verified_noAccount: 'no_account',
  btok_us_verified_accountClosed: 'account_closed',
  btok_us_verified_insufficientFunds: 'insufficient_funds',
  btok_us_verified_debitNotAuthorized: 'debit_not_authorized',
  btok_us_verified_invalidCurrency: 'invalid_currency',
} as const;

/** The platform's balance in usd, read from the ledger at the emulator's clock. */
function platformUsd(mode: 'test' | 'live' = 'test') {
  const b = balanceOf(h.emulator.worlds[mode], PLATFORM, h.clock);
  return { available: b.available.usd ?? 0, pending: b.pending.usd ?? 0 };
}

/** Every balance of the platform equals the sum of its balance transactions' nets. */
function expectLedgerBalanced(mode: 'test' | 'live' = 'test') {
  const world = h.emulator.worlds[mode];
  const sums: Record<string, { available: number; pending: number }> = {};
  for (const bt of transactionsOf(world, PLATFORM)) {
    const s = (sums[bt.currency] ??= { available: 0, pending: 0 });
    if (bt.available_on <= h.clock) s.available += bt.net;
    else s.pending += bt.net;
  }
  const b = balanceOf(world, PLATFORM, h.clock);
  for (const [currency, s] of Object.entries(sums)) {
    expect(b.available[currency] ?? 0).toBe(s.available);
    expect(b.pending[currency] ?? 0).toBe(s.pending);
  }
}

const topup = (params: Partial<Stripe.TopupCreateParams> = {}, options?: Stripe.RequestOptions) =>
  h.stripe.topups.create({ amount: 2000, currency: 'usd', ...params }, options);

describe('create', () => {
  it('answers a pending top-up with every field of Stripe’s sample', async () => {
    const t = await topup({ description: 'Top-up for Jenny Rosen', statement_descriptor: 'Top-up', metadata: { order_id: '6735' }, transfer_group: 'grp_1' });
    for (const key of Object.keys(FIXTURES.topup)) expect(t, key).toHaveProperty(key);
    expect(t.id).toMatch(/^tu_[A-Za-z0-9]{24}$/);
    expect(t).toMatchObject({
      object: 'topup',
      amount: 2000,
      currency: 'usd',
      created: FIXED_NOW,
      description: 'Top-up for Jenny Rosen',
      expected_availability_date: EXPECTED,
      failure_code: null,
      failure_message: null,
      livemode: false,
      metadata: { order_id: '6735' },
      source: null,
      statement_descriptor: 'Top-up',
      status: 'pending',
      transfer_group: 'grp_1',
    });
    expect(t.balance_transaction).toMatch(/^txn_/);
  });

  it('takes Stripe’s successful test bank token as the source: an ach_debit source on the test bank', async () => {
    const t = await topup({ source: 'btok_us_verified' });
    expect(t.status).toBe('pending');
    expect(t.source).toMatchObject({
      object: 'source',
      type: 'ach_debit',
      currency: 'usd',
      livemode: false,
      ach_debit: { bank_name: 'STRIPE TEST BANK', country: 'US', last4: '6789', routing_number: '110000000' },
    });
    expect(t.source?.id).toMatch(/^src_/);
    for (const key of Object.keys(FIXTURES.topup.source as object)) expect(t.source, key).toHaveProperty(key);
  });

  it.each(Object.entries(FAILING_TOKENS))('fails at once with %s (%s), moving no money', async (token, code) => {
    const t = await topup({ source: token });
    expect(t).toMatchObject({ status: 'failed', failure_code: code, balance_transaction: null, expected_availability_date: null });
    expect(t.failure_message).toEqual(expect.any(String));
    expect(t.source?.object).toBe('source');
    expect(platformUsd()).toEqual({ available: 0, pending: 0 });
    expect(transactionsOf(h.emulator.worlds.test, PLATFORM)).toEqual([]);
  });

  it('credits the platform’s pending balance through a topup balance transaction', async () => {
    const t = await topup({ amount: 5000, description: 'Funding' });
    const [bt] = transactionsOf(h.emulator.worlds.test, PLATFORM);
    expect(bt).toMatchObject({ id: t.balance_transaction, type: 'topup', amount: 5000, fee: 0, net: 5000, currency: 'usd', source: t.id, available_on: EXPECTED, reporting_category: 'topup' });
    expect(platformUsd()).toEqual({ available: 0, pending: 5000 });
    expectLedgerBalanced();
  });

  it('takes the currency in any case and answers it in lowercase', async () => {
    expect((await topup({ currency: 'USD' })).currency).toBe('usd');
  });

  it('expands balance_transaction', async () => {
    const t = await topup({ expand: ['balance_transaction'] });
    const bt = t.balance_transaction as Stripe.BalanceTransaction;
    expect(bt).toMatchObject({ object: 'balance_transaction', type: 'topup', amount: 2000, status: 'pending', source: t.id });
  });

  it('refuses to expand what is not expandable', async () => {
    await expectStripeError(topup({ expand: ['source'] }), { status: 400, param: 'expand' });
    await expectStripeError(topup({ expand: ['nope'] }), { status: 400, param: 'expand' });
    await expectStripeError(topup({ expand: ['balance_transaction.a.b.c.d'] }), { status: 400, param: 'expand', message: /more than 4 levels/ });
    // Refused before anything happened: no top-up, no money.
    expect(h.emulator.worlds.test.topups.size).toBe(0);
    expect(platformUsd()).toEqual({ available: 0, pending: 0 });
  });

  it('refuses a bad expand on update and cancel before changing anything', async () => {
    const t = await topup({ description: 'old' });
    await expectStripeError(h.stripe.topups.update(t.id, { description: 'new', expand: ['source'] }), { status: 400, param: 'expand' });
    await expectStripeError(h.stripe.topups.cancel(t.id, { expand: ['metadata'] }), { status: 400, param: 'expand' });
    expect(await h.stripe.topups.retrieve(t.id)).toMatchObject({ description: 'old', status: 'pending' });
    expect((await h.stripe.topups.cancel(t.id, { expand: ['balance_transaction'] })).balance_transaction).toMatchObject({ id: t.balance_transaction });
  });

  it('refuses missing, unknown and invalid parameters, naming them', async () => {
    await expectStripeError(h.stripe.topups.create({ currency: 'usd' } as Stripe.TopupCreateParams), { status: 400, code: 'parameter_missing', param: 'amount' });
    await expectStripeError(h.stripe.topups.create({ amount: 100 } as Stripe.TopupCreateParams), { status: 400, code: 'parameter_missing', param: 'currency' });
    await expectStripeError(topup({ destination: 'acct_1' } as Partial<Stripe.TopupCreateParams>), { status: 400, code: 'parameter_unknown', param: 'destination' });
    await expectStripeError(topup({ amount: 0 }), { status: 400, param: 'amount' });
    await expectStripeError(topup({ amount: -5 }), { status: 400, param: 'amount' });
    await expectStripeError(topup({ amount: 1.5 }), { status: 400, code: 'parameter_invalid_integer', param: 'amount' });
    await expectStripeError(topup({ amount: 100_000_000 }), { status: 400, code: 'amount_too_large', param: 'amount' });
    await expectStripeError(topup({ currency: 'xyz' }), { status: 400, param: 'currency', message: /Invalid currency/ });
    await expectStripeError(topup({ currency: 'eur' }), { status: 400, param: 'currency', message: /default currency/ });
    await expectStripeError(topup({ statement_descriptor: 'Sixteen chars!!!' }), { status: 400, param: 'statement_descriptor' });
    await expectStripeError(topup({ statement_descriptor: '12345' }), { status: 400, param: 'statement_descriptor' });
    await expectStripeError(topup({ metadata: { ['k'.repeat(41)]: 'v' } }), { status: 400, param: `metadata[${'k'.repeat(41)}]` });
    expect(h.emulator.worlds.test.topups.size).toBe(0);
  });

  it('refuses sources it does not know, unverified bank tokens and payment methods', async () => {
    await expectStripeError(topup({ source: 'btok_nope' }), { status: 400, code: 'resource_missing', param: 'source', message: /No such token: 'btok_nope'/ });
    await expectStripeError(topup({ source: 'src_nope' }), { status: 400, code: 'resource_missing', param: 'source', message: /No such source/ });
    await expectStripeError(topup({ source: 'btok_us' }), { status: 400, param: 'source', message: /verified/ });
    await expectStripeError(topup({ payment_method: 'pm_nope' }), { status: 400, code: 'resource_missing', param: 'payment_method' });
    await expectStripeError(topup({ payment_method: 'pm_nope', source: 'btok_us_verified' }), { status: 400, param: 'payment_method' });
    await expectStripeError(topup({ payment_method_options: { us_bank_account: { network: 'ach' } } }), { status: 400, param: 'payment_method_options' });
  });

  it('does not accept the test bank tokens in live mode', async () => {
    await expectStripeError(h.live.topups.create({ amount: 100, currency: 'usd', source: 'btok_us_verified' }), { status: 400, code: 'resource_missing', param: 'source' });
    const t = await h.live.topups.create({ amount: 100, currency: 'usd' });
    expect(t).toMatchObject({ livemode: true, status: 'pending' });
  });

  it('acts on the platform’s own balance only: Stripe-Account is refused', async () => {
    const account = await createCustom(h.stripe);
    await expectStripeError(topup({}, { stripeAccount: account.id }), { status: 400, param: 'Stripe-Account' });
  });

  it('replays an idempotent create, and refuses the key with other parameters', async () => {
    const first = await topup({}, { idempotencyKey: 'topup-1' });
    const again = await topup({}, { idempotencyKey: 'topup-1' });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(h.emulator.worlds.test.topups.size).toBe(1);
    expect(platformUsd().pending).toBe(2000);
    await expectStripeError(topup({ amount: 3000 }, { idempotencyKey: 'topup-1' }), { status: 400, type: 'idempotency_error' });
  });
});

describe('the clock', () => {
  it('succeeds on its expected availability date, when the funds become available', async () => {
    const t = await topup({ source: 'btok_us_verified' });
    h.clock = EXPECTED - 1;
    expect((await h.stripe.topups.retrieve(t.id)).status).toBe('pending');
    expect(platformUsd()).toEqual({ available: 0, pending: 2000 });
    h.clock = EXPECTED;
    expect((await h.stripe.topups.retrieve(t.id)).status).toBe('succeeded');
    expect(platformUsd()).toEqual({ available: 2000, pending: 0 });
    const bt = (await h.stripe.topups.retrieve(t.id, { expand: ['balance_transaction'] })).balance_transaction as Stripe.BalanceTransaction;
    expect(bt.status).toBe('available');
    expectLedgerBalanced();
  });

  it('skips weekends: a top-up made on a Friday is available the next Friday', async () => {
    h.clock = FIXED_NOW + 4 * DAY + 15 * 3600; // Friday 15:00 UTC
    const t = await topup();
    expect(t.expected_availability_date).toBe(FIXED_NOW + 11 * DAY);
  });
});

describe('retrieve', () => {
  it('answers a top-up, and 404 for an unknown or other-mode id', async () => {
    const t = await topup();
    expect(await h.stripe.topups.retrieve(t.id)).toMatchObject({ id: t.id, status: 'pending' });
    await expectStripeError(h.stripe.topups.retrieve('tu_nope'), { status: 404, code: 'resource_missing', param: 'id', message: /No such topup: 'tu_nope'/ });
    await expectStripeError(h.live.topups.retrieve(t.id), { status: 404, code: 'resource_missing' });
  });

  it('refuses unknown parameters', async () => {
    const t = await topup();
    const res = await h.raw('GET', `/v1/topups/${t.id}`, { body: 'amount=1' });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'parameter_unknown', param: 'amount' });
  });
});

describe('update', () => {
  it('changes the description and metadata, and nothing else', async () => {
    const t = await topup({ description: 'old', metadata: { a: '1', b: '2' } });
    const u = await h.stripe.topups.update(t.id, { description: 'new', metadata: { a: '', c: '3' } });
    expect(u).toMatchObject({ id: t.id, description: 'new', metadata: { b: '2', c: '3' }, amount: 2000, status: 'pending' });
    expect(await h.stripe.topups.retrieve(t.id)).toMatchObject({ description: 'new', metadata: { b: '2', c: '3' } });
    expect((await h.stripe.topups.update(t.id, { description: '', metadata: '' })).description).toBeNull();
    expect((await h.stripe.topups.retrieve(t.id)).metadata).toEqual({});
  });

  it('refuses other fields, naming them, and unknown ids', async () => {
    const t = await topup();
    await expectStripeError(h.stripe.topups.update(t.id, { amount: 1 } as Stripe.TopupUpdateParams), { status: 400, code: 'parameter_unknown', param: 'amount' });
    await expectStripeError(h.stripe.topups.update(t.id, { statement_descriptor: 'x' } as Stripe.TopupUpdateParams), { status: 400, code: 'parameter_unknown', param: 'statement_descriptor' });
    await expectStripeError(h.stripe.topups.update('tu_nope', { description: 'x' }), { status: 404, code: 'resource_missing' });
  });

  it('updates a failed or canceled top-up too', async () => {
    const failed = await topup({ source: 'btok_us_verified_noAccount' });
    expect((await h.stripe.topups.update(failed.id, { metadata: { note: 'bank closed' } })).metadata).toEqual({ note: 'bank closed' });
  });
});

describe('cancel', () => {
  it('cancels a pending top-up: a topup_reversal takes the credit back, nothing ever becomes available', async () => {
    const t = await topup({ amount: 7000 });
    const c = await h.stripe.topups.cancel(t.id);
    expect(c).toMatchObject({ id: t.id, status: 'canceled', amount: 7000 });
    expect(platformUsd()).toEqual({ available: 0, pending: 0 });
    const txns = transactionsOf(h.emulator.worlds.test, PLATFORM);
    expect(txns.map((bt) => [bt.type, bt.amount, bt.source])).toEqual(
      expect.arrayContaining([
        ['topup', 7000, t.id],
        ['topup_reversal', -7000, t.id],
      ]),
    );
    h.clock = EXPECTED + DAY;
    expect(platformUsd()).toEqual({ available: 0, pending: 0 });
    expect((await h.stripe.topups.retrieve(t.id)).status).toBe('canceled');
    expectLedgerBalanced();
  });

  it('cancels only a pending top-up', async () => {
    const t = await topup();
    await h.stripe.topups.cancel(t.id);
    await expectStripeError(h.stripe.topups.cancel(t.id), { status: 400, message: /canceled/ });
    const failed = await topup({ source: 'btok_us_verified_insufficientFunds' });
    await expectStripeError(h.stripe.topups.cancel(failed.id), { status: 400, message: /failed/ });
    const done = await topup();
    h.clock = EXPECTED;
    await expectStripeError(h.stripe.topups.cancel(done.id), { status: 400, message: /succeeded/ });
    expect(platformUsd()).toEqual({ available: 2000, pending: 0 });
    expectLedgerBalanced();
  });

  it('answers 404 for an unknown id and refuses parameters', async () => {
    await expectStripeError(h.stripe.topups.cancel('tu_nope'), { status: 404, code: 'resource_missing' });
    const t = await topup();
    await expectStripeError(h.stripe.topups.cancel(t.id, { amount: 1 } as Stripe.TopupCancelParams), { status: 400, code: 'parameter_unknown', param: 'amount' });
    expect((await h.stripe.topups.retrieve(t.id)).status).toBe('pending');
  });

  it('replays an idempotent cancel', async () => {
    const t = await topup();
    await h.stripe.topups.cancel(t.id, {}, { idempotencyKey: 'cancel-1' });
    const again = await h.stripe.topups.cancel(t.id, {}, { idempotencyKey: 'cancel-1' });
    expect(again.status).toBe('canceled');
    expect(transactionsOf(h.emulator.worlds.test, PLATFORM).filter((bt) => bt.type === 'topup_reversal')).toHaveLength(1);
  });
});

describe('list', () => {
  async function makeSeveral() {
    const made: Stripe.Topup[] = [];
    for (let i = 0; i < 5; i++) {
      h.clock = FIXED_NOW + i * 60;
      made.push(await topup({ amount: 1000 * (i + 1) }));
    }
    h.clock = FIXED_NOW + 600;
    made.push(await topup({ source: 'btok_us_verified_accountClosed', amount: 600 }));
    await h.stripe.topups.cancel(made[0].id);
    return made;
  }

  it('lists newest first in Stripe’s envelope, with cursors', async () => {
    const made = await makeSeveral();
    const page = await h.stripe.topups.list({ limit: 2 });
    expect(page).toMatchObject({ object: 'list', url: '/v1/topups', has_more: true });
    expect(page.data.map((t) => t.id)).toEqual([made[5].id, made[4].id]);
    const next = await h.stripe.topups.list({ limit: 2, starting_after: made[4].id });
    expect(next.data.map((t) => t.id)).toEqual([made[3].id, made[2].id]);
    const before = await h.stripe.topups.list({ limit: 2, ending_before: made[2].id });
    expect(before.data.map((t) => t.id)).toEqual([made[4].id, made[3].id]);
    expect((await collect(h.stripe.topups.list({ limit: 1 }))).map((t) => t.id)).toEqual([...made].reverse().map((t) => t.id));
  });

  it('filters by status, created and amount', async () => {
    const made = await makeSeveral();
    const ids = async (params: Stripe.TopupListParams) => (await h.stripe.topups.list(params)).data.map((t) => t.id);
    expect(await ids({ status: 'canceled' })).toEqual([made[0].id]);
    expect(await ids({ status: 'failed' })).toEqual([made[5].id]);
    expect(await ids({ status: 'pending' })).toEqual([made[4].id, made[3].id, made[2].id, made[1].id]);
    expect(await ids({ status: 'succeeded' })).toEqual([]);
    h.clock = EXPECTED + 3600;
    expect(await ids({ status: 'succeeded' })).toEqual([made[4].id, made[3].id, made[2].id, made[1].id]);
    expect(await ids({ status: 'pending' })).toEqual([]);
    expect(await ids({ created: { gte: FIXED_NOW + 60, lt: FIXED_NOW + 240 } })).toEqual([made[3].id, made[2].id, made[1].id]);
    expect(await ids({ created: FIXED_NOW + 120 })).toEqual([made[2].id]);
    expect(await ids({ amount: { gt: 3000 } })).toEqual([made[4].id, made[3].id]);
    expect(await ids({ amount: 600 })).toEqual([made[5].id]);
  });

  it('refuses a wrong status, a bad limit, an unknown cursor and unknown parameters', async () => {
    await expectStripeError(h.stripe.topups.list({ status: 'reversed' }), { status: 400, param: 'status', message: /must be one of canceled, failed, pending, or succeeded/ });
    await expectStripeError(h.stripe.topups.list({ limit: 0 }), { status: 400, param: 'limit' });
    await expectStripeError(h.stripe.topups.list({ limit: 101 }), { status: 400, param: 'limit' });
    await expectStripeError(h.stripe.topups.list({ starting_after: 'tu_nope' }), { status: 400, code: 'resource_missing', param: 'starting_after' });
    await expectStripeError(h.stripe.topups.list({ currency: 'usd' } as Stripe.TopupListParams), { status: 400, code: 'parameter_unknown', param: 'currency' });
  });

  it('expands inside the list', async () => {
    await topup();
    const page = await h.stripe.topups.list({ expand: ['data.balance_transaction'] });
    expect((page.data[0].balance_transaction as Stripe.BalanceTransaction).object).toBe('balance_transaction');
  });

  it('keeps each mode’s top-ups apart', async () => {
    const test = await topup();
    const live = await h.live.topups.create({ amount: 100, currency: 'usd' });
    expect((await h.stripe.topups.list()).data.map((t) => t.id)).toEqual([test.id]);
    expect((await h.live.topups.list()).data.map((t) => t.id)).toEqual([live.id]);
    expect(platformUsd('live').pending).toBe(100);
    expectLedgerBalanced('live');
  });
});

describe('the ledger', () => {
  it('shows in GET /v1/balance and the balance transactions, whose source expands to the top-up', async () => {
    const t = await topup({ amount: 4200 });
    const usd = (side: Stripe.Balance.Available[]) => side.find((s) => s.currency === 'usd')?.amount;
    const balance = await h.stripe.balance.retrieve();
    expect([usd(balance.available), usd(balance.pending)]).toEqual([0, 4200]);
    const txns = await h.stripe.balanceTransactions.list({ type: 'topup', expand: ['data.source'] });
    expect(txns.data.map((bt) => bt.id)).toEqual([t.balance_transaction]);
    expect(txns.data[0].source).toMatchObject({ id: t.id, object: 'topup', status: 'pending' });
    await h.stripe.topups.cancel(t.id);
    expect((await h.stripe.balanceTransactions.list({ source: t.id })).data.map((bt) => [bt.type, bt.net])).toEqual([
      ['topup_reversal', -4200],
      ['topup', 4200],
    ]);
    h.clock = EXPECTED;
    const after = await h.stripe.balance.retrieve();
    expect([usd(after.available), usd(after.pending)]).toEqual([0, 0]);
  });

  it('keeps the platform’s balance equal to the sum of its balance transactions through a mix of top-ups', async () => {
    const a = await topup({ amount: 1000 });
    await topup({ amount: 2500, source: 'btok_us_verified' });
    await topup({ amount: 999, source: 'btok_us_verified_debitNotAuthorized' });
    h.clock = FIXED_NOW + 2 * DAY;
    const c = await topup({ amount: 4000 });
    await h.stripe.topups.cancel(a.id);
    expect(platformUsd()).toEqual({ available: 0, pending: 6500 });
    expectLedgerBalanced();
    h.clock = EXPECTED;
    expect(platformUsd()).toEqual({ available: 2500, pending: 4000 });
    expectLedgerBalanced();
    h.clock = c.expected_availability_date ?? 0;
    expect(platformUsd()).toEqual({ available: 6500, pending: 0 });
    expectLedgerBalanced();
  });
});
