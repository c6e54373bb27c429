// Top-ups of the platform balance: the list (status, created range and cursor in the URL), the
// platform balance, and the create form for roles that may create; prefetched together.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import Link from 'next/link';
import { PAGE_SIZES } from '@/lib/lists/url-filters';
import { BalancePanel } from '@/components/money/balance-panel';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { balanceQueries } from '@/lib/balance/keys';
import { getPlatformBalance } from '@/lib/balance/queries';
import { toPlain } from '@/lib/http/json';
import { makeQueryClient } from '@/lib/query-client';
import { stripeMode } from '@/lib/stripe/client';
import { parseTopupFilters, TOPUP_STATUS_LABELS, TOPUP_STATUSES } from '@/lib/topups/filters';
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
            <form method="get" action="/topups" className="flex flex-wrap items-end gap-3" role="search" data-testid="topup-filters">
              <label className="flex flex-col gap-1 text-xs font-medium text-neutral-600">
                Status
                <Select name="status" defaultValue={filters.status ?? ''}>
                  <option value="">Any</option>
                  {TOPUP_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {TOPUP_STATUS_LABELS[s]}
                    </option>
                  ))}
                </Select>
              </label>
              <label className="flex flex-col gap-1 text-xs font-medium text-neutral-600">
                Created from (UTC)
                <Input name="created_from" type="date" defaultValue={filters.created_from ?? ''} />
              </label>
              <label className="flex flex-col gap-1 text-xs font-medium text-neutral-600">
                to
                <Input name="created_to" type="date" defaultValue={filters.created_to ?? ''} />
              </label>
              <label className="flex flex-col gap-1 text-xs font-medium text-neutral-600">
                Per page
                <Select name="limit" defaultValue={String(filters.limit)}>
                  {PAGE_SIZES.map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </Select>
              </label>
              <Button type="submit" variant="primary">
                Apply
              </Button>
              <Link href="/topups" className="h-9 px-2 text-sm leading-9 text-neutral-600 hover:text-neutral-900">
                Clear
              </Link>
            </form>
            <TopupsTable filters={filters} />
          </div>
        </div>
      </HydrationBoundary>
    </main>
  );
}
