// Approval policies and requests in the database. Every change of a request's status is one
// conditional UPDATE (`... WHERE status = 'pending'`), so of two operators deciding at the same
// moment exactly one wins, whatever the browser showed them; expiry is decided on the database's
// clock. No `server-only`, so tests open a database and call these directly.
import { and, asc, desc, eq, inArray, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/lib/db/open';
import { approvalPolicies, approvalRequests, auditEntries, type ApprovalRequestRow } from '@/lib/db/schema';
import type { ApprovalStatus } from './status';
import { randomId } from '@/lib/random-id';
import type { StripeMode } from '@/lib/stripe/mode';
import type { Assessment } from './assessment';
import { APPROVAL_ACTIONS, approvalPolicySchema, DEFAULT_POLICIES, type ApprovalAction, type ApprovalPolicy } from './policy';

export type ApprovalRequest = ApprovalRequestRow;

export async function getPolicies(db: Db): Promise<Record<ApprovalAction, ApprovalPolicy>> {
  const rows = await db.select().from(approvalPolicies);
  const policies = { ...DEFAULT_POLICIES };
  for (const row of rows) {
    // A row that no longer parses (an action or role removed since) keeps the default: never "no approval" by accident.
    const parsed = approvalPolicySchema.safeParse({ action: row.action, enabled: row.enabled, thresholds: row.thresholds, mode: row.mode, approverRoles: row.approverRoles, validityHours: row.validityHours });
    if (parsed.success) policies[parsed.data.action] = parsed.data;
  }
  return policies;
}

export async function getPolicy(db: Db, action: ApprovalAction): Promise<ApprovalPolicy> {
  return (await getPolicies(db))[action];
}

export async function savePolicy(db: Db, policy: ApprovalPolicy, operatorId: string): Promise<void> {
  const values = { enabled: policy.enabled, thresholds: policy.thresholds, mode: policy.mode, approverRoles: policy.approverRoles, validityHours: policy.validityHours, updatedBy: operatorId, updatedAt: new Date() };
  await db.insert(approvalPolicies).values({ action: policy.action, ...values }).onConflictDoUpdate({ target: approvalPolicies.action, set: values });
}

export type NewRequest = {
  action: ApprovalAction;
  params: Record<string, unknown>;
  executionKey: string;
  assessment: Assessment;
  mode: StripeMode;
  note: string;
  requester: { id: string; email: string };
  validityHours: number;
  requestAuditId: number | null;
};

/** A new pending request; null when one with this execution key exists already (a double submit). */
export async function insertRequest(db: Db, input: NewRequest): Promise<ApprovalRequest | null> {
  const [row] = await db
    .insert(approvalRequests)
    .values({
      id: randomId('apr_'),
      action: input.action,
      targetId: input.assessment.targetId,
      params: input.params,
      executionKey: input.executionKey,
      summary: input.assessment.summary,
      snapshot: input.assessment.snapshot,
      amount: input.assessment.subject.amount ?? null,
      currency: input.assessment.subject.currency ?? null,
      mode: input.mode,
      note: input.note,
      requestedBy: input.requester.id,
      requestedByEmail: input.requester.email,
      expiresAt: sql`now() + make_interval(hours => ${input.validityHours})`,
      requestAuditId: input.requestAuditId,
    })
    .onConflictDoNothing({ target: approvalRequests.executionKey })
    .returning();
  return row ?? null;
}

export async function getRequest(db: Db, id: string): Promise<ApprovalRequest | null> {
  await expireOverdue(db);
  const [row] = await db.select().from(approvalRequests).where(eq(approvalRequests.id, id));
  return row ?? null;
}

export async function getRequestByKey(db: Db, executionKey: string): Promise<ApprovalRequest | null> {
  const [row] = await db.select().from(approvalRequests).where(eq(approvalRequests.executionKey, executionKey));
  return row ?? null;
}

/** Pending requests past their time become expired (on the database's clock). */
export async function expireOverdue(db: Db): Promise<void> {
  await db
    .update(approvalRequests)
    .set({ status: 'expired' })
    .where(and(eq(approvalRequests.status, 'pending'), lte(approvalRequests.expiresAt, sql`now()`)));
}

export type RequestFilter = { status?: 'open' | 'all'; targetId?: string; limit?: number };

/** Newest first; `open`: pending, and approved ones whose execution has not ended well (approved, failed, unknown). */
export async function listRequests(db: Db, filter: RequestFilter = {}): Promise<ApprovalRequest[]> {
  await expireOverdue(db);
  const where: SQL[] = [];
  if (filter.status === 'open') where.push(inArray(approvalRequests.status, ['pending', 'approved', 'failed', 'unknown']));
  if (filter.targetId) where.push(eq(approvalRequests.targetId, filter.targetId));
  return db
    .select()
    .from(approvalRequests)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(approvalRequests.requestedAt), desc(approvalRequests.id))
    .limit(filter.limit ?? 200);
}

/** Pending requests of others, oldest first: the candidates for an approver's inbox and count. */
export async function pendingOfOthers(db: Db, operatorId: string, limit = 500): Promise<ApprovalRequest[]> {
  await expireOverdue(db);
  return db
    .select()
    .from(approvalRequests)
    .where(and(eq(approvalRequests.status, 'pending'), ne(approvalRequests.requestedBy, operatorId)))
    .orderBy(approvalRequests.requestedAt)
    .limit(limit);
}

type Decider = { id: string; email: string };

