// Payouts through the SDK: on demand (platform and Stripe-Account), paid, failed by each family of
// Stripe's failing test bank numbers, canceled and refused; automatic payouts by the account's
// schedule as the clock moves; paused by a rejection and resumed by unreject; their events; and
// every balance equal to the sum of its balance transactions.
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { collect, createEnabled, expectBalancesEqualTransactions, expectErrorShape, expectStripeError, FIXED_NOW, STRIPE_FIXTURES, emulatorForFile } from './harness';

const DAY = 86400;
/** FIXED_NOW is Monday 2026-06-01 00:00 UTC: a standard payout made then arrives Wednesday 2026-06-03. */
const ARRIVAL = FIXED_NOW + 2 * DAY;
const DAHLIA = '2026-07-29.dahlia';

const h = emulatorForFile();

const as = (account: string) => ({ stripeAccount: account });
const usd = (side: Stripe.Balance.Available[], currency = 'usd') => side.find((x) => x.currency === currency)?.amount ?? 0;
const available = async (account?: string, currency = 'usd') => usd((await h.stripe.balance.retrieve({}, account ? as(account) : {})).available, currency);

/** Puts `net` in the platform's available balance (tok_bypassPending, grossed up for Stripe's fee). */
async function fundPlatform(net: number, currency = 'usd') {
  await h.stripe.charges.create({ amount: Math.ceil((net + 30) / 0.971) + 1, currency, source: 'tok_bypassPending' });
}

/** An enabled US account on a manual schedule (no automatic payouts) holding `amount` available. */
async function funded(amount = 10_000, country: 'US' | 'GB' | 'DE' = 'US', schedule: Stripe.AccountUpdateParams.Settings.Payouts.Schedule = { interval: 'manual' }) {
  const currency = { US: 'usd', GB: 'gbp', DE: 'eur' }[country];
  const acct = await createEnabled(h.stripe, country, 'individual', FIXED_NOW);
  await h.stripe.accounts.update(acct.id, { settings: { payouts: { schedule } } });
  if (amount > 0) {
    await fundPlatform(amount, currency);
    await h.stripe.transfers.create({ amount, currency, destination: acct.id });
  }
  return acct;
}

/** Moves the emulator's clock and lets it tick (a request ticks first). */
async function advance(seconds: number) {
  h.clock += seconds;
  await h.stripe.balance.retrieve();
}

const events = async (account: string | null, type = 'payout.*') => (await h.stripe.events.list({ type, limit: 100 }, account ? as(account) : {})).data;

