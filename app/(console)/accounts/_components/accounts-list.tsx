'use client';
// The accounts list: the toolbar (search, filters, columns, export), the honest note on how far
// the server looked, the table (sortable within the page) and the cursor pager. Reads through
// React Query under the list's key; the server's prefetch fills it on first paint.
import { useQuery } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import { ColumnToggle } from '@/components/data-table/column-toggle';
import { DataTable, type ColumnVisibility } from '@/components/data-table/data-table';
import { PageHeader } from '@/components/shell/page-header';
import { ACCOUNT_FILTER_FIELDS, accountFiltersQuery, filtersOnServer, type AccountFilters } from '@/lib/accounts/filters';
import { accountQueries, type AccountListResult } from '@/lib/accounts/keys';
import { STATE_LABELS } from '@/lib/accounts/status';
import { ACCOUNT_COLUMN_LABELS, ACCOUNT_COLUMNS } from './account-columns';
import { AccountSearch } from './account-search';
import { FilterBar } from '@/components/data-table/filter-bar';
import { fieldValues } from '@/lib/lists/filter-fields';
import { plural } from '@/lib/words';

const VISIBILITY_KEY = 'accounts.columns';
/**
 * Until the operator chooses otherwise (the Columns menu), three columns start hidden, so the rest
 * fits a 1,280 px screen without scrolling sideways: the status badge already says why an account
 * is restricted or disabled and whether it can take charges, and its capabilities are on its page.
 */
const DEFAULT_VISIBILITY: ColumnVisibility = { enabled: false, disabled_reason: false, capabilities: false };
const NO_ROWS: AccountListResult['items'] = [];

/** What the page holds and how far the server read to find it, in words. */
export function scanNote(r: AccountListResult, f: AccountFilters): string {
  const n = r.items.length;
  const accounts = (k: number) => plural(k, 'account', 'accounts');
  if (!r.filtered) return `${accounts(n)}, newest first${f.created_from || f.created_to ? ', in the created range' : ''}.`;
  const what = [f.type && `${f.type}`, f.country && `in ${f.country}`, f.state && `“${STATE_LABELS[f.state]}”`].filter(Boolean).join(', ');
  const base = `Looked at ${accounts(r.scanned)} to find ${n} matching (${what}).`;
  if (r.partial) return `${base} Stopped after reading ${accounts(r.scanned)} (the limit for one page); Next reads further.`;
  if (!r.next) return `${base} That is the end of the list.`;
  return base;
}

export function AccountsList({ filters, deleted }: { filters: AccountFilters; deleted: string | null }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const query = useQuery(accountQueries.list(filters));
  const [visibility, setVisibility] = useState<ColumnVisibility>(DEFAULT_VISIBILITY);

  useEffect(() => {
    try {
      const saved = window.localStorage.getItem(VISIBILITY_KEY);
      // eslint-disable-next-line react-hooks/set-state-in-effect -- a saved preference, read once after hydration
      if (saved) setVisibility({ ...DEFAULT_VISIBILITY, ...(JSON.parse(saved) as ColumnVisibility) });
    } catch {
      // A broken preference: keep the default columns.
    }
  }, []);

  const navigate = (q: string) => startTransition(() => router.push(`/accounts${q}`));
  const changeVisibility = (next: ColumnVisibility) => {
    setVisibility(next);
    window.localStorage.setItem(VISIBILITY_KEY, JSON.stringify(next));
  };
  const page = query.data;
  const base = { ...filters, after: undefined, before: undefined };
  const exportHref = `/api/accounts/export${accountFiltersQuery({ ...base, limit: 25 })}`;

  return (
    <>
      <PageHeader
        title="Connected accounts"
        description="Find an account by id, or narrow the list. Stripe filters by creation date; type, country and state are applied by the console to the accounts it reads, and it says how far it looked."
        actions={
          <>
            <ColumnToggle columns={ACCOUNT_COLUMN_LABELS} visibility={visibility} onChange={changeVisibility} />
            <a
              href={exportHref}
              data-testid="accounts-export"
              className="inline-flex h-9 items-center gap-1.5 rounded-md border border-neutral-300 bg-surface px-3.5 text-sm font-medium text-neutral-800 hover:bg-neutral-100"
            >
              <Download aria-hidden className="size-4" /> Export CSV
            </a>
          </>
        }
      />
      {deleted ? (
        <p role="status" className="rounded-md border border-emerald-500/30 bg-emerald-500/10 px-3 py-2 text-sm text-emerald-800 dark:text-emerald-200" data-testid="deleted-notice">
          Account <code className="font-mono">{deleted}</code> was deleted.
        </p>
      ) : null}
      <AccountSearch />
      <FilterBar
        action="/accounts"
        fields={ACCOUNT_FILTER_FIELDS}
        values={fieldValues(filters, ACCOUNT_FILTER_FIELDS)}
        testId="account-filters"
        applyTestId="apply-filters"
        pending={pending}
        onNavigate={navigate}
      />
      {query.isError ? (
        <div role="alert" className="rounded-lg border border-mode-live/30 bg-mode-live-soft p-4 text-sm text-mode-live-ink" data-testid="list-error">
          {query.error.message}
        </div>
      ) : null}
      {page ? (
        <p className="text-sm text-neutral-600" data-testid="scan-note" aria-live="polite">
          {scanNote(page, filters)}
          {filtersOnServer(filters) ? null : ' Sorting a column sorts this page only.'}
        </p>
      ) : null}
      <div className={pending ? 'opacity-60 transition-opacity' : undefined}>
        <DataTable
          columns={ACCOUNT_COLUMNS}
          data={page?.items ?? NO_ROWS}
          getRowId={(a) => a.id}
          empty={query.isPending ? 'Loading…' : 'No accounts match these filters in what was read.'}
          label="Connected accounts"
          testId="accounts-table"
          sortable
          columnVisibility={visibility}
        />
      </div>
      <nav aria-label="Pages" className="flex items-center justify-between text-sm">
        <button
          type="button"
          className="text-brand-600 hover:underline disabled:text-neutral-500 disabled:no-underline"
          disabled={!page?.prev || pending}
          onClick={() => page?.prev && navigate(accountFiltersQuery({ ...base, before: page.prev }))}
          data-testid="page-prev"
        >
          ← Previous
        </button>
        <span className="text-neutral-500">{page ? `${page.items.length} on this page` : ''}</span>
        <button
          type="button"
          className="text-brand-600 hover:underline disabled:text-neutral-500 disabled:no-underline"
          disabled={!page?.next || pending}
          onClick={() => page?.next && navigate(accountFiltersQuery({ ...base, after: page.next }))}
          data-testid="page-next"
        >
          Next →
        </button>
      </nav>
    </>
  );
}
