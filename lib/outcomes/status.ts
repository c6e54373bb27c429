// A console request's outcome as the screen reads it (GET /api/requests/:key). Client-safe.
import type { AuditOutcomeName } from '@/lib/audit/catalog';

export type RequestStatus = {
  found: true;
  auditId: number;
  action: string;
  targetId: string | null;
  outcome: AuditOutcomeName;
  /** The object the request made or changed, once known. */
  resultId: string | null;
  /** How an unknown outcome was found out, or why the console cannot. */
  resolution: string | null;
  errorMessage: string | null;
};

/** What GET /api/requests/:key answers: the request's status, or that no entry has its key (yet). */
export type RequestLookup = RequestStatus | { found: false };

export function toRequestStatus(entry: {
  id: number;
  action: string;
  targetId: string | null;
  outcome: AuditOutcomeName;
  resultId: string | null;
  resolution: string | null;
  errorMessage: string | null;
}): RequestStatus {
  return {
    found: true,
    auditId: entry.id,
    action: entry.action,
    targetId: entry.targetId,
    outcome: entry.outcome,
    resultId: entry.resultId,
    resolution: entry.resolution,
    errorMessage: entry.errorMessage,
  };
}

/** Whether the outcome is settled (the screen stops asking). */
export function isSettled(status: Pick<RequestStatus, 'outcome' | 'resolution'>): boolean {
  return status.outcome === 'succeeded' || status.outcome === 'failed' || status.outcome === 'denied' || (status.outcome === 'unknown' && status.resolution !== null);
}
