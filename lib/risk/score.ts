// The risk score: each signal's weight, in one place, and the sentence that says what it adds.
// scoreSignals turns an account's signal facts into points per kind, so the queue ranks by a sum
// an operator can read back, never a black box. Pure and client-safe.
import { DISABLED_REASON_WORDS } from '@/lib/accounts/status';
import { DISPUTE_REASON_WORDS } from '@/lib/disputes/words';
import { nounFor, plural } from '@/lib/words';
import { FRAUD_TYPE_WORDS } from './object-words';
import type { RiskReason, RiskSignalKind, RiskSignals } from './signals';
import { RISK_SIGNAL_KINDS } from './signals';

/** Every weight and threshold of the score. Change one here and the unit tests say what moved. */
export const RISK_WEIGHTS = {
  /** Per early fraud warning the issuer can still act on (the charge is neither refunded nor disputed). */
  actionableWarning: 40,
  /** Per warning no longer actionable: still a fraud report on the account's charges. */
  settledWarning: 15,
  /** Per Radar review still open. */
  openReview: 20,
  /** Per recent charge Radar rated `highest`, and per one rated `elevated`. */
  highestCharge: 15,
  elevatedCharge: 6,
  /** Added when risky charges are at least `riskyShare` of recent charges (and there are at least `riskyShareMinimum`). */
  riskyShareBonus: 15,
  riskyShare: 0.2,
  riskyShareMinimum: 3,
  /** Per charge Radar blocked. */
  blockedCharge: 10,
  /** Per requirement error (a document refused, an identity that does not match). */
  requirementError: 12,
  /** Once, when any requirement is past due. */
  pastDue: 8,
  /** A rejection by Stripe itself, or a restriction Stripe put on the account. */
  stripeRejection: 60,
  stripeRestriction: 30,
  /** When at least `moneyShare` of at least `moneyMinimum` transfers were reversed (or fees refunded). */
  reversedTransfers: 20,
  refundedFees: 15,
  moneyShare: 0.5,
  moneyMinimum: 4,
  /** When the last BURST_DAYS' charge volume is at least `burstRatio` times the weekly average before. */
  volumeBurst: 20,
  burstRatio: 3,
  /** Per dispute still open (a chargeback or an inquiry), and per dispute lost. */
  openDispute: 30,
  lostDispute: 25,
  /**
   * When disputes are at least `disputeRate` of the charges of the last RECENT_DAYS days (card
   * networks act from about 1%), with at least `disputeRateMinimum` disputes.
   */
  disputeRateBonus: 25,
  disputeRate: 0.01,
  disputeRateMinimum: 1,
  /** No kind adds more than this many points, however many of it there are. */
  capPerKind: 100,
} as const;

/** The windows the signal facts are counted over (lib/risk/recompute.ts reads them). */
export const RECENT_DAYS = 90;
export const BURST_DAYS = 7;
/** The history a burst is compared against: the weeks before the burst window. */
export const BASELINE_WEEKS = 12;

const REVIEW_REASON_WORDS: Record<string, string> = {
  rule: 'a Radar rule',
  manual: 'placed manually',
  elevated_risk_level: 'elevated risk level',
};

const REQUIREMENT_ERROR_WORDS: Record<string, string> = {
  verification_document_expired: 'document expired',
  verification_document_fraudulent: 'document may be fraudulent',
  verification_document_manipulated: 'document appears manipulated',
  verification_document_name_mismatch: 'name on the document does not match',
  verification_document_dob_mismatch: 'date of birth on the document does not match',
  verification_document_not_readable: 'document not readable',
  verification_failed_address_match: 'address does not match',
  verification_failed_keyed_identity: 'identity could not be verified',
  verification_failed_tax_id_match: 'tax ID does not match the business name',
  verification_failed_id_number_match: 'ID number does not match',
};

/** A code in words: the table's, else the code with spaces. */
const wordsFor = (table: Record<string, string>, code: string) => table[code] ?? code.replace(/[._]/g, ' ');

