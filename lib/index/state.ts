// The index's bookkeeping rows (index_sync_state): read and write one key, and the catch-up's
// watermark, which the backfill starts (what happened before a backfill is in it; what happens
// after is read from the events).
import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/open';
import { indexSyncState, type IndexSyncStateRow } from '@/lib/db/schema';

export const CATCH_UP_KEY = 'catch_up';

export async function readState(db: Db): Promise<Map<string, IndexSyncStateRow>> {
  const rows = await db.select().from(indexSyncState);
  return new Map(rows.map((row) => [row.key, row]));
}

export async function saveState(db: Db, key: string, values: Partial<Omit<IndexSyncStateRow, 'key'>>): Promise<void> {
  await db
    .insert(indexSyncState)
    .values({ key, ...values, updatedAt: new Date() })
    .onConflictDoUpdate({ target: indexSyncState.key, set: { ...values, updatedAt: new Date() } });
}

/** The Stripe-clock second the next catch-up reads events from; null before the first backfill. */
export async function catchUpWatermark(db: Db): Promise<number | null> {
  const [row] = await db.select({ watermark: indexSyncState.watermark }).from(indexSyncState).where(eq(indexSyncState.key, CATCH_UP_KEY)).limit(1);
  return row?.watermark ?? null;
}

/** Starts the watermark (Stripe's clock) unless one is set. */
export async function startCatchUpWatermark(db: Db, at: number): Promise<void> {
  await db.insert(indexSyncState).values({ key: CATCH_UP_KEY, status: 'idle', watermark: at }).onConflictDoNothing({ target: indexSyncState.key });
}
