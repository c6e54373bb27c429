// The index's background work in this server process, started with the readiness check
// (GET /api/health) like the outcome reconciler: the inbox worker (woken by each delivery, and
// every few seconds for retries), the catch-up (at start, then every five minutes), and the
// backfill when one is owed: unfinished (a crash or restart in the middle), asked for (a gap beyond
// Stripe's 30 days of events), or, on the emulator, never run yet; and the reconciliation (hourly
// once a backfill has finished, and when the Data sync page asks). On the emulator, every few
// seconds, whether it holds new data (restarted or reset: lib/index/emulator-world.ts), in which
// case the index is emptied and backfilled again. Every instance runs the loops;
// leases and SKIP LOCKED claims keep the work from being done twice.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { getStripe } from '@/lib/stripe/client';
import { summarizeErrorForLog } from '@/lib/stripe/errors';
import { backfillEverFinished, RUN_KEY, runBackfill } from './backfill';
import { catchUp } from './catch-up';
import { CONNECT_RADAR_KEY } from './connect-radar';
import { emulatorInstance, noteEmulatorWorld } from './emulator-world';
import { drainInbox } from './inbox';
import { reconcileDue, requestReconciliation, runReconciliation } from './reconcile';
import { readState } from './state';

const INBOX_INTERVAL_MS = 3_000;
const CATCH_UP_INTERVAL_MS = 5 * 60_000;
/** How often the emulator is asked whether it holds new data. */
const WORLD_INTERVAL_MS = 5_000;

type Jobs = { id: string; timers: ReturnType<typeof setInterval>[]; draining: boolean; again: boolean; syncing: boolean; syncAgain: boolean; reconciling: boolean };
const holder = globalThis as typeof globalThis & { __consoleIndexJobs?: Jobs };

function jobs(): Jobs {
  holder.__consoleIndexJobs ??= { id: `${process.pid}-${randomUUID()}`, timers: [], draining: false, again: false, syncing: false, syncAgain: false, reconciling: false };
  return holder.__consoleIndexJobs;
}

/** Applies what the inbox holds now; a call while a drain runs makes it go round once more. */
export function kickInboxWorker(): void {
  const j = jobs();
  if (j.draining) {
    j.again = true;
    return;
  }
  j.draining = true;
  void (async () => {
    try {
      do {
        j.again = false;
        await drainInbox(await getDb(), getStripe());
      } while (j.again);
    } catch (error) {
      console.error(`index: the inbox worker stopped: ${summarizeErrorForLog(error)}`);
    } finally {
      j.draining = false;
    }
  })();
}

/**
 * On the emulator, whether it holds other data than the index copied (a restart or a reset); if
 * so the index is emptied and a backfill asked for. True when that happened.
 */
async function emulatorWorldChanged(): Promise<boolean> {
  const env = getEnv();
  if (!env.usingEmulator || !env.stripeApiBase) return false;
  const instance = await emulatorInstance(env.stripeApiBase);
  if (!instance) return false;
  const outcome = await noteEmulatorWorld(await getDb(), instance, jobs().id);
  if (outcome === 'new') console.log('index: the emulator holds new data (it was restarted or reset): the index starts over with a backfill.');
  return outcome === 'new';
}

/** The emulator check on its timer: new data starts the sync (the backfill) at once. */
async function watchEmulatorWorld(): Promise<void> {
  try {
    if (await emulatorWorldChanged()) void sync();
  } catch (error) {
    console.error(`index: emulator check: ${summarizeErrorForLog(error)}`);
  }
}

/** Runs an owed backfill, then the catch-up, then drains what it found; a call while it runs makes it go round once more. */
async function sync(): Promise<void> {
  const j = jobs();
  if (j.syncing) {
    j.syncAgain = true;
    return;
  }
  j.syncing = true;
  j.syncAgain = false;
  try {
    await emulatorWorldChanged();
    const db = await getDb();
    const state = await readState(db);
    const run = state.get(RUN_KEY);
    const finished = await backfillEverFinished(db);
    // An index filled before the backfill read connected accounts' own Radar objects and
    // subscription schedules (and before the risk queue existed) is filled once more, so the queue
    // and the Billing list start complete.
    const beforeRadar = finished && !state.has(CONNECT_RADAR_KEY);
    const owed = run?.status === 'running' || run?.status === 'requested' || (getEnv().usingEmulator && !finished) || beforeRadar;
    if (owed) {
      const outcome = await runBackfill(db, getStripe(), { holder: j.id });
      if (outcome.status === 'done') console.log(`index: backfill done, ${outcome.progress.objects} objects`);
      if (outcome.status === 'failed') console.error(`index: the backfill stopped: ${outcome.progress.lastError ?? 'unknown error'} (it resumes from its cursor)`);
    }
    const report = await catchUp(db, getStripe(), { holder: j.id });
    if (report.recorded > 0) console.log(`index: catch-up found ${report.recorded} events not delivered`);
    kickInboxWorker();
  } catch (error) {
    console.error(`index: sync: ${summarizeErrorForLog(error)}`);
  } finally {
    j.syncing = false;
  }
  if (j.syncAgain) return sync();
  await reconcileOwed();
}

/** Asks for the hourly reconciliation when it is due, then runs every run asked for (here or on another instance). */
async function reconcileOwed(): Promise<void> {
  const j = jobs();
  if (j.reconciling) return;
  j.reconciling = true;
  try {
    const db = await getDb();
    if (await reconcileDue(db)) await requestReconciliation(db, { trigger: 'schedule' });
    for (;;) {
      const run = await runReconciliation(db, getStripe(), { holder: j.id });
      if (!run) break;
      const drifted = run.drift.length;
      if (run.status === 'failed') console.error(`index: the reconciliation stopped: ${run.lastError ?? 'unknown error'}`);
      else if (drifted > 0) console.warn(`index: the reconciliation found ${drifted} object(s) out of step with Stripe (see the Data sync page)`);
    }
  } catch (error) {
    console.error(`index: reconciliation: ${summarizeErrorForLog(error)}`);
  } finally {
    j.reconciling = false;
  }
}

/** Starts the loops once per process (later calls do nothing). */
export function ensureIndexJobs(): void {
  const j = jobs();
  if (j.timers.length > 0 || process.env.NEXT_PHASE === 'phase-production-build') return;
  const inbox = setInterval(kickInboxWorker, INBOX_INTERVAL_MS);
  const catchUpTimer = setInterval(() => void sync(), CATCH_UP_INTERVAL_MS);
  const worldTimer = setInterval(() => void watchEmulatorWorld(), WORLD_INTERVAL_MS);
  for (const timer of [inbox, catchUpTimer, worldTimer]) timer.unref?.();
  j.timers.push(inbox, catchUpTimer, worldTimer);
  void sync();
}

/** Runs the sync now (an owed or requested backfill, then the catch-up), as the Data sync page's "Run backfill" asks. */
export function kickIndexSync(): void {
  void sync();
}

/** Runs the reconciliation asked for now, as the Data sync page's "Run reconciliation" asks. */
export function kickReconciliation(): void {
  void reconcileOwed();
}
