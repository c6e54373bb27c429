// Disputes as Stripe's test cards make them (docs.stripe.com/testing#disputes) and as they move:
//
//   chargeback  needs_response --submit--> under_review --(DECISION_SECONDS, test evidence)--> won | lost
//               needs_response --close, or due_by passes--> lost
//   inquiry     warning_needs_response --submit--> warning_under_review --(DECISION_SECONDS)--> warning_closed
//               warning_under_review --(DECISION_SECONDS, escalate_inquiry_evidence)--> needs_response (a chargeback)
//               warning_needs_response --close, or due_by passes--> warning_closed
//
// A chargeback debits the disputed amount and the dispute fee from the balance that took the
// charge (the platform for its own and destination charges: Stripe does not reverse a destination
// charge's transfer; the connected account for direct charges), as one `adjustment` balance
// transaction; a won dispute gives both back with a second one. An inquiry moves no money.
// Evidence decides as Stripe's test values say: `uncategorized_text` `winning_evidence` wins,
// `losing_evidence` loses, anything else stays `under_review` (as in Stripe's test mode);
// `escalate_inquiry_evidence` escalates an inquiry to a chargeback (its money withdrawn then). Time
// only moves at the clock's tick (events/recorder.ts calls settleDisputes).
import type Stripe from 'stripe';
import { invalidRequest, noSuch } from '../core/errors';
import { PLATFORM, renderBalanceTransaction } from '../core/ledger';
import { mergeMetadata } from '../core/params';
import type { Ctx } from '../core/router';
import type { World } from '../core/world';
import { ownerOf, record } from './common';
import { FIXED_FEE } from './fees';
import { disputes, moneyId, openDisputes, type DisputeFacts } from './store';

export type DisputeKind = 'fraudulent' | 'product_not_received' | 'inquiry';

/** Evidence is due seven days after the dispute, at the end of that day (UTC). */
export const RESPONSE_DAYS = 7;
/** Submitted evidence is decided at the first tick this long after submission. */
export const DECISION_SECONDS = 300;

/** Stripe's dispute fee: 15.00 USD in the US; elsewhere 50 times the charge fee's fixed part (our model). */
export const disputeFee = (currency: string): number => 50 * (FIXED_FEE[currency] ?? 30);

const idOf = (v: string | { id: string } | null | undefined): string | null => (v == null ? null : typeof v === 'string' ? v : v.id);

const CLOSED: readonly string[] = ['won', 'lost', 'warning_closed'];
export const isClosed = (d: Stripe.Dispute): boolean => CLOSED.includes(d.status);

export const EVIDENCE_FIELDS = [
  'access_activity_log',
  'billing_address',
  'cancellation_policy',
  'cancellation_policy_disclosure',
  'cancellation_rebuttal',
  'customer_communication',
  'customer_email_address',
  'customer_name',
  'customer_purchase_ip',
  'customer_signature',
  'duplicate_charge_documentation',
  'duplicate_charge_explanation',
  'duplicate_charge_id',
  'product_description',
  'receipt',
  'refund_policy',
  'refund_policy_disclosure',
  'refund_refusal_explanation',
  'service_date',
  'service_documentation',
  'shipping_address',
  'shipping_carrier',
  'shipping_date',
  'shipping_documentation',
  'shipping_tracking_number',
  'uncategorized_file',
  'uncategorized_text',
] as const;
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];

const NETWORK_REASON: Record<DisputeKind, string | null> = { fraudulent: '10.4', product_not_received: '13.1', inquiry: null };

function emptyEvidence(): Stripe.Dispute.Evidence {
  const evidence = Object.fromEntries(EVIDENCE_FIELDS.map((f) => [f, null])) as Record<EvidenceField, null>;
  return { ...evidence, enhanced_evidence: {} };
}

const endOfDay = (t: number) => (Math.floor(t / 86400) + 1) * 86400 - 1;

/** A dispute as answered: whether the charge can still be refunded follows the charge. */
export function renderDispute(world: World, d: Stripe.Dispute): Stripe.Dispute {
  const charge = world.charges.get(idOf(d.charge) ?? '');
  const refundable = d.status.startsWith('warning_') && !!charge && !charge.refunded;
  return refundable === d.is_charge_refundable ? d : { ...d, is_charge_refundable: refundable };
}

