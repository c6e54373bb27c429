'use client';
// Whether the action under review needs a second operator's approval, as the review step shows
// it: the policies and the console's mode (GET /api/approvals/policies) through the same pure
// needsApproval the server decides with. The server decides again when it is sent; null while
// the policies are not read yet (or the subject is not known).
import { useQuery } from '@tanstack/react-query';
import { approvalQueries } from '@/lib/approvals/keys';
import { needsApproval, type ApprovalAction, type ApprovalDecision, type ApprovalSubject } from '@/lib/approvals/policy';

export function useApprovalNeed(action: ApprovalAction, subject: ApprovalSubject | null): ApprovalDecision | null {
  const { data } = useQuery(approvalQueries.policies());
  if (!data || !subject) return null;
  return needsApproval(data.policies[action], action, subject, data.mode);
}
