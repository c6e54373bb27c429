// Connected accounts: the list from the console's index, its view (tab, filters, search, sort,
// page) in the URL. The first page, its tab counts and the index's freshness are prefetched here
// and hydrated into the browser's cache, with the operator's saved views (their own and the
// team's); an account id in `?q=` opens that account.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { parseAccountFilters } from '@/lib/accounts/filter-schema';
import { accountQueries } from '@/lib/accounts/keys';
import { listIndexedAccounts } from '@/lib/accounts/index-list';
import { requirePermission } from '@/lib/auth/guard';
import { objectRouteFor } from '@/lib/auth/routes';
import { makeQueryClient } from '@/lib/query-client';
import { accountFiltersQuery, firstPage } from '@/lib/accounts/filters';
import { getDb } from '@/lib/db/client';
import { listSavedViews } from '@/lib/saved-views/store';
import { AccountsList } from './_components/accounts-list';
import { SavedViews } from './_components/saved-views';

export const metadata: Metadata = { title: 'Accounts' };
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AccountsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const me = await requirePermission('accounts.read');
  const params = await searchParams;
  // The search box without JavaScript: an account id opens the account.
  const q = typeof params.q === 'string' ? objectRouteFor(params.q) : null;
  if (q?.route.prefix === 'acct_') redirect(q.href);
  const filters = parseAccountFilters(params);
  const queryClient = makeQueryClient();
  const [views] = await Promise.all([
    listSavedViews(await getDb(), me.id, 'accounts'),
    queryClient.prefetchQuery({ ...accountQueries.list(filters), queryFn: () => listIndexedAccounts(filters) }),
  ]);
  return (
    <main className="mx-auto max-w-[90rem] space-y-4 px-6 py-8">
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AccountsList
          filters={filters}
          deleted={typeof params.deleted === 'string' ? params.deleted : null}
          views={<SavedViews views={views} query={accountFiltersQuery(firstPage(filters))} />}
        />
      </HydrationBoundary>
    </main>
  );
}
