// Disputes raised by Stripe's dispute test cards: the chargeback and its fee debited from whoever
// took the charge (the platform for destination charges, the transfer left alone), evidence and
// submission, the test evidence values deciding after the clock moves on, close, due dates
// passing, inquiries without money, each change's event, shapes, ownership and strict params.
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { collect, createEnabled, expectBalancesEqualTransactions, expectErrorShape, expectStripeError, FIXED_NOW, STRIPE_FIXTURES, emulatorForFile } from './harness';

const DAY = 86400;
/** How long submitted evidence takes to be decided (money/disputes.ts DECISION_SECONDS). */
const DECISION = 300;
const h = emulatorForFile();

const enabled = () => createEnabled(h.stripe, 'US', 'individual', FIXED_NOW);
const as = (account: string) => ({ stripeAccount: account });
const usd = (side: Stripe.Balance.Available[]) => side.find((x) => x.currency === 'usd')?.amount ?? 0;
const totalOf = async (account?: string) => {
  const b = await h.stripe.balance.retrieve({}, account ? as(account) : {});
  return usd(b.available) + usd(b.pending);
};
const typesOf = async (account?: string) => (await collect(h.stripe.events.list({ type: 'charge.dispute.*' }, account ? as(account) : {}))).map((e) => e.type).reverse();
const disputeOf = async (charge: string, account?: string) => (await h.stripe.disputes.list({ charge }, account ? as(account) : {})).data[0];
/** Moves the emulator's clock and lets it tick (any request ticks first). */
const advance = async (seconds: number) => {
  h.clock += seconds;
  await h.stripe.balance.retrieve();
};

