// The index's background work in this server process, started with the readiness check
// (GET /api/health) like the outcome reconciler: the inbox worker (woken by each delivery, and
// every few seconds for retries), the catch-up (at start, then every five minutes), and the
// backfill when one is owed: unfinished (a crash or restart in the middle), asked for (a gap beyond
// Stripe's 30 days of events), or, on the emulator, never run yet. Every instance runs the loops;
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
import { drainInbox } from './inbox';
import { readState } from './state';

const INBOX_INTERVAL_MS = 3_000;
const CATCH_UP_INTERVAL_MS = 5 * 60_000;

type Jobs = { id: string; timers: ReturnType<typeof setInterval>[]; draining: boolean; again: boolean; syncing: boolean };
const holder = globalThis as typeof globalThis & { __consoleIndexJobs?: Jobs };

function jobs(): Jobs {
  holder.__consoleIndexJobs ??= { id: `${process.pid}-${randomUUID()}`, timers: [], draining: false, again: false, syncing: false };
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

/** Runs an owed backfill, then the catch-up, then drains what it found. */
async function sync(): Promise<void> {
  const j = jobs();
  if (j.syncing) return;
  j.syncing = true;
  try {
    const db = await getDb();
    const state = await readState(db);
    const run = state.get(RUN_KEY);
    const finished = await backfillEverFinished(db);
    // An index filled before the backfill read connected accounts' own Radar objects (and before
    // the risk queue existed) is filled once more, so the queue starts complete.
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
}

/** Starts the loops once per process (later calls do nothing). */
export function ensureIndexJobs(): void {
  const j = jobs();
  if (j.timers.length > 0 || process.env.NEXT_PHASE === 'phase-production-build') return;
  const inbox = setInterval(kickInboxWorker, INBOX_INTERVAL_MS);
  const catchUpTimer = setInterval(() => void sync(), CATCH_UP_INTERVAL_MS);
  inbox.unref?.();
  catchUpTimer.unref?.();
  j.timers.push(inbox, catchUpTimer);
  void sync();
}

/** Runs the sync now (an owed or requested backfill, then the catch-up), as the Data sync page's "Run backfill" asks. */
export function kickIndexSync(): void {
  void sync();
}
