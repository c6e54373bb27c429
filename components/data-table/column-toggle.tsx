'use client';
// The "Columns" menu: which of a table's columns to show. The table keeps the column definitions;
// this edits its visibility state (column id -> false when hidden).
import { Columns3 } from 'lucide-react';
import type { ColumnVisibility } from './data-table';

export function ColumnToggle({
  columns,
  visibility,
  onChange,
}: {
  columns: { id: string; label: string }[];
  visibility: ColumnVisibility;
  onChange: (next: ColumnVisibility) => void;
}) {
  return (
    <details className="relative" data-testid="column-toggle">
      <summary className="inline-flex h-9 cursor-pointer list-none items-center gap-1.5 rounded-md border border-neutral-300 bg-surface px-3 text-sm font-medium text-neutral-800 hover:bg-neutral-100">
        <Columns3 aria-hidden className="size-4" /> Columns
      </summary>
      <fieldset className="absolute right-0 z-20 mt-1 w-56 rounded-md border border-neutral-200 bg-surface p-2 shadow-lg">
        <legend className="sr-only">Columns to show</legend>
        {columns.map((c) => (
          <label key={c.id} className="flex items-center gap-2 rounded px-2 py-1 text-sm text-neutral-800 hover:bg-neutral-100">
            <input
              type="checkbox"
              checked={visibility[c.id] !== false}
              onChange={(e) => onChange({ ...visibility, [c.id]: e.target.checked })}
              data-testid={`column-${c.id}`}
            />
            {c.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
