// React Query keys and query options for the Billing list and the account page's Billing section:
// one factory, so the server's prefetch and the browser's cache share keys, and a change to a
// schedule can invalidate every list view at once (`scheduleKeys.lists()`). The browser reads
// through GET /api/billing/schedules. Client-safe.
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '@/lib/http/get-json';
import { scheduleFiltersQuery, type ScheduleFilters } from './schedule-filters';
import type { ScheduleListResult } from './schedules-list';

export type { ScheduleListResult };

export const scheduleKeys = {
  all: ['billing', 'schedules'] as const,
  lists: () => [...scheduleKeys.all, 'list'] as const,
  list: (f: ScheduleFilters) => [...scheduleKeys.lists(), f] as const,
};

export const scheduleQueries = {
  list: (f: ScheduleFilters) =>
    queryOptions({
      queryKey: scheduleKeys.list(f),
      queryFn: () => getJson<ScheduleListResult>(`/api/billing/schedules${scheduleFiltersQuery(f)}`),
    }),
};

/** The view the account page's Billing section shows: every schedule of the account, newest first. */
export const accountSchedulesView = (account: string): ScheduleFilters => ({ tab: 'all', account, sort: 'created', order: 'desc', limit: 100 });
