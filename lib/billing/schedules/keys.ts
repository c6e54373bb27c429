// React Query keys and query options for one subscription schedule (under the billing keys, beside
// the billing lists'), and for the schedule behind an application fee. Cancelling or releasing a
// schedule invalidates its detail and the fee links under it. Client-safe.
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '@/lib/http/get-json';
import type { FeeScheduleSource } from './fee-source-words';
import type { ScheduleDetail } from './queries';

export const scheduleKeys = {
  all: ['billing', 'schedules'] as const,
  detail: (id: string, account: string | null) => [...scheduleKeys.all, 'detail', id, account] as const,
  /** Every cached read of one schedule, whichever account parameter it was read with. */
  anyDetail: (id: string) => [...scheduleKeys.all, 'detail', id] as const,
  feeSource: (feeId: string) => [...scheduleKeys.all, 'fee-source', feeId] as const,
};

const enc = encodeURIComponent;

export const scheduleQueries = {
  detail: (id: string, account: string | null) =>
    queryOptions({ queryKey: scheduleKeys.detail(id, account), queryFn: () => getJson<ScheduleDetail>(`/api/billing/schedules/${enc(id)}${account ? `?account=${enc(account)}` : ''}`) }),
  feeSource: (feeId: string) => queryOptions({ queryKey: scheduleKeys.feeSource(feeId), queryFn: () => getJson<FeeScheduleSource>(`/api/fees/${enc(feeId)}/schedule`) }),
};
