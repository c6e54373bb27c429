// The one way a React Query client is made, on the server (to prefetch a page, then dehydrate it)
// and in the browser (the provider). Data prefetched on the server stays fresh for 30 seconds, so
// the browser does not fetch again what the first paint already holds. Client-safe.
import { QueryClient } from '@tanstack/react-query';

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A Stripe error shown once is enough: the operator retries with the button.
        retry: false,
        refetchOnWindowFocus: false,
      },
    },
  });
}
