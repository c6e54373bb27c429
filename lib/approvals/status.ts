// A request's status in words, for the inbox, the request page and the refusals of the actions. Pure.

/** `approved`: approved and being executed (the claim); the execution moves it on to executed, failed or unknown. */
export const APPROVAL_STATUSES = ['pending', 'approved', 'declined', 'cancelled', 'expired', 'executed', 'failed', 'unknown'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const APPROVAL_STATUS_LABELS: Record<ApprovalStatus, string> = {
  pending: 'Waiting for approval',
  approved: 'Approved, running',
  declined: 'Declined',
  cancelled: 'Cancelled',
  expired: 'Expired',
  executed: 'Done',
  failed: 'Failed',
  unknown: 'Outcome unknown',
};

type Described = { status: ApprovalStatus; decidedByEmail: string | null; executionError: string | null };

/** Why a request can no longer be decided or cancelled as the operator expected. */
export function describeRequestState(request: Described): string {
  const by = request.decidedByEmail ? ` by ${request.decidedByEmail}` : '';
  switch (request.status) {
    case 'pending':
      return 'This request is still waiting for approval.';
    case 'approved':
      return `This request was already approved${by} and is running.`;
    case 'executed':
      return `This request was already approved${by} and done.`;
    case 'declined':
      return `This request was already declined${by}.`;
    case 'cancelled':
      return 'This request was cancelled by the operator who asked.';
    case 'expired':
      return 'This request expired before anyone decided it. Ask again if it is still needed.';
    case 'failed':
      return `This request was approved${by}, and it failed: ${(request.executionError ?? 'see the audit log').replace(/\.$/, '')}.`;
    case 'unknown':
      // The execution's own words say what is known (a lost answer, or what was found after a crash).
      return request.executionError
        ? `This request was approved${by}, and its outcome is not known yet: ${request.executionError}`
        : `This request was approved${by}; Stripe's answer was lost and the console is finding out what happened.`;
  }
}
