// Who may decide a request, in words, for the server (which refuses) and the request page (which
// shows no control to whom it would refuse). The requester never approves their own request, even
// as an admin; an approver needs the action's own permission and one of the policy's approver roles. Pure.
import { can, ROLE_LABELS, type Role } from '@/lib/auth/permissions';
import { APPROVAL_ACTION_LABELS, APPROVAL_ACTION_PERMISSIONS, type ApprovalAction, type ApprovalPolicy } from './policy';

export type DeciderVerdict = { allowed: true } | { allowed: false; why: string };

export function mayDecide(operator: { id: string; role: Role }, request: { action: string; requestedBy: string }, policy: ApprovalPolicy): DeciderVerdict {
  const action = request.action as ApprovalAction;
  if (request.requestedBy === operator.id) return { allowed: false, why: 'You asked for this yourself: another operator must approve or decline it.' };
  if (!can(operator.role, APPROVAL_ACTION_PERMISSIONS[action])) return { allowed: false, why: `Your role may not make a ${APPROVAL_ACTION_LABELS[action].toLowerCase()} itself, so it may not approve one.` };
  if (!policy.approverRoles.includes(operator.role)) {
    return { allowed: false, why: `The policy lets only ${policy.approverRoles.map((r) => ROLE_LABELS[r]).join(', ')} approve a ${APPROVAL_ACTION_LABELS[action].toLowerCase()}.` };
  }
  return { allowed: true };
}
