// The fees list's filters: a plain GET form, so the filters live in the URL (shareable, and it works
// before JavaScript loads). Submitting starts again from the newest fees.
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { PAGE_SIZES } from '@/lib/lists/url-filters';
import { REFUND_STATE_LABELS, REFUND_STATES, type FeeFilters } from '@/lib/fees/filters';

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

export function FeeFiltersForm({ filters }: { filters: FeeFilters }) {
  return (
    <form method="get" action="/application-fees" className="flex flex-wrap items-end gap-3" data-testid="fee-filters" role="search">
      <Field label="Account" htmlFor="f-account">
        <Input id="f-account" name="account" placeholder="acct_…" defaultValue={filters.account ?? ''} className="w-52 font-mono" />
      </Field>
      <Field label="Charge" htmlFor="f-charge">
        <Input id="f-charge" name="charge" placeholder="ch_… / py_…" defaultValue={filters.charge ?? ''} className="w-52 font-mono" />
      </Field>
      <Field label="Created from (UTC)" htmlFor="f-from">
        <Input id="f-from" name="created_from" type="date" defaultValue={filters.created_from ?? ''} />
      </Field>
      <Field label="to" htmlFor="f-to">
        <Input id="f-to" name="created_to" type="date" defaultValue={filters.created_to ?? ''} />
      </Field>
      <Field label="Refunds" htmlFor="f-refund">
        <Select id="f-refund" name="refund" defaultValue={filters.refund ?? ''}>
          <option value="">Any</option>
          {REFUND_STATES.map((s) => (
            <option key={s} value={s}>
              {REFUND_STATE_LABELS[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Per page" htmlFor="f-limit">
        <Select id="f-limit" name="limit" defaultValue={String(filters.limit)}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" variant="primary" data-testid="fee-filters-apply">
        Apply
      </Button>
      <Link href="/application-fees" className="h-9 px-2 text-sm leading-9 text-neutral-600 hover:text-neutral-900">
        Clear
      </Link>
    </form>
  );
}