/** The cardholder disputes a charge (as the dispute test cards make them): at `ctx.now()`, debiting a chargeback at once. */
export function raiseDispute(ctx: Ctx, chargeId: string, kind: DisputeKind): Stripe.Dispute {
  const { world } = ctx;
  const charge = world.charges.get(chargeId);
  if (!charge || !charge.captured) throw invalidRequest(`Charge ${chargeId} cannot be disputed: it was not captured.`, { param: 'charge' });
  if (disputes(world).countIn(chargeId) > 0) throw invalidRequest(`Charge ${chargeId} has already been disputed.`, { param: 'charge' });
  const now = ctx.now();
  const id = moneyId(world, 'dp');
  const owner = world.chargeOwner.get(chargeId) ?? PLATFORM;
  const amount = charge.amount - charge.amount_refunded;
  const inquiry = kind === 'inquiry';
  const withdrawals = inquiry ? [] : [withdraw(world, owner, id, charge, amount, now)];
  const card = charge.payment_method_details?.card;
  const dispute: Stripe.Dispute = {
    id,
    object: 'dispute',
    amount,
    balance_transactions: withdrawals,
    charge: charge.id,
    created: now,
    currency: charge.currency,
    enhanced_eligibility_types: [],
    evidence: emptyEvidence(),
    evidence_details: { due_by: endOfDay(now + RESPONSE_DAYS * 86400), enhanced_eligibility: {}, has_evidence: false, past_due: false, submission_count: 0, submission_method: 'not_submitted' },
    intended_submission_method: null,
    is_charge_refundable: inquiry,
    livemode: world.mode === 'live',
    metadata: {},
    payment_intent: null,
    payment_method_details: {
      card: { brand: card?.brand ?? 'visa', case_type: inquiry ? 'inquiry' : 'chargeback', network: card?.network ?? 'visa', network_reason_code: NETWORK_REASON[kind] },
      type: 'card',
    },
    reason: inquiry ? 'general' : kind,
    status: inquiry ? 'warning_needs_response' : 'needs_response',
  };
  disputes(world).insert(dispute);
  openDisputes(world).set(id, { owner, submittedAt: null });
  world.charges.put({ ...charge, disputed: true });
  return dispute;
}

/** A chargeback's withdrawal: the disputed amount and the dispute fee, from whoever took the charge, as one `adjustment`. */
function withdraw(world: World, owner: string, disputeId: string, charge: Stripe.Charge, amount: number, now: number): Stripe.BalanceTransaction {
  const fee = disputeFee(charge.currency);
  const bt = record(world, {
    owner,
    amount: -amount,
    currency: charge.currency,
    type: 'adjustment',
    source: disputeId,
    created: now,
    availableOn: now,
    description: `Chargeback withdrawal for ${charge.id}`,
    fee,
    feeDetails: [{ amount: fee, application: null, currency: charge.currency, description: 'Dispute fee', type: 'stripe_fee' }],
    reportingCategory: 'dispute',
  });
  return renderBalanceTransaction(bt, now);
}

/**
 * An inquiry escalated to a chargeback (Stripe's `escalate_inquiry_evidence`): `needs_response`
 * again with a new `due_by`, the amount still unrefunded withdrawn with the fee. Our model: with
 * nothing left unrefunded, the inquiry just closes.
 */
function escalate(world: World, d: Stripe.Dispute, facts: DisputeFacts, now: number): Stripe.Dispute {
  const charge = world.charges.get(idOf(d.charge) ?? '');
  const amount = charge ? Math.min(d.amount, charge.amount - charge.amount_refunded) : 0;
  if (!charge || amount <= 0) return finish(world, d, 'warning_closed', now);
  facts.submittedAt = null;
  const card = d.payment_method_details?.card;
  const next: Stripe.Dispute = {
    ...d,
    amount,
    status: 'needs_response',
    balance_transactions: [withdraw(world, facts.owner, d.id, charge, amount, now)],
    evidence_details: { ...d.evidence_details, due_by: endOfDay(now + RESPONSE_DAYS * 86400), past_due: false },
    ...(card ? { payment_method_details: { ...d.payment_method_details!, card: { ...card, case_type: 'chargeback' } } } : {}),
  };
  disputes(world).put(next);
  return next;
}

/** A dispute on a charge the request's account owns, or Stripe's 404. */
export function requireDispute(ctx: Ctx, id: string, param = 'id'): Stripe.Dispute {
  const d = disputes(ctx.world).get(id);
  if (!d || (ctx.world.chargeOwner.get(idOf(d.charge) ?? '') ?? PLATFORM) !== ownerOf(ctx)) throw noSuch('dispute', id, param);
  return d;
}

export interface DisputeUpdate {
  /** A field given as null ('' on the wire) is unset. */
  evidence?: Partial<Record<EvidenceField, string | null>>;
  metadata?: Stripe.Metadata | null;
  /** Defaults to true when evidence is given (Stripe's default); false stages the evidence. */
  submit?: boolean;
  intended_submission_method?: Stripe.Dispute.IntendedSubmissionMethod;
}