describe('on demand', () => {
  it('debits the available balance and answers a pending payout with every field of Stripe’s sample', async () => {
    const acct = await funded(10_000);
    const po = await h.stripe.payouts.create({ amount: 4000, currency: 'usd', description: 'Weekly withdrawal', statement_descriptor: 'ACME PAYOUT', metadata: { run: '22' } }, as(acct.id));
    for (const key of Object.keys(STRIPE_FIXTURES.payout)) expect(po, key).toHaveProperty(key);
    expect(po.id).toMatch(/^po_[A-Za-z0-9]{24}$/);
    const bank = (await h.stripe.accounts.listExternalAccounts(acct.id)).data[0];
    expect(po).toMatchObject({
      object: 'payout', amount: 4000, currency: 'usd', status: 'pending', automatic: false, method: 'standard', type: 'bank_account', source_type: 'card',
      destination: bank.id, arrival_date: ARRIVAL, created: FIXED_NOW, description: 'Weekly withdrawal', statement_descriptor: 'ACME PAYOUT', metadata: { run: '22' },
      failure_code: null, failure_message: null, failure_balance_transaction: null, reconciliation_status: 'not_applicable', livemode: false, trace_id: { status: 'pending', value: null },
    });
    expect(await available(acct.id)).toBe(6000);
    const bt = await h.stripe.balanceTransactions.retrieve(po.balance_transaction as string, { expand: ['source'] }, as(acct.id));
    for (const key of Object.keys(STRIPE_FIXTURES.balance_transaction)) expect(bt, key).toHaveProperty(key);
    expect(bt).toMatchObject({ type: 'payout', amount: -4000, net: -4000, fee: 0, status: 'available', reporting_category: 'payout', source: { id: po.id, object: 'payout' } });
    expect((await h.stripe.payouts.retrieve(po.id, { expand: ['destination'] }, as(acct.id))).destination).toMatchObject({ id: bank.id, object: 'bank_account' });
    await expectBalancesEqualTransactions(h.stripe, [null, acct.id]);
  });

  it('goes in transit at the next bank cut-off and is paid on its arrival date, with an event for each change', async () => {
    const acct = await funded();
    const po = await h.stripe.payouts.create({ amount: 2500, currency: 'usd' }, as(acct.id));
    await advance(DAY - 1);
    expect((await h.stripe.payouts.retrieve(po.id, {}, as(acct.id))).status).toBe('pending');
    await advance(1);
    expect((await h.stripe.payouts.retrieve(po.id, {}, as(acct.id))).status).toBe('in_transit');
    await advance(DAY);
    const paid = await h.stripe.payouts.retrieve(po.id, {}, as(acct.id));
    expect(paid).toMatchObject({ status: 'paid', failure_code: null, reconciliation_status: 'not_applicable', trace_id: { status: 'supported' } });
    const evts = await events(acct.id);
    expect(evts.map((e) => e.type)).toEqual(['payout.paid', 'payout.updated', 'payout.created']);
    expect(evts.every((e) => e.account === acct.id)).toBe(true);
    expect(evts[1].data.previous_attributes).toEqual({ status: 'pending' });
    expect((evts[0].data.object as Stripe.Payout).status).toBe('paid');
    expect(await available(acct.id)).toBe(7500);
    await expectBalancesEqualTransactions(h.stripe, [acct.id]);
  });

  it('replays a payout made with the same Idempotency-Key instead of paying out twice', async () => {
    const acct = await funded(5000);
    const opts = { ...as(acct.id), idempotencyKey: 'payout-run-22' };
    const first = await h.stripe.payouts.create({ amount: 3000, currency: 'usd' }, opts);
    const again = await h.stripe.payouts.create({ amount: 3000, currency: 'usd' }, opts);
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(await available(acct.id)).toBe(2000);
    await expectStripeError(h.stripe.payouts.create({ amount: 2000, currency: 'usd' }, opts), { status: 400, type: 'idempotency_error' });
    expect((await events(acct.id)).length).toBe(1);
  });

  it('sends an instant payout to a debit card that takes them: in transit at once, paid at the next tick', async () => {
    const acct = await funded(5000);
    const card = await h.stripe.accounts.createExternalAccount(acct.id, { external_account: 'tok_visa_debit' });
    const po = await h.stripe.payouts.create({ amount: 1000, currency: 'usd', method: 'instant', destination: card.id }, as(acct.id));
    expect(po).toMatchObject({ method: 'instant', type: 'card', status: 'in_transit', arrival_date: FIXED_NOW, destination: card.id });
    await expectStripeError(h.stripe.payouts.cancel(po.id, {}, as(acct.id)), { status: 400 });
    await advance(1);
    expect(await h.stripe.payouts.retrieve(po.id, {}, as(acct.id))).toMatchObject({ status: 'paid', trace_id: { status: 'unsupported', value: null } });
    const standardOnly = await h.stripe.accounts.createExternalAccount(acct.id, { external_account: 'tok_visa_debit_us_instantPayoutUnsupported' });
    await expectStripeError(h.stripe.payouts.create({ amount: 100, currency: 'usd', method: 'instant', destination: standardOnly.id }, as(acct.id)), { status: 400, param: 'method' });
    expect(await available(acct.id)).toBe(4000);
  });

  it('pays out the platform’s own balance to its bank account without Stripe-Account', async () => {
    await fundPlatform(5000);
    const before = await available();
    const po = await h.stripe.payouts.create({ amount: 3000, currency: 'usd' });
    expect(po).toMatchObject({ status: 'pending', destination: 'ba_EmulatorPlatformBank0001', type: 'bank_account' });
    expect(await available()).toBe(before - 3000);
    expect((await events(null)).map((e) => [e.type, e.account ?? null])).toEqual([['payout.created', null]]);
    expect((await h.stripe.payouts.list()).data.map((p) => p.id)).toEqual([po.id]);
    await expectBalancesEqualTransactions(h.stripe, [null]);
  });
});

