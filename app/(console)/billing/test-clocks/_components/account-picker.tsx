'use client';
// Picks the connected account the panel works on: a search over the index's accounts (id, name,
// e-mail or metadata, as on the accounts list), or a whole account id typed in. The choice goes to
// the URL.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { parseAccountFilters } from '@/lib/accounts/filter-schema';
import { accountQueries } from '@/lib/accounts/keys';
import { accountName } from '@/lib/accounts/view';
import { isObjectId } from '@/lib/stripe/ids';
import { panelHref } from './panel-href';

const SEARCH_DEBOUNCE_MS = 250;
const SHOWN = 8;

export function AccountPicker({ account, initial }: { account: string | null; initial: string }) {
  const router = useRouter();
  const id = useId();
  const [text, setText] = useState(initial);
  const [search, setSearch] = useState(initial.trim());
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const typedId = isObjectId(text.trim(), 'acct_') ? text.trim() : null;
  const filters = parseAccountFilters(new URLSearchParams({ search }));
  const found = useQuery({ ...accountQueries.list(filters), enabled: search.length > 0 && !typedId, refetchInterval: false });
  const results = found.data?.items.slice(0, SHOWN) ?? [];
  return (
    <section aria-labelledby={`${id}-h`} className="space-y-3 rounded-lg border border-neutral-200 bg-surface p-4">
      <h2 id={`${id}-h`} className="text-sm font-semibold text-neutral-900">
        Connected account
      </h2>
      {account ? (
        <p className="text-sm text-neutral-700" data-testid="picked-account">
          Working on{' '}
          <Link href={`/accounts/${account}`} className="font-mono underline">
            {account}
          </Link>
          . Pick another below.
        </p>
      ) : null}
      <form
        role="search"
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (typedId) router.push(panelHref(typedId));
          else if (results.length === 1) router.push(panelHref(results[0]!.id));
        }}
      >
        <label htmlFor={`${id}-q`} className="flex min-w-0 flex-1 flex-col gap-1 text-xs font-medium text-neutral-600 sm:max-w-md">
          Search by id, name, e-mail or metadata, or type an account id
          <Input id={`${id}-q`} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="acct_… or a name" autoComplete="off" data-testid="account-picker-search" />
        </label>
        <Button type="submit" disabled={!typedId && results.length !== 1}>
          Use this account
        </Button>
      </form>
      {found.isError ? (
        <p role="alert" className="text-sm text-mode-live-ink">
          {found.error.message}
        </p>
      ) : null}
      {search && !typedId && found.data ? (
        results.length === 0 ? (
          <p className="text-sm text-neutral-600">No account matches “{search}”.</p>
        ) : (
          <ul className="divide-y divide-neutral-200 rounded-md border border-neutral-200 text-sm" data-testid="account-picker-results">
            {results.map((a) => (
              <li key={a.id}>
                <Link href={panelHref(a.id)} className="flex flex-wrap items-baseline justify-between gap-2 px-3 py-2 hover:bg-neutral-100">
                  <span className="font-medium text-neutral-900">{accountName(a)}</span>
                  <span className="font-mono text-xs text-neutral-600">
                    {a.id} · {a.country}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
