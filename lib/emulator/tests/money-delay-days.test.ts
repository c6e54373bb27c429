// `settings.payouts.schedule.delay_days` applied: a connected account's card funds (its direct
// charges, and its payments from destination charges) become available that many days after the
// payment; `minimum` is shown as the number it stands for (2); the platform's own stay at two
// days; tok_bypassPending skips the wait; automatic payouts take the funds only once available.
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { createEnabled, emulatorForFile, expectBalancesEqualTransactions, FIXED_NOW } from './harness';

const DAY = 86400;
const h = emulatorForFile();
const as = (account: string) => ({ stripeAccount: account });

async function account(schedule: Stripe.AccountUpdateParams.Settings.Payouts.Schedule) {
  const acct = await createEnabled(h.stripe, 'US', 'individual', FIXED_NOW);
  return h.stripe.accounts.update(acct.id, { settings: { payouts: { schedule } } });
}

const txn = (id: string | Stripe.BalanceTransaction | null, account?: string) => h.stripe.balanceTransactions.retrieve(id as string, {}, account ? as(account) : {});
const balanceOf = async (account: string) => {
  const b = await h.stripe.balance.retrieve({}, as(account));
  const usd = (side: Stripe.Balance.Available[]) => side.find((x) => x.currency === 'usd')?.amount ?? 0;
  return { available: usd(b.available), pending: usd(b.pending) };
};

async function advance(seconds: number) {
  h.clock += seconds;
  await h.stripe.balance.retrieve();
}

describe('delay_days', () => {
  it('is 2 by default and `minimum` is shown as 2; a number given is kept', async () => {
    const a = await createEnabled(h.stripe, 'US', 'individual', FIXED_NOW);
    expect(a.settings?.payouts?.schedule.delay_days).toBe(2);
    const seven = await h.stripe.accounts.update(a.id, { settings: { payouts: { schedule: { delay_days: 7 } } } });
    expect(seven.settings?.payouts?.schedule).toMatchObject({ delay_days: 7, interval: 'daily' });
    const min = await h.stripe.accounts.update(a.id, { settings: { payouts: { schedule: { delay_days: 'minimum' } } } });
    expect(min.settings?.payouts?.schedule.delay_days).toBe(2);
    expect((await h.stripe.accounts.retrieve(a.id)).settings?.payouts?.schedule.delay_days).toBe(2);
  });

  it("holds a direct charge's funds for the account's delay_days, then makes them available", async () => {
    const acct = await account({ interval: 'manual', delay_days: 7 });
    const ch = await h.stripe.charges.create({ amount: 10_000, currency: 'usd', source: 'tok_visa' }, as(acct.id));
    const bt = await txn(ch.balance_transaction, acct.id);
    expect(bt).toMatchObject({ status: 'pending', available_on: FIXED_NOW + 7 * DAY });
    await advance(2 * DAY);
    expect((await balanceOf(acct.id)).available).toBe(0);
    await advance(5 * DAY - 1);
    expect((await balanceOf(acct.id)).available).toBe(0);
    await advance(1);
    expect((await balanceOf(acct.id)).available).toBe(bt.net);
    expect((await txn(bt.id, acct.id)).status).toBe('available');
    await expectBalancesEqualTransactions(h.stripe, [null, acct.id]);
  });

  it("holds a destination charge's payment for the destination's delay_days; the platform's charge waits its own two days", async () => {
    const acct = await account({ interval: 'manual', delay_days: 5 });
    const ch = await h.stripe.charges.create({ amount: 10_000, currency: 'usd', source: 'tok_visa', transfer_data: { destination: acct.id }, application_fee_amount: 500 });
    expect((await txn(ch.balance_transaction)).available_on).toBe(FIXED_NOW + 2 * DAY);
    const transfer = await h.stripe.transfers.retrieve(ch.transfer as string);
    const payment = await h.stripe.charges.retrieve(transfer.destination_payment as string, {}, as(acct.id));
    expect((await txn(payment.balance_transaction, acct.id)).available_on).toBe(FIXED_NOW + 5 * DAY);
    await advance(4 * DAY);
    expect(await balanceOf(acct.id)).toEqual({ available: 0, pending: 9500 });
    await advance(DAY);
    expect(await balanceOf(acct.id)).toEqual({ available: 9500, pending: 0 });
    await expectBalancesEqualTransactions(h.stripe, [null, acct.id]);
  });

  it('a shorter delay than the default makes the funds available sooner; tok_bypassPending at once whatever it says', async () => {
    const acct = await account({ interval: 'manual', delay_days: 1 });
    const ch = await h.stripe.charges.create({ amount: 5000, currency: 'usd', source: 'tok_visa' }, as(acct.id));
    expect((await txn(ch.balance_transaction, acct.id)).available_on).toBe(FIXED_NOW + DAY);
    const slow = await account({ interval: 'manual', delay_days: 30 });
    const now = await h.stripe.charges.create({ amount: 5000, currency: 'usd', source: 'tok_bypassPending' }, as(slow.id));
    expect(await txn(now.balance_transaction, slow.id)).toMatchObject({ status: 'available', available_on: FIXED_NOW });
  });

  it('automatic payouts take the funds only once the delay has passed', async () => {
    const acct = await account({ interval: 'daily', delay_days: 4 });
    const ch = await h.stripe.charges.create({ amount: 10_000, currency: 'usd', source: 'tok_visa' }, as(acct.id));
    const net = (await txn(ch.balance_transaction, acct.id)).net;
    await advance(3 * DAY);
    expect((await h.stripe.payouts.list({}, as(acct.id))).data).toEqual([]);
    await advance(DAY);
    const [po] = (await h.stripe.payouts.list({}, as(acct.id))).data;
    expect(po).toMatchObject({ automatic: true, amount: net, created: FIXED_NOW + 4 * DAY });
    await expectBalancesEqualTransactions(h.stripe, [acct.id]);
  });
});
