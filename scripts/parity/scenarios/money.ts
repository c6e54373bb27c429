// The money scenarios: transfers, reversals, application fees and their refunds, top-ups. The
// platform's funds come from a charge with Stripe's tok_bypassPending (available at once).
import type Stripe from 'stripe';
import { accountForScenario, enabledAccountParams } from './accounts';
import type { Scenario, ScenarioContext } from './types';

export async function fundPlatform(ctx: ScenarioContext, amount: number): Promise<Stripe.Charge> {
  return ctx.call(`fund the platform: a ${amount} usd charge with tok_bypassPending`, () =>
    ctx.stripe.charges.create({ amount, currency: 'usd', source: 'tok_bypassPending', description: 'Parity funding', metadata: { parity_run: ctx.runId } }),
  );
}

const transfers: Scenario = {
  name: 'transfers and reversals',
  async run(ctx) {
    const { stripe } = ctx;
    await fundPlatform(ctx, 20000);
    const a = await accountForScenario(ctx, 'create an onboarded account', enabledAccountParams(ctx.runId));
    const t = await ctx.call('transfer 5000 usd to it', () => stripe.transfers.create({ amount: 5000, currency: 'usd', destination: a.id, description: 'Parity transfer', metadata: { parity_run: ctx.runId } }));
    await ctx.call('retrieve the transfer, balance transaction expanded', () => stripe.transfers.retrieve(t.id, { expand: ['balance_transaction'] }));
    await ctx.call('update its description and metadata', () => stripe.transfers.update(t.id, { description: 'Parity transfer (updated)', metadata: { step: 'update' } }));
    await ctx.call("list the account's transfers", () => stripe.transfers.list({ destination: a.id }));
    await ctx.refused('transfer 0', () => stripe.transfers.create({ amount: 0, currency: 'usd', destination: a.id }));
    await ctx.refused('transfer to an account that does not exist', () => stripe.transfers.create({ amount: 100, currency: 'usd', destination: 'acct_1ParityDoesNotExist' }));
    await ctx.refused('transfer more than the balance', () => stripe.transfers.create({ amount: 900_000_000, currency: 'usd', destination: a.id }));
    const r = await ctx.call('reverse 1500 of it', () => stripe.transfers.createReversal(t.id, { amount: 1500, metadata: { parity_run: ctx.runId } }));
    await ctx.call('retrieve the reversal', () => stripe.transfers.retrieveReversal(t.id, r.id));
    await ctx.call('update the reversal metadata', () => stripe.transfers.updateReversal(t.id, r.id, { metadata: { step: 'update' } }));
    await ctx.call('list the reversals', () => stripe.transfers.listReversals(t.id));
    await ctx.refused('reverse more than is left', () => stripe.transfers.createReversal(t.id, { amount: 4000 }));
    await ctx.call('reverse the rest', () => stripe.transfers.createReversal(t.id));
    await ctx.call('the transfer, fully reversed', () => stripe.transfers.retrieve(t.id));
    await ctx.refused('reverse a fully reversed transfer', () => stripe.transfers.createReversal(t.id, { amount: 1 }));
  },
};

const fees: Scenario = {
  name: 'application fees and fee refunds',
  async run(ctx) {
    const { stripe } = ctx;
    const a = await accountForScenario(ctx, 'create an onboarded account', enabledAccountParams(ctx.runId));
    const charge = await ctx.call('a destination charge of 10000 usd with a 1000 application fee', () =>
      stripe.charges.create({ amount: 10000, currency: 'usd', source: 'tok_bypassPending', application_fee_amount: 1000, transfer_data: { destination: a.id }, metadata: { parity_run: ctx.runId } }),
    );
    const list = await ctx.call("the charge's application fee, by the list's charge filter", () => stripe.applicationFees.list({ charge: charge.id }));
    const fee = list.data[0];
    if (!fee) throw new Error('the destination charge made no application fee');
    await ctx.call('retrieve the fee', () => stripe.applicationFees.retrieve(fee.id));
    const refund = await ctx.call('refund 300 of the fee', () => stripe.applicationFees.createRefund(fee.id, { amount: 300, metadata: { parity_run: ctx.runId } }));
    await ctx.call('retrieve the refund', () => stripe.applicationFees.retrieveRefund(fee.id, refund.id));
    await ctx.call('update the refund metadata', () => stripe.applicationFees.updateRefund(fee.id, refund.id, { metadata: { step: 'update' } }));
    await ctx.call('list the refunds', () => stripe.applicationFees.listRefunds(fee.id));
    await ctx.refused('refund more than is left', () => stripe.applicationFees.createRefund(fee.id, { amount: 800 }));
    await ctx.call('refund the rest', () => stripe.applicationFees.createRefund(fee.id));
    await ctx.call('the fee, fully refunded', () => stripe.applicationFees.retrieve(fee.id));
    await ctx.refused('refund a fully refunded fee', () => stripe.applicationFees.createRefund(fee.id, { amount: 1 }));
  },
};

const topups: Scenario = {
  name: 'top-ups',
  async run(ctx) {
    const { stripe } = ctx;
    const t = await ctx.call('a 5000 usd top-up from btok_us_verified', () =>
      stripe.topups.create({ amount: 5000, currency: 'usd', source: 'btok_us_verified', description: 'Parity top-up', metadata: { parity_run: ctx.runId } }),
    );
    await ctx.call('retrieve it, balance transaction expanded', () => stripe.topups.retrieve(t.id, { expand: ['balance_transaction'] }));
    await ctx.call('update its description', () => stripe.topups.update(t.id, { description: 'Parity top-up (updated)' }));
    await ctx.call('list pending top-ups (field set only)', () => stripe.topups.list({ status: 'pending', limit: 3 }), { compare: 'fields' });
    await ctx.call('cancel it', () => stripe.topups.cancel(t.id));
    await ctx.refused('cancel it again', () => stripe.topups.cancel(t.id));
    await ctx.call('a top-up from btok_us_verified_noAccount (fails)', () => stripe.topups.create({ amount: 5000, currency: 'usd', source: 'btok_us_verified_noAccount' }));
    await ctx.refused('a top-up of 0', () => stripe.topups.create({ amount: 0, currency: 'usd' }));
    await ctx.refused('a top-up from an unverified bank token', () => stripe.topups.create({ amount: 5000, currency: 'usd', source: 'btok_us' }));
  },
};

export const MONEY_SCENARIOS: readonly Scenario[] = [transfers, fees, topups];
