'use client';
// The Stripe Dashboard's status tabs over the accounts list, each with its count under the other
// filters and the search (from the index). Links, so a tab can be opened in a new browser tab.
import clsx from 'clsx';
import Link from 'next/link';
import type { MouseEvent } from 'react';
import { accountFiltersQuery, firstPage, LIST_TABS, TAB_LABELS, type AccountFilters, type ListTab } from '@/lib/accounts/filters';

export function StatusTabs({ filters, counts, onNavigate }: { filters: AccountFilters; counts: Record<ListTab, number> | undefined; onNavigate: (query: string) => void }) {
  return (
    <nav aria-label="Account status" className="-mx-1 overflow-x-auto">
      <ul className="flex min-w-max gap-1 border-b border-neutral-200 px-1" data-testid="status-tabs">
        {LIST_TABS.map((tab) => {
          const query = accountFiltersQuery({ ...firstPage(filters), tab });
          const current = filters.tab === tab;
          return (
            <li key={tab}>
              <Link
                href={`/accounts${query}`}
                aria-current={current ? 'page' : undefined}
                onClick={(event: MouseEvent) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey) return;
                  event.preventDefault();
                  onNavigate(query);
                }}
                className={clsx(
                  '-mb-px inline-flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm whitespace-nowrap',
                  current ? 'border-brand-600 font-medium text-neutral-900' : 'border-transparent text-neutral-600 hover:text-neutral-900',
                )}
                data-testid={`tab-${tab}`}
              >
                {TAB_LABELS[tab]}
                <span className="rounded-full bg-neutral-100 px-1.5 text-xs tabular-nums text-neutral-700" data-testid="tab-count">
                  {counts ? counts[tab].toLocaleString('en-US') : '…'}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
