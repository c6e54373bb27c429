// The Billing list for the page and its route handler (and the account page's Billing section):
// one page of the view, its counts per status and how fresh the index is, read together. The
// page prefetches through this; the browser reaches it through GET /api/billing/schedules.
import 'server-only';
import { readIndexFreshness } from '@/lib/accounts/index-list';
import { getDb } from '@/lib/db/client';
import type { IndexFreshness } from '@/lib/lists/freshness';
import type { ScheduleFilters } from './filters';
import { countSchedules, querySchedules, type ScheduleCounts, type ScheduleItem } from './list-query';

export interface ScheduleListResult {
  items: ScheduleItem[];
  next: string | null;
  prev: string | null;
  counts: ScheduleCounts;
  freshness: IndexFreshness;
}

export async function listSchedules(f: ScheduleFilters): Promise<ScheduleListResult> {
  const db = await getDb();
  const query = { ...f, before: f.after ? undefined : f.before };
  const [page, counts, freshness] = await Promise.all([querySchedules(db, query), countSchedules(db, query), readIndexFreshness(db)]);
  return { ...page, counts, freshness };
}
