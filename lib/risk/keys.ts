// React Query keys and query options for the risk views: one factory, so the page's server
// prefetch and the browser's cache share keys, and a decision (lib/risk/actions.ts) invalidates
// exactly the views it changes. The browser reads through GET route handlers under /api/risk.
// Client-safe.
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '@/lib/http/get-json';
import { queueFiltersQuery, type QueueFilters } from './queue-filters';
import type { QueueListResult } from './queue-list';

export type { QueueListResult };

export const riskKeys = {
  all: ['risk'] as const,
  queues: () => [...riskKeys.all, 'queue'] as const,
  queue: (f: QueueFilters) => [...riskKeys.queues(), f] as const,
  waiting: () => [...riskKeys.all, 'waiting'] as const,
};

/** How often an open queue asks again: a warning arriving by webhook raises its account within seconds. */
export const QUEUE_REFRESH_MS = 3000;
/** How often the navigation's count asks again. */
export const WAITING_REFRESH_MS = 15_000;

export const riskQueries = {
  queue: (f: QueueFilters) =>
    queryOptions({
      queryKey: riskKeys.queue(f),
      queryFn: () => getJson<QueueListResult>(`/api/risk/queue${queueFiltersQuery(f)}`),
      refetchInterval: QUEUE_REFRESH_MS,
    }),
};
