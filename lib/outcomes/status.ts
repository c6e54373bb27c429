// A console request's outcome as the screen reads it (GET /api/requests/:key). Client-safe.
import type { AuditOutcomeName } from '@/lib/audit/catalog';

/** What an audit entry says of its request's outcome. */
type OutcomeFields = {
  action: string;
  targetId: string | null;
  outcome: AuditOutcomeName;
  /** The object the request made or changed, once known. */
  resultId: string | null;
  /** How an unknown outcome was found out, or why the console cannot. */
  resolution: string | null;
  errorMessage: string | null;
};

export type RequestStatus = { found: true; auditId: number } & OutcomeFields;

/** What GET /api/requests/:key answers: the request's status, or that no entry has its key (yet). */
export type RequestLookup = RequestStatus | { found: false };

export function toRequestStatus(entry: { id: number } & OutcomeFields): RequestStatus {
  const { action, targetId, outcome, resultId, resolution, errorMessage } = entry;
  return { found: true, auditId: entry.id, action, targetId, outcome, resultId, resolution, errorMessage };
}

/** Whether the outcome is settled (the screen stops asking). */
export function isSettled(status: Pick<RequestStatus, 'outcome' | 'resolution'>): boolean {
  return status.outcome === 'succeeded' || status.outcome === 'failed' || status.outcome === 'denied' || (status.outcome === 'unknown' && status.resolution !== null);
}
