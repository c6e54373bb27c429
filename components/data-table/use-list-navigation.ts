'use client';
// How a list read from the index moves between views: a URL query pushed to the list's path in a
// transition (the scroll kept), so the list dims and its pager and filter bar wait while the next
// view is on its way. `replace` is for views that should not pile up in the history (a search as
// the operator types).
import { useRouter } from 'next/navigation';
import { useCallback, useTransition } from 'react';

export function useListNavigation(path: string) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const navigate = useCallback((query: string) => startTransition(() => router.push(`${path}${query}`, { scroll: false })), [router, path]);
  const replace = useCallback((query: string) => startTransition(() => router.replace(`${path}${query}`, { scroll: false })), [router, path]);
  return { pending, navigate, replace };
}
