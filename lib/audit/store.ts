// Writing and reading the audit log. Writes are two steps around the risky call: `startAuditEntry`
// before it and `completeAuditEntry` after, so a crash in between still leaves a trace. Nothing
// here edits or deletes an entry otherwise (and the database refuses to). Every entry is hash-
// chained to the one before (lib/audit/chain.ts) with the key bound to the database when it was
// opened (lib/audit/chain-key.ts). Functions take the database so they run, and are tested, on
// PGlite and PostgreSQL alike.
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Role } from '@/lib/auth/permissions';
import { OPEN_OUTCOMES_FILTER, type AuditAction } from '@/lib/audit/catalog';
import {
  ChainVerifier,
  computeChainHash,
  digestMatches,
  computeOutcomeHash,
  linkOf,
  type ChainFields,
  type ChainReport,
  type OutcomeFields,
} from '@/lib/audit/chain';
import { auditChainKeyOf } from '@/lib/audit/chain-key';
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

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** pg_advisory_xact_lock key ("audit" in ASCII): every instance appends to the chain in turn. */
const AUDIT_CHAIN_LOCK = 0x6175646974;
const SEAL_BATCH = 500;
const OPEN_OUTCOME: OutcomeFields = { outcome: 'started', requestId: null, errorMessage: null, resultId: null, resolution: null, completedAt: null };

/**
 * Takes the chain lock for this transaction and returns the link to chain the next entry to.
 * When no entry is chained yet, the entries from before the chain are sealed first (in id order),
 * so the chain starts at the oldest entry. Entries without a chain hash after that are never
 * sealed: they were written around the console, and verification reports them.
 */
