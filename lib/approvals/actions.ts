'use server';
// The approval actions, each through defineAction (audited; `approvals.read` first, then the
// rules of the request's own action inside): request approval of an action as its review step
// made it; approve (which runs it once, on the server, with the request's key), decline, cancel
// one's own pending request, retry an approved execution that failed at Stripe or whose answer
// was lost; and change a policy (admins).
import { ActionError, ActionRefused } from '@/lib/actions/result';
import { defineAction } from '@/lib/actions/safe-action';
import { REFUSAL_MESSAGES } from '@/lib/auth/access';
import { can, ROLE_LABELS } from '@/lib/auth/permissions';
import { withArticle } from '@/lib/words';
import type { Db } from '@/lib/db/open';
import { executeApproved } from './execute';
import type { ApprovalRequested } from './keys';
import { APPROVAL_ACTION_LABELS, APPROVAL_ACTION_PERMISSIONS, approvalPolicySchema, needsApproval, type ApprovalAction } from './policy';
import { approvable } from './registry';
import { mayDecide, type DecisionVerb } from './rules';
import { decideRequestSchema, requestApprovalSchema, requestIdSchema } from './schemas';
import { describeRequestState } from './status';
import { cancel, claimApproval, claimRetry, decline, getPolicy, getRequest, getRequestByKey, insertRequest, savePolicy, type ApprovalRequest } from './store';

const targetOf = (params: Record<string, unknown>): string | null => {
  for (const field of ['transferId', 'feeId', 'accountId']) if (typeof params[field] === 'string') return params[field];
  return null;
};

async function loadRequest(db: Db, id: string): Promise<ApprovalRequest> {
  const request = await getRequest(db, id);
  if (!request) throw new ActionRefused('There is no such approval request.');
  return request;
}

/** The request as the operator should now learn it, when a conditional update found it no longer in the state they saw. */
async function notAnyMore(db: Db, id: string): Promise<never> {
  throw new ActionRefused(describeRequestState(await loadRequest(db, id)));
}

/** Refuses, in the operator's words and the log's, when the rules do not let this operator decide the request. */
async function checkDecider(db: Db, operator: Parameters<typeof mayDecide>[0], request: ApprovalRequest, verb: DecisionVerb): Promise<void> {
  const verdict = mayDecide(operator, request, await getPolicy(db, request.action as ApprovalAction), verb);
  if (!verdict.allowed) throw new ActionRefused(verdict.why, verdict.logWhy);
}

export const requestApprovalAction = defineAction({
  name: 'requestApprovalAction',
  permission: 'approvals.read',
  schema: requestApprovalSchema,
  audit: { action: 'approval.request', targetId: (input) => targetOf(input.params), params: (input) => ({ action: input.action, params: input.params, note: input.note }) },
  run: async (input, { db, operator, mode, auditEntryId }) => {
    const spec = approvable(input.action);
    if (!can(operator.role, spec.permission)) throw new ActionRefused(REFUSAL_MESSAGES.forbidden, `The ${ROLE_LABELS[operator.role]} role may not make ${withArticle(APPROVAL_ACTION_LABELS[input.action].toLowerCase())}, so it may not request one.`);
    const parsed = spec.parse(input.params);
    if (!parsed.ok) throw new ActionError(`The action’s fields need attention: ${Object.entries(parsed.fieldErrors).map(([field, errors]) => `${field}: ${errors.join(' ')}`).join('; ')}`);
    const params = { ...parsed.input, idempotencyKey: parsed.idempotencyKey };
    const policy = await getPolicy(db, input.action);
    const assessment = await spec.assess(parsed.input, mode);
    if (!needsApproval(policy, input.action, assessment.subject, mode).needed) {
      throw new ActionRefused('No approval is needed for this under the current policy: go back and confirm it yourself.', 'The current policy needs no approval for this, so no request was made.');
    }
    const made = await insertRequest(db, { action: input.action, params, executionKey: parsed.idempotencyKey, assessment, mode, note: input.note, requester: operator, validityHours: policy.validityHours, requestAuditId: auditEntryId });
    const request = made ?? (await getRequestByKey(db, parsed.idempotencyKey));
    // The same review sent twice is one request; another operator's key is not this one's.
    if (!request || request.requestedBy !== operator.id || request.action !== input.action) throw new ActionError('This review was already used for another request. Go back and review again.');
    const data: ApprovalRequested = { approvalRequested: true, requestId: request.id, status: request.status, expiresAt: request.expiresAt.toISOString() };
    return { data, resultId: request.id };
  },
});

