// The backfill: reads every indexed object through Stripe's list endpoints (100 a page, accounts
// first, then parents before their children) and writes each page to the index. Resumable: each
// step's cursor (the last id read, Stripe's `starting_after`) is saved with every page, so a run
// stopped by a crash or a restart goes on where it was. One runner at a time across instances (a
// database lease). A 429 is waited out with a growing delay; progress (objects per step, rate,
// time left from the last run's counts) is kept in index_sync_state for the Data sync page and
// `npm run sync`.
import { and, eq, isNotNull, lt, sql } from 'drizzle-orm';
import Stripe from 'stripe';
import type { Db } from '@/lib/db/open';
import { releaseLease, takeLease } from '@/lib/db/leases';
import { indexAccounts, indexSyncState, type IndexSyncStateRow } from '@/lib/db/schema';
import { recomputeAllAccounts } from '@/lib/risk/recompute';
import { applyObjects, type StripeObject } from './apply';
import { backfillConnectRadar, CONNECT_RADAR_KEY } from './connect-radar';
import { answeredAt, embeddedChildren } from './fetch';
import { readState, saveState, startCatchUpWatermark } from './state';

export const BACKFILL_LEASE = 'index-backfill';
const LEASE_MS = 60_000;
export const PAGE_LIMIT = 100;

type ListParams = { limit: number; starting_after?: string };
type Page = { data: unknown[]; has_more: boolean };

/** One list endpoint to read, in order. */
export interface BackfillStep {
  key: string;
  label: string;
  list: (stripe: Stripe, params: ListParams) => Promise<Page>;
}

export const BACKFILL_STEPS: BackfillStep[] = [
  { key: 'accounts', label: 'connected accounts', list: (s, p) => s.accounts.list(p) },
  { key: 'charges', label: 'charges', list: (s, p) => s.charges.list(p) },
  { key: 'transfers', label: 'transfers and reversals', list: (s, p) => s.transfers.list(p) },
  { key: 'application_fees', label: 'application fees and refunds', list: (s, p) => s.applicationFees.list(p) },
  { key: 'topups', label: 'top-ups', list: (s, p) => s.topups.list(p) },
  { key: 'early_fraud_warnings', label: 'early fraud warnings', list: (s, p) => s.radar.earlyFraudWarnings.list(p) },
  { key: 'reviews', label: 'reviews', list: (s, p) => s.reviews.list(p) },
  // The platform's own and destination charges' disputes (a direct charge's is the account's: lib/index/connect-radar.ts).
  { key: 'disputes', label: 'disputes', list: (s, p) => s.disputes.list(p) },
];

const stateKey = (step: string) => `backfill:${step}`;
export const RUN_KEY = 'backfill';

export interface StepProgress {
  key: string;
  label: string;
  status: string;
  objects: number;
  expected: number | null;
  /** Objects per second since the step started. */
  rate: number | null;
  /** Seconds left for this step, from the last run's count; null when unknown. */
  secondsLeft: number | null;
}

export interface BackfillProgress {
  status: string;
  startedAt: Date | null;
  finishedAt: Date | null;
  objects: number;
  rate: number | null;
  secondsLeft: number | null;
  rateLimited: number;
  lastError: string | null;
  steps: StepProgress[];
}

export type BackfillOutcome = { status: 'done' | 'busy' | 'stopped' | 'failed'; progress: BackfillProgress };