describe('a chargeback on a platform charge', () => {
  it('is raised after the charge succeeds, debiting the amount and the 15.00 USD fee, with every field of Stripe’s sample', async () => {
    const before = await totalOf();
    const ch = await h.stripe.charges.create({ amount: 10000, currency: 'usd', source: 'tok_createDispute' });
    // The create answer is the charge as it succeeded; the dispute comes just after.
    expect(ch).toMatchObject({ status: 'succeeded', disputed: false });
    expect(await h.stripe.charges.retrieve(ch.id)).toMatchObject({ disputed: true });
    const dp = await disputeOf(ch.id);
    for (const key of Object.keys(STRIPE_FIXTURES.dispute)) expect(dp, key).toHaveProperty(key);
    for (const key of Object.keys(STRIPE_FIXTURES.dispute.evidence as object)) expect(dp.evidence, key).toHaveProperty(key);
    for (const key of Object.keys(STRIPE_FIXTURES.dispute.evidence_details as object)) expect(dp.evidence_details, key).toHaveProperty(key);
    expect(dp.id).toMatch(/^dp_/);
    expect(dp).toMatchObject({
      object: 'dispute',
      amount: 10000,
      charge: ch.id,
      currency: 'usd',
      reason: 'fraudulent',
      status: 'needs_response',
      is_charge_refundable: false,
      created: FIXED_NOW,
      evidence_details: { has_evidence: false, past_due: false, submission_count: 0, due_by: FIXED_NOW + 8 * DAY - 1 },
      payment_method_details: { type: 'card', card: { case_type: 'chargeback', brand: 'visa', network_reason_code: '10.4' } },
    });
    expect(dp.balance_transactions).toHaveLength(1);
    const bt = dp.balance_transactions[0];
    for (const key of Object.keys(STRIPE_FIXTURES.balance_transaction)) expect(bt, key).toHaveProperty(key);
    expect(bt).toMatchObject({ type: 'adjustment', amount: -10000, fee: 1500, net: -11500, source: dp.id, reporting_category: 'dispute', status: 'available', description: `Chargeback withdrawal for ${ch.id}` });
    expect(bt.fee_details).toEqual([{ amount: 1500, application: null, currency: 'usd', description: 'Dispute fee', type: 'stripe_fee' }]);
    expect(await h.stripe.balanceTransactions.retrieve(bt.id)).toMatchObject({ id: bt.id, amount: -10000 });
    // The charge's 10000 less Stripe's fee came in; 11500 went out.
    const chargeBt = await h.stripe.balanceTransactions.retrieve(ch.balance_transaction as string);
    expect(await totalOf()).toBe(before + chargeBt.net - 11500);
    expect(await typesOf()).toEqual(['charge.dispute.created', 'charge.dispute.funds_withdrawn']);
    await expectBalancesEqualTransactions(h.stripe, [null]);
  });

  it('is won with winning_evidence once the clock moves on: amount and fee reinstated', async () => {
    const ch = await h.stripe.charges.create({ amount: 10000, currency: 'usd', source: 'tok_createDispute' });
    const dp = await disputeOf(ch.id);
    const afterWithdrawal = await totalOf();
    // Staged first (submit: false), then submitted.
    const staged = await h.stripe.disputes.update(dp.id, { evidence: { customer_name: 'Jenny Rosen', uncategorized_text: 'winning_evidence' }, submit: false, metadata: { case: '7' } });
    expect(staged).toMatchObject({ status: 'needs_response', metadata: { case: '7' }, evidence: { customer_name: 'Jenny Rosen', uncategorized_text: 'winning_evidence' }, evidence_details: { has_evidence: true, submission_count: 0 } });
    const submitted = await h.stripe.disputes.update(dp.id, { submit: true });
    expect(submitted).toMatchObject({ status: 'under_review', evidence_details: { submission_count: 1, submission_method: 'manual' } });
    await advance(DECISION - 1);
    expect((await h.stripe.disputes.retrieve(dp.id)).status).toBe('under_review');
    await advance(1);
    const won = await h.stripe.disputes.retrieve(dp.id);
    expect(won.status).toBe('won');
    expect(won.balance_transactions).toHaveLength(2);
    expect(won.balance_transactions[1]).toMatchObject({ type: 'adjustment', amount: 10000, fee: -1500, net: 11500, reporting_category: 'dispute_reversal', source: dp.id });
    expect(await totalOf()).toBe(afterWithdrawal + 11500);
    expect(await typesOf()).toEqual(['charge.dispute.created', 'charge.dispute.funds_withdrawn', 'charge.dispute.updated', 'charge.dispute.updated', 'charge.dispute.closed', 'charge.dispute.funds_reinstated']);
    // Once decided, its evidence cannot change.
    await expectStripeError(h.stripe.disputes.update(dp.id, { evidence: { uncategorized_text: 'more' } }), { status: 400 });
    await expectBalancesEqualTransactions(h.stripe, [null]);
  });

  it('is lost with losing_evidence; the money stays withdrawn', async () => {
    const ch = await h.stripe.charges.create({ amount: 5000, currency: 'usd', source: 'tok_createDisputeProductNotReceived' });
    const dp = await disputeOf(ch.id);
    expect(dp).toMatchObject({ reason: 'product_not_received', payment_method_details: { card: { network_reason_code: '13.1' } } });
    const after = await totalOf();
    // Evidence submits by default, as on Stripe.
    expect((await h.stripe.disputes.update(dp.id, { evidence: { uncategorized_text: 'losing_evidence' } })).status).toBe('under_review');
    await expectStripeError(h.stripe.disputes.update(dp.id, { evidence: { customer_name: 'x' } }), { status: 400 });
    await advance(DECISION);
    const lost = await h.stripe.disputes.retrieve(dp.id);
    expect(lost).toMatchObject({ status: 'lost' });
    expect(lost.balance_transactions).toHaveLength(1);
    expect(await totalOf()).toBe(after);
    expect((await typesOf()).slice(-1)).toEqual(['charge.dispute.closed']);
  });

  it('stays under review with other evidence, as in Stripe’s test mode', async () => {
    const ch = await h.stripe.charges.create({ amount: 5000, currency: 'usd', source: 'tok_createDispute' });
    const dp = await disputeOf(ch.id);
    await h.stripe.disputes.update(dp.id, { evidence: { product_description: 'A blue mug' } });
    await advance(30 * DAY);
    expect((await h.stripe.disputes.retrieve(dp.id)).status).toBe('under_review');
  });

  it('is lost when closed (accepted), and cannot be closed twice', async () => {
    const ch = await h.stripe.charges.create({ amount: 5000, currency: 'usd', source: 'tok_createDispute' });
    const dp = await disputeOf(ch.id);
    const closed = await h.stripe.disputes.close(dp.id);
    expect(closed).toMatchObject({ status: 'lost', evidence_details: { past_due: false } });
    await expectStripeError(h.stripe.disputes.close(dp.id), { status: 400 });
    expect((await typesOf()).slice(-1)).toEqual(['charge.dispute.closed']);
    // A charge charged back cannot be refunded.
    await expectStripeError(h.stripe.refunds.create({ charge: ch.id }), { status: 400, code: 'charge_disputed', message: `Charge ${ch.id} has been charged back; cannot issue a refund.` });
  });

  it('is lost when due_by passes without a response', async () => {
    const ch = await h.stripe.charges.create({ amount: 5000, currency: 'usd', source: 'tok_createDispute' });
    const dp = await disputeOf(ch.id);
    await advance(dp.evidence_details.due_by! - h.clock);
    expect((await h.stripe.disputes.retrieve(dp.id)).status).toBe('needs_response');
    await advance(1);
    expect(await h.stripe.disputes.retrieve(dp.id)).toMatchObject({ status: 'lost', evidence_details: { past_due: true } });
  });
});

