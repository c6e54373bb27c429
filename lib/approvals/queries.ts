// Server-only reads of approval requests for the inbox, a request's page, an object's page and
// the navigation's count, each shaped for one operator (what they may decide). A request page
// reads the object from Stripe again to show what changed since the request. A request whose
// execution's outcome was unknown takes the outcome the console has since found (lib/outcomes);
// its page, which follows it while unknown, finds out now, by reading Stripe, as the screen that
// follows any request does (GET /api/requests/:key): never by sending it again.
import 'server-only';
import { getAuditEntry } from '@/lib/audit/store';
import type { SessionOperator } from '@/lib/auth/guard';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/open';
import { ObjectNotFound } from '@/lib/http/json';
import { resolveEntry } from '@/lib/outcomes/resolve';
import { isSettled } from '@/lib/outcomes/status';
import { recordResolution } from '@/lib/outcomes/store';
import { stripeMode } from '@/lib/stripe/client';
import { snapshotChanges } from './assessment';
import { readFailureWords } from './execute';
import type { ApprovalRequestView, Inbox, PoliciesView, RequestDetail } from './keys';
import type { ApprovalAction, ApprovalPolicy } from './policy';
import { approvable } from './registry';
import { mayDecide } from './rules';
import { getPolicies, getRequest, listRequests, pendingOfOthers, type ApprovalRequest } from './store';
import { withSettledExecution } from './sweep';

function view(request: ApprovalRequest, operator: SessionOperator, policies: Record<ApprovalAction, ApprovalPolicy>): ApprovalRequestView {
  const verdict = mayDecide(operator, request, policies[request.action as ApprovalAction]);
  return {
    id: request.id,
    action: request.action as ApprovalAction,
    targetId: request.targetId,
    summary: request.summary,
    note: request.note,
    amount: request.amount,
    currency: request.currency,
    mode: request.mode,
    status: request.status,
    requestedByEmail: request.requestedByEmail,
    requestedAt: request.requestedAt.toISOString(),
    expiresAt: request.expiresAt.toISOString(),
    decidedByEmail: request.decidedByEmail,
    decidedAt: request.decidedAt?.toISOString() ?? null,
    decisionNote: request.decisionNote,
    attempts: request.attempts,
    executionRequestId: request.executionRequestId,
    executionResultId: request.executionResultId,
    executionError: request.executionError,
    retryable: request.retryable,
    snapshot: request.snapshot,
    audit: { request: request.requestAuditId, decision: request.decisionAuditId, execution: request.executionAuditId },
    mine: request.requestedBy === operator.id,
    mayDecide: verdict.allowed,
    whyNot: verdict.allowed ? null : verdict.why,
  };
}

/** An execution left unknown takes the outcome its audit entry has since been given. */
async function settled(db: Db, request: ApprovalRequest): Promise<ApprovalRequest> {
  if (request.status !== 'unknown' || request.executionAuditId === null) return request;
  return withSettledExecution(db, request, await getAuditEntry(db, request.executionAuditId));
}

/** As `settled`, after asking Stripe about an execution entry still open (one still running is left to its process). */
async function foundOut(db: Db, request: ApprovalRequest): Promise<ApprovalRequest> {
  if (request.status !== 'unknown' || request.executionAuditId === null) return request;
  const entry = await getAuditEntry(db, request.executionAuditId);
  if (entry && !isSettled(entry)) await recordResolution(db, entry, await resolveEntry(entry, db));
  return settled(db, request);
}

export async function getInbox(operator: SessionOperator): Promise<Inbox> {
  const db = await getDb();
  const [policies, open, recent] = await Promise.all([getPolicies(db), pendingOfOthers(db, operator.id), listRequests(db, { limit: 100 })]);
  const toDecide = open.map((r) => view(r, operator, policies)).filter((r) => r.mayDecide);
  const decidable = new Set(toDecide.map((r) => r.id));
  const all = await Promise.all(recent.map((r) => settled(db, r)));
  return {
    toDecide,
    mine: all.filter((r) => r.requestedBy === operator.id).map((r) => view(r, operator, policies)),
    others: all.filter((r) => r.requestedBy !== operator.id && !decidable.has(r.id)).map((r) => view(r, operator, policies)),
  };
}

export async function countToDecide(operator: SessionOperator): Promise<number> {
  const db = await getDb();
  const [policies, open] = await Promise.all([getPolicies(db), pendingOfOthers(db, operator.id)]);
  return open.filter((r) => mayDecide(operator, r, policies[r.action as ApprovalAction]).allowed).length;
}

export async function getRequestDetail(id: string, operator: SessionOperator): Promise<RequestDetail> {
  const db = await getDb();
  const found = await getRequest(db, id);
  if (!found) throw new ObjectNotFound(`There is no approval request ${id}.`);
  const request = await foundOut(db, found);
  const base = view(request, operator, await getPolicies(db));
  if (request.status !== 'pending') return { ...base, changes: null, liveError: null };
  const spec = approvable(request.action as ApprovalAction);
  const parsed = spec.parse(request.params);
  if (!parsed.ok) return { ...base, changes: null, liveError: 'The request’s parameters no longer pass the action’s checks.' };
  try {
    const now = await spec.assess(parsed.input, stripeMode());
    return { ...base, changes: snapshotChanges(request.snapshot, now.snapshot), liveError: null };
  } catch (error) {
    return { ...base, changes: null, liveError: readFailureWords(error) };
  }
}

export async function listRequestsOn(objectId: string, operator: SessionOperator): Promise<ApprovalRequestView[]> {
  const db = await getDb();
  const [policies, rows] = await Promise.all([getPolicies(db), listRequests(db, { status: 'open', targetId: objectId, limit: 20 })]);
  return rows.map((r) => view(r, operator, policies));
}

export async function getPoliciesView(): Promise<PoliciesView> {
  return { mode: stripeMode(), policies: await getPolicies(await getDb()) };
}
