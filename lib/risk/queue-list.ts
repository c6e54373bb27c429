// The risk queue for the page and its route handler: one page of the view, its counts per case
// status and how fresh the index is, read together; and the number waiting for the navigation.
// The page prefetches through these; the browser reaches them through GET /api/risk/queue.
import 'server-only';
import { readIndexFreshness } from '@/lib/accounts/index-list';
import { getDb } from '@/lib/db/client';
import type { IndexFreshness } from '@/lib/lists/freshness';
import { countQueue, countWaiting, queryQueue, type QueueCounts, type QueueItem } from './queue';
import type { QueueFilters } from './queue-filters';

export interface QueueListResult {
  items: QueueItem[];
  next: string | null;
  prev: string | null;
  counts: QueueCounts;
  freshness: IndexFreshness;
}

export async function listRiskQueue(f: QueueFilters, operatorId: string): Promise<QueueListResult> {
  const db = await getDb();
  const query = { ...f, before: f.after ? undefined : f.before };
  const [page, counts, freshness] = await Promise.all([queryQueue(db, query, operatorId), countQueue(db, query, operatorId), readIndexFreshness(db)]);
  return { ...page, counts, freshness };
}

export async function riskWaitingCount(): Promise<{ waiting: number }> {
  return { waiting: await countWaiting(await getDb()) };
}
