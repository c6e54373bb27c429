// Demo refunds and disputes. Refunds: one sale in eight refunded some days after it, in part or in
// full (never one Radar flagged), destination charges sometimes with the transfer reversed and the application fee refunded
// in proportion, direct charges sometimes with the platform's fee refunded. Disputes: on every
// other risky merchant (the ones the risk queue flags: rejected, or a risk score of 55 and up), a
// charge made with a dispute test card, most of them direct charges on the account, one in three
// a destination charge (the platform is debited), in every status the clock leaves standing:
// needs_response and warning_needs_response (recent, not yet due), under_review, won, lost (by
// losing evidence, by accepting, by letting it pass its due date) and warning_closed. All made
// through the API's own functions at backdated moments, so balances stay the sums of their
// transactions.
import type Stripe from 'stripe';
import { PLATFORM } from '../core/ledger';
import type { World } from '../core/world';
import { closeDispute, createCharge, createRefund, moneyCtx, settleDispute, updateDispute } from '../money';
import { DECISION_SECONDS } from '../money/disputes';
import { disputes } from '../money/store';
import { asBefore, attempt, merchants, type MoneyPlan } from './money';
import { between, pick, type Rng } from './profile';

const DAY = 86_400;

const REASONS = ['requested_by_customer', 'requested_by_customer', 'duplicate', 'fraudulent'] as const;

/** Refunds of a share of `sales` (charges the money seed made), each a few days after its charge and never after `now`. */
export function refundSome(world: World, rng: Rng, sales: readonly Stripe.Charge[], now: number): void {
  // Charges Radar flagged keep their warnings actionable and their reviews as the demo made them.
  const warned = new Set(world.earlyFraudWarnings.values().map((e) => (typeof e.charge === 'string' ? e.charge : e.charge.id)));
  for (const sale of sales) {
    if (rng(8) !== 0) continue;
    const charge = world.charges.get(sale.id);
    if (!charge || charge.status !== 'succeeded' || !charge.captured || charge.refunded || charge.disputed || charge.review || warned.has(charge.id)) continue;
    const at = charge.created + between(rng, 1, 20) * DAY;
    if (at > now - 60) continue;
    const owner = world.chargeOwner.get(charge.id) ?? PLATFORM;
    const destination = charge.transfer_data ? String(typeof charge.transfer_data.destination === 'string' ? charge.transfer_data.destination : charge.transfer_data.destination.id) : null;
    const full = rng(3) === 0;
    const amount = full ? undefined : Math.max(1, Math.round(((charge.amount - charge.amount_refunded) * between(rng, 10, 60)) / 100));
    const ctx = moneyCtx(world, at, owner === PLATFORM ? {} : { stripeAccount: owner });
    const refund = () =>
      createRefund(ctx, {
        charge: charge.id,
        ...(amount ? { amount } : {}),
        reason: pick(rng, REASONS),
        metadata: { ticket: `SUP-${between(rng, 1000, 9999)}` },
        reverse_transfer: destination !== null && rng(2) === 0,
        refund_application_fee: charge.application_fee !== null && rng(2) === 0,
      });
    attempt(() => (destination ? asBefore(world, destination, refund) : owner === PLATFORM ? refund() : asBefore(world, owner, refund)));
  }
}

type Outcome = 'needs_response' | 'warning_needs_response' | 'under_review' | 'won' | 'lost' | 'accepted' | 'past_due' | 'warning_closed';
const OUTCOMES: readonly Outcome[] = ['needs_response', 'won', 'warning_needs_response', 'lost', 'under_review', 'accepted', 'past_due', 'warning_closed'];
const STILL_OPEN: readonly Outcome[] = ['needs_response', 'warning_needs_response'];

/** Disputes on every other risky merchant, `count` at most, in turn in each status. */
export function disputeSome(world: World, rng: Rng, now: number, plan: MoneyPlan, count: number): void {
  const risky = merchants(world, rng, plan.every).filter((m) => m.suspicious);
  let n = 0;
  for (const [i, m] of risky.entries()) {
    if (i % 2 === 1 || n >= count) continue;
    const opened = (m.account.created ?? now) + 2 * DAY;
    let outcome = OUTCOMES[n % OUTCOMES.length];
    // Closed disputes need a month of history behind them; a newer account's dispute is still open.
    if (!STILL_OPEN.includes(outcome) && opened > now - 40 * DAY) outcome = outcome.startsWith('warning') ? 'warning_needs_response' : 'needs_response';
    const at = STILL_OPEN.includes(outcome) ? now - between(rng, 1, 5) * DAY - between(rng, 0, 20_000) : now - between(rng, 30, 150) * DAY;
    if (at < opened) continue;
    const direct = n % 3 !== 2;
    const source = outcome.startsWith('warning') ? 'tok_createDisputeInquiry' : pick(rng, ['tok_createDispute', 'tok_createDispute', 'tok_createDisputeProductNotReceived']);
    const amount = Math.max(m.currency === 'jpy' ? 1000 : 500, m.ticket * between(rng, 1, 3));
    const charge = asBefore(world, m.account.id, () =>
      attempt(() =>
        direct
          ? createCharge(moneyCtx(world, at, { stripeAccount: m.account.id }), { amount, currency: m.currency, source, description: `Order #${between(rng, 1000, 99999)}` })
          : createCharge(moneyCtx(world, at), { amount, currency: m.currency, source, application_fee_amount: Math.round(amount * 0.1), transfer_data: { destination: m.account.id }, description: `Order #${between(rng, 1000, 99999)}` }),
      ),
    );
    const dispute = charge ? disputes(world).newestFirstIn(charge.id)[0] : undefined;
    if (!dispute) continue;
    n++;
    respond(world, rng, dispute, outcome, direct ? m.account.id : null);
  }
}

/** Moves a new dispute to `outcome` as its merchant and the card network would have, in time. */
function respond(world: World, rng: Rng, dispute: Stripe.Dispute, outcome: Outcome, account: string | null): void {
  const ctxAt = (t: number) => moneyCtx(world, t, account ? { stripeAccount: account } : {});
  const answered = dispute.created + between(rng, 1, 5) * DAY;
  const decided = answered + DECISION_SECONDS + between(rng, 1, 9) * DAY;
  const evidence = (text: string) => ({ customer_name: 'Jenny Rosen', product_description: 'As described on the order page', uncategorized_text: text });
  switch (outcome) {
    case 'needs_response':
    case 'warning_needs_response':
      return;
    case 'under_review':
      updateDispute(ctxAt(answered), dispute.id, { evidence: evidence('Tracking shows the parcel was delivered.') });
      return;
    case 'won':
    case 'lost':
    case 'warning_closed':
      updateDispute(ctxAt(answered), dispute.id, { evidence: evidence(outcome === 'lost' ? 'losing_evidence' : 'winning_evidence'), metadata: { case: `DSP-${between(rng, 1000, 9999)}` } });
      settleDispute(world, dispute.id, decided);
      return;
    case 'accepted':
      closeDispute(ctxAt(answered), dispute.id);
      return;
    case 'past_due':
      settleDispute(world, dispute.id, (dispute.evidence_details.due_by ?? dispute.created) + between(rng, 1, 3600));
  }
}
