'use client';
// One table for every list: TanStack Table v9 for the model, our markup for the look. Rows come
// from the server already filtered and paged (state lives in the URL), so no client row models.
import { tableFeatures, useTable, type ColumnDef, type RowData } from '@tanstack/react-table';

const features = tableFeatures({});
export type DataTableFeatures = typeof features;
export type DataTableColumn<TData extends RowData> = ColumnDef<DataTableFeatures, TData>;

export function DataTable<TData extends RowData>({
  columns,
  data,
  getRowId,
  empty,
  label,
  testId,
}: {
  columns: DataTableColumn<TData>[];
  data: TData[];
  getRowId: (row: TData) => string;
  empty: string;
  label: string;
  testId?: string;
}) {
  const table = useTable({ features, columns, data, getRowId: (row) => getRowId(row) });
  const rows = table.getRowModel().rows;
  return (
    <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-surface">
      <table className="w-full text-left text-sm" aria-label={label} data-testid={testId}>
        <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-neutral-500">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-neutral-200">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-3 py-8 text-center text-neutral-500">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id} className="align-top hover:bg-neutral-50" data-testid="data-row">
                {row.getAllCells().map((cell) => (
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