describe('inquiries', () => {
  it('move no money: warning_needs_response, warning_under_review on submit, warning_closed after review', async () => {
    const ch = await h.stripe.charges.create({ amount: 4000, currency: 'usd', source: 'tok_createDisputeInquiry' });
    const before = await totalOf();
    const dp = await disputeOf(ch.id);
    expect(dp).toMatchObject({ status: 'warning_needs_response', reason: 'general', is_charge_refundable: true, balance_transactions: [], payment_method_details: { card: { case_type: 'inquiry' } } });
    expect((await h.stripe.disputes.update(dp.id, { evidence: { uncategorized_text: 'winning_evidence' } })).status).toBe('warning_under_review');
    await advance(DECISION);
    expect(await h.stripe.disputes.retrieve(dp.id)).toMatchObject({ status: 'warning_closed', balance_transactions: [] });
    expect(await totalOf()).toBe(before);
    expect(await typesOf()).toEqual(['charge.dispute.created', 'charge.dispute.updated', 'charge.dispute.closed']);
  });

  it('escalate to a chargeback with escalate_inquiry_evidence: withdrawn then (amount and fee), a new due date, refunds refused, and won as a chargeback', async () => {
    const ch = await h.stripe.charges.create({ amount: 4000, currency: 'usd', source: 'tok_createDisputeInquiry' });
    const dp = await disputeOf(ch.id);
    const before = await totalOf();
    expect((await h.stripe.disputes.update(dp.id, { evidence: { uncategorized_text: 'escalate_inquiry_evidence' } })).status).toBe('warning_under_review');
    await advance(DECISION - 1);
    expect((await h.stripe.disputes.retrieve(dp.id)).status).toBe('warning_under_review');
    expect(await totalOf()).toBe(before);
    h.clock += 1;
    const escalated = await h.stripe.disputes.retrieve(dp.id);
    expect(escalated).toMatchObject({ status: 'needs_response', amount: 4000, is_charge_refundable: false, payment_method_details: { card: { case_type: 'chargeback' } }, evidence_details: { past_due: false, submission_count: 1 } });
    expect(escalated.evidence_details.due_by).toBe(Math.floor((h.clock + 7 * DAY) / DAY) * DAY + DAY - 1);
    expect(escalated.balance_transactions).toEqual([expect.objectContaining({ type: 'adjustment', amount: -4000, fee: 1500, net: -5500, reporting_category: 'dispute', source: dp.id })]);
    expect(await totalOf()).toBe(before - 5500);
    await expectStripeError(h.stripe.refunds.create({ charge: ch.id, amount: 100 }), { status: 400, code: 'charge_disputed' });
    expect(await typesOf()).toEqual(['charge.dispute.created', 'charge.dispute.updated', 'charge.dispute.updated', 'charge.dispute.funds_withdrawn']);
    await h.stripe.disputes.update(dp.id, { evidence: { uncategorized_text: 'winning_evidence' } });
    await advance(DECISION);
    expect((await h.stripe.disputes.retrieve(dp.id)).status).toBe('won');
    expect(await totalOf()).toBe(before);
    await expectBalancesEqualTransactions(h.stripe, [null]);
  });

  it('escalated after a partial refund, withdraw what is left unrefunded; fully refunded, just close', async () => {
    const ch = await h.stripe.charges.create({ amount: 4000, currency: 'usd', source: 'tok_createDisputeInquiry' });
    const dp = await disputeOf(ch.id);
    await h.stripe.refunds.create({ charge: ch.id, amount: 1500 });
    await h.stripe.disputes.update(dp.id, { evidence: { uncategorized_text: 'escalate_inquiry_evidence' } });
    await advance(DECISION);
    expect(await h.stripe.disputes.retrieve(dp.id)).toMatchObject({ status: 'needs_response', amount: 2500, balance_transactions: [{ amount: -2500 }] });
    const full = await h.stripe.charges.create({ amount: 4000, currency: 'usd', source: 'tok_createDisputeInquiry' });
    const fullDp = await disputeOf(full.id);
    await h.stripe.refunds.create({ charge: full.id });
    await h.stripe.disputes.update(fullDp.id, { evidence: { uncategorized_text: 'escalate_inquiry_evidence' } });
    await advance(DECISION);
    expect(await h.stripe.disputes.retrieve(fullDp.id)).toMatchObject({ status: 'warning_closed', balance_transactions: [] });
    await expectBalancesEqualTransactions(h.stripe, [null]);
  });

  it('tells when a refund makes the charge no longer refundable', async () => {
    const ch = await h.stripe.charges.create({ amount: 4000, currency: 'usd', source: 'tok_createDisputeInquiry' });
    const dp = await disputeOf(ch.id);
    await h.stripe.refunds.create({ charge: ch.id, amount: 1000 });
    expect((await h.stripe.disputes.retrieve(dp.id)).is_charge_refundable).toBe(true);
    await h.stripe.refunds.create({ charge: ch.id });
    expect((await h.stripe.disputes.retrieve(dp.id)).is_charge_refundable).toBe(false);
    const [updated] = await collect(h.stripe.events.list({ type: 'charge.dispute.updated' }));
    expect(updated.data.object).toMatchObject({ id: dp.id, is_charge_refundable: false });
    expect(updated.data.previous_attributes).toEqual({ is_charge_refundable: true });
  });

  it('can be closed, and leave the charge refundable', async () => {
    const ch = await h.stripe.charges.create({ amount: 4000, currency: 'usd', source: 'tok_createDisputeInquiry' });
    const dp = await disputeOf(ch.id);
    expect((await h.stripe.disputes.close(dp.id)).status).toBe('warning_closed');
    await h.stripe.refunds.create({ charge: ch.id });
    expect((await h.stripe.disputes.retrieve(dp.id)).is_charge_refundable).toBe(false);
  });
});

