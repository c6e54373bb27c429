// The dispute scenarios, raised by Stripe's dispute test tokens: a chargeback (tok_createDispute)
// found by the list's charge filter, its evidence staged without submitting, then closed (accepted:
// lost); an inquiry (tok_createDisputeInquiry) likewise. A decision after submitted evidence comes
// with Stripe's clock, so it is not waited for: no evidence is submitted here.
import type Stripe from 'stripe';
import type { Scenario, ScenarioContext } from './types';

/**
 * Stripe raises a test dispute just after its charge; the emulator in the same request. The
 * dispute is looked for (unrecorded) until it is there, for at most ten seconds, before the
 * recorded list: on the emulator the first look finds it.
 */
async function disputeOf(ctx: ScenarioContext, charge: Stripe.Charge): Promise<Stripe.Dispute> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const found = await ctx.stripe.disputes.list({ charge: charge.id });
    if (found.data.length > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const list = await ctx.call("list the charge's disputes", () => ctx.stripe.disputes.list({ charge: charge.id }));
  const dispute = list.data[0];
  if (!dispute) throw new Error(`charge ${charge.id} has no dispute`);
  return dispute;
}

const chargeback: Scenario = {
  name: 'disputes: a chargeback',
  async run(ctx) {
    const { stripe } = ctx;
    const charge = await ctx.call('a 5000 usd charge with tok_createDispute', () =>
      stripe.charges.create({ amount: 5000, currency: 'usd', source: 'tok_createDispute', description: 'Parity dispute', metadata: { parity_run: ctx.runId } }),
    );
    const dispute = await disputeOf(ctx, charge);
    await ctx.call('retrieve the dispute (its balance transactions in it)', () => stripe.disputes.retrieve(dispute.id));
    await ctx.call('the charge, disputed', () => stripe.charges.retrieve(charge.id));
    await ctx.refused('refund the charged-back charge', () => stripe.refunds.create({ charge: charge.id }));
    await ctx.call('stage evidence without submitting it', () =>
      stripe.disputes.update(dispute.id, {
        evidence: { customer_name: 'Jenny Rosen', product_description: 'Parity run', uncategorized_text: 'winning_evidence' },
        submit: false,
        metadata: { parity_run: ctx.runId },
      }),
    );
    await ctx.call('retrieve it, still needing a response', () => stripe.disputes.retrieve(dispute.id));
    await ctx.call('close it (accept the loss)', () => stripe.disputes.close(dispute.id));
    await ctx.refused('close it again', () => stripe.disputes.close(dispute.id));
    await ctx.refused('change the evidence of a closed dispute', () => stripe.disputes.update(dispute.id, { evidence: { customer_name: 'Someone Else' } }));
    await ctx.call('update the metadata of a closed dispute', () => stripe.disputes.update(dispute.id, { metadata: { step: 'closed' } }));
    await ctx.refused('retrieve a dispute that does not exist', () => stripe.disputes.retrieve('dp_1ParityDoesNotExist'));
  },
};

const inquiry: Scenario = {
  name: 'disputes: an inquiry',
  async run(ctx) {
    const { stripe } = ctx;
    const charge = await ctx.call('a 3000 usd charge with tok_createDisputeInquiry', () =>
      stripe.charges.create({ amount: 3000, currency: 'usd', source: 'tok_createDisputeInquiry', description: 'Parity inquiry', metadata: { parity_run: ctx.runId } }),
    );
    const dispute = await disputeOf(ctx, charge);
    await ctx.call('retrieve the inquiry', () => stripe.disputes.retrieve(dispute.id));
    await ctx.call('stage evidence without submitting it', () => stripe.disputes.update(dispute.id, { evidence: { customer_email_address: 'parity@example.com' }, submit: false }));
    await ctx.call('close the inquiry', () => stripe.disputes.close(dispute.id));
    await ctx.call('the charge after the inquiry', () => stripe.charges.retrieve(charge.id));
  },
};

export const DISPUTE_SCENARIOS: readonly Scenario[] = [chargeback, inquiry];
