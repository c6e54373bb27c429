'use client';
// One table for every list: TanStack Table v9 for the model, our markup for the look. Rows come
// from the server already filtered and paged (state lives in the URL); the table may sort the
// rows of the page it has (`sortable`) and hide columns (`columnVisibility`, see column-toggle).
import {
  columnVisibilityFeature,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { useState } from 'react';

const features = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text, basic: sortFn_basic },
});
export type DataTableFeatures = typeof features;
export type DataTableColumn<TData extends RowData> = ColumnDef<DataTableFeatures, TData>;
/** Column id -> false to hide it; absent means shown. */
export type ColumnVisibility = Record<string, boolean>;

export function DataTable<TData extends RowData>({
  columns,
  data,
  getRowId,
  empty,
  label,
  testId,
  sortable = false,
  serverSort,
  columnVisibility,
}: {
  columns: DataTableColumn<TData>[];
  data: TData[];
  getRowId: (row: TData) => string;
  empty: string;
  label: string;
  testId?: string;
  /** Sort the rows on this page by a clicked header (the server's order otherwise). */
  sortable?: boolean;
  /** The server sorts the whole list: the sorted column, and what a click on a header asks for.
   * Columns with `enableSorting: false` cannot be sorted. */
  serverSort?: { sorting: SortingState; onSort: (next: SortingState) => void };
  columnVisibility?: ColumnVisibility;
}) {
  const [localSorting, setLocalSorting] = useState<SortingState>([]);
  const sorting = serverSort?.sorting ?? localSorting;
  const table = useTable({
    features,
    columns,
    data,
    getRowId: (row) => getRowId(row),
    enableSorting: sortable || Boolean(serverSort),
    manualSorting: Boolean(serverSort),
    // The server's sort starts descending on a first click, like the list's default (newest first).
    sortDescFirst: Boolean(serverSort),
    enableSortingRemoval: !serverSort,
    state: { sorting, columnVisibility: columnVisibility ?? {} },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      if (serverSort) serverSort.onSort(next);
      else setLocalSorting(next);
    },
  });
  const rows = table.getRowModel().rows;
  const visibleCount = table.getVisibleLeafColumns().length;
  return (
    <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-surface">
      <table className="w-full text-left text-sm" aria-label={label} data-testid={testId}>
        <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-neutral-500">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className="whitespace-nowrap px-3 py-2 font-medium"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {header.isPlaceholder ? null : header.column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="-mx-1 inline-flex items-center gap-1 rounded px-1 uppercase tracking-wide hover:text-neutral-900"
                        data-testid={`sort-${header.column.id}`}
                        title={serverSort ? 'Sort the whole list' : 'Sort the rows on this page'}
                      >
                        <table.FlexRender header={header} />
                        {sorted === 'asc' ? (
                          <ArrowUp aria-hidden className="size-3" />
                        ) : sorted === 'desc' ? (
                          <ArrowDown aria-hidden className="size-3" />
                        ) : (
                          <ArrowUpDown aria-hidden className="size-3 opacity-40" />
                        )}
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-neutral-200">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={visibleCount} className="px-3 py-8 text-center text-neutral-500">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id} className="align-top hover:bg-neutral-50" data-testid="data-row">
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-2">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