/** "stolen card (2), lost card": each code in words, its count when above one, most frequent first. */
function breakdown(counts: Record<string, number>, table: Record<string, string>): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, n]) => (n > 1 ? `${wordsFor(table, code)} (${n})` : wordsFor(table, code)))
    .join(', ');
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const capped = (points: number) => Math.min(points, RISK_WEIGHTS.capPerKind);

/** Whether `disputes` of the last RECENT_DAYS days over `charges` of them make the dispute-rate signal (a dispute whose charge is not counted still counts). */
export function disputeRateShows(disputes: number, charges: number): boolean {
  if (disputes < RISK_WEIGHTS.disputeRateMinimum) return false;
  return disputes / Math.max(charges, disputes) >= RISK_WEIGHTS.disputeRate;
}

/**
 * The fewest charges over which `disputes` no longer make the signal: how many of the window's
 * charges the index must hold to decide it without holding all of them (lib/index/charge-window.ts).
 */
export function chargesToClearDisputeRate(disputes: number): number {
  if (disputes < RISK_WEIGHTS.disputeRateMinimum) return 0;
  // d / c < rate  <=>  c > d / rate; the floating-point quotient is checked against the rule itself.
  let charges = Math.floor(disputes / RISK_WEIGHTS.disputeRate) + 1;
  while (charges > disputes && !disputeRateShows(disputes, charges - 1)) charges -= 1;
  while (disputeRateShows(disputes, charges)) charges += 1;
  return charges;
}

/** Whether `disabled_reason` is a rejection (rather than a restriction) by Stripe. */
const isRejection = (reason: string) => reason.startsWith('rejected.');