async function lockChain(tx: Tx, key: string): Promise<string | null> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}::bigint)`);
  const [last] = await tx
    .select({ chainHash: auditEntries.chainHash })
    .from(auditEntries)
    .where(isNotNull(auditEntries.chainHash))
    .orderBy(desc(auditEntries.id))
    .limit(1);
  if (last?.chainHash) return linkOf(last.chainHash);
  return sealUnchained(tx, key);
}

async function sealUnchained(tx: Tx, key: string): Promise<string | null> {
  let previous: string | null = null;
  let cursor: number | undefined;
  for (;;) {
    const after = cursor === undefined ? undefined : gt(auditEntries.id, cursor);
    const rows = await tx.select().from(auditEntries).where(after).orderBy(asc(auditEntries.id)).limit(SEAL_BATCH);
    for (let row of rows) {
      const chainHash = computeChainHash(key, previous, row);
      // An older console without the chain may complete the entry meanwhile: hash what is stored.
      for (;;) {
        const sealed = await tx
          .update(auditEntries)
          .set({ chainHash, outcomeHash: computeOutcomeHash(key, chainHash, row) })
          .where(and(eq(auditEntries.id, row.id), eq(auditEntries.outcome, row.outcome)))
          .returning({ id: auditEntries.id });
        if (sealed.length > 0) break;
        [row] = await tx.select().from(auditEntries).where(eq(auditEntries.id, row.id));
        if (!row) break;
      }
      previous = linkOf(chainHash);
    }
    if (rows.length < SEAL_BATCH) return previous;
    cursor = rows.at(-1)!.id;
  }
}

/**
 * Chains the entries written before the chain existed, oldest first; idempotent (nothing to do
 * once any entry is chained). Run at start; the first chained write would do it otherwise.
 */
export async function sealAuditChain(db: Db): Promise<void> {
  const key = auditChainKeyOf(db);
  await db.transaction(async (tx) => {
    await lockChain(tx, key);
  });
}

/**
 * Whether the bound key is the one the log was chained with (checked on the newest chained entry).
 * A lost or replaced key would chain new entries to nothing anyone can verify: refuse to start.
 */
export async function chainKeyMatches(db: Db): Promise<boolean> {
  const key = auditChainKeyOf(db);
  const [last] = await db.select().from(auditEntries).where(isNotNull(auditEntries.chainHash)).orderBy(desc(auditEntries.id)).limit(1);
  return !last?.chainHash || digestMatches(key, last.chainHash, last);
}

/** Writes the entry as started and returns its id; call before the action's side effect. */
export async function startAuditEntry(db: Db, input: StartAuditInput): Promise<number> {
  const key = auditChainKeyOf(db);
  const fields: ChainFields = {
    operatorId: input.operator.id,
    operatorEmail: input.operator.email,
    operatorRole: input.operator.role,
    action: input.action,
    targetId: input.targetId ?? null,
    params: redactParams(input.params ?? {}),
    idempotencyKey: input.idempotencyKey ?? null,
    mode: input.mode,
    // Set here, not by the database: the hash covers it, at the millisecond a Date holds.
    startedAt: new Date(),
  };
  // Serialized across instances: read the last link and insert under one transaction's lock.
  return db.transaction(async (tx) => {
    const chainHash = computeChainHash(key, await lockChain(tx, key), fields);
    const [row] = await tx
      .insert(auditEntries)
      .values({
        ...fields,
        operatorRole: input.operator.role,
        mode: input.mode,
        outcome: 'started',
        chainHash,
        outcomeHash: computeOutcomeHash(key, chainHash, OPEN_OUTCOME),
      })
      .returning({ id: auditEntries.id });
    return row!.id;
  });
}

/**
 * Records how a started entry ended, or that its outcome is unknown for now (again, with what was
 * learnt). Started and unknown entries may change; final entries never do. Returns whether
 * this call recorded it (false when another writer, e.g. the reconciler, got there first). The
 * outcome hash is written with the outcome, in the same statement.
 */
export async function completeAuditEntry(db: Db, id: number, completion: AuditCompletion): Promise<boolean> {
  const key = auditChainKeyOf(db);
  const outcome = {
    outcome: completion.outcome,
    requestId: completion.requestId ?? null,
    errorMessage: completion.outcome === 'succeeded' ? null : completion.errorMessage.slice(0, 2000),
    resultId: completion.resultId ?? null,
    resolution: completion.resolution?.slice(0, 2000) ?? null,
    completedAt: completion.outcome === 'unknown' ? null : new Date(),
  };
  let chainHash = await chainHashOf(db, id);
  if (chainHash === undefined) return false;
  if (chainHash === null) {
    // Started before the chain existed and not sealed yet: seal first, then hash the outcome.
    await sealAuditChain(db);
    chainHash = (await chainHashOf(db, id)) ?? null;
  }
  const rows = await db
    .update(auditEntries)
    .set({ ...outcome, outcomeHash: chainHash ? computeOutcomeHash(key, chainHash, outcome) : null })
    .where(and(eq(auditEntries.id, id), inArray(auditEntries.outcome, ['started', 'unknown'])))
    .returning({ id: auditEntries.id });
  return rows.length > 0;
}

/** The entry's chain hash; undefined when there is no such entry. */
async function chainHashOf(db: Db, id: number): Promise<string | null | undefined> {
  const [row] = await db.select({ chainHash: auditEntries.chainHash }).from(auditEntries).where(eq(auditEntries.id, id)).limit(1);
  return row ? row.chainHash : undefined;
}

/** An event with no side effect to wait for (sign-in, a refused attempt): started and completed at once. */
export async function recordAuditEvent(db: Db, input: StartAuditInput, completion: AuditCompletion): Promise<number> {
  const id = await startAuditEntry(db, input);
  await completeAuditEntry(db, id, completion);
  return id;
}

/**
 * Checks the whole chain, reading entries in id order in batches. Uses the key bound to the
 * database unless one is given (the verify command passes the one it read).
 */
export async function verifyAuditChain(db: Db, { batchSize = 1000, key }: { batchSize?: number; key?: string } = {}): Promise<ChainReport> {
  const verifier = new ChainVerifier(key ?? auditChainKeyOf(db));
  let cursor: number | undefined;
  for (;;) {
    // No lower bound on the first batch: an id inserted by hand below 1 is checked too.
    const after = cursor === undefined ? undefined : gt(auditEntries.id, cursor);
    const rows = await db.select().from(auditEntries).where(after).orderBy(asc(auditEntries.id)).limit(batchSize);
    for (const row of rows) verifier.add(row);
    if (rows.length < batchSize) return verifier.result();
    cursor = rows.at(-1)!.id;
  }
}

export async function getAuditEntry(db: Db, id: number): Promise<AuditEntry | null> {
  const [row] = await db.select().from(auditEntries).where(eq(auditEntries.id, id)).limit(1);
  return row ?? null;
}

function filterConditions(filters: Partial<AuditFilters>): SQL[] {
  const conditions: SQL[] = [];
  if (filters.operator) conditions.push(eq(auditEntries.operatorId, filters.operator));
  if (filters.action) conditions.push(eq(auditEntries.action, filters.action));
  if (filters.object) conditions.push(aboutObject(filters.object));
  if (filters.outcome === OPEN_OUTCOMES_FILTER) conditions.push(inArray(auditEntries.outcome, ['started', 'unknown']));
  else if (filters.outcome) conditions.push(eq(auditEntries.outcome, filters.outcome));
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

/**
 * The entries about one object: those aimed at it, and the creation that made it. A creation has
 * no target when it starts (the object does not exist yet, and the started fields are chained, so
 * they are never rewritten); the object it made is its result.
 */
export function aboutObject(objectId: string): SQL {
  // An approval request's story: its request (the request id is its result), its decisions (aimed at
  // it) and the execution of its action (aimed at the object, naming the request in its params).
  if (objectId.startsWith('apr_')) {
    return or(eq(auditEntries.targetId, objectId), eq(auditEntries.resultId, objectId), sql`${auditEntries.params}->>'approvalRequestId' = ${objectId}`)!;
  }
  return or(eq(auditEntries.targetId, objectId), and(isNull(auditEntries.targetId), eq(auditEntries.resultId, objectId)))!;
}

/** The latest entries about one object, for the history panel on detail pages. */
export async function listObjectHistory(db: Db, objectId: string, limit = 20): Promise<AuditEntry[]> {
  return db
    .select()
    .from(auditEntries)
    .where(aboutObject(objectId))
    .orderBy(desc(auditEntries.id))
    .limit(limit);
}

/** The newest entry of `action` on `targetId` that succeeded, e.g. who deleted an account and when. */
export async function findLatestSucceeded(db: Db, action: AuditAction, targetId: string): Promise<AuditEntry | null> {
  const [row] = await db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.action, action), eq(auditEntries.targetId, targetId), eq(auditEntries.outcome, 'succeeded')))
    .orderBy(desc(auditEntries.id))
    .limit(1);
  return row ?? null;
}
