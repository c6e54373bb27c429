// The payout scenarios, on a connected account with a manual payout schedule and Stripe's test bank
// accounts: funded by a transfer from the platform (tok_bypassPending, so available at once), a
// payout made on demand, its reversal refused while pending, listed by status, a pending one
// canceled, one refused for a short balance and one below the minimum, one to a failing test bank.
// How a payout ends (paid, failed) comes with the arrival date, so it is recorded as it stands when
// made, not waited for (and a paid payout's reversal cannot be reached).
import type Stripe from 'stripe';
import { accountForScenario, enabledAccountParams } from './accounts';
import { fundPlatform } from './money';
import type { Scenario } from './types';

function manualPayoutAccountParams(runId: string): Stripe.AccountCreateParams {
  return { ...enabledAccountParams(runId), settings: { payouts: { schedule: { interval: 'manual' } } } };
}

const payouts: Scenario = {
  name: 'payouts on a connected account',
  async run(ctx) {
    const { stripe } = ctx;
    await fundPlatform(ctx, 20000);
    const a = await accountForScenario(ctx, 'create an onboarded account, manual payouts, btok_us_verified', manualPayoutAccountParams(ctx.runId));
    const on = { stripeAccount: a.id };
    await ctx.call('transfer 10000 usd to it', () => stripe.transfers.create({ amount: 10000, currency: 'usd', destination: a.id, metadata: { parity_run: ctx.runId } }));
    await ctx.call("the account's balance", () => stripe.balance.retrieve({}, on));
    const first = await ctx.call('pay out 3000 usd', () => stripe.payouts.create({ amount: 3000, currency: 'usd', description: 'Parity payout', metadata: { parity_run: ctx.runId } }, on));
    await ctx.call('retrieve it, balance transaction expanded', () => stripe.payouts.retrieve(first.id, { expand: ['balance_transaction'] }, on));
    await ctx.call('update its metadata', () => stripe.payouts.update(first.id, { metadata: { step: 'update' } }, on));
    // Only a paid payout can be reversed, which takes days on Stripe: a pending one is refused (cancel it instead).
    await ctx.refused('reverse it while pending', () => stripe.payouts.reverse(first.id, { metadata: { parity_run: ctx.runId } }, on));
    const second = await ctx.call('pay out 2000 usd more', () => stripe.payouts.create({ amount: 2000, currency: 'usd', metadata: { parity_run: ctx.runId } }, on));
    await ctx.call('list pending payouts', () => stripe.payouts.list({ status: 'pending' }, on));
    await ctx.call("the account's balance after two payouts", () => stripe.balance.retrieve({}, on));
    await ctx.call('cancel the second while pending', () => stripe.payouts.cancel(second.id, {}, on));
    await ctx.refused('cancel it again', () => stripe.payouts.cancel(second.id, {}, on));
    await ctx.call('list canceled payouts', () => stripe.payouts.list({ status: 'canceled' }, on));
    await ctx.call("the account's balance after the cancel", () => stripe.balance.retrieve({}, on));
    await ctx.refused('pay out more than the available balance (7000)', () => stripe.payouts.create({ amount: 50_000, currency: 'usd' }, on));
    await ctx.refused('pay out in a currency without an external account', () => stripe.payouts.create({ amount: 100, currency: 'eur' }, on));
    await ctx.refused('pay out 0', () => stripe.payouts.create({ amount: 0, currency: 'usd' }, on));
    await ctx.refused('pay out 99 cents (below the minimum payout)', () => stripe.payouts.create({ amount: 99, currency: 'usd' }, on));
    await ctx.refused('retrieve the payout on the platform (not its owner)', () => stripe.payouts.retrieve(first.id));
    const bank = await ctx.call('add btok_us_verified_noAccount as the default usd bank account', () =>
      stripe.accounts.createExternalAccount(a.id, { external_account: 'btok_us_verified_noAccount', default_for_currency: true }),
    );
    await ctx.call('pay out 1000 usd to it (fails on its arrival date)', () => stripe.payouts.create({ amount: 1000, currency: 'usd', destination: bank.id }, on));
    await ctx.call('list all payouts', () => stripe.payouts.list({ limit: 10 }, on));
  },
};

export const PAYOUT_SCENARIOS: readonly Scenario[] = [payouts];
