// React Query keys and options for a metered item's usage (the usage section). Reporting usage
// invalidates exactly that item's usage. Client-safe.
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '@/lib/http/get-json';
import type { UsageView } from './queries';

export const usageKeys = {
  all: ['billing-usage'] as const,
  item: (account: string, subscriptionItem: string) => [...usageKeys.all, account, subscriptionItem] as const,
};

export const usageQueries = {
  item: (account: string, subscriptionItem: string) =>
    queryOptions({
      queryKey: usageKeys.item(account, subscriptionItem),
      queryFn: () => getJson<UsageView>(`/api/billing/subscription-items/${encodeURIComponent(subscriptionItem)}/usage?account=${encodeURIComponent(account)}`),
    }),
};
