// Every action the audit log knows, with the words the Audit page shows for it. Later features
// add their actions here, so the filter lists and labels stay complete. Pure (client-safe).

export const AUDIT_ACTIONS = {
  'operator.sign_in': 'Signed in',
  'operator.sign_in_failed': 'Failed to sign in',
  'operator.sign_in_locked': 'Sign-in refused: locked out',
  'operator.sign_out': 'Signed out',
  'operator.sign_out_everywhere': 'Signed out everywhere',
  'operator.role_change': 'Changed an operator’s role',
  'operator.sessions_revoke': 'Ended an operator’s sessions',
  'operator.deactivate': 'Deactivated an operator',
  'operator.reactivate': 'Reactivated an operator',
  'account.update': 'Updated an account',
  'account.reject': 'Rejected an account',
  'account.unreject': 'Unrejected an account',
  'account.delete': 'Deleted an account',
  'capability.update': 'Changed a capability',
  'account_link.create': 'Created an account link',
  'application_fee.refund': 'Refunded an application fee',
  'application_fee_refund.update': 'Edited an application fee refund',
  'transfer.reverse': 'Reversed a transfer',
  'transfer_reversal.update': 'Edited a transfer reversal',
  'topup.create': 'Created a top-up',
  'topup.cancel': 'Cancelled a top-up',
  'subscription_schedule.cancel': 'Cancelled a subscription schedule',
  'subscription_schedule.release': 'Released a subscription schedule',
  'index.event_retry': 'Retried a webhook event',
  'index.backfill_run': 'Ran the backfill',
  'index.reconcile_run': 'Ran a reconciliation',
  'saved_view.create': 'Saved a list view',
  'saved_view.delete': 'Deleted a saved list view',
  'risk_case.claim': 'Claimed a risk case',
  'risk_case.assign': 'Assigned a risk case',
  'risk_case.note': 'Added a note to a risk case',
  'risk_case.clear': 'Cleared a risk case',
  'risk_case.escalate': 'Escalated a risk case',
  'review.approve': 'Approved a Radar review',
  'approval_policy.update': 'Changed an approval policy',
  'approval.request': 'Requested approval',
  'approval.approve': 'Approved a request',
  'approval.decline': 'Declined a request',
  'approval.cancel': 'Cancelled an approval request',
  'approval.retry': 'Retried an approved request',
  'test_clock.create': 'Created a test clock',
  'test_clock.advance': 'Advanced a test clock',
  'test_clock.delete': 'Deleted a test clock',
  'billing_rehearsal.create': 'Created a billing rehearsal on a test clock',
  'usage_record.create': 'Reported usage on a metered item',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

/**
 * What a refused attempt (outcome `denied`) was, in words: "Approved a request" beside a Denied
 * badge would say the opposite of what happened. The entry's error message says why.
 */
export const REFUSED_AUDIT_ACTIONS: Partial<Record<AuditAction, string>> = {
  'account.reject': 'Refused to reject an account',
  'account.delete': 'Refused to delete an account',
  'capability.update': 'Refused to change a capability',
  'application_fee.refund': 'Refused to refund an application fee',
  'transfer.reverse': 'Refused to reverse a transfer',
  'topup.create': 'Refused to create a top-up',
  'approval_policy.update': 'Refused to change an approval policy',
  'approval.request': 'Refused to request approval',
  'approval.approve': 'Refused to approve a request',
  'approval.decline': 'Refused to decline a request',
  'approval.cancel': 'Refused to cancel an approval request',
  'approval.retry': 'Refused to retry an approved request',
};

/** The action in words; with the entry's outcome, a refused attempt reads as the refusal it was. */
export function auditActionLabel(action: string, outcome?: string): string {
  if (outcome === 'denied') {
    const refused = (REFUSED_AUDIT_ACTIONS as Record<string, string | undefined>)[action];
    if (refused) return refused;
  }
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}

export const AUDIT_OUTCOMES = ['started', 'unknown', 'succeeded', 'failed', 'denied'] as const;
export type AuditOutcomeName = (typeof AUDIT_OUTCOMES)[number];

/** The outcome filter's extra choice: every entry whose outcome is still open (started or unknown). */
export const OPEN_OUTCOMES_FILTER = 'open';
export const OUTCOME_FILTERS = [OPEN_OUTCOMES_FILTER, ...AUDIT_OUTCOMES] as const;
export type OutcomeFilter = (typeof OUTCOME_FILTERS)[number];
export const OPEN_OUTCOMES_LABEL = 'Not resolved yet (no outcome or unknown)';

export const OUTCOME_LABELS: Record<AuditOutcomeName, string> = {
  // An entry still "started" after its action finished means the process died in between.
  started: 'No outcome recorded',
  // The answer was lost: the change may have happened. The console checks and records the truth.
  unknown: 'Outcome unknown',
  succeeded: 'Succeeded',
  failed: 'Failed',
  denied: 'Denied',
};
