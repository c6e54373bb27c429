'use client';
// Edits metadata as rows of key and value (Stripe's limits are checked by the form's zod schema).
// The console's own attribution keys (`locked`) are shown above the rows, read-only.
import { Plus, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { MetadataRow } from '@/lib/metadata';

export function MetadataEditor({
  rows,
  onChange,
  disabled,
  locked = [],
}: {
  rows: MetadataRow[];
  onChange: (rows: MetadataRow[]) => void;
  disabled?: boolean;
  locked?: MetadataRow[];
}) {
  const set = (i: number, patch: Partial<MetadataRow>) => onChange(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <div className="space-y-2" data-testid="metadata-editor">
      {locked.length > 0 ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 rounded-md bg-neutral-100 px-2 py-1.5 text-xs" data-testid="metadata-locked" aria-label="Set by the console, cannot be edited">
          {locked.map((row) => (
            <div key={row.key} className="contents">
              <dt className="font-mono text-neutral-500">{row.key}</dt>
              <dd className="break-all text-neutral-700">
                {row.value} <span className="text-neutral-500">(set by the console)</span>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {rows.map((row, i) => (
        <div key={i} className="flex items-center gap-2">
          <Input aria-label={`Key ${i + 1}`} value={row.key} onChange={(e) => set(i, { key: e.target.value })} placeholder="key" className="w-40 font-mono" disabled={disabled} data-testid="metadata-key" />
          <Input aria-label={`Value ${i + 1}`} value={row.value} onChange={(e) => set(i, { value: e.target.value })} placeholder="value" className="min-w-0 flex-1" disabled={disabled} data-testid="metadata-value" />
          <Button variant="ghost" size="sm" aria-label={`Remove ${row.key || 'row'}`} onClick={() => onChange(rows.filter((_, j) => j !== i))} disabled={disabled}>
            <X aria-hidden className="size-4" />
          </Button>
        </div>
      ))}
      <Button variant="ghost" size="sm" onClick={() => onChange([...rows, { key: '', value: '' }])} disabled={disabled || rows.length >= 50} data-testid="metadata-add">
        <Plus aria-hidden className="size-4" /> Add a key
      </Button>
    </div>
  );
}

export function MetadataList({ metadata, hide = [] }: { metadata: Record<string, string> | null | undefined; hide?: string[] }) {
  const entries = Object.entries(metadata ?? {}).filter(([k]) => !hide.includes(k));
  if (entries.length === 0) return <span className="text-neutral-500">No metadata</span>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs" data-testid="metadata">
      {entries.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-mono text-neutral-500">{k}</dt>
          <dd className="break-all text-neutral-800">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
