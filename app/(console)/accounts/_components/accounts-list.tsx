'use client';
// The accounts list from the console's index: the status tabs with their counts, the search, the
// filter bar, the freshness line, the table (sorted by the server) and the keyset pager. The view
// lives in the URL; React Query reads it under the list's key (the server's prefetch fills it on
// first paint) and asks again every few seconds, so an account changed elsewhere moves tab
// without a reload.
import { useQuery } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { ColumnToggle } from '@/components/data-table/column-toggle';
import type { ColumnVisibility } from '@/components/data-table/data-table';
import { FilterBar } from '@/components/data-table/filter-bar';
import { FiltersToggle } from '@/components/data-table/filters-toggle';
import { IndexListResults } from '@/components/data-table/index-list-results';
import { useListNavigation } from '@/components/data-table/use-list-navigation';
import { PageHeader } from '@/components/shell/page-header';
import { ACCOUNT_FILTER_FIELDS, accountFiltersQuery, firstPage, isNarrowed, SORT_OF_COLUMN, TAB_LABELS, type AccountFilters } from '@/lib/accounts/filters';
import { accountQueries, type AccountListResult } from '@/lib/accounts/keys';
import { fieldValues, filtersSet } from '@/lib/lists/filter-fields';
import { tabSummary } from '@/lib/words';
import { ACCOUNT_COLUMN_LABELS, ACCOUNT_COLUMNS } from './account-columns';
import { AccountSearch } from './account-search';
import { StatusTabs } from './status-tabs';

const VISIBILITY_KEY = 'accounts.columns';
/**
 * Until the operator chooses otherwise (the Columns menu), three columns start hidden, so the rest
 * fits a 1,280 px screen without scrolling sideways: the status badge already says why an account
 * is restricted or disabled and whether it can take charges, and its capabilities are on its page.
 */
const DEFAULT_VISIBILITY: ColumnVisibility = { enabled: false, disabled_reason: false, capabilities: false };

/** What the list holds, in words: the tab's count under the filters. */
export function listSummary(r: AccountListResult, f: AccountFilters): string {
  return tabSummary(r.counts[f.tab], 'account', 'accounts', f.tab === 'all' ? null : `in ${TAB_LABELS[f.tab]}`, isNarrowed(f));
}

export function AccountsList({ filters, deleted, views }: { filters: AccountFilters; deleted: string | null; views?: ReactNode }) {
  const { pending, navigate, replace } = useListNavigation('/accounts');
  const query = useQuery(accountQueries.list(filters));
  const [visibility, setVisibility] = useState<ColumnVisibility>(DEFAULT_VISIBILITY);
  // On a phone the filter bar folds behind a button (it is taller than the screen).
  const [filtersOpen, setFiltersOpen] = useState(false);
  const set = filtersSet({ ...filters }, ACCOUNT_FILTER_FIELDS.map((field) => field.name));

  useEffect(() => {
    try {
      const saved = window.localStorage.getItem(VISIBILITY_KEY);
      // eslint-disable-next-line react-hooks/set-state-in-effect -- a saved preference, read once after hydration
      if (saved) setVisibility({ ...DEFAULT_VISIBILITY, ...(JSON.parse(saved) as ColumnVisibility) });
    } catch {
      // A broken preference: keep the default columns.
    }
  }, []);

  const search = useCallback((text: string) => replace(accountFiltersQuery({ ...firstPage(filters), search: text || undefined })), [replace, filters]);
  const changeVisibility = (next: ColumnVisibility) => {
    setVisibility(next);
    window.localStorage.setItem(VISIBILITY_KEY, JSON.stringify(next));
  };
  const page = query.data;
  const base = firstPage(filters);
  const exportHref = `/api/accounts/export${accountFiltersQuery(base)}`;

  return (
    <>
      <PageHeader
        title="Connected accounts"
        description="Every connected account, from the console's index of Stripe: filter, search and sort the whole list. An account's own page reads Stripe live."
        actions={
          <>
            {views}
            <ColumnToggle columns={ACCOUNT_COLUMN_LABELS} visibility={visibility} onChange={changeVisibility} />
            <a
              href={exportHref}
              data-testid="accounts-export"
              className="inline-flex h-9 items-center gap-1.5 whitespace-nowrap rounded-md border border-neutral-300 bg-surface px-3.5 text-sm font-medium text-neutral-800 hover:bg-neutral-100"
            >
              <Download aria-hidden className="size-4" /> Export CSV
            </a>
          </>
        }
      />
      {deleted ? (
        <p role="status" className="rounded-md border border-emerald-500/30 bg-emerald-500/10 px-3 py-2 text-sm text-emerald-800 dark:text-emerald-200" data-testid="deleted-notice">
          Account <code className="font-mono">{deleted}</code> was deleted.
        </p>
      ) : null}
      <StatusTabs filters={filters} counts={page?.counts} onNavigate={navigate} />
      <div className="flex flex-wrap items-center gap-2">
        <AccountSearch value={filters.search ?? ''} onSearch={search} />
        <FiltersToggle open={filtersOpen} onToggle={() => setFiltersOpen(!filtersOpen)} controls="account-filter-bar" set={set} />
      </div>
      <div id="account-filter-bar" className={filtersOpen ? undefined : 'hidden sm:block'}>
        <FilterBar
          action="/accounts"
          fields={ACCOUNT_FILTER_FIELDS}
          values={fieldValues(filters, ACCOUNT_FILTER_FIELDS)}
          keep={{ tab: filters.tab === 'all' ? '' : filters.tab, search: filters.search ?? '', sort: filters.sort === 'created' ? '' : filters.sort, order: filters.order === 'desc' ? '' : filters.order }}
          testId="account-filters"
          applyTestId="apply-filters"
          pending={pending}
          onNavigate={navigate}
        />
      </div>
      <IndexListResults
        page={page}
        error={query.error}
        loading={query.isPending}
        pending={pending}
        summary={(p) => listSummary(p, filters)}
        table={{ columns: ACCOUNT_COLUMNS, getRowId: (a) => a.id, empty: 'No accounts match.', label: 'Connected accounts', testId: 'accounts-table', columnVisibility: visibility }}
        sort={{ columnOf: SORT_OF_COLUMN, current: filters.sort, desc: filters.order === 'desc' }}
        queryOf={(change) => accountFiltersQuery({ ...base, ...change })}
        onNavigate={navigate}
      />
    </>
  );
}
