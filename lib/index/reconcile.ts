// Reconciliation: the index compared with Stripe, so drift that webhooks, the catch-up and the
// console's own writes all missed (an event lost past Stripe's retries, a row changed behind the
// console's back) is found, shown on the Data sync page and repaired.
// - Counts: each list endpoint the backfill reads is paged through again, ids only kept (limit 100:
//   1,000 pages at 100,000 accounts, about what a backfill's accounts step reads), and compared with
//   the index's live rows: an id Stripe lists that the index lacks is `missing`; a live row Stripe
//   no longer has (read again one by one to be sure) is `extra`. Reversals and fee refunds have no
//   list of their own: the sample covers them.
// - Sample: a random N accounts and N other objects read live and compared field by field with the
//   row's JSON, and the row's derived columns re-derived from it. A row with an event still waiting
//   in the inbox is skipped (the change is on its way).
// Every drifted object is read again through apply's refetch path (lib/index/fetch.ts), and the run
// records whether that made the row equal to Stripe. Runs are rows of index_reconcile_runs: asked
// for (hourly by the background jobs, or from the Data sync page), then run by one instance at a
// time (a database lease).
import 'server-only';
import { and, asc, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { releaseLease, takeLease } from '@/lib/db/leases';
import type { Db } from '@/lib/db/open';
import { indexAccounts, indexObjects, indexReconcileRuns, type IndexReconcileRunRow, type ReconcileCount, type ReconcileDrift } from '@/lib/db/schema';
import { liveIds, type StripeObject } from './apply';
import { BACKFILL_STEPS, defaultBackoff, defaultSleep, isRateLimit, PAGE_LIMIT, RUN_KEY } from './backfill';
import { refetchObject } from './fetch';
import { compareRow, eventWaiting, type Kind } from './reconcile-compare';
import { typePlural } from './reconcile-words';
import { readState } from './state';

export const RECONCILE_LEASE = 'index-reconcile';
const LEASE_MS = 5 * 60_000;
/** How often the background jobs ask for a run. */
export const RECONCILE_EVERY_MS = 60 * 60_000;
/** Drift entries kept per run (the counts keep the totals). */
const MAX_DRIFT = 500;
/** Index-only rows read again per type (beyond that the count says so; a backfill sweeps them). */
const MAX_EXTRA_CHECKS = 200;
/** Missing objects added per run (beyond that the page says to run a backfill). */
const MAX_REPAIRS = 500;
/** Runs kept. */
const KEEP_RUNS = 100;


/** Which object each backfill list returns. */
const STEP_TYPES: Record<string, Kind> = {
  accounts: 'account',
  charges: 'charge',
  transfers: 'transfer',
  application_fees: 'application_fee',
  topups: 'topup',
  early_fraud_warnings: 'radar.early_fraud_warning',
  reviews: 'review',
  disputes: 'dispute',
};

export interface ReconcileOptions {
  /** Who runs it (for the lease): one id per process. */
  holder: string;
  /** Accounts, and other objects, compared field by field. */
  sampleAccounts?: number;
  sampleOthers?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Asks for a run; an open one (asked for or running) is the answer instead, so asking twice runs once. */
export async function requestReconciliation(db: Db, { trigger, requestedBy = null }: { trigger: 'schedule' | 'manual'; requestedBy?: string | null }): Promise<{ run: IndexReconcileRunRow; already: boolean }> {
  const open = await openRun(db);
  if (open) return { run: open, already: true };
  const [run] = await db.insert(indexReconcileRuns).values({ trigger, requestedBy }).returning();
  return { run: run!, already: false };
}

async function openRun(db: Db): Promise<IndexReconcileRunRow | null> {
  const [open] = await db.select().from(indexReconcileRuns).where(inArray(indexReconcileRuns.status, ['requested', 'running'])).orderBy(desc(indexReconcileRuns.id)).limit(1);
  return open ?? null;
}

/** The newest finished run and the open one, for the Data sync page. */
export async function reconcileSummary(db: Db): Promise<{ last: IndexReconcileRunRow | null; open: IndexReconcileRunRow | null }> {
  const [[last], open] = await Promise.all([
    db.select().from(indexReconcileRuns).where(inArray(indexReconcileRuns.status, ['done', 'failed'])).orderBy(desc(indexReconcileRuns.id)).limit(1),
    openRun(db),
  ]);
  return { last: last ?? null, open };
}

/**
 * Whether a scheduled run is owed: the backfill has finished, and neither it nor a reconciliation
 * finished in the last `everyMs` (a fresh backfill needs no check for an hour).
 */
export async function reconcileDue(db: Db, { now = Date.now(), everyMs = RECONCILE_EVERY_MS }: { now?: number; everyMs?: number } = {}): Promise<boolean> {
  const backfill = (await readState(db)).get(RUN_KEY);
  if (backfill?.status !== 'done') return false;
  const { last, open } = await reconcileSummary(db);
  if (open) return false;
  const since = Math.max(last?.finishedAt?.getTime() ?? 0, backfill.finishedAt?.getTime() ?? 0);
  return now - since >= everyMs;
}

/**
 * Runs the oldest run asked for, if any and if no other instance is running one; returns the run
 * as recorded, or null when there was nothing to do (or another instance holds the lease).
 */
export async function runReconciliation(db: Db, stripe: Stripe, options: ReconcileOptions): Promise<IndexReconcileRunRow | null> {
  const { holder } = options;
  if (!(await takeLease(db, RECONCILE_LEASE, holder, LEASE_MS))) return null;
  try {
    // A run left running by an instance that stopped (its lease has ended, since we hold it now).
    await db
      .update(indexReconcileRuns)
      .set({ status: 'failed', finishedAt: new Date(), lastError: 'Interrupted: the instance running it stopped.' })
      .where(eq(indexReconcileRuns.status, 'running'));
    const [run] = await db.select().from(indexReconcileRuns).where(eq(indexReconcileRuns.status, 'requested')).orderBy(asc(indexReconcileRuns.id)).limit(1);
    if (!run) return null;
    await db.update(indexReconcileRuns).set({ status: 'running', startedAt: new Date() }).where(eq(indexReconcileRuns.id, run.id));
    let values: Partial<IndexReconcileRunRow>;
    try {
      const found = await reconcile(db, stripe, options, () => takeLease(db, RECONCILE_LEASE, holder, LEASE_MS));
      values = { status: 'done', ...found };
    } catch (error) {
      values = { status: 'failed', lastError: (error instanceof Error ? error.message : String(error)).slice(0, 2000) };
    }
    const [done] = await db
      .update(indexReconcileRuns)
      .set({ ...values, finishedAt: new Date() })
      .where(eq(indexReconcileRuns.id, run.id))
      .returning();
    await db.delete(indexReconcileRuns).where(lt(indexReconcileRuns.id, run.id - KEEP_RUNS));
    return done ?? null;
  } finally {
    await releaseLease(db, RECONCILE_LEASE, holder).catch(() => undefined);
  }
}

type Found = { counts: ReconcileCount[]; sampled: number; drift: ReconcileDrift[] };

async function reconcile(db: Db, stripe: Stripe, options: ReconcileOptions, renew: () => Promise<boolean>): Promise<Found> {
  const sleep = options.sleep ?? defaultSleep;
  const drift: ReconcileDrift[] = [];
  const note = (d: ReconcileDrift) => {
    if (drift.length < MAX_DRIFT) drift.push(d);
  };
  const stillOurs = async () => {
    if (!(await renew())) throw new Error('Another instance took over the reconciliation.');
  };
  /** A Stripe read, 429s waited out. */
  const read = async <T>(call: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if (!isRateLimit(error)) throw error;
        await sleep(defaultBackoff(attempt));
      }
    }
  };

  // Counts per list endpoint, with the ids each side lacks.
  const counts: ReconcileCount[] = [];
  let repairs = 0;
  for (const step of BACKFILL_STEPS) {
    const type = STEP_TYPES[step.key]!;
    const table = type === 'account' ? 'account' : 'object';
    const listed = new Set<string>();
    const missing: StripeObject[] = [];
    let after: string | undefined;
    for (;;) {
      await stillOurs();
      const page = await read(() => step.list(stripe, { limit: PAGE_LIMIT, ...(after ? { starting_after: after } : {}) }));
      const items = page.data as StripeObject[];
      for (const o of items) listed.add(o.id);
      const live = await liveIds(db, table, items.map((o) => o.id));
      for (const o of items) if (!live.has(o.id)) missing.push(o);
      if (!page.has_more || items.length === 0) break;
      after = items[items.length - 1]!.id;
    }
    // A webhook may have brought some meanwhile.
    const stillMissing = await liveIds(db, table, missing.map((o) => o.id)).then((live) => missing.filter((o) => !live.has(o.id)));
    for (const o of stillMissing) {
      let repaired = false;
      if (repairs < MAX_REPAIRS) {
        repairs += 1;
        repaired = (await read(() => refetchObject(db, stripe, { object: type, id: o.id }))) !== null && (await liveIds(db, table, [o.id])).has(o.id);
      }
      note({ type, id: o.id, kind: 'missing', fields: [], repaired });
    }
    // Live rows the list did not have: gone from Stripe, or made after the list went past them.
    let extra = 0;
    let checked = 0;
    for await (const ids of indexIds(db, type)) {
      for (const id of ids) {
        if (listed.has(id)) continue;
        if (checked >= MAX_EXTRA_CHECKS) {
          extra += 1;
          continue;
        }
        checked += 1;
        const d = await compareRow(db, stripe, type, id, read);
        if (d) {
          if (d.kind === 'extra') extra += 1;
          note(d);
        }
      }
    }
    const index = await countIndex(db, type);
    counts.push({ type, label: typePlural(type), stripe: listed.size, index, missing: stillMissing.length, extra });
  }

  // A random sample, field by field (objects already reported are left out).
  const reported = new Set(drift.map((d) => d.id));
  const accounts = await db.select({ id: indexAccounts.id }).from(indexAccounts).where(eq(indexAccounts.deleted, false)).orderBy(sql`random()`).limit(options.sampleAccounts ?? 50);
  const others = await db.select({ id: indexObjects.id, type: indexObjects.type }).from(indexObjects).where(eq(indexObjects.deleted, false)).orderBy(sql`random()`).limit(options.sampleOthers ?? 50);
  let sampled = 0;
  for (const { id, type } of [...accounts.map((a) => ({ id: a.id, type: 'account' as Kind })), ...others.map((o) => ({ id: o.id, type: o.type as Kind }))]) {
    if (reported.has(id)) continue;
    await stillOurs();
    if (await eventWaiting(db, type, id)) continue;
    sampled += 1;
    const d = await compareRow(db, stripe, type, id, read);
    if (d) note(d);
  }
  return { counts, sampled, drift };
}

/** The index's live ids of one type, in batches, in id order. */
async function* indexIds(db: Db, type: Kind): AsyncGenerator<string[]> {
  let after = '';
  for (;;) {
    const rows =
      type === 'account'
        ? await db.select({ id: indexAccounts.id }).from(indexAccounts).where(and(eq(indexAccounts.deleted, false), gt(indexAccounts.id, after))).orderBy(asc(indexAccounts.id)).limit(5000)
        : await db
            .select({ id: indexObjects.id })
            .from(indexObjects)
            .where(and(eq(indexObjects.type, type), eq(indexObjects.deleted, false), gt(indexObjects.id, after)))
            .orderBy(asc(indexObjects.id))
            .limit(5000);
    if (rows.length === 0) return;
    yield rows.map((r) => r.id);
    after = rows[rows.length - 1]!.id;
  }
}

async function countIndex(db: Db, type: Kind): Promise<number> {
  if (type === 'account') return db.$count(indexAccounts, eq(indexAccounts.deleted, false));
  return db.$count(indexObjects, and(eq(indexObjects.type, type), eq(indexObjects.deleted, false)));
}
