// An account's risk signals: the facts the index holds about it (counted per kind, with details),
// as risk_accounts.signals keeps them, and the reasons a score is made of. Pure, so the schema, the
// server and the browser can import it; lib/risk/recompute.ts gathers the facts, lib/risk/score.ts
// weighs them.

/** What the index says about one account, as counts and details per kind of signal. */
export interface RiskSignals {
  /** Early fraud warnings on its charges, by fraud type (`made_with_stolen_card`: 2). */
  earlyFraudWarnings: { total: number; actionable: number; byFraudType: Record<string, number> };
  /** Radar reviews still open on its charges, by reason (`rule`, `manual`, `elevated_risk_level`...). */
  openReviews: { total: number; byReason: Record<string, number> };
  /** Charges of the last `RECENT_DAYS` days: how many, and how many Radar rated elevated or highest. */
  riskyCharges: { recent: number; elevated: number; highest: number };
  /** Charges Radar blocked (outcome.type `blocked`), all time. */
  blockedCharges: number;
  /** requirements.errors by code (`verification_document_expired`, `verification_failed_keyed_identity`...). */
  requirementErrors: { total: number; byCode: Record<string, number> };
  /** Requirements past their deadline. */
  pastDue: number;
  /** A rejection or restriction by Stripe itself (its `disabled_reason`); a platform's own rejection is not a signal. */
  stripeAction: string | null;
  /** Transfers to it and how many of them were reversed (wholly or in part). */
  transfers: { total: number; reversed: number };
  /** Application fees taken from it and how many were refunded (wholly or in part). */
  fees: { total: number; refunded: number };
  /** Charge volume (minor units, all currencies together) of the last `BURST_DAYS` days against the weekly average before. */
  volume: { recent: number; weeklyBefore: number };
  /**
   * Disputes on its charges: still open (chargebacks and inquiries awaiting a response or a
   * decision), open ones by reason, lost ones, and those of the last `RECENT_DAYS` days (the
   * dispute rate's numerator; its denominator is `riskyCharges.recent`). Absent from facts stored
   * before disputes were counted. `chargesComplete`: whether the index is known to hold every
   * charge of that window (the account's direct charges read down to its start:
   * lib/index/charge-window.ts); otherwise the denominator is a lower bound. Absent reads as not known.
   */
  disputes: { open: number; byReason: Record<string, number>; lost: number; recent: number; chargesComplete?: boolean };
}

/** The kinds of signal, in the order the queue shows them. */
export const RISK_SIGNAL_KINDS = [
  'early_fraud_warning',
  'open_review',
  'risky_charges',
  'blocked_charges',
  'requirement_errors',
  'past_due',
  'stripe_action',
  'reversed_transfers',
  'refunded_fees',
  'volume_burst',
  'open_disputes',
  'dispute_rate',
  'lost_disputes',
] as const;
export type RiskSignalKind = (typeof RISK_SIGNAL_KINDS)[number];

/** One part of a score: which signal, how many points it adds, and the sentence that says why. */
export interface RiskReason {
  kind: RiskSignalKind;
  points: number;
  words: string;
}

/** An account with no signal at all (what an account's facts start from). */
export function emptySignals(): RiskSignals {
  return {
    earlyFraudWarnings: { total: 0, actionable: 0, byFraudType: {} },
    openReviews: { total: 0, byReason: {} },
    riskyCharges: { recent: 0, elevated: 0, highest: 0 },
    blockedCharges: 0,
    requirementErrors: { total: 0, byCode: {} },
    pastDue: 0,
    stripeAction: null,
    transfers: { total: 0, reversed: 0 },
    fees: { total: 0, refunded: 0 },
    volume: { recent: 0, weeklyBefore: 0 },
    disputes: { open: 0, byReason: {}, lost: 0, recent: 0 },
  };
}

/** How many signal-bearing things of each countable kind the facts hold (what a decision is compared against). */
export function signalCounts(s: RiskSignals): Record<string, number> {
  return {
    early_fraud_warning: s.earlyFraudWarnings.total,
    open_review: s.openReviews.total,
    risky_charges: s.riskyCharges.elevated + s.riskyCharges.highest,
    blocked_charges: s.blockedCharges,
    requirement_errors: s.requirementErrors.total,
    past_due: s.pastDue,
    stripe_action: s.stripeAction ? 1 : 0,
    reversed_transfers: s.transfers.reversed,
    refunded_fees: s.fees.refunded,
    // Facts stored before disputes were counted have none.
    open_disputes: s.disputes?.open ?? 0,
    lost_disputes: s.disputes?.lost ?? 0,
  };
}

/** The kinds of which `now` holds more than `before` did: a cleared case reopens on any of them. */
export function grownKinds(now: RiskSignals, before: RiskSignals | null): string[] {
  const a = signalCounts(now);
  const b = before ? signalCounts(before) : {};
  return Object.keys(a).filter((kind) => a[kind]! > (b[kind] ?? 0));
}
