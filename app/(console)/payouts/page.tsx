// Payouts: connected accounts' payouts to their banks, read from the console's index
// (lib/payouts/list-query.ts). The first page, its counts and the index's freshness are prefetched
// here and hydrated into the browser's cache.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { requirePermission } from '@/lib/auth/guard';
import { parsePayoutFilters } from '@/lib/payouts/filter-schema';
import { payoutQueries } from '@/lib/payouts/keys';
import { listPayouts } from '@/lib/payouts/list';
import { makeQueryClient } from '@/lib/query-client';
import { PayoutsList } from './_components/payouts-list';

export const metadata: Metadata = { title: 'Payouts' };
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

export default async function PayoutsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermission('payouts.read');
  const filters = parsePayoutFilters(await searchParams);
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ ...payoutQueries.list(filters), queryFn: () => listPayouts(filters) });
  return (
    <main className="mx-auto max-w-[90rem] space-y-4 px-4 py-8 sm:px-6">
      <PageHeader title="Payouts" description="Connected accounts' payouts to their bank accounts and debit cards, automatic and on demand. A failed payout says why." />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <PayoutsList filters={filters} />
      </HydrationBoundary>
    </main>
  );
}
