// The reversals report: every transfer reversal in a chosen period (the URL's from/to, UTC days;
// the last 30 days by default), totals per currency, a chart per day (per month over a long
// period), CSV export. A period the report cannot serve whole is refused before any number shows.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import type { Metadata } from 'next';
import { BalancePanel } from '@/components/money/balance-panel';
import { toQuery } from '@/lib/lists/url-filters';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { balanceQueries } from '@/lib/balance/keys';
import { getPlatformBalance } from '@/lib/balance/queries';
import { toPlain } from '@/lib/http/json';
import { makeQueryClient } from '@/lib/query-client';
import { transferQueries } from '@/lib/transfers/keys';
import { parsePeriod } from '@/lib/transfers/period';
import { listReversalsInPeriod } from '@/lib/transfers/queries';
import { ReversalsReport } from '../_components/reversals-report';
import { BackLink } from '@/components/shell/back-link';

export const metadata: Metadata = { title: 'Reversals report' };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const operator = await requirePermission('transfers.read');
  const { from, to } = parsePeriod(await searchParams);
  const showBalance = can(operator.role, 'topups.read');
  const queryClient = makeQueryClient();
  const [report] = await Promise.all([
    queryClient.fetchQuery({ ...transferQueries.report(from, to), queryFn: async () => toPlain(await listReversalsInPeriod(from, to)) }).catch(() => null),
    showBalance ? queryClient.prefetchQuery({ ...balanceQueries.platform(), queryFn: async () => toPlain(await getPlatformBalance()) }) : null,
  ]);
  return (
    <main className="mx-auto max-w-7xl space-y-5 px-6 py-8">
      <BackLink href="/transfers" label="Transfers" />
      <PageHeader
        title="Reversals report"
        description={`Every transfer reversal made from ${from} to ${to} (UTC), with totals per currency.`}
        actions={
          report?.refusal ? null : (
            <a
              href={`/api/transfers/reversals/export${toQuery({ from, to })}`}
              data-testid="report-export"
              className="inline-flex h-9 items-center gap-1.5 rounded-md border border-neutral-300 bg-surface px-3.5 text-sm font-medium text-neutral-800 hover:bg-neutral-100"
            >
              <Download aria-hidden className="size-4" /> Export CSV
            </a>
          )
        }
      />
      <form method="get" action="/transfers/reversals" className="flex flex-wrap items-end gap-3" role="search" data-testid="report-period">
        <label className="flex flex-col gap-1 text-xs font-medium text-neutral-600">
          From (UTC)
          <Input name="from" type="date" defaultValue={from} />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-neutral-600">
          To (UTC)
          <Input name="to" type="date" defaultValue={to} />
        </label>
        <Button type="submit" variant="primary">
          Show
        </Button>
      </form>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <div className="space-y-5">
          {showBalance ? <BalancePanel /> : null}
          <ReversalsReport from={from} to={to} />
        </div>
      </HydrationBoundary>
    </main>
  );
}
