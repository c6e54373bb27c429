'use server';
// The case actions, each through defineAction (permission first, zod, audited, a typed result):
// claim, assign (admins), note, clear, escalate, approve a review, and reject the account from the
// case. The database writes replay an earlier success of the same request key instead of doing it
// twice; the Stripe writes send the key to Stripe. Rejecting is the account page's own rejection
// (its Stripe guards and its audit action, so the account's history and the outcome checks know
// it), and on success decides the case.
import { ActionError } from '@/lib/actions/result';
import { defineAction, type ActionContext } from '@/lib/actions/safe-action';
import { assessReject } from '@/lib/accounts/approval';
import { rejectAccount } from '@/lib/accounts/mutations';
import { can } from '@/lib/auth/permissions';
import { addNote, assignCase, decideCase, earlierSuccess, escalateCase, requireCase, requireDecider } from './case-store';
import { approveReview } from './mutations';
import { addNoteSchema, approveReviewSchema, assignCaseSchema, claimCaseSchema, clearCaseSchema, escalateCaseSchema, rejectFromCaseSchema } from './schemas';

const target = (input: { caseId: string }) => input.caseId;
const FOUND = 'this request (same key) had already been recorded';

/** A database change, done once per request key. */
async function once<T>(context: ActionContext, action: string, data: T, work: () => Promise<string | null>) {
  const earlier = await earlierSuccess(context.db, context.idempotencyKey, action);
  if (earlier) return { data, resultId: earlier.resultId, foundBy: FOUND };
  return { data, resultId: await work() };
}

export const claimCaseAction = defineAction({
  name: 'claimCase',
  permission: 'risk.decide',
  schema: claimCaseSchema,
  audit: { action: 'risk_case.claim', targetId: target },
  run: async ({ caseId }, context) =>
    once(context, 'risk_case.claim', { caseId }, async () => {
      await assignCase(context.db, caseId, context.operator.id);
      return caseId;
    }),
});

export const assignCaseAction = defineAction({
  name: 'assignCase',
  // Reassigning someone else's case is an admin's call.
  permission: 'operators.manage',
  schema: assignCaseSchema,
  audit: { action: 'risk_case.assign', targetId: target },
  run: async ({ caseId, assigneeId }, context) => {
    const assignee = await requireDecider(context.db, assigneeId);
    return once(context, 'risk_case.assign', { caseId, assignee: assignee.name }, async () => {
      await assignCase(context.db, caseId, assignee.id);
      return caseId;
    });
  },
});

export const addCaseNoteAction = defineAction({
  name: 'addCaseNote',
  permission: 'risk.decide',
  schema: addNoteSchema,
  audit: { action: 'risk_case.note', targetId: target },
  run: async ({ caseId, body }, context) =>
    once(context, 'risk_case.note', { caseId }, async () => String((await addNote(context.db, caseId, context.operator.id, body)).id)),
});

export const clearCaseAction = defineAction({
  name: 'clearCase',
  permission: 'risk.decide',
  schema: clearCaseSchema,
  audit: { action: 'risk_case.clear', targetId: target },
  run: async ({ caseId, note }, context) =>
    once(context, 'risk_case.clear', { caseId }, async () => {
      await decideCase(context.db, caseId, 'cleared', context.operator.id, note);
      return caseId;
    }),
});

export const escalateCaseAction = defineAction({
  name: 'escalateCase',
  permission: 'risk.decide',
  schema: escalateCaseSchema,
  audit: { action: 'risk_case.escalate', targetId: target },
  run: async ({ caseId, note }, context) =>
    once(context, 'risk_case.escalate', { caseId }, async () => {
      await escalateCase(context.db, caseId, context.operator.id, note);
      return caseId;
    }),
});

export const approveReviewAction = defineAction({
  name: 'approveReview',
  permission: 'risk.decide',
  schema: approveReviewSchema,
  audit: { action: 'review.approve', targetId: (input) => input.reviewId },
  exclusive: true,
  what: 'the approval',
  run: async ({ caseId, reviewId }, { db, idempotencyKey }) => {
    const found = await requireCase(db, caseId);
    const out = await approveReview(db, { reviewId, accountId: found.accountId }, idempotencyKey);
    return { data: { reviewId, closedReason: out.data.closed_reason ?? null, requestId: out.requestId }, requestId: out.requestId, resultId: out.resultId };
  },
});

export const rejectAccountFromCaseAction = defineAction({
  name: 'rejectAccountFromCase',
  // The account page's rejection: its permission, its audit action, its one-at-a-time rule.
  permission: 'accounts.reject',
  schema: rejectFromCaseSchema,
  audit: { action: 'account.reject', targetId: (input) => input.accountId, params: ({ accountId, reason, note, caseId }) => ({ accountId, reason, note, caseId }) },
  exclusive: { with: ['account.reject', 'account.unreject', 'account.delete'] },
  // The same four-eyes policy as the account page's rejection: where it applies, the dialog asks for
  // approval of that rejection instead, and this action sent directly is refused; an approved
  // request runs as the account page's rejection, never through here.
  approval: { action: 'account_reject', assess: assessReject, gateOnly: true },
  what: 'the rejection',
  run: async (input, { db, idempotencyKey, mode, operator }) => {
    if (!can(operator.role, 'risk.decide')) throw new ActionError('Your role cannot decide risk cases; reject the account from its own page.');
    const found = await requireCase(db, input.caseId);
    if (found.accountId !== input.accountId) throw new ActionError(`This case is about ${found.accountId}, not ${input.accountId}.`);
    if (found.status === 'decided' && found.decision !== 'rejected') throw new ActionError(`This case was already decided (${found.decision}), so nothing was changed.`);
    const out = await rejectAccount(input, idempotencyKey, mode);
    await decideCase(db, input.caseId, 'rejected', operator.id, `Rejected the account: ${input.note}`, { replay: true });
    return { data: { disabledReason: out.data.requirements?.disabled_reason ?? null, requestId: out.requestId }, requestId: out.requestId };
  },
});
