// React Query keys and query options for subscription schedules: the Billing list and the account
// page's Billing section (from the index, through GET /api/billing/schedules), one schedule (live,
// GET /api/billing/schedules/:id) and the schedule behind an application fee. One factory, so the
// server's prefetch and the browser's cache share keys; cancelling or releasing a schedule
// invalidates its detail, the fee links under it and every list view. Client-safe.
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '@/lib/http/get-json';
import { scheduleFiltersQuery, type ScheduleFilters } from './filters';
import type { ScheduleListResult } from './list';
import type { FeeScheduleSource } from './fee-source-words';
import type { ScheduleDetail } from './queries';

export type { ScheduleListResult };

export const scheduleKeys = {
  all: ['billing', 'schedules'] as const,
  lists: () => [...scheduleKeys.all, 'list'] as const,
  list: (f: ScheduleFilters) => [...scheduleKeys.lists(), f] as const,
  detail: (id: string, account: string | null) => [...scheduleKeys.all, 'detail', id, account] as const,
  /** Every cached read of one schedule, whichever account parameter it was read with. */
  anyDetail: (id: string) => [...scheduleKeys.all, 'detail', id] as const,
  feeSource: (feeId: string) => [...scheduleKeys.all, 'fee-source', feeId] as const,
};

const enc = encodeURIComponent;

export const scheduleQueries = {
  list: (f: ScheduleFilters) =>
    queryOptions({
      queryKey: scheduleKeys.list(f),
      queryFn: () => getJson<ScheduleListResult>(`/api/billing/schedules${scheduleFiltersQuery(f)}`),
    }),
  detail: (id: string, account: string | null) =>
    queryOptions({ queryKey: scheduleKeys.detail(id, account), queryFn: () => getJson<ScheduleDetail>(`/api/billing/schedules/${enc(id)}${account ? `?account=${enc(account)}` : ''}`) }),
  feeSource: (feeId: string) => queryOptions({ queryKey: scheduleKeys.feeSource(feeId), queryFn: () => getJson<FeeScheduleSource>(`/api/fees/${enc(feeId)}/schedule`) }),
};

/** The view the account page's Billing section shows: every schedule of the account, newest first. */
export const accountSchedulesView = (account: string): ScheduleFilters => ({ tab: 'all', account, sort: 'created', order: 'desc', limit: 100 });
