'use client';
// The one metadata editor: rows of key and value with Stripe's limits shown as the operator types
// (checked by the form's zod schema, whose messages it shows per row). The console's own
// attribution keys (`locked`) are shown above the rows, read-only.
import clsx from 'clsx';
import { Plus, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { MetadataRow } from '@/lib/metadata';

/** Stripe's limit of keys per object. */
const MAX_KEYS = 50;

export function MetadataEditor({
  rows,
  onChange,
  disabled,
  locked = [],
  errors = {},
  emptyRemoves = false,
}: {
  rows: MetadataRow[];
  onChange: (rows: MetadataRow[]) => void;
  disabled?: boolean;
  locked?: MetadataRow[];
  /** The form schema's messages by path (`metadata`, `metadata.0.key`, `metadata.0.value`). */
  errors?: Record<string, string | undefined>;
  /** Stripe removes a key sent with an empty value (updates only): say so beside such a row. */
  emptyRemoves?: boolean;
}) {
  const set = (i: number, patch: Partial<MetadataRow>) => onChange(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const hint = (error: string | undefined, text: string) => (
    <p className={clsx('text-[11px]', error ? 'text-mode-live-ink' : 'text-neutral-500')}>{error ?? text}</p>
  );
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
      <p className={clsx('text-xs', rows.length > MAX_KEYS || errors.metadata ? 'text-mode-live-ink' : 'text-neutral-500')} data-testid="metadata-rules">
        {errors.metadata ? `${errors.metadata} ` : ''}
        {rows.length} of {MAX_KEYS} keys. Keys up to 40 characters, no square brackets; values up to 500.{emptyRemoves ? ' An empty value removes the key in Stripe.' : ''}
      </p>
      {rows.map((row, i) => (
        <div key={i} className="flex items-start gap-2">
          <div className="w-32 shrink-0 sm:w-40">
            <Input aria-label={`Key ${i + 1}`} value={row.key} onChange={(e) => set(i, { key: e.target.value })} placeholder="key" className="w-full font-mono" disabled={disabled} data-testid="metadata-key" />
            {hint(errors[`metadata.${i}.key`], `${row.key.trim().length}/40`)}
          </div>
          <div className="min-w-0 flex-1">
            <Input aria-label={`Value ${i + 1}`} value={row.value} onChange={(e) => set(i, { value: e.target.value })} placeholder="value" className="w-full" disabled={disabled} data-testid="metadata-value" />
            {hint(errors[`metadata.${i}.value`], emptyRemoves && row.value === '' ? 'empty: removes the key' : `${row.value.length}/500`)}
          </div>
          <Button variant="ghost" size="sm" aria-label={`Remove ${row.key || `row ${i + 1}`}`} onClick={() => onChange(rows.filter((_, j) => j !== i))} disabled={disabled}>
            <X aria-hidden className="size-4" />
          </Button>
        </div>
      ))}
      <Button variant="ghost" size="sm" onClick={() => onChange([...rows, { key: '', value: '' }])} disabled={disabled || rows.length >= MAX_KEYS} data-testid="metadata-add">
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