describe('failed by Stripe’s failing test bank numbers', () => {
  const families: [string, string, 'US' | 'GB' | 'DE', Stripe.AccountCreateExternalAccountParams['external_account']][] = [
    ['no_account', 'usd', 'US', 'btok_us_verified_noAccount'],
    ['account_closed', 'usd', 'US', 'btok_us_verified_accountClosed'],
    ['insufficient_funds', 'usd', 'US', 'btok_us_verified_insufficientFunds'],
    ['debit_not_authorized', 'usd', 'US', 'btok_us_verified_debitNotAuthorized'],
    ['invalid_currency', 'usd', 'US', 'btok_us_verified_invalidCurrency'],
    ['no_account', 'gbp', 'GB', { object: 'bank_account', country: 'GB', currency: 'gbp', routing_number: '108800', account_number: '11111116' } as unknown as string],
    ['account_closed', 'gbp', 'GB', { object: 'bank_account', country: 'GB', currency: 'gbp', routing_number: '108800', account_number: '11111113' } as unknown as string],
    ['no_account', 'eur', 'DE', { object: 'bank_account', country: 'DE', currency: 'eur', account_number: 'DE62370400440532013001' } as unknown as string],
    ['insufficient_funds', 'eur', 'DE', { object: 'bank_account', country: 'DE', currency: 'eur', account_number: 'DE89370400440532013003' } as unknown as string],
  ];
  for (const [code, currency, country, external] of families) {
    it(`${country} ${typeof external === 'string' ? external : (external as { account_number: string }).account_number}: fails with ${code} on its arrival date and gives the money back`, async () => {
      const acct = await funded(8000, country);
      const bank = await h.stripe.accounts.createExternalAccount(acct.id, { external_account: external, default_for_currency: true });
      const po = await h.stripe.payouts.create({ amount: 5000, currency }, as(acct.id));
      expect(po.destination).toBe(bank.id);
      expect(await available(acct.id, currency)).toBe(3000);
      await advance(ARRIVAL - FIXED_NOW);
      const failed = await h.stripe.payouts.retrieve(po.id, { expand: ['failure_balance_transaction'] }, as(acct.id));
      expect(failed).toMatchObject({ status: 'failed', failure_code: code, trace_id: { status: 'unsupported', value: null } });
      expect(failed.failure_message).toMatch(/\w+/);
      expect(failed.failure_balance_transaction).toMatchObject({ type: 'payout_failure', amount: 5000, source: po.id, reporting_category: 'payout_reversal', created: failed.arrival_date });
      expect(await available(acct.id, currency)).toBe(8000);
      expect(((await h.stripe.accounts.retrieveExternalAccount(acct.id, bank.id)) as Stripe.BankAccount).status).toBe('errored');
      expect((await events(acct.id)).map((e) => e.type)).toEqual(['payout.failed', 'payout.created']);
      await expectBalancesEqualTransactions(h.stripe, [acct.id]);
    });
  }
});

describe('cancel', () => {
  it('cancels a pending payout and gives the money back, and refuses anything else', async () => {
    const acct = await funded();
    const po = await h.stripe.payouts.create({ amount: 4000, currency: 'usd' }, as(acct.id));
    const canceled = await h.stripe.payouts.cancel(po.id, { expand: ['failure_balance_transaction'] }, as(acct.id));
    expect(canceled).toMatchObject({ status: 'canceled', failure_balance_transaction: { type: 'payout_cancel', amount: 4000, source: po.id } });
    expect(await available(acct.id)).toBe(10_000);
    await expectStripeError(h.stripe.payouts.cancel(po.id, {}, as(acct.id)), { status: 400, message: /only pending payouts/ });
    const later = await h.stripe.payouts.create({ amount: 1000, currency: 'usd' }, as(acct.id));
    await advance(DAY);
    await expectStripeError(h.stripe.payouts.cancel(later.id, {}, as(acct.id)), { status: 400, message: /status 'in_transit'/ });
    expect((await events(acct.id)).map((e) => e.type)).toEqual(['payout.updated', 'payout.created', 'payout.canceled', 'payout.created']);
    await expectStripeError(h.stripe.payouts.cancel(po.id), { status: 404, code: 'resource_missing' });
    await expectBalancesEqualTransactions(h.stripe, [acct.id]);
  });
});

