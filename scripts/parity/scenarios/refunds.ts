// The charge refund scenarios: partial and full refunds of a platform charge, the refusals Stripe
// documents (more than is left, an already refunded charge), a destination charge refunded with
// reverse_transfer and refund_application_fee, and a direct charge refunded on the connected
// account (`Stripe-Account`). Charges use tok_bypassPending so that the money is available at once.
import { accountForScenario, enabledAccountParams } from './accounts';
import type { Scenario } from './types';

const refunds: Scenario = {
  name: 'charge refunds',
  async run(ctx) {
    const { stripe } = ctx;
    const charge = await ctx.call('a 5000 usd charge with tok_bypassPending', () =>
      stripe.charges.create({ amount: 5000, currency: 'usd', source: 'tok_bypassPending', description: 'Parity refund', metadata: { parity_run: ctx.runId } }),
    );
    const partial = await ctx.call('refund 1500 of it (requested_by_customer)', () =>
      stripe.refunds.create({ charge: charge.id, amount: 1500, reason: 'requested_by_customer', metadata: { parity_run: ctx.runId } }),
    );
    await ctx.call('retrieve the refund, balance transaction expanded', () => stripe.refunds.retrieve(partial.id, { expand: ['balance_transaction'] }));
    await ctx.call('update the refund metadata', () => stripe.refunds.update(partial.id, { metadata: { step: 'update' } }));
    await ctx.call('the charge, partly refunded', () => stripe.charges.retrieve(charge.id));
    await ctx.refused('refund more than is left', () => stripe.refunds.create({ charge: charge.id, amount: 4000 }));
    await ctx.refused('reverse_transfer on a charge with no transfer', () => stripe.refunds.create({ charge: charge.id, amount: 100, reverse_transfer: true }));
    await ctx.call('refund the rest', () => stripe.refunds.create({ charge: charge.id }));
    await ctx.call("list the charge's refunds", () => stripe.refunds.list({ charge: charge.id }));
    await ctx.call('the charge, fully refunded', () => stripe.charges.retrieve(charge.id));
    await ctx.refused('refund a fully refunded charge', () => stripe.refunds.create({ charge: charge.id, amount: 1 }));
    await ctx.refused('cancel a succeeded card refund', () => stripe.refunds.cancel(partial.id));
    await ctx.refused('refund a charge that does not exist', () => stripe.refunds.create({ charge: 'ch_1ParityDoesNotExist' }));
  },
};

const destinationRefunds: Scenario = {
  name: 'destination charge refunds (reverse_transfer, refund_application_fee)',
  async run(ctx) {
    const { stripe } = ctx;
    const a = await accountForScenario(ctx, 'create an onboarded account', enabledAccountParams(ctx.runId));
    const charge = await ctx.call('a destination charge of 10000 usd with a 1000 application fee', () =>
      stripe.charges.create({ amount: 10000, currency: 'usd', source: 'tok_bypassPending', application_fee_amount: 1000, transfer_data: { destination: a.id }, metadata: { parity_run: ctx.runId } }),
    );
    const half = await ctx.call('refund 5000 with reverse_transfer and refund_application_fee', () =>
      stripe.refunds.create({ charge: charge.id, amount: 5000, reverse_transfer: true, refund_application_fee: true, metadata: { parity_run: ctx.runId } }),
    );
    await ctx.call('retrieve the refund, transfer reversal expanded', () => stripe.refunds.retrieve(half.id, { expand: ['transfer_reversal'] }));
    await ctx.call('the charge, transfer and application fee expanded', () => stripe.charges.retrieve(charge.id, { expand: ['transfer', 'application_fee'] }));
    await ctx.call('refund the rest, reverse_transfer only', () => stripe.refunds.create({ charge: charge.id, reverse_transfer: true }));
    await ctx.call('the charge, fully refunded, transfer and application fee expanded', () => stripe.charges.retrieve(charge.id, { expand: ['transfer', 'application_fee'] }));
    await ctx.call("the transfer's reversals", () => {
      const transfer = charge.transfer;
      if (typeof transfer !== 'string') throw new Error('the destination charge has no transfer');
      return stripe.transfers.listReversals(transfer);
    });
  },
};

const connectedRefunds: Scenario = {
  name: 'refunds on a connected account (Stripe-Account)',
  async run(ctx) {
    const { stripe } = ctx;
    const a = await accountForScenario(ctx, 'create an onboarded account', enabledAccountParams(ctx.runId));
    const on = { stripeAccount: a.id };
    const charge = await ctx.call('a direct charge of 4000 usd on the account with tok_bypassPending', () =>
      stripe.charges.create({ amount: 4000, currency: 'usd', source: 'tok_bypassPending', metadata: { parity_run: ctx.runId } }, on),
    );
    const refund = await ctx.call('refund 1000 of it on the account', () => stripe.refunds.create({ charge: charge.id, amount: 1000, metadata: { parity_run: ctx.runId } }, on));
    await ctx.call('retrieve the refund on the account', () => stripe.refunds.retrieve(refund.id, {}, on));
    await ctx.refused('retrieve the refund on the platform (not its owner)', () => stripe.refunds.retrieve(refund.id));
    await ctx.refused('refund more than is left on the account', () => stripe.refunds.create({ charge: charge.id, amount: 3500 }, on));
    await ctx.call('refund the rest on the account', () => stripe.refunds.create({ charge: charge.id }, on));
    await ctx.call("list the charge's refunds on the account", () => stripe.refunds.list({ charge: charge.id }, on));
  },
};

export const REFUND_SCENARIOS: readonly Scenario[] = [refunds, destinationRefunds, connectedRefunds];
