// The accounts list from the console's index: one page of the view, its tab counts and how fresh
// the index is, read together; and the whole view as a CSV stream. The page prefetches through
// these and the browser reaches them through GET /api/accounts and /api/accounts/export. The
// account page stays live from Stripe (./queries.ts).
import 'server-only';
import type Stripe from 'stripe';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/open';
import { countAccountTabs, exportAccountsCsv, queryAccounts, type TabCounts } from '@/lib/index/accounts-query';
import { indexSyncStatus } from '@/lib/index/sync-status';
import type { IndexFreshness } from '@/lib/lists/freshness';
import { toIndexQuery, type AccountFilters } from './filter-schema';

export interface AccountListResult {
  /** The accounts as Stripe last gave them. */
  items: Stripe.Account[];
  next: string | null;
  prev: string | null;
  /** Each tab's count under the other filters and the search. */
  counts: TabCounts;
  freshness: IndexFreshness;
}

/** How fresh the index is (for the list's line and the Data sync page). */
export async function readIndexFreshness(db: Db): Promise<IndexFreshness> {
  const status = await indexSyncStatus(db);
  return {
    lastSyncedAt: status.freshness.lastSyncedAt?.toISOString() ?? null,
    lastWebhookAt: status.inbox.lastReceivedAt?.toISOString() ?? null,
    backfill: status.backfill.status,
    backfillObjects: status.backfill.objects,
  };
}

/** The overview page's figures: every tab's count over the whole index, and how fresh it is. */
export async function indexedAccountCounts(): Promise<{ counts: TabCounts; freshness: IndexFreshness }> {
  const db = await getDb();
  const [counts, freshness] = await Promise.all([countAccountTabs(db, {}), readIndexFreshness(db)]);
  return { counts, freshness };
}

export async function listIndexedAccounts(f: AccountFilters): Promise<AccountListResult> {
  const db = await getDb();
  const query = toIndexQuery(f);
  const [page, counts, freshness] = await Promise.all([queryAccounts(db, query), countAccountTabs(db, query), readIndexFreshness(db)]);
  return { items: page.items.map((row) => row.data as unknown as Stripe.Account), next: page.next, prev: page.prev, counts, freshness };
}

/** Every account of the view, sorted as the list is, as CSV read in batches while the download is pulled. */
export async function exportIndexedAccounts(f: AccountFilters): Promise<ReadableStream<Uint8Array>> {
  return exportAccountsCsv(await getDb(), toIndexQuery(f), { now: Math.floor(Date.now() / 1000) });
}
