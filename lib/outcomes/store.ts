// The audit entries whose outcome is not known yet, and recording what the console found out
// about them (through lib/audit/store.ts, the one writer of outcomes). Takes the database, so it
// runs, and is tested, on PGlite and PostgreSQL alike.
import { and, asc, desc, eq, inArray, isNull, lt, ne, or } from 'drizzle-orm';
import { completeAuditEntry, type AuditEntry } from '@/lib/audit/store';
import type { Db } from '@/lib/db/open';
import { auditEntries } from '@/lib/db/schema';
import { dropEndedLeases, endLeaseAt, leaseHeld } from '@/lib/db/leases';
import { ENDED_GRACE_MS, RUNNING_TTL_MS, STARTED_GRACE_MS, type Resolution } from './types';
import type { StripeMode } from '@/lib/stripe/mode';

const OPEN = ['started', 'unknown'] as const;

/** The entries of one request (one idempotency key; a retried request has several), newest first. */
export async function entriesForRequest(db: Db, idempotencyKey: string): Promise<AuditEntry[]> {
  return db.select().from(auditEntries).where(eq(auditEntries.idempotencyKey, idempotencyKey)).orderBy(desc(auditEntries.id)).limit(20);
}

/**
 * Earlier requests of the same action, or of one that conflicts with it (`actions`; e.g. rejecting
 * and deleting one account), on the same object (or, for an object not made yet such as a new
 * top-up, by the same operator) whose outcome is still open under another key: while one is open,
 * a new one could do the same change twice, or act on a state nobody knows yet.
 */
export async function openEarlierRequests(
  db: Db,
  entry: Pick<AuditEntry, 'id' | 'action' | 'targetId' | 'operatorId' | 'idempotencyKey'>,
  actions: readonly string[] = [],
): Promise<AuditEntry[]> {
  const scope = entry.targetId !== null ? eq(auditEntries.targetId, entry.targetId) : entry.operatorId ? eq(auditEntries.operatorId, entry.operatorId) : undefined;
  if (!scope) return [];
  return db
    .select()
    .from(auditEntries)
    .where(
      and(
        inArray(auditEntries.action, [...new Set([entry.action, ...actions])]),
        scope,
        inArray(auditEntries.outcome, [...OPEN]),
        lt(auditEntries.id, entry.id),
        entry.idempotencyKey ? or(isNull(auditEntries.idempotencyKey), ne(auditEntries.idempotencyKey, entry.idempotencyKey)) : undefined,
      ),
    )
    .orderBy(asc(auditEntries.id))
    .limit(10);
}

/**
 * What the reconciler should look at: unknown entries not yet found undeterminable, and started
 * entries old enough that their request cannot still be running (a crash between Stripe and the
 * audit completion).
 */
export async function listUnresolved(db: Db, now: Date, mode: StripeMode, limit = 100): Promise<AuditEntry[]> {
  const staleStart = new Date(now.getTime() - STARTED_GRACE_MS);
  return db
    .select()
    .from(auditEntries)
    .where(
      and(
        // An entry of another mode names objects the key in use cannot read (a test-mode refund seen
        // with a live key would read as "not applied"): it waits for a console run in its own mode.
        eq(auditEntries.mode, mode),
        or(
          and(eq(auditEntries.outcome, 'unknown'), isNull(auditEntries.resolution)),
          and(eq(auditEntries.outcome, 'started'), lt(auditEntries.startedAt, staleStart)),
        ),
      ),
    )
    // Newest first: an old entry whose check keeps failing must not hold back new ones.
    .orderBy(desc(auditEntries.id))
    .limit(limit);
}

/** Records a resolution; returns whether the entry changed (false if someone else resolved it first). */
export async function recordResolution(db: Db, entry: AuditEntry, resolution: Resolution): Promise<boolean> {
  switch (resolution.status) {
    case 'applied':
      return completeAuditEntry(db, entry.id, { outcome: 'succeeded', requestId: entry.requestId, resultId: resolution.resultId, resolution: resolution.how });
    case 'not_applied':
      return completeAuditEntry(db, entry.id, { outcome: 'failed', requestId: entry.requestId, errorMessage: 'Not applied.', resolution: resolution.how });
    case 'undeterminable':
      return completeAuditEntry(db, entry.id, { outcome: 'unknown', requestId: entry.requestId, errorMessage: entry.errorMessage ?? 'The outcome was never recorded.', resolution: resolution.how });
    case 'unknown':
      // Nothing learnt. A running request is its process's to record; a started entry whose process
      // is gone becomes unknown; an unknown one stays as it is.
      if (entry.outcome === 'started' && !resolution.running) {
        return completeAuditEntry(db, entry.id, { outcome: 'unknown', requestId: entry.requestId, errorMessage: 'The console stopped before it recorded the outcome.' });
      }
      return false;
  }
}

const requestLease = (entryId: number) => `request:${entryId}`;

/** The action holds its entry while it runs: nobody else records anything about a running request. */
export async function markRequestRunning(db: Db, entryId: number, now: Date = new Date()): Promise<void> {
  await endLeaseAt(db, requestLease(entryId), 'action', new Date(now.getTime() + RUNNING_TTL_MS));
}

/** The action's last attempt ended: a short grace, then the entry is anyone's to resolve. */
export async function markRequestEnded(db: Db, entryId: number, now: Date = new Date()): Promise<void> {
  await endLeaseAt(db, requestLease(entryId), 'action', new Date(now.getTime() + ENDED_GRACE_MS));
}

export async function requestRunning(db: Db, entryId: number, now: Date = new Date()): Promise<boolean> {
  return leaseHeld(db, requestLease(entryId), now);
}

/** Forgets the leases of requests that ended long ago. */
export async function dropOldRequestLeases(db: Db, now: Date = new Date()): Promise<void> {
  await dropEndedLeases(db, 'request:', new Date(now.getTime() - 60 * 60_000));
}
