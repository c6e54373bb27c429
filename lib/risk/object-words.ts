// A charge's Radar outcome, card checks and kind, and a Radar review's reasons, in the words an
// operator reads on the charge, review and early fraud warning pages. Disputes have their own
// words (lib/disputes/words.ts). Pure and client-safe.

const say = (table: Record<string, string>, code: string | null | undefined): string => (code ? (table[code] ?? code.replace(/[._]/g, ' ')) : '—');

/** Stripe's `outcome.risk_level`. */
export const RISK_LEVEL_WORDS: Record<string, string> = {
  normal: 'Normal risk',
  elevated: 'Elevated risk',
  highest: 'Highest risk',
  not_assessed: 'Not assessed by Radar',
  unknown: 'Radar could not assess it',
};

/** Stripe's `outcome.type`. */
export const OUTCOME_TYPE_WORDS: Record<string, string> = {
  authorized: 'Authorized by the issuer',
  manual_review: 'Authorized, held for a manual review',
  issuer_declined: 'Declined by the issuer',
  blocked: 'Blocked by Radar',
  invalid: 'Invalid request, not sent to the network',
};

/** Stripe's `outcome.network_status`. */
export const NETWORK_STATUS_WORDS: Record<string, string> = {
  approved_by_network: 'Approved by the card network',
  declined_by_network: 'Declined by the card network',
  not_sent_to_network: 'Not sent to the card network',
  reversed_after_approval: 'Reversed after the network approved it',
};

/** A card check's result (`checks.cvc_check`, `address_line1_check`, `address_postal_code_check`). */
export const CHECK_WORDS: Record<string, string> = { pass: 'passed', fail: 'failed', unavailable: 'not available', unchecked: 'not checked' };

/** `three_d_secure.result`. */
export const THREE_D_SECURE_WORDS: Record<string, string> = {
  authenticated: 'authenticated',
  attempt_acknowledged: 'attempted, acknowledged by the issuer',
  exempted: 'exempted',
  failed: 'failed',
  not_supported: 'not supported by the card',
  processing_error: 'could not be processed',
};

/** A charge's `status`. */
export const CHARGE_STATUS_WORDS: Record<string, string> = { succeeded: 'Succeeded', pending: 'Pending', failed: 'Failed' };

/** A Radar review's `reason`, `opened_reason` and `closed_reason` (one vocabulary: an open review's reason is why it opened, a closed one's why it closed). */
export const REVIEW_REASON_WORDS: Record<string, string> = {
  rule: 'a Radar rule placed it in review',
  manual: 'placed in review by hand',
  approved: 'approved',
  refunded: 'the charge was refunded',
  refunded_as_fraud: 'the charge was refunded as fraud',
  disputed: 'the charge was disputed',
  redacted: 'its data was redacted',
  canceled: 'canceled',
  acknowledged: 'acknowledged',
};

export const riskLevelWords = (code: string | null | undefined) => say(RISK_LEVEL_WORDS, code);
export const outcomeTypeWords = (code: string | null | undefined) => say(OUTCOME_TYPE_WORDS, code);
export const networkStatusWords = (code: string | null | undefined) => say(NETWORK_STATUS_WORDS, code);
export const checkWords = (code: string | null | undefined) => say(CHECK_WORDS, code);
export const threeDSecureWords = (code: string | null | undefined) => say(THREE_D_SECURE_WORDS, code);
export const chargeStatusWords = (code: string | null | undefined) => say(CHARGE_STATUS_WORDS, code);
export const reviewReasonWords = (code: string | null | undefined) => say(REVIEW_REASON_WORDS, code);
/** An early fraud warning's `fraud_type` (the risk queue's reasons use them too). */
export const FRAUD_TYPE_WORDS: Record<string, string> = {
  card_never_received: 'card never received',
  fraudulent_card_application: 'fraudulent card application',
  made_with_counterfeit_card: 'counterfeit card',
  made_with_lost_card: 'lost card',
  made_with_stolen_card: 'stolen card',
  misc: 'other fraud',
  unauthorized_use_of_card: 'unauthorized use of the card',
};
export const fraudTypeWords = (code: string | null | undefined) => say(FRAUD_TYPE_WORDS, code);

/** How a charge reaches its connected account, in words. */
export function chargeKindWords(kind: 'destination' | 'on_behalf_of' | 'direct' | 'platform', account: string | null): string {
  switch (kind) {
    case 'destination':
      return `Destination charge: made on the platform, its funds transferred to ${account ?? 'the account'}`;
    case 'on_behalf_of':
      return `Made on the platform on behalf of ${account ?? 'the account'}`;
    case 'direct':
      return `Direct charge: made on ${account ?? 'the connected account'} itself`;
    default:
      return "The platform's own charge";
  }
}
