'use client';
// The tabs over a list (the accounts' statuses, the risk queue's case statuses), each with its
// count under the other filters. Links, so a tab can be opened in a new browser tab; a plain click
// hands the list its query so it navigates with its pending state.
import clsx from 'clsx';
import Link from 'next/link';
import type { MouseEvent } from 'react';

export interface ListTabsProps<T extends string> {
  /** What the tabs choose, for screen readers ("Account status"). */
  label: string;
  tabs: readonly T[];
  labels: Record<T, string>;
  current: T;
  counts: Record<T, number> | undefined;
  /** The list's path and the query of each tab (`?tab=...`). */
  path: string;
  queryOf: (tab: T) => string;
  onNavigate: (query: string) => void;
  testId?: string;
}

export function ListTabs<T extends string>({ label, tabs, labels, current, counts, path, queryOf, onNavigate, testId = 'status-tabs' }: ListTabsProps<T>) {
  return (
    <nav aria-label={label} className="-mx-1 overflow-x-auto">
      <ul className="flex min-w-max gap-1 border-b border-neutral-200 px-1" data-testid={testId}>
        {tabs.map((tab) => {
          const query = queryOf(tab);
          const selected = current === tab;
          return (
            <li key={tab}>
              <Link
                href={`${path}${query}`}
                aria-current={selected ? 'page' : undefined}
                onClick={(event: MouseEvent) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey) return;
                  event.preventDefault();
                  onNavigate(query);
                }}
                className={clsx(
                  '-mb-px inline-flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm whitespace-nowrap',
                  selected ? 'border-brand-600 font-medium text-neutral-900' : 'border-transparent text-neutral-600 hover:text-neutral-900',
                )}
                data-testid={`tab-${tab}`}
              >
                {labels[tab]}
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
