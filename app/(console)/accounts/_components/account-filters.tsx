'use client';
// The list's filters and the id search. Filters go into the URL (shareable, and the server applies
// them); an account id typed in the search box opens that account. Plain GET forms underneath,
// so both work before JavaScript has loaded.
import { Search } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { accountFiltersQuery, ACCOUNT_TYPES, type AccountFilters } from '@/lib/accounts/filters';
import { PAGE_SIZES } from '@/lib/lists/url-filters';
import { ACCOUNT_STATES, STATE_LABELS } from '@/lib/accounts/status';
import { objectRouteFor } from '@/lib/auth/routes';

const COUNTRIES: [string, string][] = [
  ['US', 'United States'],
  ['GB', 'United Kingdom'],
  ['DE', 'Germany'],
  ['FR', 'France'],
  ['CA', 'Canada'],
  ['AU', 'Australia'],
  ['JP', 'Japan'],
];

function Labelled({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-neutral-600">
        {label}
      </label>
      {children}
    </div>
  );
}

export function AccountSearch() {
  const router = useRouter();
  const [text, setText] = useState('');
  const [hint, setHint] = useState<string | null>(null);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const target = objectRouteFor(text);
    if (target?.route.prefix === 'acct_') router.push(target.href);
    else setHint('Type a whole account id (acct_…) to open it; use the filters below to narrow the list.');
  }
  return (
    <form method="get" action="/accounts" role="search" onSubmit={submit} className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <label htmlFor="account-search" className="sr-only">
          Account id
        </label>
        <div className="relative">
          <Search aria-hidden className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-neutral-400" />
          <Input
            id="account-search"
            name="q"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setHint(null);
            }}
            placeholder="Open an account: acct_…"
            className="w-72 pl-8 font-mono"
            autoComplete="off"
            data-testid="account-search"
          />
        </div>
        <Button type="submit">Open</Button>
      </div>
      {hint ? (
        <p className="text-xs text-mode-test-ink" role="status">
          {hint}
        </p>
      ) : null}
    </form>
  );
}

export function AccountFiltersForm({ filters, pending, onNavigate }: { filters: AccountFilters; pending: boolean; onNavigate: (query: string) => void }) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (k: string) => (form.get(k) as string | null) || undefined;
    // New filters start again from the newest accounts.
    onNavigate(
      accountFiltersQuery({
        type: value('type') as AccountFilters['type'],
        country: value('country'),
        state: value('state') as AccountFilters['state'],
        created_from: value('created_from'),
        created_to: value('created_to'),
        limit: Number(value('limit') ?? filters.limit),
      }),
    );
  }
  // Keyed by the URL's filters, so Back and shared links reset the fields.
  const key = accountFiltersQuery({ ...filters, after: undefined, before: undefined });
  return (
    <form key={key} method="get" action="/accounts" onSubmit={submit} className="flex flex-wrap items-end gap-3" data-testid="account-filters">
      <Labelled id="f-type" label="Type">
        <Select id="f-type" name="type" defaultValue={filters.type ?? ''}>
          <option value="">Any type</option>
          {ACCOUNT_TYPES.map((t) => (
            <option key={t} value={t}>
              {t.charAt(0).toUpperCase() + t.slice(1)}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled id="f-country" label="Country">
        <Select id="f-country" name="country" defaultValue={filters.country ?? ''}>
          <option value="">Any country</option>
          {COUNTRIES.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled id="f-state" label="State">
        <Select id="f-state" name="state" defaultValue={filters.state ?? ''} data-testid="filter-state">
          <option value="">Any state</option>
          {ACCOUNT_STATES.map((s) => (
            <option key={s} value={s}>
              {STATE_LABELS[s]}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled id="f-from" label="Created from (UTC)">
        <Input id="f-from" name="created_from" type="date" defaultValue={filters.created_from ?? ''} />
      </Labelled>
      <Labelled id="f-to" label="Created to (UTC)">
        <Input id="f-to" name="created_to" type="date" defaultValue={filters.created_to ?? ''} />
      </Labelled>
      <Labelled id="f-limit" label="Per page">
        <Select id="f-limit" name="limit" defaultValue={String(filters.limit)}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Labelled>
      <Button type="submit" variant="primary" disabled={pending} data-testid="apply-filters">
        {pending ? 'Loading…' : 'Apply'}
      </Button>
      <Button type="button" variant="ghost" onClick={() => onNavigate('')}>
        Clear
      </Button>
    </form>
  );
}
