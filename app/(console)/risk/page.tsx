// Risk: the queue of connected accounts with risk signals, ranked by an explained score, from the
// console's database (lib/risk/queue.ts). The first page, its counts and the index's freshness are
// prefetched here and hydrated into the browser's cache; the filter bar's assignee choices are the
// operators who may decide cases.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db/client';
import { listOperators } from '@/lib/operators/store';
import { makeQueryClient } from '@/lib/query-client';
import { riskQueries } from '@/lib/risk/keys';
import { queueFilterFields } from '@/lib/risk/queue-filters';
import { parseQueueFilters } from '@/lib/risk/queue-filter-schema';
import { listRiskQueue } from '@/lib/risk/queue-list';
import { RiskQueue } from './_components/risk-queue';

export const metadata: Metadata = { title: 'Risk' };
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

export default async function RiskPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const me = await requirePermission('risk.read');
  const filters = parseQueueFilters(await searchParams);
  const queryClient = makeQueryClient();
  const [operators] = await Promise.all([
    listOperators(await getDb()),
    queryClient.prefetchQuery({ ...riskQueries.queue(filters), queryFn: () => listRiskQueue(filters, me.id) }),
  ]);
  const assignees = operators.filter((o) => o.active && can(o.role, 'risk.decide')).map((o) => ({ value: o.id, label: o.name }));
  return (
    <main className="mx-auto max-w-[90rem] space-y-4 px-6 py-8">
      <HydrationBoundary state={dehydrate(queryClient)}>
        <RiskQueue filters={filters} fields={queueFilterFields(assignees)} />
      </HydrationBoundary>
    </main>
  );
}