describe('refused', () => {
  it('refuses in Stripe’s words: a short balance, no external account in the currency, an unknown destination', async () => {
    const acct = await funded(3000);
    await expectStripeError(h.stripe.payouts.create({ amount: 3001, currency: 'usd' }, as(acct.id)), { status: 400, code: 'balance_insufficient', message: /insufficient funds in your Stripe account/ });
    await expectStripeError(h.stripe.payouts.create({ amount: 100, currency: 'eur' }, as(acct.id)), { status: 400, param: 'currency', message: "You don't have any external accounts in that currency (eur)." });
    await expectStripeError(h.stripe.payouts.create({ amount: 100, currency: 'usd', destination: 'ba_nope' }, as(acct.id)), { status: 400, code: 'resource_missing', param: 'destination' });
    const other = await funded(0);
    const otherBank = (await h.stripe.accounts.listExternalAccounts(other.id)).data[0];
    await expectStripeError(h.stripe.payouts.create({ amount: 100, currency: 'usd', destination: otherBank.id }, as(acct.id)), { status: 400, code: 'resource_missing', param: 'destination' });
    await expectStripeError(h.stripe.payouts.create({ amount: 100, currency: 'usd', method: 'instant' }, as(acct.id)), { status: 400, param: 'method' });
    await expectStripeError(h.stripe.payouts.create({ amount: 100, currency: 'usd' }, as('acct_1Nope')), { status: 403, code: 'account_invalid' });
    expect(await available(acct.id)).toBe(3000);
    expect(await events(acct.id)).toEqual([]);
  });

  it('refuses unknown and malformed parameters, naming them', async () => {
    const acct = await funded(3000);
    const auth = { headers: { 'Stripe-Account': acct.id } };
    expectErrorShape(await h.raw('POST', '/v1/payouts', { body: 'amount=100&currency=usd&nope=1', ...auth }), 400, { code: 'parameter_unknown', param: 'nope' });
    expectErrorShape(await h.raw('POST', '/v1/payouts', { body: 'currency=usd', ...auth }), 400, { code: 'parameter_missing', param: 'amount' });
    expectErrorShape(await h.raw('POST', '/v1/payouts', { body: 'amount=100&currency=usd&method=fast', ...auth }), 400, { param: 'method' });
    expectErrorShape(await h.raw('POST', '/v1/payouts', { body: `amount=100&currency=usd&statement_descriptor=${'X'.repeat(23)}`, ...auth }), 400, { param: 'statement_descriptor' });
    expectErrorShape(await h.raw('GET', '/v1/payouts', { body: 'status=lost', ...auth }), 400, { param: 'status' });
    expectErrorShape(await h.raw('GET', '/v1/payouts', { body: 'arrival_date[after]=1', ...auth }), 400, { code: 'parameter_unknown', param: 'arrival_date[after]' });
    const po = await h.stripe.payouts.create({ amount: 100, currency: 'usd' }, as(acct.id));
    expectErrorShape(await h.raw('POST', `/v1/payouts/${po.id}`, { body: 'description=x', ...auth }), 400, { code: 'parameter_unknown', param: 'description' });
  });
});

describe('minimum payout amounts', () => {
  it('refuses a payout below the currency’s minimum (amount_too_small, param amount), on an account and on the platform', async () => {
    const acct = await funded(3000);
    await expectStripeError(h.stripe.payouts.create({ amount: 99, currency: 'usd' }, as(acct.id)), { status: 400, code: 'amount_too_small', param: 'amount', message: 'Payouts must be at least $1.00 usd.' });
    const gb = await funded(3000, 'GB');
    await expectStripeError(h.stripe.payouts.create({ amount: 99, currency: 'gbp' }, as(gb.id)), { status: 400, code: 'amount_too_small', param: 'amount', message: 'Payouts must be at least £1.00 gbp.' });
    await fundPlatform(1000);
    await expectStripeError(h.stripe.payouts.create({ amount: 50, currency: 'usd' }), { status: 400, code: 'amount_too_small', param: 'amount' });
    expect(await h.stripe.payouts.create({ amount: 100, currency: 'usd' }, as(acct.id))).toMatchObject({ amount: 100, status: 'pending' });
    expect(await available(acct.id)).toBe(2900);
    expect((await events(acct.id)).map((e) => e.type)).toEqual(['payout.created']);
  });

  it('automatic payouts leave a balance below the minimum until it reaches it', async () => {
    const acct = await funded(99, 'US', { interval: 'daily' });
    await advance(DAY);
    expect(await collect(h.stripe.payouts.list({}, as(acct.id)))).toEqual([]);
    expect(await available(acct.id)).toBe(99);
    await h.stripe.transfers.create({ amount: 1, currency: 'usd', destination: acct.id });
    await advance(DAY);
    const [po] = await collect(h.stripe.payouts.list({}, as(acct.id)));
    expect(po).toMatchObject({ amount: 100, automatic: true, created: FIXED_NOW + 2 * DAY });
    await expectBalancesEqualTransactions(h.stripe, [acct.id]);
  });
});

