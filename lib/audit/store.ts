// Writing and reading the audit log. Writes are two steps around the risky call: `startAuditEntry`
// before it and `completeAuditEntry` after, so a crash in between still leaves a trace. Nothing
// here edits or deletes an entry otherwise (and the database refuses to). Functions take the
// database so they run, and are tested, on PGlite and PostgreSQL alike.
import { and, asc, desc, eq, gt, gte, inArray, lt, lte, type SQL } from 'drizzle-orm';
import type { Role } from '@/lib/auth/permissions';
import type { AuditAction } from '@/lib/audit/catalog';
import { redactParams } from '@/lib/audit/redact';
import type { AuditFilters } from '@/lib/audit/schemas';
import type { Db } from '@/lib/db/open';
import { auditEntries, type AuditEntryRow } from '@/lib/db/schema';
import type { StripeMode } from '@/lib/stripe/mode';

export type AuditEntry = AuditEntryRow;

/** Who acted; a sign-in attempt that matched no operator has no id or role, only the e-mail typed. */
export type AuditActor = { id: string | null; email: string; role: Role | null };

export type StartAuditInput = {
  operator: AuditActor;
  action: AuditAction;
  targetId?: string | null;
  params?: Record<string, unknown>;
  idempotencyKey?: string | null;
  mode: StripeMode;
};

type CompletionDetails = {
  requestId?: string | null;
  /** The object the change made or changed (a reversal, a refund, a top-up). */
  resultId?: string | null;
  /** How an outcome that was unknown was found out. */
  resolution?: string | null;
};

export type AuditCompletion =
  | ({ outcome: 'succeeded' } & CompletionDetails)
  | ({ outcome: 'failed' | 'denied' } & CompletionDetails & { errorMessage: string })
  /** The change may or may not have happened: the console is finding out (lib/outcomes). */
  | ({ outcome: 'unknown' } & CompletionDetails & { errorMessage: string });

/** Writes the entry as started and returns its id; call before the action's side effect. */
export async function startAuditEntry(db: Db, input: StartAuditInput): Promise<number> {
  const [row] = await db
    .insert(auditEntries)
    .values({
      operatorId: input.operator.id,
      operatorEmail: input.operator.email,
      operatorRole: input.operator.role,
      action: input.action,
      targetId: input.targetId ?? null,
      params: redactParams(input.params ?? {}),
      idempotencyKey: input.idempotencyKey ?? null,
      mode: input.mode,
    })
    .returning({ id: auditEntries.id });
  return row!.id;
}

/**
 * Records how a started entry ended, or that its outcome is unknown for now (again, with what was
 * learnt). Started and unknown entries may change; final entries never do. Returns whether
 * this call recorded it (false when another writer, e.g. the reconciler, got there first).
 */
export async function completeAuditEntry(db: Db, id: number, completion: AuditCompletion): Promise<boolean> {
  const rows = await db
    .update(auditEntries)
    .set({
      outcome: completion.outcome,
      requestId: completion.requestId ?? null,
      errorMessage: completion.outcome === 'succeeded' ? null : completion.errorMessage.slice(0, 2000),
      resultId: completion.resultId ?? null,
      resolution: completion.resolution?.slice(0, 2000) ?? null,
      completedAt: completion.outcome === 'unknown' ? null : new Date(),
    })
    .where(and(eq(auditEntries.id, id), inArray(auditEntries.outcome, ['started', 'unknown'])))
    .returning({ id: auditEntries.id });
  return rows.length > 0;
}

/** An event with no side effect to wait for (sign-in, a refused attempt): started and completed at once. */
export async function recordAuditEvent(db: Db, input: StartAuditInput, completion: AuditCompletion): Promise<number> {
  const id = await startAuditEntry(db, input);
  await completeAuditEntry(db, id, completion);
  return id;
}

export async function getAuditEntry(db: Db, id: number): Promise<AuditEntry | null> {
  const [row] = await db.select().from(auditEntries).where(eq(auditEntries.id, id)).limit(1);
  return row ?? null;
}

function filterConditions(filters: Partial<AuditFilters>): SQL[] {
  const conditions: SQL[] = [];
  if (filters.operator) conditions.push(eq(auditEntries.operatorId, filters.operator));
  if (filters.action) conditions.push(eq(auditEntries.action, filters.action));
  if (filters.object) conditions.push(eq(auditEntries.targetId, filters.object));
  if (filters.outcome) conditions.push(eq(auditEntries.outcome, filters.outcome));
  if (filters.from) conditions.push(gte(auditEntries.startedAt, new Date(`${filters.from}T00:00:00.000Z`)));
  if (filters.to) conditions.push(lte(auditEntries.startedAt, new Date(`${filters.to}T23:59:59.999Z`)));
  return conditions;
}

export type AuditPage = {
  entries: AuditEntry[];
  /** Pass as `cursor` with `dir=older` for the next (older) page; null on the last page. */
  olderCursor: number | null;
  /** Pass as `cursor` with `dir=newer` for the previous (newer) page; null on the first page. */
  newerCursor: number | null;
};

/** One page of entries, newest first, keyed by entry id (stable while new entries arrive). */
export async function listAuditEntries(
  db: Db,
  filters: Partial<AuditFilters>,
  { cursor, dir = 'older', limit = 50 }: { cursor?: number; dir?: 'older' | 'newer'; limit?: number } = {},
): Promise<AuditPage> {
  const conditions = filterConditions(filters);
  if (cursor !== undefined) conditions.push(dir === 'older' ? lt(auditEntries.id, cursor) : gt(auditEntries.id, cursor));
  // Fetch one extra row to know whether another page exists in the direction of travel.
  const rows = await db
    .select()
    .from(auditEntries)
    .where(and(...conditions))
    .orderBy(dir === 'older' ? desc(auditEntries.id) : asc(auditEntries.id))
    .limit(limit + 1);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (dir === 'newer') page.reverse();
  const first = page[0];
  const last = page.at(-1);
  const hasNewer = dir === 'newer' ? more : cursor !== undefined;
  const hasOlder = dir === 'older' ? more : cursor !== undefined;
  return {
    entries: page,
    olderCursor: hasOlder && last ? last.id : null,
    newerCursor: hasNewer && first ? first.id : null,
  };
}

/** Every matching entry, newest first, in batches: for the CSV export. */
export async function* iterateAuditEntries(
  db: Db,
  filters: Partial<AuditFilters>,
  { batchSize = 1000, max = 100_000 }: { batchSize?: number; max?: number } = {},
): AsyncGenerator<AuditEntry> {
  let cursor: number | undefined;
  let yielded = 0;
  while (yielded < max) {
    const conditions = filterConditions(filters);
    if (cursor !== undefined) conditions.push(lt(auditEntries.id, cursor));
    const rows = await db
      .select()
      .from(auditEntries)
      .where(and(...conditions))
      .orderBy(desc(auditEntries.id))
      .limit(Math.min(batchSize, max - yielded));
    for (const row of rows) yield row;
    yielded += rows.length;
    if (rows.length < batchSize) return;
    cursor = rows.at(-1)!.id;
  }
}

/** The latest entries about one object, for the history panel on detail pages. */
export async function listObjectHistory(db: Db, objectId: string, limit = 20): Promise<AuditEntry[]> {
  return db
    .select()
    .from(auditEntries)
    .where(eq(auditEntries.targetId, objectId))
    .orderBy(desc(auditEntries.id))
    .limit(limit);
}
