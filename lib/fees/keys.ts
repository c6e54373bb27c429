// React Query keys and query options for the application fee views: one factory, so the server
// prefetch and the browser share keys and a refund invalidates exactly what it changed. The
// browser reads through the GET route handlers under /api/fees. Client-safe.
import { queryOptions } from '@tanstack/react-query';
import type Stripe from 'stripe';
import { getJson } from '@/lib/http/get-json';
import { feeFiltersQuery, type FeeFilters } from './filters';
import type { FilteredPage } from '@/lib/lists/scan';

export const feeKeys = {
  all: ['fees'] as const,
  lists: () => [...feeKeys.all, 'list'] as const,
  list: (f: FeeFilters) => [...feeKeys.lists(), f] as const,
  detail: (id: string) => [...feeKeys.all, 'detail', id] as const,
  refund: (id: string) => [...feeKeys.all, 'refund', id] as const,
};

/** One page of the list as the server scanned it (lib/lists/scan.ts), with the name of each account a fee was collected from (lib/accounts/names.ts). */
export type FeeListResult = FilteredPage<Stripe.ApplicationFee> & { accountNames: Record<string, string> };

export interface FeeDetailResult {
  fee: Stripe.ApplicationFee;
  refunds: Stripe.FeeRefund[];
}

export interface FeeRefundResult {
  refund: Stripe.FeeRefund;
  fee: Stripe.ApplicationFee;
}

const enc = encodeURIComponent;

export const feeQueries = {
  list: (f: FeeFilters) => queryOptions({ queryKey: feeKeys.list(f), queryFn: () => getJson<FeeListResult>(`/api/fees${feeFiltersQuery(f)}`) }),
  detail: (id: string) => queryOptions({ queryKey: feeKeys.detail(id), queryFn: () => getJson<FeeDetailResult>(`/api/fees/${enc(id)}`) }),
  refund: (id: string) => queryOptions({ queryKey: feeKeys.refund(id), queryFn: () => getJson<FeeRefundResult>(`/api/fees/refunds/${enc(id)}`) }),
};