describe('retrieve, update, list', () => {
  it('updates metadata only (payout.updated) and lists with status, destination, arrival_date and created filters', async () => {
    const acct = await funded(20_000);
    const banks = await h.stripe.accounts.listExternalAccounts(acct.id);
    const second = await h.stripe.accounts.createExternalAccount(acct.id, { external_account: 'btok_us_verified' });
    const a = await h.stripe.payouts.create({ amount: 1000, currency: 'usd' }, as(acct.id));
    await advance(DAY);
    const b = await h.stripe.payouts.create({ amount: 2000, currency: 'usd', destination: second.id }, as(acct.id));
    const c = await h.stripe.payouts.create({ amount: 3000, currency: 'usd' }, as(acct.id));
    await h.stripe.payouts.cancel(c.id, {}, as(acct.id));
    const updated = await h.stripe.payouts.update(b.id, { metadata: { note: 'rent' } }, as(acct.id));
    expect(updated.metadata).toEqual({ note: 'rent' });
    expect((await events(acct.id, 'payout.updated'))[0].data.previous_attributes).toEqual({ metadata: { note: null } });
    const list = (params: Stripe.PayoutListParams) => collect(h.stripe.payouts.list(params, as(acct.id))).then((l) => l.map((p) => p.id));
    expect(await list({})).toEqual([c.id, b.id, a.id]);
    expect(await list({ status: 'in_transit' })).toEqual([a.id]);
    expect(await list({ status: 'canceled' })).toEqual([c.id]);
    expect(await list({ destination: second.id })).toEqual([b.id]);
    expect(await list({ destination: banks.data[0].id })).toEqual([c.id, a.id]);
    expect(await list({ arrival_date: { lte: ARRIVAL } })).toEqual([a.id]);
    expect(await list({ created: { gt: FIXED_NOW } })).toEqual([c.id, b.id]);
    const page = await h.stripe.payouts.list({ limit: 2 }, as(acct.id));
    expect(page.has_more).toBe(true);
    expect((await h.stripe.payouts.list({ starting_after: page.data[1].id }, as(acct.id))).data.map((p) => p.id)).toEqual([a.id]);
    expect((await h.stripe.payouts.list()).data).toEqual([]);
    await expectStripeError(h.stripe.payouts.retrieve(a.id), { status: 404, code: 'resource_missing' });
  });
});

