// Billing: subscription schedules across connected accounts, read from the console's index
// (lib/billing/schedules/list-query.ts). The first page, its counts and the index's freshness are
// prefetched here and hydrated into the browser's cache.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/shell/page-header';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { scheduleQueries } from '@/lib/billing/schedules/keys';
import { parseScheduleFilters } from '@/lib/billing/schedules/filter-schema';
import { listSchedules } from '@/lib/billing/schedules/list';
import { makeQueryClient } from '@/lib/query-client';
import { stripeMode } from '@/lib/stripe/client';
import { SchedulesList } from './_components/schedules-list';

export const metadata: Metadata = { title: 'Billing' };
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

export default async function BillingPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const operator = await requirePermission('billing.read');
  const filters = parseScheduleFilters(await searchParams);
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ ...scheduleQueries.list(filters), queryFn: () => listSchedules(filters) });
  return (
    <main className="mx-auto max-w-[90rem] space-y-4 px-4 py-8 sm:px-6">
      <PageHeader
        title="Billing"
        description="Subscription schedules the platform made on connected accounts, and the fee each phase takes for the platform. A row opens the schedule."
        actions={
          // Test clocks exist only in test mode: the rehearsal panel is offered there, to the roles that may use it.
          can(operator.role, 'testclocks.manage') && stripeMode() !== 'live' ? (
            <Link href="/billing/test-clocks" className="text-sm text-brand-600 hover:underline" data-testid="billing-test-clocks-link">
              Test clocks
            </Link>
          ) : null
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <SchedulesList filters={filters} />
      </HydrationBoundary>
    </main>
  );
}
