// Transfers to connected accounts: filters and cursor in the URL, the list and the platform
// balance prefetched together on the server and hydrated; CSV export; the reversals report.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { BarChart3, Download } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
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
import { TRANSFER_FILTER_FIELDS, transferFiltersQuery } from '@/lib/transfers/filters';
import { parseTransferFilters } from '@/lib/transfers/filter-schema';
import { transferQueries } from '@/lib/transfers/keys';
import { listTransfers } from '@/lib/transfers/queries';
import { TransfersTable } from './_components/transfers-table';

export const metadata: Metadata = { title: 'Transfers' };

const LINK = 'inline-flex h-9 items-center gap-1.5 rounded-md border border-neutral-300 bg-surface px-3.5 text-sm font-medium text-neutral-800 hover:bg-neutral-100';

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const operator = await requirePermission('transfers.read');
  const filters = parseTransferFilters(await searchParams);
  const showBalance = can(operator.role, 'topups.read');
  const queryClient = makeQueryClient();
  await Promise.all([
    queryClient.prefetchQuery({ ...transferQueries.list(filters), queryFn: async () => toPlain(await listTransfers(filters)) }),
    showBalance ? queryClient.prefetchQuery({ ...balanceQueries.platform(), queryFn: async () => toPlain(await getPlatformBalance()) }) : null,
  ]);
  const exportHref = `/api/transfers/export${transferFiltersQuery({ ...filters, after: undefined, before: undefined, limit: undefined })}`;
  return (
    <main className="mx-auto max-w-7xl space-y-5 px-6 py-8">
      <PageHeader
        title="Transfers"
        description="Money sent from the platform to connected accounts. Open a transfer to see or make its reversals."
        actions={
          <>
            <Link href="/transfers/reversals" className={LINK} data-testid="reversals-report-link">
              <BarChart3 aria-hidden className="size-4" /> Reversals report
            </Link>
            <a href={exportHref} className={LINK} data-testid="transfers-export">
              <Download aria-hidden className="size-4" /> Export CSV
            </a>
          </>
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <div className="space-y-5">
          {showBalance ? <BalancePanel /> : null}
          <FilterBar action="/transfers" idPrefix="t" fields={TRANSFER_FILTER_FIELDS} values={fieldValues(filters, TRANSFER_FILTER_FIELDS)} testId="transfer-filters" />
          <TransfersTable filters={filters} />
        </div>
      </HydrationBoundary>
    </main>
  );
}
