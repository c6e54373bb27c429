'use client';
// React Query for the console: one client per browser tab, so every view caches under the keys of
// its resource's factory (lib/<resource>/keys.ts) and pages hydrate what the server prefetched.
import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { makeQueryClient } from '@/lib/query-client';

export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