/** Updates a dispute's evidence and metadata, and submits the evidence (POST /v1/disputes/:id). */
export function updateDispute(ctx: Ctx, id: string, p: DisputeUpdate): Stripe.Dispute {
  const { world } = ctx;
  const d = requireDispute(ctx, id);
  const submit = p.submit ?? p.evidence !== undefined;
  const changesEvidence = p.evidence !== undefined || submit || p.intended_submission_method !== undefined;
  if (changesEvidence && isClosed(d)) {
    throw invalidRequest(`This dispute is already closed (status: ${d.status}): its evidence can no longer be changed.`);
  }
  if (changesEvidence && d.status.endsWith('under_review')) {
    throw invalidRequest(`This dispute's evidence was already submitted (status: ${d.status}): it can no longer be changed.`);
  }
  const evidence: Stripe.Dispute.Evidence = { ...d.evidence };
  for (const [field, value] of Object.entries(p.evidence ?? {})) (evidence as unknown as Record<string, string | null>)[field] = value ?? null;
  const hasEvidence = EVIDENCE_FIELDS.some((f) => evidence[f] !== null);
  const now = ctx.now();
  let next: Stripe.Dispute = {
    ...d,
    evidence,
    evidence_details: { ...d.evidence_details, has_evidence: hasEvidence },
    metadata: mergeMetadata(d.metadata, p.metadata),
    ...(p.intended_submission_method !== undefined ? { intended_submission_method: p.intended_submission_method } : {}),
  };
  if (submit) {
    next = {
      ...next,
      status: d.status === 'warning_needs_response' ? 'warning_under_review' : 'under_review',
      evidence_details: { ...next.evidence_details, submission_count: d.evidence_details.submission_count + 1, submission_method: 'manual' },
    };
    const facts = openDisputes(world).get(d.id);
    if (facts) facts.submittedAt = now;
  }
  disputes(world).put(next);
  return next;
}

/** Accepts a dispute (POST /v1/disputes/:id/close): a chargeback is lost, an inquiry closed. */
export function closeDispute(ctx: Ctx, id: string): Stripe.Dispute {
  const d = requireDispute(ctx, id);
  if (d.status !== 'needs_response' && d.status !== 'warning_needs_response') {
    throw invalidRequest(`This dispute cannot be closed: its status is ${d.status}, and only a dispute that needs a response (needs_response or warning_needs_response) can be closed.`);
  }
  return finish(ctx.world, d, d.status === 'needs_response' ? 'lost' : 'warning_closed', ctx.now());
}

function finish(world: World, d: Stripe.Dispute, status: 'won' | 'lost' | 'warning_closed', now: number, pastDue = false): Stripe.Dispute {
  const facts = openDisputes(world).get(d.id);
  openDisputes(world).delete(d.id);
  const balanceTransactions = [...d.balance_transactions];
  if (status === 'won' && facts) {
    const fee = disputeFee(d.currency);
    const bt = record(world, {
      owner: facts.owner,
      amount: d.amount,
      currency: d.currency,
      type: 'adjustment',
      source: d.id,
      created: now,
      availableOn: now,
      description: `Chargeback reversal for ${idOf(d.charge) ?? ''}`,
      fee: -fee,
      feeDetails: [{ amount: -fee, application: null, currency: d.currency, description: 'Dispute fee refund', type: 'stripe_fee' }],
      reportingCategory: 'dispute_reversal',
    });
    balanceTransactions.push(renderBalanceTransaction(bt, now));
  }
  const next: Stripe.Dispute = { ...d, status, balance_transactions: balanceTransactions, evidence_details: { ...d.evidence_details, past_due: pastDue || d.evidence_details.past_due } };
  disputes(world).put(next);
  return next;
}

/** What time alone does to open disputes: submitted evidence is decided, unanswered ones past due are lost. */
export function settleDisputes(world: World, now: number): void {
  for (const id of [...openDisputes(world).keys()]) settleDispute(world, id, now);
}

/** What time alone does to one dispute by `now` (the demo seeder settles its own as it goes). */
export function settleDispute(world: World, id: string, now: number): void {
  const facts = openDisputes(world).get(id);
  const d = disputes(world).get(id);
  if (!facts || !d) return;
  if (d.status === 'needs_response' || d.status === 'warning_needs_response') {
    const due = d.evidence_details.due_by;
    if (due !== null && now > due) finish(world, d, d.status === 'needs_response' ? 'lost' : 'warning_closed', now, true);
    return;
  }
  if (facts.submittedAt === null || now < facts.submittedAt + DECISION_SECONDS) return;
  if (d.status === 'warning_under_review') {
    if (d.evidence.uncategorized_text?.trim() === 'escalate_inquiry_evidence') escalate(world, d, facts, now);
    else finish(world, d, 'warning_closed', now);
  }
  else {
    const text = d.evidence.uncategorized_text?.trim();
    if (text === 'winning_evidence') finish(world, d, 'won', now);
    else if (text === 'losing_evidence') finish(world, d, 'lost', now);
  }
}
