// Settles approved requests whose execution ended without recording its outcome: the process died
// between the claim (pending or failed -> approved) and recordExecution, so the request would say
// "Approved, running" for ever. The truth is the execution's own audit entry (the action wrapper
// writes it, naming the request, before it calls Stripe) and, while that entry's outcome is still
// open, what the outcome reconciler finds out by reading Stripe (lib/outcomes/resolve.ts). Nothing
// is ever sent again here: a request found not sent becomes failed, and an approver may retry it
// with the same key. Runs inside the reconciler's pass, under its lease: one instance at a time.
import 'server-only';
import { getAuditEntry, type AuditEntry } from '@/lib/audit/store';
import type { Db } from '@/lib/db/open';
import { resolveEntry } from '@/lib/outcomes/resolve';
import { entriesForRequest, recordResolution } from '@/lib/outcomes/store';
import { RUNNING_TTL_MS } from '@/lib/outcomes/types';
import type { StripeMode } from '@/lib/stripe/mode';
import { settleExecution, unsettledExecutions, type ApprovalRequest, type ExecutionRecord } from './store';

/**
 * A claim older than this has no execution running any more: the action holds its entry for at
 * most RUNNING_TTL_MS, and the object's check before it is a few Stripe reads with their timeouts.
 */
export const CLAIM_STALE_MS = RUNNING_TTL_MS + 5 * 60_000;

export const NEVER_SENT =
  'The console stopped after the approval and before the action was sent: nothing was sent to Stripe. An approver may send it again; it goes with the same idempotency key.';

export type SweepReport = { checked: number; settled: number };

/** What an execution's final audit entry says of its request; null while the entry's outcome is open. */
export function executionFromEntry(entry: AuditEntry): ExecutionRecord | null {
  if (entry.outcome === 'succeeded') return { status: 'executed', requestId: entry.requestId, resultId: entry.resultId, error: null, retryable: false, auditId: entry.id };
  if (entry.outcome === 'failed') {
    const error = entry.resolution ? `It was not done. ${entry.resolution}` : (entry.errorMessage ?? 'It failed; see the audit log.');
    // Sending the same request again is always safe (same key), and a failed one is compared with the object again first.
    return { status: 'failed', requestId: entry.requestId, resultId: null, error, retryable: true, auditId: entry.id };
  }
  return null;
}

/** The execution attempts of this request in the audit log, newest first (the requester's refused direct tries left out). */
async function executionEntries(db: Db, request: ApprovalRequest): Promise<AuditEntry[]> {
  const entries = await entriesForRequest(db, request.executionKey);
  return entries.filter((e) => (e.params as Record<string, unknown> | null)?.approvalRequestId === request.id && e.outcome !== 'denied');
}

/** The outcome of an approved request nobody recorded; `running` while its execution may still be under way. */
async function findOutcome(db: Db, request: ApprovalRequest, now: Date, resolve: typeof resolveEntry): Promise<ExecutionRecord | 'running'> {
  const entries = await executionEntries(db, request);
  const done = entries.find((e) => e.outcome === 'succeeded');
  if (done) return executionFromEntry(done)!;
  const latest = entries[0];
  if (!latest) return { status: 'failed', requestId: null, resultId: null, error: NEVER_SENT, retryable: true, auditId: null };
  const stopped = 'The console stopped before it recorded the outcome of this request.';
  const again = 'An approver may send it again with the same key.';
  const final = executionFromEntry(latest);
  if (final) return { ...final, error: `${stopped} ${final.error} ${again}` };
  // Already found undeterminable: an operator must look.
  if (latest.outcome === 'unknown' && latest.resolution) return { status: 'unknown', requestId: latest.requestId, resultId: null, error: `${stopped} ${latest.resolution}`, retryable: true, auditId: latest.id };
  const resolution = await resolve(latest, db, now);
  await recordResolution(db, latest, resolution);
  const base = { requestId: latest.requestId, auditId: latest.id };
  switch (resolution.status) {
    case 'applied':
      return { ...base, status: 'executed', resultId: resolution.resultId, error: null, retryable: false };
    case 'not_applied':
      return { ...base, status: 'failed', resultId: null, error: `${stopped} It was not done. ${resolution.how} ${again}`, retryable: true };
    case 'undeterminable':
      return { ...base, status: 'unknown', resultId: null, error: `${stopped} ${resolution.how}`, retryable: true };
    case 'unknown':
      if (resolution.running) return 'running';
      return { ...base, status: 'unknown', resultId: null, error: `${stopped} Whether Stripe made the change is not known yet; the console keeps checking (${resolution.how}).`, retryable: true };
  }
}

/**
 * One pass: every request approved longer ago than an execution can take, and every unknown one
 * whose execution's entry has since been settled, takes the outcome found. Only requests of the
 * console's current mode: the other mode's objects cannot be read from here.
 */
export async function settleStaleExecutions(
  db: Db,
  { now = new Date(), mode, resolve = resolveEntry }: { now?: Date; mode: StripeMode; resolve?: typeof resolveEntry },
): Promise<SweepReport> {
  const report: SweepReport = { checked: 0, settled: 0 };
  for (const request of await unsettledExecutions(db, new Date(now.getTime() - CLAIM_STALE_MS))) {
    if (request.mode !== mode) continue;
    report.checked += 1;
    let record: ExecutionRecord | 'running' | null;
    if (request.status === 'approved') record = await findOutcome(db, request, now, resolve);
    else {
      const entry = request.executionAuditId !== null ? await getAuditEntry(db, request.executionAuditId) : null;
      record = entry ? executionFromEntry(entry) : null;
    }
    if (record === 'running' || record === null) continue;
    // Conditional on the request being as read: a retry claimed meanwhile keeps its own outcome.
    if (await settleExecution(db, request, record)) report.settled += 1;
  }
  return report;
}

/** A request as the screen should show it: an unknown execution takes the outcome its entry has since been given. */
export async function withSettledExecution(db: Db, request: ApprovalRequest, entry: AuditEntry | null): Promise<ApprovalRequest> {
  if (request.status !== 'unknown' || !entry) return request;
  const record = executionFromEntry(entry);
  return (record && (await settleExecution(db, request, record))) || request;
}