/**
 * Pending -> approved for this approver, only if still pending, unexpired and not their own: the
 * claim that lets exactly one approval execute. Null when the row did not qualify.
 */
export async function claimApproval(db: Db, id: string, approver: Decider, note: string, auditId: number | null): Promise<ApprovalRequest | null> {
  const [row] = await db
    .update(approvalRequests)
    .set({ status: 'approved', decidedBy: approver.id, decidedByEmail: approver.email, decidedAt: sql`now()`, decisionNote: note, decisionAuditId: auditId, attempts: sql`${approvalRequests.attempts} + 1`, claimedAt: sql`now()` })
    .where(and(eq(approvalRequests.id, id), eq(approvalRequests.status, 'pending'), sql`${approvalRequests.expiresAt} > now()`, ne(approvalRequests.requestedBy, approver.id)))
    .returning();
  return row ?? null;
}

/** Failed (when sending it again can help) or unknown -> approved again, for one more attempt with the same key. */
export async function claimRetry(db: Db, id: string, operatorId: string): Promise<ApprovalRequest | null> {
  const [row] = await db
    .update(approvalRequests)
    .set({ status: 'approved', attempts: sql`${approvalRequests.attempts} + 1`, claimedAt: sql`now()` })
    .where(
      and(
        eq(approvalRequests.id, id),
        or(and(eq(approvalRequests.status, 'failed'), eq(approvalRequests.retryable, true)), eq(approvalRequests.status, 'unknown')),
        ne(approvalRequests.requestedBy, operatorId),
      ),
    )
    .returning();
  return row ?? null;
}

export async function decline(db: Db, id: string, approver: Decider, note: string, auditId: number | null): Promise<ApprovalRequest | null> {
  const [row] = await db
    .update(approvalRequests)
    .set({ status: 'declined', decidedBy: approver.id, decidedByEmail: approver.email, decidedAt: sql`now()`, decisionNote: note, decisionAuditId: auditId })
    .where(and(eq(approvalRequests.id, id), eq(approvalRequests.status, 'pending'), ne(approvalRequests.requestedBy, approver.id)))
    .returning();
  return row ?? null;
}

export async function cancel(db: Db, id: string, requesterId: string): Promise<ApprovalRequest | null> {
  const [row] = await db
    .update(approvalRequests)
    .set({ status: 'cancelled', decidedAt: sql`now()` })
    .where(and(eq(approvalRequests.id, id), eq(approvalRequests.status, 'pending'), eq(approvalRequests.requestedBy, requesterId)))
    .returning();
  return row ?? null;
}

/**
 * Requests whose execution ended without a recorded outcome: still `approved` although claimed
 * before `claimedBefore` (longer ago than an execution can take), and `unknown` ones whose
 * execution's audit entry may have been settled since. Oldest claim first.
 */
export async function unsettledExecutions(db: Db, claimedBefore: Date, limit = 50): Promise<ApprovalRequest[]> {
  return db
    .select()
    .from(approvalRequests)
    .where(
      or(
        and(eq(approvalRequests.status, 'approved'), lt(approvalRequests.claimedAt, claimedBefore)),
        // An unknown one only once its execution's entry is final: one still open stays for the outcome reconciler.
        and(
          eq(approvalRequests.status, 'unknown'),
          inArray(approvalRequests.executionAuditId, db.select({ id: auditEntries.id }).from(auditEntries).where(inArray(auditEntries.outcome, ['succeeded', 'failed']))),
        ),
      ),
    )
    .orderBy(asc(approvalRequests.claimedAt))
    .limit(limit);
}

export type ExecutionRecord = {
  status: Extract<ApprovalStatus, 'executed' | 'failed' | 'unknown'>;
  requestId: string | null;
  resultId: string | null;
  error: string | null;
  retryable: boolean;
  auditId: number | null;
};

const executionValues = (record: ExecutionRecord) => ({
  status: record.status,
  executionRequestId: record.requestId,
  executionResultId: record.resultId,
  executionError: record.error,
  retryable: record.retryable,
  executedAt: record.status === 'executed' ? sql`now()` : null,
  ...(record.auditId !== null ? { executionAuditId: record.auditId } : {}),
});

/** The outcome of the attempt that holds the claim (status approved). */
export async function recordExecution(db: Db, id: string, record: ExecutionRecord): Promise<ApprovalRequest> {
  const [row] = await db
    .update(approvalRequests)
    .set(executionValues(record))
    .where(and(eq(approvalRequests.id, id), inArray(approvalRequests.status, ['approved', 'unknown'])))
    .returning();
  if (!row) throw new Error(`Approval request ${id} was not being executed.`);
  return row;
}

/**
 * The outcome the console found for an execution whose own attempt never recorded it (lib/approvals/sweep.ts),
 * only if the request is still as it was read (same status, same attempt): a retry claimed
 * meanwhile keeps its own. Null when it was not.
 */
export async function settleExecution(db: Db, seen: Pick<ApprovalRequest, 'id' | 'status' | 'attempts'>, record: ExecutionRecord): Promise<ApprovalRequest | null> {
  const [row] = await db
    .update(approvalRequests)
    .set(executionValues(record))
    .where(and(eq(approvalRequests.id, seen.id), eq(approvalRequests.status, seen.status), eq(approvalRequests.attempts, seen.attempts)))
    .returning();
  return row ?? null;
}

export const APPROVAL_ACTION_SET: ReadonlySet<string> = new Set(APPROVAL_ACTIONS);
