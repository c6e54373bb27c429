'use client';
// A whole list read from the console's index (the Billing list, the Payouts list, the risk queue):
// the status tabs with their counts, the filter bar (folded behind a button on a phone when the
// list asks), and the results (./index-list-results.tsx). The view lives in the URL: the list hands
// over its view, how a view becomes a URL query, its React Query options (the server's prefetch
// fills them on first paint) and its words; the shell navigates with a pending state.
import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import type { RowData } from '@tanstack/react-table';
import { useState, type ReactNode } from 'react';
import type { ColumnVisibility, DataTableColumn } from './data-table';
import { FilterBar } from './filter-bar';
import { FiltersToggle } from './filters-toggle';
import { IndexListResults } from './index-list-results';
import { ListTabs } from './list-tabs';
import { useListNavigation } from './use-list-navigation';
import { fieldValues, filtersSet, type FilterField } from '@/lib/lists/filter-fields';
import type { IndexFreshness } from '@/lib/lists/freshness';

/** What every index list's view holds besides its filters: the tab, the sort and its order, the page's cursor. */
export type IndexListView<TTab extends string, TSort extends string> = {
  tab: TTab;
  sort: TSort;
  order: 'asc' | 'desc';
  after?: string;
  before?: string;
};

/** One page of an index list as its route handler answers: the rows, the cursors, the tabs' counts, the index's freshness. */
export interface IndexListPage<TData, TTab extends string> {
  items: TData[];
  prev: string | null;
  next: string | null;
  counts: Record<TTab, number>;
  freshness?: IndexFreshness;
}

export function IndexListShell<
  TTab extends string,
  TSort extends string,
  TView extends IndexListView<TTab, TSort>,
  TData extends RowData,
  TPage extends IndexListPage<TData, TTab>,
  TKey extends QueryKey,
>({
  path,
  view,
  viewQuery,
  query,
  tabs,
  filters,
  summary,
  table,
  sortOf,
}: {
  /** The list's path ("/billing"): where every view of it opens. */
  path: string;
  view: TView;
  /** The URL query of a view (its defaults left out). */
  viewQuery: (view: TView) => string;
  /** The list's React Query options for this view. */
  query: UseQueryOptions<TPage, Error, TPage, TKey>;
  /** The status tabs: what they choose (for screen readers), each tab's label, and the tab a view without one shows. */
  tabs: { label: string; tabs: readonly TTab[]; labels: Record<TTab, string>; default: TTab; testId: string };
  /** The filter bar's fields; `foldId` folds it behind a Filters button on a phone (a bar taller than the screen). */
  filters: { fields: readonly FilterField[]; testId: string; foldId?: string };
  summary: (page: TPage) => ReactNode;
  table: { columns: DataTableColumn<TData>[]; getRowId: (row: TData) => string; empty: string; label: string; testId: string; columnVisibility?: ColumnVisibility };
  /** Which column id each server sort is shown on. */
  sortOf: Record<string, TSort>;
}) {
  const { pending, navigate } = useListNavigation(path);
  const result = useQuery(query);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const page = result.data;
  // A tab, a sort or a filter starts again from the first page.
  const base: TView = { ...view, after: undefined, before: undefined };

  const bar = (
    <FilterBar
      action={path}
      fields={filters.fields}
      values={fieldValues({ ...view }, filters.fields)}
      keep={{ tab: view.tab === tabs.default ? '' : view.tab, order: view.order === 'desc' ? '' : view.order }}
      testId={filters.testId}
      applyTestId="apply-filters"
      pending={pending}
      onNavigate={navigate}
    />
  );

  return (
    <>
      <ListTabs
        label={tabs.label}
        tabs={tabs.tabs}
        labels={tabs.labels}
        current={view.tab}
        counts={page?.counts}
        path={path}
        queryOf={(tab) => viewQuery({ ...base, tab })}
        onNavigate={navigate}
        testId={tabs.testId}
      />
      {filters.foldId ? (
        <>
          <FiltersToggle open={filtersOpen} onToggle={() => setFiltersOpen(!filtersOpen)} controls={filters.foldId} set={filtersSet({ ...view }, filters.fields.map((f) => f.name))} />
          <div id={filters.foldId} className={filtersOpen ? undefined : 'hidden sm:block'}>
            {bar}
          </div>
        </>
      ) : (
        bar
      )}
      <IndexListResults
        page={page}
        error={result.error}
        loading={result.isPending}
        pending={pending}
        summary={summary}
        table={table}
        sort={{ columnOf: sortOf, current: view.sort, desc: view.order === 'desc' }}
        queryOf={(change) => viewQuery({ ...base, ...change })}
        onNavigate={navigate}
      />
    </>
  );
}
