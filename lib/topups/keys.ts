// React Query keys and query options for the top-up views. Creating or cancelling a top-up
// invalidates the lists, that top-up and the platform balance. Client-safe.
import { queryOptions } from '@tanstack/react-query';
import type Stripe from 'stripe';
import { getJson } from '@/lib/http/get-json';
import { topupFiltersQuery, type TopupFilters } from './filters';

export const topupKeys = {
  all: ['topups'] as const,
  lists: () => [...topupKeys.all, 'list'] as const,
  list: (f: TopupFilters) => [...topupKeys.lists(), f] as const,
  detail: (id: string) => [...topupKeys.all, 'detail', id] as const,
};

export interface TopupListResult {
  items: Stripe.Topup[];
  next: string | null;
  prev: string | null;
}

export const topupQueries = {
  list: (f: TopupFilters) => queryOptions({ queryKey: topupKeys.list(f), queryFn: () => getJson<TopupListResult>(`/api/topups${topupFiltersQuery(f)}`) }),
  detail: (id: string) => queryOptions({ queryKey: topupKeys.detail(id), queryFn: () => getJson<Stripe.Topup>(`/api/topups/${encodeURIComponent(id)}`) }),
};
