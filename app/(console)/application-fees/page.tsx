// Application fees the platform collected: filters and cursor in the URL, prefetched on the
// server under the browser's query key and hydrated; CSV export with the same filters.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import type { Metadata } from 'next';
import { FilterBar } from '@/components/data-table/filter-bar';
import { PageHeader } from '@/components/shell/page-header';
import { requirePermission } from '@/lib/auth/guard';
import { toPlain } from '@/lib/http/json';
import { fieldValues } from '@/lib/lists/filter-fields';
import { FEE_FILTER_FIELDS, feeFiltersQuery } from '@/lib/fees/filters';
import { parseFeeFilters } from '@/lib/fees/filter-schema';
import { feeQueries } from '@/lib/fees/keys';
import { listFees } from '@/lib/fees/queries';
import { makeQueryClient } from '@/lib/query-client';
import { FeesTable } from './_components/fees-table';

export const metadata: Metadata = { title: 'Application fees' };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('fees.read');
  const filters = parseFeeFilters(await searchParams);
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ ...feeQueries.list(filters), queryFn: async () => toPlain(await listFees(filters)) });
  const exportHref = `/api/fees/export${feeFiltersQuery({ ...filters, after: undefined, before: undefined, limit: undefined })}`;
  return (
    <main className="mx-auto max-w-7xl space-y-5 px-6 py-8">
      <PageHeader
        title="Application fees"
        description="Fees the platform collected from connected accounts. Open a fee to see its refunds or to refund it."
        actions={
          <a
            href={exportHref}
            data-testid="fees-export"
            className="inline-flex h-9 items-center gap-1.5 rounded-md border border-neutral-300 bg-surface px-3.5 text-sm font-medium text-neutral-800 hover:bg-neutral-100"
          >
            <Download aria-hidden className="size-4" /> Export CSV
          </a>
        }
      />
      <FilterBar action="/application-fees" fields={FEE_FILTER_FIELDS} values={fieldValues(filters, FEE_FILTER_FIELDS)} testId="fee-filters" applyTestId="fee-filters-apply" />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <FeesTable filters={filters} />
      </HydrationBoundary>
    </main>
  );
}