describe('automatic payouts by schedule', () => {
  it('daily: pays the whole available balance at 00:00 UTC to the default bank, and reconciles it when paid', async () => {
    const acct = await funded(6000, 'US', { interval: 'daily' });
    expect(await collect(h.stripe.payouts.list({}, as(acct.id)))).toEqual([]);
    await advance(DAY);
    const [po] = await collect(h.stripe.payouts.list({}, as(acct.id)));
    expect(po).toMatchObject({ amount: 6000, automatic: true, created: FIXED_NOW + DAY, status: 'in_transit', description: 'STRIPE PAYOUT', reconciliation_status: 'in_progress', arrival_date: FIXED_NOW + 3 * DAY });
    expect(await available(acct.id)).toBe(0);
    await expectStripeError(h.stripe.payouts.cancel(po.id, {}, as(acct.id)), { status: 400, message: /automatic payouts cannot be canceled/ });
    await advance(2 * DAY);
    expect((await h.stripe.payouts.retrieve(po.id, {}, as(acct.id))).status).toBe('paid');
    expect((await events(acct.id)).map((e) => e.type)).toEqual(['payout.reconciliation_completed', 'payout.paid', 'payout.created']);
    expect((await collect(h.stripe.payouts.list({}, as(acct.id)))).length).toBe(1);
    await expectBalancesEqualTransactions(h.stripe, [acct.id]);
  });

  it('lists what an automatic payout paid out with the balance transactions’ payout filter (automatic payouts only)', async () => {
    const acct = await funded(6000, 'US', { interval: 'daily' });
    await advance(DAY);
    await fundPlatform(1500);
    const tr = await h.stripe.transfers.create({ amount: 1500, currency: 'usd', destination: acct.id });
    await advance(DAY);
    const [second, first] = await collect(h.stripe.payouts.list({}, as(acct.id)));
    expect([first.amount, second.amount]).toEqual([6000, 1500]);
    const paidOut = await collect(h.stripe.balanceTransactions.list({ payout: second.id }, as(acct.id)));
    expect(paidOut.map((t) => [t.type, t.source])).toEqual([['payout', second.id], ['payment', expect.any(String)]]);
    expect(paidOut.filter((t) => t.type !== 'payout').reduce((sum, t) => sum + t.net, 0)).toBe(second.amount);
    expect((await h.stripe.transfers.retrieve(tr.id)).destination_payment).toBe(paidOut[1].source);
    expect((await collect(h.stripe.balanceTransactions.list({ payout: first.id }, as(acct.id)))).filter((t) => t.type !== 'payout').reduce((sum, t) => sum + t.net, 0)).toBe(6000);
    await h.stripe.accounts.update(acct.id, { settings: { payouts: { schedule: { interval: 'manual' } } } });
    await fundPlatform(500);
    await h.stripe.transfers.create({ amount: 500, currency: 'usd', destination: acct.id });
    const manual = await h.stripe.payouts.create({ amount: 500, currency: 'usd' }, as(acct.id));
    await expectStripeError(h.stripe.balanceTransactions.list({ payout: manual.id }, as(acct.id)), { status: 400, param: 'payout', message: 'Balance transaction history can only be filtered on automatic transfers, not manual.' });
    await expectStripeError(h.stripe.balanceTransactions.list({ payout: 'po_nope' }, as(acct.id)), { status: 400, param: 'payout', code: 'resource_missing' });
  });

  it('weekly on its anchor and monthly on its anchor (the last day of a shorter month); manual never', async () => {
    const weekly = await funded(5000, 'US', { interval: 'weekly', weekly_anchor: 'thursday' });
    const monthly = await funded(5000, 'US', { interval: 'monthly', monthly_anchor: 31 });
    const manual = await funded(5000, 'US', { interval: 'manual' });
    await advance(2 * DAY);
    expect(await collect(h.stripe.payouts.list({}, as(weekly.id)))).toEqual([]);
    await advance(DAY); // Thursday 2026-06-04
    expect((await collect(h.stripe.payouts.list({}, as(weekly.id)))).map((p) => [p.created, p.amount])).toEqual([[FIXED_NOW + 3 * DAY, 5000]]);
    expect(await collect(h.stripe.payouts.list({}, as(monthly.id)))).toEqual([]);
    await advance(27 * DAY); // Tuesday 2026-06-30, June's last day
    expect((await collect(h.stripe.payouts.list({}, as(monthly.id)))).map((p) => p.created)).toEqual([FIXED_NOW + 29 * DAY]);
    expect((await collect(h.stripe.payouts.list({}, as(weekly.id)))).length).toBe(1);
    expect(await collect(h.stripe.payouts.list({}, as(manual.id)))).toEqual([]);
    expect(await available(manual.id)).toBe(5000);
    await expectBalancesEqualTransactions(h.stripe, [weekly.id, monthly.id, manual.id]);
  });

  it('skips a currency without a default external account and a bank account whose payouts failed', async () => {
    const acct = await funded(6000, 'US', { interval: 'daily' });
    await fundPlatform(3000, 'eur');
    await h.stripe.transfers.create({ amount: 3000, currency: 'eur', destination: acct.id });
    await h.stripe.accounts.createExternalAccount(acct.id, { external_account: 'btok_us_verified_accountClosed', default_for_currency: true });
    await advance(DAY);
    const [po] = await collect(h.stripe.payouts.list({}, as(acct.id)));
    expect(po).toMatchObject({ currency: 'usd', amount: 6000 });
    await advance(2 * DAY);
    expect((await h.stripe.payouts.retrieve(po.id, {}, as(acct.id))).status).toBe('failed');
    await advance(3 * DAY);
    expect((await collect(h.stripe.payouts.list({}, as(acct.id)))).length).toBe(1);
    expect(await available(acct.id)).toBe(6000);
    expect(await available(acct.id, 'eur')).toBe(3000);
  });
});

