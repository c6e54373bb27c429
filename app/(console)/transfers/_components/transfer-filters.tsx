// The transfers list's filters: a plain GET form, so the filters live in the URL.
import Link from 'next/link';
import { PAGE_SIZES } from '@/lib/lists/url-filters';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { REVERSED_STATE_LABELS, REVERSED_STATES, type TransferFilters } from '@/lib/transfers/filters';

function Field({ label, htmlFor, children }: { label: string; htmlFor: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={htmlFor} className="text-xs font-medium text-neutral-600">
        {label}
      </label>
      {children}
    </div>
  );
}

export function TransferFiltersForm({ filters }: { filters: TransferFilters }) {
  return (
    <form method="get" action="/transfers" className="flex flex-wrap items-end gap-3" data-testid="transfer-filters" role="search">
      <Field label="Destination" htmlFor="t-destination">
        <Input id="t-destination" name="destination" placeholder="acct_…" defaultValue={filters.destination ?? ''} className="w-52 font-mono" />
      </Field>
      <Field label="Transfer group" htmlFor="t-group">
        <Input id="t-group" name="group" placeholder="group_…" defaultValue={filters.group ?? ''} className="w-52 font-mono" />
      </Field>
      <Field label="Created from (UTC)" htmlFor="t-from">
        <Input id="t-from" name="created_from" type="date" defaultValue={filters.created_from ?? ''} />
      </Field>
      <Field label="to" htmlFor="t-to">
        <Input id="t-to" name="created_to" type="date" defaultValue={filters.created_to ?? ''} />
      </Field>
      <Field label="Reversals" htmlFor="t-reversed">
        <Select id="t-reversed" name="reversed" defaultValue={filters.reversed ?? ''}>
          <option value="">Any</option>
          {REVERSED_STATES.map((s) => (
            <option key={s} value={s}>
              {REVERSED_STATE_LABELS[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Per page" htmlFor="t-limit">
        <Select id="t-limit" name="limit" defaultValue={String(filters.limit)}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" variant="primary">
        Apply
      </Button>
      <Link href="/transfers" className="h-9 px-2 text-sm leading-9 text-neutral-600 hover:text-neutral-900">
        Clear
      </Link>
    </form>
  );
}