export interface BackfillOptions {
  /** Who runs it (for the lease): one id per process. */
  holder: string;
  /** Called after every page. */
  onProgress?: (progress: BackfillProgress) => void;
  /** Stop (leaving the cursor for a later run) once this returns true; checked after every page. */
  shouldStop?: () => boolean;
  /** Start from the beginning even if a run was left unfinished. */
  restart?: boolean;
  /** Waits on 429 (tests shorten them). */
  backoffMs?: (attempt: number) => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The wait before try `attempt + 1` after a 429: doubling from 0.5 s to 30 s, jittered. */
export const defaultBackoff = (attempt: number) => Math.min(30_000, 500 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
export const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function stepProgress(step: BackfillStep, row: IndexSyncStateRow | undefined, now: number): StepProgress {
  const objects = row?.objects ?? 0;
  const started = row?.startedAt?.getTime();
  const until = row?.finishedAt?.getTime() ?? now;
  const seconds = started ? (until - started) / 1000 : 0;
  const rate = seconds > 0 ? objects / seconds : null;
  const expected = row?.expected ?? null;
  const status = row?.status ?? 'pending';
  const secondsLeft = status === 'done' ? 0 : expected !== null && rate ? Math.max(0, (expected - objects) / rate) : null;
  return { key: step.key, label: step.label, status, objects, expected, rate, secondsLeft };
}

/** The backfill's progress as the database holds it (any instance may read it). */
export async function backfillProgress(db: Db, now: number = Date.now()): Promise<BackfillProgress> {
  const state = await readState(db);
  const run = state.get(RUN_KEY);
  const steps = BACKFILL_STEPS.map((step) => stepProgress(step, state.get(stateKey(step.key)), now));
  const objects = steps.reduce((sum, step) => sum + step.objects, 0);
  const started = run?.startedAt?.getTime();
  const seconds = started ? ((run?.finishedAt?.getTime() ?? now) - started) / 1000 : 0;
  const rate = seconds > 0 ? objects / seconds : null;
  // Steps not started yet take their last count at the run's rate.
  const unknown = steps.some((step) => step.status !== 'done' && step.expected === null);
  const left = steps.reduce((sum, step) => sum + (step.status === 'done' ? 0 : Math.max(0, (step.expected ?? 0) - step.objects)), 0);
  return {
    status: run?.status ?? 'never',
    startedAt: run?.startedAt ?? null,
    finishedAt: run?.finishedAt ?? null,
    objects,
    rate,
    secondsLeft: run?.status === 'done' ? 0 : unknown || !rate ? null : left / rate,
    rateLimited: run?.rateLimited ?? 0,
    lastError: run?.lastError ?? null,
    steps,
  };
}

/** Whether a backfill has ever finished (the console runs one by itself on the emulator's first start). */
export async function backfillEverFinished(db: Db): Promise<boolean> {
  const [row] = await db.select({ finishedAt: indexSyncState.finishedAt }).from(indexSyncState).where(eq(indexSyncState.key, `${RUN_KEY}:last_finished`)).limit(1);
  return Boolean(row?.finishedAt);
}

/** Asks for a new run from the beginning (the catch-up found a gap beyond Stripe's 30 days of events). */
export async function requestBackfill(db: Db): Promise<void> {
  await saveState(db, RUN_KEY, { status: 'requested', lastError: null });
}

/** A new run: every step from the start, expecting what the last run read. */
async function beginRun(db: Db, state: Map<string, IndexSyncStateRow>): Promise<void> {
  const now = new Date();
  for (const step of BACKFILL_STEPS) {
    const previous = state.get(stateKey(step.key));
    const expected = previous?.status === 'done' ? previous.objects : (previous?.expected ?? null);
    await saveState(db, stateKey(step.key), { status: 'pending', cursor: null, objects: 0, expected, startedAt: null, finishedAt: null, lastError: null, rateLimited: 0 });
  }
  await saveState(db, CONNECT_RADAR_KEY, { status: 'pending', cursor: null, objects: 0, startedAt: null, finishedAt: null });
  // A new run may follow a gap in the events (the catch-up asks for one): no account's direct charges are known complete any more; the per-account pass reads them again.
  await db.update(indexAccounts).set({ chargesHeldAfter: null }).where(isNotNull(indexAccounts.chargesHeldAfter));
  await saveState(db, RUN_KEY, { status: 'running', startedAt: now, finishedAt: null, objects: 0, lastError: null, rateLimited: 0 });
}

/** All of a parent's children when its embedded page is not the whole list. */
async function allChildren(stripe: Stripe, parent: StripeObject): Promise<StripeObject[]> {
  const embedded = (parent.object === 'transfer' ? parent.reversals : parent.refunds) as { has_more?: boolean } | undefined;
  if (!embedded?.has_more) return embeddedChildren(parent);
  const list = parent.object === 'transfer' ? stripe.transfers.listReversals(parent.id, { limit: PAGE_LIMIT }) : stripe.applicationFees.listRefunds(parent.id, { limit: PAGE_LIMIT });
  return (await list.autoPagingToArray({ limit: 100_000 })) as unknown as StripeObject[];
}

/** Whether Stripe answered 429 (too many requests). */
export const isRateLimit = (error: unknown) => error instanceof Stripe.errors.StripeError && (error.statusCode === 429 || error.type === 'StripeRateLimitError');

/** Runs (or resumes) the backfill to the end, unless another instance is running it. */
export async function runBackfill(db: Db, stripe: Stripe, options: BackfillOptions): Promise<BackfillOutcome> {
  const { holder, backoffMs = defaultBackoff, sleep = defaultSleep } = options;
  if (!(await takeLease(db, BACKFILL_LEASE, holder, LEASE_MS))) return { status: 'busy', progress: await backfillProgress(db) };
  try {
    let state = await readState(db);
    if (options.restart || state.get(RUN_KEY)?.status !== 'running') await beginRun(db, state);
    state = await readState(db);
    let rateLimited = state.get(RUN_KEY)?.rateLimited ?? 0;
    for (const step of BACKFILL_STEPS) {
      const key = stateKey(step.key);
      const row = state.get(key);
      if (row?.status === 'done') continue;
      let cursor = row?.cursor ?? undefined;
      let objects = row?.objects ?? 0;
      let firstAnswer: number | null = row?.watermark ?? null;
      const stepStarted = new Date();
      if (!row?.startedAt) await saveState(db, key, { status: 'running', startedAt: stepStarted });
      else await saveState(db, key, { status: 'running' });
      /** One page, 429s waited out with a growing delay. */
      const fetchPage = async (after: string | undefined): Promise<Page> => {
        for (let attempt = 0; ; attempt++) {
          try {
            return await step.list(stripe, { limit: PAGE_LIMIT, ...(after ? { starting_after: after } : {}) });
          } catch (error) {
            if (!isRateLimit(error)) throw error;
            rateLimited += 1;
            await saveState(db, RUN_KEY, { rateLimited });
            await sleep(backoffMs(attempt));
          }
        }
      };
      let pending = fetchPage(cursor);
      for (;;) {
        if (!(await takeLease(db, BACKFILL_LEASE, holder, LEASE_MS))) return { status: 'busy', progress: await backfillProgress(db) };
        const page = await pending;
        const items = page.data as StripeObject[];
        const done = !page.has_more || items.length === 0;
        // The next page is read while this one is written; the cursor saved is this page's.
        if (!done) {
          pending = fetchPage(items[items.length - 1]!.id);
          pending.catch(() => undefined);
        }
        const freshness = { created: answeredAt(page), fetched: true, bulk: true };
        if (firstAnswer === null) {
          // The step's first answer, on Stripe's clock: rows changed since then were not missed.
          firstAnswer = freshness.created;
          // Events from the start of the first run on are the catch-up's to read.
          await startCatchUpWatermark(db, freshness.created);
        }
        if (items.length > 0) {
          await applyObjects(db, items, freshness);
          const children = (await Promise.all(items.filter((o) => o.object === 'transfer' || o.object === 'application_fee').map((o) => allChildren(stripe, o)))).flat();
          if (children.length > 0) await applyObjects(db, children, freshness);
          cursor = items[items.length - 1]!.id;
          objects += items.length;
        }
        await saveState(db, key, { cursor: cursor ?? null, objects, watermark: firstAnswer, ...(done ? { status: 'done', finishedAt: new Date() } : {}) });
        if (done && step.key === 'accounts') await sweepDeletedAccounts(db, row?.startedAt ?? stepStarted, firstAnswer);
        if (options.onProgress) options.onProgress(await backfillProgress(db));
        if (done) break;
        if (options.shouldStop?.()) {
          // The page read ahead is not written: the next run reads it again from the saved cursor.
          await pending.catch(() => undefined);
          return { status: 'stopped', progress: await backfillProgress(db) };
        }
      }
    }
    const radar = (await readState(db)).get(CONNECT_RADAR_KEY);
    if (radar?.status !== 'done') {
      const renewLease = () => takeLease(db, BACKFILL_LEASE, holder, LEASE_MS);
      const outcome = await backfillConnectRadar(db, stripe, { cursor: radar?.cursor ?? null, shouldStop: options.shouldStop, renewLease });
      if (outcome !== 'done') return { status: outcome, progress: await backfillProgress(db) };
    }
    // Pages were written without the risk queue's per-account recompute: one pass for every account.
    await recomputeAllAccounts(db);
    const finished = new Date();
    await saveState(db, RUN_KEY, { status: 'done', finishedAt: finished });
    await saveState(db, `${RUN_KEY}:last_finished`, { status: 'done', finishedAt: finished });
    return { status: 'done', progress: await backfillProgress(db) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await saveState(db, RUN_KEY, { lastError: message.slice(0, 2000) }).catch(() => undefined);
    return { status: 'failed', progress: await backfillProgress(db) };
  } finally {
    await releaseLease(db, BACKFILL_LEASE, holder).catch(() => undefined);
  }
}

/**
 * Accounts the whole list no longer has: rows neither written by this run nor holding a change
 * from after its first answer are gone from Stripe (deleted while no event could tell), so they
 * become tombstones.
 */
async function sweepDeletedAccounts(db: Db, stepStarted: Date, firstAnswer: number): Promise<void> {
  await db
    .update(indexAccounts)
    .set({ deleted: true, syncedAt: sql`now()` })
    .where(and(eq(indexAccounts.deleted, false), lt(indexAccounts.syncedAt, stepStarted), lt(indexAccounts.eventCreated, firstAnswer - 1)));
}
