// Top-ups of the platform balance: the list (status, created range and cursor in the URL), the
// platform balance, and the create form for roles that may create; prefetched together.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { FilterBar } from '@/components/data-table/filter-bar';
import { BalancePanel } from '@/components/money/balance-panel';
import { PageHeader } from '@/components/shell/page-header';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { balanceQueries } from '@/lib/balance/keys';
import { getPlatformBalance } from '@/lib/balance/queries';
import { toPlain } from '@/lib/http/json';
import { fieldValues } from '@/lib/lists/filter-fields';
import { makeQueryClient } from '@/lib/query-client';
import { stripeMode } from '@/lib/stripe/client';
import { TOPUP_FILTER_FIELDS } from '@/lib/topups/filters';
import { parseTopupFilters } from '@/lib/topups/filter-schema';
import { topupQueries } from '@/lib/topups/keys';
import { listTopups } from '@/lib/topups/queries';
import { CreateTopupForm } from './_components/create-topup-form';
import { TopupsTable } from './_components/topups-table';

export const metadata: Metadata = { title: 'Top-ups' };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const operator = await requirePermission('topups.read');
  const filters = parseTopupFilters(await searchParams);
  const queryClient = makeQueryClient();
  await Promise.all([
    queryClient.prefetchQuery({ ...topupQueries.list(filters), queryFn: async () => toPlain(await listTopups(filters)) }),
    queryClient.prefetchQuery({ ...balanceQueries.platform(), queryFn: async () => toPlain(await getPlatformBalance()) }),
  ]);
  return (
    <main className="mx-auto max-w-7xl space-y-5 px-6 py-8">
      <PageHeader title="Top-ups" description="Money added to the platform balance from its bank account, so transfers and refunds can be paid." />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <div className="space-y-5">
          <BalancePanel />
          <div className="space-y-4">
            {can(operator.role, 'topups.create') ? (
              <section aria-labelledby="new-topup" className="rounded-lg border border-neutral-200 bg-surface p-4">
                <h2 id="new-topup" className="mb-3 text-sm font-semibold text-neutral-900">
                  New top-up
                </h2>
                <CreateTopupForm testMode={stripeMode() !== 'live'} />
              </section>
            ) : null}
            <FilterBar action="/topups" fields={TOPUP_FILTER_FIELDS} values={fieldValues(filters, TOPUP_FILTER_FIELDS)} testId="topup-filters" />
            <TopupsTable filters={filters} />
          </div>
        </div>
      </HydrationBoundary>
    </main>
  );
}
