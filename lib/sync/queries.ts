// What the Data sync page shows, read from the database in one go: the backfill's progress, the
// webhook inbox (received, applied, waiting, failed with their errors), when the last webhook
// arrived, and the catch-up's state. Admins only (the page asks for sync.manage).
import 'server-only';
import type { Db } from '@/lib/db/open';
import { backfillProgress, type BackfillProgress } from '@/lib/index/backfill';
import { inboxSummary } from '@/lib/index/inbox';
import { CATCH_UP_KEY, readState } from '@/lib/index/state';
import { indexFreshness } from '@/lib/index/accounts-query';

export interface SyncOverview {
  backfill: BackfillProgress;
  inbox: Awaited<ReturnType<typeof inboxSummary>>;
  catchUp: { status: string; watermark: number | null; updatedAt: Date | null; lastError: string | null } | null;
  accounts: number;
  lastSyncedAt: Date | null;
  /** When this was read (the page's "3 s ago" counts from here). */
  readAt: number;
}

export async function readSyncOverview(db: Db): Promise<SyncOverview> {
  const [backfill, inbox, state, fresh] = await Promise.all([backfillProgress(db), inboxSummary(db), readState(db), indexFreshness(db)]);
  const catchUp = state.get(CATCH_UP_KEY);
  return {
    backfill,
    inbox,
    catchUp: catchUp ? { status: catchUp.status, watermark: catchUp.watermark, updatedAt: catchUp.updatedAt, lastError: catchUp.lastError } : null,
    accounts: fresh.accounts,
    lastSyncedAt: fresh.lastSyncedAt,
    readAt: Date.now(),
  };
}