export const approveRequestAction = defineAction({
  name: 'approveRequestAction',
  permission: 'approvals.read',
  schema: decideRequestSchema,
  audit: { action: 'approval.approve', targetId: (input) => input.requestId },
  run: async ({ requestId, note }, { db, operator, mode, auditEntryId }) => {
    await checkDecider(db, operator, await loadRequest(db, requestId), 'approve');
    // The claim: of approvers deciding at the same moment, exactly one gets the row.
    const claimed = (await claimApproval(db, requestId, operator, note, auditEntryId)) ?? (await notAnyMore(db, requestId));
    const done = await executeApproved(db, claimed, mode, { compare: true });
    return { data: { requestId, status: done.status, error: done.executionError, resultId: done.executionResultId }, resultId: done.executionResultId };
  },
});

export const declineRequestAction = defineAction({
  name: 'declineRequestAction',
  permission: 'approvals.read',
  schema: decideRequestSchema,
  audit: { action: 'approval.decline', targetId: (input) => input.requestId },
  run: async ({ requestId, note }, { db, operator, auditEntryId }) => {
    await checkDecider(db, operator, await loadRequest(db, requestId), 'decline');
    if (!(await decline(db, requestId, operator, note, auditEntryId))) await notAnyMore(db, requestId);
    return { data: { requestId, status: 'declined' as const } };
  },
});

export const cancelRequestAction = defineAction({
  name: 'cancelRequestAction',
  permission: 'approvals.read',
  schema: requestIdSchema,
  audit: { action: 'approval.cancel', targetId: (input) => input.requestId },
  run: async ({ requestId }, { db, operator }) => {
    const request = await loadRequest(db, requestId);
    if (request.requestedBy !== operator.id) throw new ActionRefused('Only the operator who asked may cancel a request.', 'Only the requester may cancel a request.');
    if (!(await cancel(db, requestId, operator.id))) await notAnyMore(db, requestId);
    return { data: { requestId, status: 'cancelled' as const } };
  },
});

export const retryRequestAction = defineAction({
  name: 'retryRequestAction',
  permission: 'approvals.read',
  schema: requestIdSchema,
  audit: { action: 'approval.retry', targetId: (input) => input.requestId },
  run: async ({ requestId }, { db, operator, mode }) => {
    const request = await loadRequest(db, requestId);
    await checkDecider(db, operator, request, 'retry');
    const claimed = (await claimRetry(db, requestId, operator.id)) ?? (await notAnyMore(db, requestId));
    // After a lost answer the object may have changed by this very request: the action finds its own result by the key.
    const done = await executeApproved(db, claimed, mode, { compare: request.status === 'failed' });
    return { data: { requestId, status: done.status, error: done.executionError, resultId: done.executionResultId }, resultId: done.executionResultId };
  },
});

export const updatePolicyAction = defineAction({
  name: 'updatePolicyAction',
  permission: 'policies.manage',
  schema: approvalPolicySchema,
  audit: { action: 'approval_policy.update', targetId: (input) => input.action },
  run: async (policy, { db, operator }) => {
    // Whoever changes a policy must leave someone able to approve under it.
    if (!policy.approverRoles.some((role) => can(role, APPROVAL_ACTION_PERMISSIONS[policy.action]))) {
      throw new ActionError('None of these roles may make this action itself, so nobody could approve it. Choose a role that can.');
    }
    await savePolicy(db, policy, operator.id);
    return { data: policy };
  },
});
