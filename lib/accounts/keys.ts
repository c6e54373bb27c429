// React Query keys and query options for the account views: one factory, so a page's server
// prefetch and the browser's cache share keys, and a mutation invalidates exactly the views it
// changes. The browser reads through GET route handlers under /api/accounts. Client-safe.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type Stripe from 'stripe';
import type { DisputeSummary } from '@/lib/disputes/view';
import { getJson } from '@/lib/http/get-json';
import { accountFiltersQuery, type AccountFilters } from './filters';
import type { AccountListResult } from './index-list';

export type { AccountListResult };

export const accountKeys = {
  all: ['accounts'] as const,
  lists: () => [...accountKeys.all, 'list'] as const,
  list: (f: AccountFilters) => [...accountKeys.lists(), f] as const,
  detail: (id: string) => [...accountKeys.all, 'detail', id] as const,
  capabilities: (id: string) => [...accountKeys.detail(id), 'capabilities'] as const,
  persons: (id: string) => [...accountKeys.detail(id), 'persons'] as const,
  externalAccounts: (id: string) => [...accountKeys.detail(id), 'external-accounts'] as const,
  balance: (id: string) => [...accountKeys.detail(id), 'balance'] as const,
  disputes: (id: string) => [...accountKeys.detail(id), 'disputes'] as const,
  transfers: (id: string) => [...accountKeys.detail(id), 'transfers'] as const,
  fees: (id: string) => [...accountKeys.detail(id), 'fees'] as const,
};

const path = (id: string, view = '') => `/api/accounts/${encodeURIComponent(id)}${view}`;

/** How often an open list asks again: an account changed elsewhere shows up within seconds. */
export const LIST_REFRESH_MS = 3000;

export interface FeesFrom {
  items: Stripe.ApplicationFee[];
  scanned: number;
  partial: boolean;
}

export const accountQueries = {
  list: (f: AccountFilters) =>
    queryOptions({
      queryKey: accountKeys.list(f),
      queryFn: () => getJson<AccountListResult>(`/api/accounts${accountFiltersQuery(f)}`),
      refetchInterval: LIST_REFRESH_MS,
    }),
  detail: (id: string) => queryOptions({ queryKey: accountKeys.detail(id), queryFn: () => getJson<Stripe.Account>(path(id)) }),
  capabilities: (id: string) => queryOptions({ queryKey: accountKeys.capabilities(id), queryFn: () => getJson<Stripe.Capability[]>(path(id, '/capabilities')) }),
  persons: (id: string) => queryOptions({ queryKey: accountKeys.persons(id), queryFn: () => getJson<Stripe.Person[]>(path(id, '/persons')) }),
  externalAccounts: (id: string) =>
    queryOptions({ queryKey: accountKeys.externalAccounts(id), queryFn: () => getJson<(Stripe.BankAccount | Stripe.Card)[]>(path(id, '/external-accounts')) }),
  balance: (id: string) => queryOptions({ queryKey: accountKeys.balance(id), queryFn: () => getJson<Stripe.Balance>(path(id, '/balance')) }),
  transfers: (id: string) => queryOptions({ queryKey: accountKeys.transfers(id), queryFn: () => getJson<Stripe.Transfer[]>(path(id, '/transfers')) }),
  fees: (id: string) => queryOptions({ queryKey: accountKeys.fees(id), queryFn: () => getJson<FeesFrom>(path(id, '/fees')) }),
  disputes: (id: string) => queryOptions({ queryKey: accountKeys.disputes(id), queryFn: () => getJson<DisputeSummary[]>(path(id, '/disputes')) }),
};

/** One view to invalidate: `exact`, since every view's key starts with the account's own key. */
export interface Invalidation {
  queryKey: readonly unknown[];
  exact: boolean;
}

const view = (queryKey: readonly unknown[]): Invalidation => ({ queryKey, exact: true });
/** Every list, whatever its filters. */
const lists = (): Invalidation => ({ queryKey: accountKeys.lists(), exact: false });

/** What each action changes, so its success invalidates exactly those views (and no others). Every
 * action also adds an entry to the account's history, an audit view (lib/audit/keys.ts) that the
 * confirm hook refreshes after every action. */
export const accountInvalidations = {
  update: (id: string) => [view(accountKeys.detail(id)), lists()],
  // Rejecting and unrejecting change the account and the statuses of its capabilities.
  reject: (id: string) => [view(accountKeys.detail(id)), view(accountKeys.capabilities(id)), lists()],
  unreject: (id: string) => [view(accountKeys.detail(id)), view(accountKeys.capabilities(id)), lists()],
  capability: (id: string) => [view(accountKeys.detail(id)), view(accountKeys.capabilities(id)), lists()],
  // A deleted account leaves the lists; its own views are dropped, not refetched.
  delete: () => [lists()],
  // Links change nothing Stripe shows.
  link: (_id: string) => [],
} satisfies Record<string, (id: string) => Invalidation[]>;

/** Refetches the views an action changed (answers when they have been refetched). */
export function invalidateViews(queryClient: QueryClient, invalidations: Invalidation[]): Promise<unknown> {
  return Promise.all(invalidations.map((inv) => queryClient.invalidateQueries({ queryKey: inv.queryKey, exact: inv.exact })));
}
