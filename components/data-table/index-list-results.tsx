'use client';
// The results part of a list read from the console's index (the accounts list, and through
// ./index-list-shell.tsx the risk queue, the Billing and the Payouts lists): the error box, the
// summary in words with the index's freshness, the table sorted by the server, and the keyset pager.
// The list hands over its page, its words and how a sort or a page becomes a URL query.
import type { RowData } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { DataTable, type ColumnVisibility, type DataTableColumn } from './data-table';
import { KeysetPager } from './keyset-pager';
import { FreshnessLine } from '@/components/index/freshness-line';
import type { IndexFreshness } from '@/lib/lists/freshness';

type IndexPage<TData> = { items: TData[]; prev: string | null; next: string | null; freshness?: IndexFreshness };

export function IndexListResults<TData extends RowData, TPage extends IndexPage<TData>, TSort extends string>({
  page,
  error,
  loading,
  pending,
  summary,
  table,
  sort,
  queryOf,
  onNavigate,
}: {
  page: TPage | undefined;
  error: Error | null;
  /** The first page is on its way. */
  loading: boolean;
  /** A navigation is on its way: the table dims and the pager waits. */
  pending: boolean;
  summary: (page: TPage) => ReactNode;
  table: { columns: DataTableColumn<TData>[]; getRowId: (row: TData) => string; empty: string; label: string; testId: string; columnVisibility?: ColumnVisibility };
  /** The list's sort: which column id each server sort is shown on, the current one, and its order. */
  sort: { columnOf: Record<string, TSort>; current: TSort; desc: boolean };
  /** The URL query of a sort, or of the page before/after a cursor. */
  queryOf: (change: { sort: TSort; order: 'asc' | 'desc' } | { before: string } | { after: string }) => string;
  onNavigate: (query: string) => void;
}) {
  const sortedColumn = Object.entries(sort.columnOf).find(([, value]) => value === sort.current)?.[0];
  return (
    <>
      {error ? (
        <div role="alert" className="rounded-lg border border-mode-live/30 bg-mode-live-soft p-4 text-sm text-mode-live-ink" data-testid="list-error">
          {error.message}
        </div>
      ) : null}
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        {page ? (
          <p className="text-sm text-neutral-700" data-testid="list-summary" aria-live="polite">
            {summary(page)}
          </p>
        ) : null}
        <FreshnessLine freshness={page?.freshness} />
      </div>
      <div className={pending ? 'opacity-60 transition-opacity' : undefined}>
        <DataTable
          columns={table.columns}
          data={page?.items ?? []}
          getRowId={table.getRowId}
          empty={loading ? 'Loading…' : table.empty}
          label={table.label}
          testId={table.testId}
          serverSort={{
            sorting: sortedColumn ? [{ id: sortedColumn, desc: sort.desc }] : [],
            onSort: (next) => {
              const chosen = next[0];
              const value = chosen ? sort.columnOf[chosen.id] : undefined;
              if (chosen && value) onNavigate(queryOf({ sort: value, order: chosen.desc ? 'desc' : 'asc' }));
            },
          }}
          columnVisibility={table.columnVisibility}
        />
      </div>
      <KeysetPager page={page} pending={pending} queryOf={queryOf} onNavigate={onNavigate} />
    </>
  );
}
