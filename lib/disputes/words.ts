// Stripe's dispute statuses and reasons in words, for the risk queue's reasons, the case page and
// the account page alike. Pure and client-safe.

/** Stripe's dispute `status` values, as an operator reads them. */
export const DISPUTE_STATUS_WORDS: Record<string, string> = {
  needs_response: 'Needs a response',
  under_review: 'Evidence submitted, under review',
  won: 'Won',
  lost: 'Lost',
  warning_needs_response: 'Inquiry, needs a response',
  warning_under_review: 'Inquiry, under review',
  warning_closed: 'Inquiry closed',
};

/** Statuses still waiting on the merchant's response or the issuer's decision. */
export const OPEN_DISPUTE_STATUSES = ['needs_response', 'under_review', 'warning_needs_response', 'warning_under_review'] as const;

export const isOpenDispute = (status: string | null): boolean => status !== null && (OPEN_DISPUTE_STATUSES as readonly string[]).includes(status);

/** Stripe's dispute `reason` values. */
export const DISPUTE_REASON_WORDS: Record<string, string> = {
  bank_cannot_process: 'bank cannot process',
  check_returned: 'check returned',
  credit_not_processed: 'credit not processed',
  customer_initiated: 'customer initiated',
  debit_not_authorized: 'debit not authorized',
  duplicate: 'duplicate',
  fraudulent: 'fraudulent',
  general: 'general',
  incorrect_account_details: 'incorrect account details',
  insufficient_funds: 'insufficient funds',
  product_not_received: 'product not received',
  product_unacceptable: 'product unacceptable',
  subscription_canceled: 'subscription canceled',
  unrecognized: 'unrecognized',
};

export const disputeStatusWords = (status: string | null): string => (status ? (DISPUTE_STATUS_WORDS[status] ?? status.replace(/_/g, ' ')) : '—');
export const disputeReasonWords = (reason: string | null): string => (reason ? (DISPUTE_REASON_WORDS[reason] ?? reason.replace(/_/g, ' ')) : '—');