/** Each kind's part of the score with its words, or null when the account has none of it. */
const REASONS: Record<RiskSignalKind, (s: RiskSignals) => Omit<RiskReason, 'kind'> | null> = {
  early_fraud_warning: ({ earlyFraudWarnings: w }) => {
    if (w.total === 0) return null;
    const settled = w.total - w.actionable;
    const types = breakdown(w.byFraudType, FRAUD_TYPE_WORDS);
    const actionable = w.actionable > 0 ? `, ${w.actionable} still actionable` : ', none actionable';
    return {
      points: capped(w.actionable * RISK_WEIGHTS.actionableWarning + settled * RISK_WEIGHTS.settledWarning),
      words: `${plural(w.total, 'early fraud warning', 'early fraud warnings')} from card issuers${actionable}${types ? `: ${types}` : ''}`,
    };
  },
  open_review: ({ openReviews: r }) => {
    if (r.total === 0) return null;
    const reasons = breakdown(r.byReason, REVIEW_REASON_WORDS);
    return {
      points: capped(r.total * RISK_WEIGHTS.openReview),
      words: `${plural(r.total, 'Radar review', 'Radar reviews')} open${reasons ? `: ${reasons}` : ''}`,
    };
  },
  risky_charges: ({ riskyCharges: c }) => {
    const risky = c.elevated + c.highest;
    if (risky === 0) return null;
    const share = c.recent > 0 ? risky / c.recent : 1;
    const bonus = share >= RISK_WEIGHTS.riskyShare && risky >= RISK_WEIGHTS.riskyShareMinimum ? RISK_WEIGHTS.riskyShareBonus : 0;
    const levels = [c.highest > 0 ? `${c.highest} highest` : '', c.elevated > 0 ? `${c.elevated} elevated` : ''].filter(Boolean).join(', ');
    return {
      points: capped(c.highest * RISK_WEIGHTS.highestCharge + c.elevated * RISK_WEIGHTS.elevatedCharge + bonus),
      words: `${risky} of ${plural(c.recent, 'charge', 'charges')} in the last ${RECENT_DAYS} days rated risky by Radar (${percent(share)}): ${levels}`,
    };
  },
  blocked_charges: ({ blockedCharges: n }) =>
    n === 0 ? null : { points: capped(n * RISK_WEIGHTS.blockedCharge), words: `${plural(n, 'charge', 'charges')} blocked by Radar as too risky` },
  requirement_errors: ({ requirementErrors: e }) =>
    e.total === 0
      ? null
      : {
          points: capped(e.total * RISK_WEIGHTS.requirementError),
          words: `${plural(e.total, 'verification error', 'verification errors')}: ${breakdown(e.byCode, REQUIREMENT_ERROR_WORDS)}`,
        },
  past_due: ({ pastDue: n }) =>
    n === 0 ? null : { points: RISK_WEIGHTS.pastDue, words: `${plural(n, 'requirement', 'requirements')} past ${nounFor(n, 'its', 'their')} deadline` },
  stripe_action: ({ stripeAction: reason }) =>
    reason === null
      ? null
      : {
          points: isRejection(reason) ? RISK_WEIGHTS.stripeRejection : RISK_WEIGHTS.stripeRestriction,
          words: DISABLED_REASON_WORDS[reason] ?? `Restricted by Stripe (${reason})`,
        },
  reversed_transfers: ({ transfers: t }) => {
    const share = t.total > 0 ? t.reversed / t.total : 0;
    if (t.total < RISK_WEIGHTS.moneyMinimum || share < RISK_WEIGHTS.moneyShare) return null;
    return { points: RISK_WEIGHTS.reversedTransfers, words: `${t.reversed} of ${plural(t.total, 'transfer', 'transfers')} to it reversed (${percent(share)})` };
  },
  refunded_fees: ({ fees: f }) => {
    const share = f.total > 0 ? f.refunded / f.total : 0;
    if (f.total < RISK_WEIGHTS.moneyMinimum || share < RISK_WEIGHTS.moneyShare) return null;
    return { points: RISK_WEIGHTS.refundedFees, words: `${f.refunded} of ${plural(f.total, 'application fee', 'application fees')} refunded (${percent(share)})` };
  },
  volume_burst: ({ volume: v }) => {
    if (v.weeklyBefore <= 0 || v.recent < RISK_WEIGHTS.burstRatio * v.weeklyBefore) return null;
    const ratio = v.recent / v.weeklyBefore;
    return {
      points: RISK_WEIGHTS.volumeBurst,
      words: `Charge volume of the last ${BURST_DAYS} days is ${ratio.toFixed(1)} times its weekly average over the ${BASELINE_WEEKS} weeks before`,
    };
  },
  open_disputes: ({ disputes: d }) => {
    if (!d || d.open === 0) return null;
    const reasons = breakdown(d.byReason, DISPUTE_REASON_WORDS);
    return { points: capped(d.open * RISK_WEIGHTS.openDispute), words: `${plural(d.open, 'dispute', 'disputes')} open on its charges${reasons ? `: ${reasons}` : ''}` };
  },
  dispute_rate: ({ disputes: d, riskyCharges: c }) => {
    if (!d || !disputeRateShows(d.recent, c.recent)) return null;
    // A dispute whose charge the index lacks still counts: the share is then of at least as many charges.
    const charges = Math.max(c.recent, d.recent);
    const rate = `${((d.recent / charges) * 100).toFixed(1)}%`;
    // Not known to hold every charge of the window (the read stopped at its cap, or could not be made): the count is a floor, the rate a ceiling.
    const [atLeast, atMost] = d.chargesComplete ? ['', ''] : ['at least ', 'at most '];
    return {
      points: RISK_WEIGHTS.disputeRateBonus,
      words: `${plural(d.recent, 'dispute', 'disputes')} on ${atLeast}${plural(charges, 'charge', 'charges')} in the last ${RECENT_DAYS} days (dispute rate ${atMost}${rate})`,
    };
  },
  lost_disputes: ({ disputes: d }) =>
    !d || d.lost === 0 ? null : { points: capped(d.lost * RISK_WEIGHTS.lostDispute), words: `${plural(d.lost, 'dispute', 'disputes')} lost` },
};

/** The score and what it is made of, highest part first. */
export function scoreSignals(signals: RiskSignals): { score: number; reasons: RiskReason[] } {
  const reasons: RiskReason[] = [];
  for (const kind of RISK_SIGNAL_KINDS) {
    const part = REASONS[kind](signals);
    if (part && part.points > 0) reasons.push({ kind, ...part });
  }
  reasons.sort((a, b) => b.points - a.points || RISK_SIGNAL_KINDS.indexOf(a.kind) - RISK_SIGNAL_KINDS.indexOf(b.kind));
  return { score: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}