describe('Connect charges', () => {
  it('on a destination charge debits the platform and leaves the transfer alone', async () => {
    const acct = await enabled();
    const ch = await h.stripe.charges.create({ amount: 10000, currency: 'usd', source: 'tok_createDispute', application_fee_amount: 1000, transfer_data: { destination: acct.id } });
    const dp = await disputeOf(ch.id);
    expect(dp.balance_transactions[0]).toMatchObject({ amount: -10000, fee: 1500 });
    expect(await h.stripe.balanceTransactions.retrieve(dp.balance_transactions[0].id)).toMatchObject({ source: dp.id });
    await expectStripeError(h.stripe.balanceTransactions.retrieve(dp.balance_transactions[0].id, {}, as(acct.id)), { status: 404 });
    expect(await h.stripe.transfers.retrieve(ch.transfer as string)).toMatchObject({ amount_reversed: 0 });
    expect((await h.stripe.disputes.list({}, as(acct.id))).data).toHaveLength(0);
    await expectBalancesEqualTransactions(h.stripe, [null, acct.id]);
  });

  it('on a direct charge debits the connected account, read with Stripe-Account', async () => {
    const acct = await enabled();
    const ch = await h.stripe.charges.create({ amount: 6000, currency: 'usd', source: 'tok_createDispute' }, as(acct.id));
    const before = await totalOf(acct.id);
    const dp = await disputeOf(ch.id, acct.id);
    expect(dp.amount).toBe(6000);
    await expectStripeError(h.stripe.disputes.retrieve(dp.id), { status: 404, code: 'resource_missing' });
    expect((await h.stripe.disputes.list()).data).toHaveLength(0);
    await h.stripe.disputes.update(dp.id, { evidence: { uncategorized_text: 'winning_evidence' } }, as(acct.id));
    await advance(DECISION);
    expect((await h.stripe.disputes.retrieve(dp.id, {}, as(acct.id))).status).toBe('won');
    expect(await totalOf(acct.id)).toBe(before + 7500);
    expect(await typesOf(acct.id)).toEqual(['charge.dispute.created', 'charge.dispute.funds_withdrawn', 'charge.dispute.updated', 'charge.dispute.closed', 'charge.dispute.funds_reinstated']);
    expect(await typesOf()).toEqual([]);
    await expectBalancesEqualTransactions(h.stripe, [null, acct.id]);
  });

  it('on an uncaptured charge comes when it is captured', async () => {
    const ch = await h.stripe.charges.create({ amount: 3000, currency: 'usd', source: 'tok_createDispute', capture: false });
    expect((await h.stripe.disputes.list()).data).toHaveLength(0);
    await h.stripe.charges.capture(ch.id);
    expect(await disputeOf(ch.id)).toMatchObject({ amount: 3000, status: 'needs_response' });
  });
});

