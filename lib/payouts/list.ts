// The Payouts list for the page and its route handler (and the account page's Payouts section):
// one page of the view, its counts per status and how fresh the index is, read together. The
// page prefetches through this; the browser reaches it through GET /api/payouts.
import 'server-only';
import { readIndexFreshness } from '@/lib/accounts/index-list';
import { getDb } from '@/lib/db/client';
import type { IndexFreshness } from '@/lib/lists/freshness';
import type { PayoutFilters } from './filters';
import { countPayouts, queryPayouts, type PayoutCounts, type PayoutItem } from './list-query';

export interface PayoutListResult {
  items: PayoutItem[];
  next: string | null;
  prev: string | null;
  counts: PayoutCounts;
  freshness: IndexFreshness;
}

export async function listPayouts(f: PayoutFilters): Promise<PayoutListResult> {
  const db = await getDb();
  const query = { ...f, before: f.after ? undefined : f.before };
  const [page, counts, freshness] = await Promise.all([queryPayouts(db, query), countPayouts(db, query), readIndexFreshness(db)]);
  return { ...page, counts, freshness };
}