describe('paused by a rejection', () => {
  const dahlia = () => h.client(undefined, { apiVersion: DAHLIA as Stripe.LatestApiVersion });

  it('refuses new payouts, holds pending ones, and resumes them after unreject within ten days', async () => {
    const acct = await funded(10_000, 'US', { interval: 'daily' });
    await h.stripe.accounts.update(acct.id, { settings: { payouts: { schedule: { interval: 'manual' } } } });
    const po = await h.stripe.payouts.create({ amount: 4000, currency: 'usd' }, as(acct.id));
    await dahlia().accounts.reject(acct.id, { reason: 'fraud', payouts_action: 'pause' } as Stripe.AccountRejectParams);
    expect((await h.stripe.accounts.retrieve(acct.id)).payouts_enabled).toBe(false);
    await expectStripeError(h.stripe.payouts.create({ amount: 100, currency: 'usd' }, as(acct.id)), { status: 400, message: /Cannot create payouts.*paused/ });
    await advance(5 * DAY);
    expect((await h.stripe.payouts.retrieve(po.id, {}, as(acct.id))).status).toBe('pending');
    await dahlia().accounts.unreject(acct.id);
    await advance(0);
    const resumed = await h.stripe.payouts.retrieve(po.id, {}, as(acct.id));
    // Resumed on Saturday 2026-06-06: submitted now, it arrives on the second business day after, Tuesday.
    expect(resumed).toMatchObject({ status: 'in_transit', arrival_date: FIXED_NOW + 8 * DAY });
    await advance(3 * DAY);
    expect((await h.stripe.payouts.retrieve(po.id, {}, as(acct.id))).status).toBe('paid');
    await expectBalancesEqualTransactions(h.stripe, [acct.id]);
  });

  it('cancels a payout held ten days and gives the money back; automatic payouts stop until unreject', async () => {
    const acct = await funded(10_000, 'US', { interval: 'manual' });
    const po = await h.stripe.payouts.create({ amount: 4000, currency: 'usd' }, as(acct.id));
    await h.stripe.accounts.update(acct.id, { settings: { payouts: { schedule: { interval: 'daily' } } } });
    await dahlia().accounts.reject(acct.id, { reason: 'other' } as Stripe.AccountRejectParams);
    await advance(10 * DAY);
    const canceled = await h.stripe.payouts.retrieve(po.id, { expand: ['failure_balance_transaction'] }, as(acct.id));
    expect(canceled).toMatchObject({ status: 'canceled', failure_balance_transaction: { type: 'payout_cancel', amount: 4000, created: FIXED_NOW + 10 * DAY } });
    expect((await collect(h.stripe.payouts.list({}, as(acct.id)))).length).toBe(1);
    expect(await available(acct.id)).toBe(10_000);
    await dahlia().accounts.unreject(acct.id);
    await advance(DAY);
    const all = await collect(h.stripe.payouts.list({}, as(acct.id)));
    expect(all.map((p) => [p.automatic, p.amount])).toEqual([[true, 10_000], [false, 4000]]);
    await expectBalancesEqualTransactions(h.stripe, [acct.id]);
  });

  it('keeps paying out when rejected with payouts_action none', async () => {
    const acct = await funded(10_000, 'US', { interval: 'daily' });
    await dahlia().accounts.reject(acct.id, { reason: 'other', payouts_action: 'none' } as Stripe.AccountRejectParams);
    await advance(DAY);
    expect((await collect(h.stripe.payouts.list({}, as(acct.id)))).map((p) => p.amount)).toEqual([10_000]);
  });
});
