// React Query keys and options for the test clock panel: an account's clocks and one clock's view.
// Creating or deleting a clock invalidates the account's list; a rehearsal, an advance or usage
// invalidates that clock's view (and usage its item's usage). Client-safe.
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '@/lib/http/get-json';
import type { ClockSummary, ClockView } from './views';

export const testClockKeys = {
  all: ['test-clocks'] as const,
  list: (account: string) => [...testClockKeys.all, 'list', account] as const,
  view: (account: string, clockId: string) => [...testClockKeys.all, 'view', account, clockId] as const,
};

const q = (account: string) => `?account=${encodeURIComponent(account)}`;

export const testClockQueries = {
  list: (account: string) => queryOptions({ queryKey: testClockKeys.list(account), queryFn: () => getJson<ClockSummary[]>(`/api/billing/test-clocks${q(account)}`) }),
  view: (account: string, clockId: string) =>
    queryOptions({ queryKey: testClockKeys.view(account, clockId), queryFn: () => getJson<ClockView>(`/api/billing/test-clocks/${encodeURIComponent(clockId)}${q(account)}`) }),
};
