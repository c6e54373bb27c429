// Runs an approved request once: the caller holds the claim (a conditional UPDATE moved the
// request to `approved`), so no other approver or retry runs it meanwhile. Before a first attempt
// (or one after a plain failure) the object is read again and compared with the request's
// snapshot: if it changed, the action is no longer what was approved and nothing is sent. Then the
// action runs through its own wrapper (permission, zod, audit, the request's idempotency key,
// unknown outcomes settled as for any action), under a grant only this server code can give.
import 'server-only';
import { getAuditEntry } from '@/lib/audit/store';
import type { Db } from '@/lib/db/open';
import { describeStripeError } from '@/lib/stripe/errors';
import Stripe from 'stripe';
import { ActionError } from '@/lib/actions/result';
import { describeChanges, snapshotChanges } from './assessment';
import { runWithGrant, type ExecutionGrant } from './grant';
import type { ApprovalAction } from './policy';
import { approvable } from './registry';
import { recordExecution, type ApprovalRequest } from './store';
import type { StripeMode } from '@/lib/stripe/mode';

/** A failed read of the object, in words (an action's own refusal, or Stripe's error). */
export function readFailureWords(error: unknown): string {
  if (error instanceof ActionError) return error.message;
  if (error instanceof Stripe.errors.StripeError) {
    const plain = describeStripeError(error);
    return `${plain.title}: ${plain.message}`;
  }
  return 'The object could not be read.';
}

export async function executeApproved(db: Db, request: ApprovalRequest, mode: StripeMode, { compare }: { compare: boolean }): Promise<ApprovalRequest> {
  const spec = approvable(request.action as ApprovalAction);
  if (request.mode !== mode) {
    return recordExecution(db, request.id, { status: 'failed', requestId: null, resultId: null, error: `Requested in ${request.mode} mode; the console now runs in ${mode} mode. Nothing was done.`, retryable: false, auditId: null });
  }
  if (compare) {
    const parsed = spec.parse(request.params);
    if (!parsed.ok) return recordExecution(db, request.id, { status: 'failed', requestId: null, resultId: null, error: 'The request’s parameters no longer pass the action’s checks. Nothing was done.', retryable: false, auditId: null });
    let problem: string | null = null;
    try {
      const now = await spec.assess(parsed.input, mode);
      const changes = snapshotChanges(request.snapshot, now.snapshot);
      if (changes.length > 0) problem = `The object changed since the request (${describeChanges(changes)}), so this is no longer what was approved. Nothing was done; ask again if it is still needed.`;
    } catch (error) {
      problem = `The object could not be checked against the request: ${readFailureWords(error)} Nothing was done.`;
    }
    if (problem) return recordExecution(db, request.id, { status: 'failed', requestId: null, resultId: null, error: problem, retryable: false, auditId: null });
  }
  const grant: ExecutionGrant = { requestId: request.id, auditEntryId: null };
  const result = await runWithGrant(grant, () => spec.run(request.params));
  const entry = grant.auditEntryId !== null ? await getAuditEntry(db, grant.auditEntryId) : null;
  if (result.ok) return recordExecution(db, request.id, { status: 'executed', requestId: entry?.requestId ?? null, resultId: entry?.resultId ?? null, error: null, retryable: false, auditId: grant.auditEntryId });
  return recordExecution(db, request.id, {
    status: result.unknown ? 'unknown' : 'failed',
    requestId: result.requestId ?? entry?.requestId ?? null,
    resultId: null,
    error: result.error,
    // Changed since the review: the same request would be refused again.
    retryable: !result.changed,
    auditId: grant.auditEntryId,
  });
}
