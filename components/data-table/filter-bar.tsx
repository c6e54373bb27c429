'use client';
// The one filter bar of every list: a plain GET form over the list's fields (lib/lists/filter-fields.ts),
// so the filters live in the URL, can be shared by link, and work before JavaScript loads. Applying
// starts again from the newest rows (the cursor is not a field). A list that navigates itself (with
// a pending state, like the accounts list) passes `onNavigate` and gets the query instead.
import clsx from 'clsx';
import Link from 'next/link';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import type { FilterField } from '@/lib/lists/filter-fields';
import { DEFAULT_PAGE_SIZE, toQuery } from '@/lib/lists/url-filters';

export interface FilterBarProps {
  /** The list's path: where the form goes and what Clear opens. */
  action: string;
  fields: readonly FilterField[];
  /** The current URL values by field name ('' or missing = unset). */
  values: Record<string, string>;
  /** Ids of the inputs start with this (unique on the page). */
  idPrefix?: string;
  testId?: string;
  applyTestId?: string;
  /** Set by lists that navigate themselves; the form then hands over `?a=1&b=2` instead of submitting. */
  onNavigate?: (query: string) => void;
  pending?: boolean;
  /** URL values the bar does not edit but keeps when applied (a tab, a search, a sort); '' = unset. */
  keep?: Record<string, string>;
}

function FieldInput({ field, id, value }: { field: FilterField; id: string; value: string }) {
  if (field.kind === 'select') {
    return (
      <Select id={id} name={field.name} defaultValue={value} data-testid={field.testId} className="max-w-full sm:max-w-xs">
        {field.any !== undefined ? <option value="">{field.any}</option> : null}
        {field.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    );
  }
  if (field.kind === 'date') return <Input id={id} name={field.name} type="date" defaultValue={value} />;
  return <Input id={id} name={field.name} placeholder={field.placeholder} defaultValue={value} className={clsx('w-52', field.mono && 'font-mono')} />;
}

export function FilterBar({ action, fields, values, idPrefix = 'f', testId, applyTestId, onNavigate, pending = false, keep = {} }: FilterBarProps) {
  function submit(event: FormEvent<HTMLFormElement>) {
    if (!onNavigate) return;
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen = { ...keep, ...Object.fromEntries(fields.map((f) => [f.name, ((form.get(f.name) as string | null) ?? '').trim()])) };
    onNavigate(toQuery(chosen, { limit: String(DEFAULT_PAGE_SIZE) }));
  }
  // Keyed by the URL's values, so Back and shared links reset the fields.
  const key = toQuery(values, {});
  return (
    <form key={key} method="get" action={action} onSubmit={submit} className="flex flex-wrap items-end gap-3" data-testid={testId} role="search">
      {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      {fields.map((field) => {
        const id = `${idPrefix}-${field.name}`;
        return (
          <div key={field.name} className="flex min-w-0 max-w-full flex-col gap-1">
            <label htmlFor={id} className="text-xs font-medium text-neutral-600">
              {field.label}
            </label>
            <FieldInput field={field} id={id} value={values[field.name] ?? ''} />
          </div>
        );
      })}
      <Button type="submit" variant="primary" disabled={pending} data-testid={applyTestId}>
        {pending ? 'Loading…' : 'Apply'}
      </Button>
      <Link
        href={`${action}${toQuery(keep, {})}`}
        onClick={(event) => {
          if (!onNavigate) return;
          event.preventDefault();
          onNavigate(toQuery(keep, {}));
        }}
        className="h-9 px-2 text-sm leading-9 text-neutral-600 hover:text-neutral-900"
      >
        Clear
      </Link>
    </form>
  );
}
