// React Query keys and query options for payouts: the Payouts list and the account page's Payouts
// section (from the index, through GET /api/payouts). One factory, so the server's prefetch and
// the browser's cache share keys. The console changes no payout; payout.* events refresh the index.
// Client-safe.
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '@/lib/http/get-json';
import { payoutFiltersQuery, type PayoutFilters } from './filters';
import type { PayoutListResult } from './list';

export type { PayoutListResult };

export const payoutKeys = {
  all: ['payouts'] as const,
  lists: () => [...payoutKeys.all, 'list'] as const,
  list: (f: PayoutFilters) => [...payoutKeys.lists(), f] as const,
};

export const payoutQueries = {
  list: (f: PayoutFilters) => queryOptions({ queryKey: payoutKeys.list(f), queryFn: () => getJson<PayoutListResult>(`/api/payouts${payoutFiltersQuery(f)}`) }),
};

/** The view the account page's Payouts section shows: the account's latest payouts, by arrival date. */
export const accountPayoutsView = (account: string): PayoutFilters => ({ tab: 'all', account, sort: 'arrival_date', order: 'desc', limit: 10 });
/** The account's failed payouts (the section calls them out at its top). */
export const accountFailedPayoutsView = (account: string): PayoutFilters => ({ tab: 'failed', account, sort: 'arrival_date', order: 'desc', limit: 10 });
