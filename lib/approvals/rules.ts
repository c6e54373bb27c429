// Who may decide a request, in words, for the server (which refuses) and the request page (which
// shows no control to whom it would refuse). The requester never approves their own request, even
// as an admin; an approver needs the action's own permission and one of the policy's approver roles. Pure.
import { can, ROLE_LABELS, type Role } from '@/lib/auth/permissions';
import { withArticle } from '@/lib/words';
import { APPROVAL_ACTION_LABELS, APPROVAL_ACTION_PERMISSIONS, type ApprovalAction, type ApprovalPolicy } from './policy';

/** What the operator is deciding: the log says which refusal it was. */
export type DecisionVerb = 'approve' | 'decline' | 'retry';

/** `why` is said to the operator (the request page, the refusal); `logWhy` is the same rule said of them, for the audit log. */
export type DeciderVerdict = { allowed: true } | { allowed: false; why: string; logWhy: string };

export function mayDecide(operator: { id: string; role: Role }, request: { action: string; requestedBy: string }, policy: ApprovalPolicy, verb: DecisionVerb = 'approve'): DeciderVerdict {
  const action = request.action as ApprovalAction;
  const label = APPROVAL_ACTION_LABELS[action].toLowerCase();
  if (request.requestedBy === operator.id) {
    return { allowed: false, why: 'You asked for this yourself: another operator must approve or decline it.', logWhy: `The requester cannot ${verb} their own request.` };
  }
  if (!can(operator.role, APPROVAL_ACTION_PERMISSIONS[action])) {
    return { allowed: false, why: `Your role may not make ${withArticle(label)} itself, so it may not approve one.`, logWhy: `The ${ROLE_LABELS[operator.role]} role may not make ${withArticle(label)} itself, so it may not ${verb} one.` };
  }
  if (!policy.approverRoles.includes(operator.role)) {
    const roles = policy.approverRoles.map((r) => ROLE_LABELS[r]).join(', ');
    return { allowed: false, why: `The policy lets only ${roles} approve ${withArticle(label)}.`, logWhy: `The policy lets only ${roles} ${verb} ${withArticle(label)}; the operator is ${ROLE_LABELS[operator.role]}.` };
  }
  return { allowed: true };
}
