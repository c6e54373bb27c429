// Connected accounts: the list from the console's index, its view (tab, filters, search, sort,
// page) in the URL. The first page, its tab counts and the index's freshness are prefetched here
// and hydrated into the browser's cache; an account id in `?q=` opens that account.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { parseAccountFilters } from '@/lib/accounts/filter-schema';
import { accountQueries } from '@/lib/accounts/keys';
import { listIndexedAccounts } from '@/lib/accounts/index-list';
import { requirePermission } from '@/lib/auth/guard';
import { objectRouteFor } from '@/lib/auth/routes';
import { makeQueryClient } from '@/lib/query-client';
import { AccountsList } from './_components/accounts-list';

export const metadata: Metadata = { title: 'Accounts' };
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AccountsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermission('accounts.read');
  const params = await searchParams;
  // The search box without JavaScript: an account id opens the account.
  const q = typeof params.q === 'string' ? objectRouteFor(params.q) : null;
  if (q?.route.prefix === 'acct_') redirect(q.href);
  const filters = parseAccountFilters(params);
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ ...accountQueries.list(filters), queryFn: () => listIndexedAccounts(filters) });
  return (
    <main className="mx-auto max-w-[90rem] space-y-4 px-6 py-8">
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AccountsList filters={filters} deleted={typeof params.deleted === 'string' ? params.deleted : null} />
      </HydrationBoundary>
    </main>
  );
}
