// A new emulator world: the emulator keeps its data in memory, so when it starts again (npm start's
// supervisor brings a dead one back, or a new `npm start` meets a database kept from the last) or
// is reset, every object the index copied is gone and others stand in their place. The emulator's
// health names its data (`instance`, over HTTP like any Stripe call; the app never imports the
// emulator); the index remembers the one it copied, and on another one it is emptied (rows,
// inbox, bookkeeping, reconciliation runs) and a backfill is asked for. Only with the emulator:
// Stripe's data never starts over.
import { sql } from 'drizzle-orm';
import { releaseLease, takeLease } from '@/lib/db/leases';
import type { Db } from '@/lib/db/open';
import { indexAccounts, indexObjects, indexReconcileRuns, indexSyncState, webhookInbox } from '@/lib/db/schema';
import { BACKFILL_LEASE, backfillEverFinished, requestBackfill } from './backfill';
import { readState, saveState } from './state';

/** index_sync_state's key for the emulator instance the index was copied from (in `status`). */
export const EMULATOR_WORLD_KEY = 'emulator_instance';

/** The emulator's instance id from its health; null when it does not answer or names none. */
export async function emulatorInstance(apiBase: string, timeoutMs = 2_000): Promise<string | null> {
  try {
    const res = await fetch(`${apiBase.replace(/\/$/, '')}/_emulator/health`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return null;
    const instance = ((await res.json()) as { instance?: unknown }).instance;
    return typeof instance === 'string' && instance.length > 0 ? instance : null;
  } catch {
    return null;
  }
}

/**
 * Compares the emulator's instance with the one the index was copied from: `same`; `first` (an
 * index never filled takes it as its own); `new` (the index was emptied and a backfill asked
 * for); `busy` (a backfill of this instance holds its lease: the next check tries again).
 */
export async function noteEmulatorWorld(db: Db, instance: string, holder: string): Promise<'same' | 'first' | 'new' | 'busy'> {
  const stored = (await readState(db)).get(EMULATOR_WORLD_KEY)?.status;
  if (stored === instance) return 'same';
  if (stored === undefined && !(await backfillEverFinished(db)) && (await db.$count(indexAccounts)) === 0) {
    await saveState(db, EMULATOR_WORLD_KEY, { status: instance });
    return 'first';
  }
  if (!(await takeLease(db, BACKFILL_LEASE, holder, 60_000))) return 'busy';
  try {
    await db.transaction(async (tx) => {
      for (const table of [indexAccounts, indexObjects, webhookInbox, indexSyncState, indexReconcileRuns]) await tx.delete(table).where(sql`true`);
    });
    await saveState(db, EMULATOR_WORLD_KEY, { status: instance });
    await requestBackfill(db);
    return 'new';
  } finally {
    await releaseLease(db, BACKFILL_LEASE, holder).catch(() => undefined);
  }
}