describe('list and params', () => {
  it('lists newest first with charge, payment_intent and created filters, and expands the charge', async () => {
    const a = await h.stripe.charges.create({ amount: 1000, currency: 'usd', source: 'tok_createDispute' });
    h.clock += 60;
    const b = await h.stripe.charges.create({ amount: 1000, currency: 'usd', source: 'tok_createDisputeInquiry' });
    const [da, db] = [await disputeOf(a.id), await disputeOf(b.id)];
    expect((await collect(h.stripe.disputes.list())).map((d) => d.id)).toEqual([db.id, da.id]);
    expect((await collect(h.stripe.disputes.list({ created: { gt: FIXED_NOW } }))).map((d) => d.id)).toEqual([db.id]);
    expect(await collect(h.stripe.disputes.list({ payment_intent: 'pi_nope' }))).toHaveLength(0);
    const expanded = await h.stripe.disputes.retrieve(da.id, { expand: ['charge'] });
    expect((expanded.charge as Stripe.Charge).id).toBe(a.id);
    expect((await h.stripe.disputes.list({ expand: ['data.charge'] })).data[0].charge).toMatchObject({ id: b.id });
  });

  it('answers unknown parameters and bad values as Stripe does, changing nothing', async () => {
    const ch = await h.stripe.charges.create({ amount: 1000, currency: 'usd', source: 'tok_createDispute' });
    const dp = await disputeOf(ch.id);
    expectErrorShape(await h.raw('POST', `/v1/disputes/${dp.id}`, { body: 'evidence[favorite_color]=blue' }), 400, { code: 'parameter_unknown', param: 'evidence[favorite_color]' });
    expectErrorShape(await h.raw('POST', `/v1/disputes/${dp.id}`, { body: 'status=won' }), 400, { code: 'parameter_unknown', param: 'status' });
    expectErrorShape(await h.raw('POST', `/v1/disputes/${dp.id}`, { body: 'submit=maybe' }), 400, { param: 'submit' });
    expectErrorShape(await h.raw('POST', `/v1/disputes/${dp.id}/close`, { body: 'reason=x' }), 400, { code: 'parameter_unknown', param: 'reason' });
    expectErrorShape(await h.raw('GET', '/v1/disputes?status=lost'), 400, { code: 'parameter_unknown', param: 'status' });
    expectErrorShape(await h.raw('GET', '/v1/disputes/dp_nope'), 404, { code: 'resource_missing' });
    // Enhanced evidence is taken as Stripe takes it.
    const ok = await h.stripe.disputes.update(dp.id, { evidence: { enhanced_evidence: { visa_compliance: { fee_acknowledged: true } } }, submit: false });
    expect(ok.status).toBe('needs_response');
    expect(await h.stripe.disputes.retrieve(dp.id)).toMatchObject({ status: 'needs_response', evidence_details: { submission_count: 0 } });
  });
});
