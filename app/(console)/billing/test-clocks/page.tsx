// Test clocks: rehearse a subscription schedule's future on a connected account, in test mode
// only. The account and the clock being watched live in the URL (?account=acct_...&clock=clock_...),
// so a rehearsal can be shared by link; the page prefetches the account's clocks and the clock's
// view with the keys the browser's panel reads through /api/billing/test-clocks.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { requirePermission } from '@/lib/auth/guard';
import { testClockQueries } from '@/lib/billing/test-clocks/keys';
import { getClockView, listClocks } from '@/lib/billing/test-clocks/queries';
import { TEST_MODE_ONLY } from '@/lib/billing/test-clocks/words';
import { toPlain } from '@/lib/http/json';
import { makeQueryClient } from '@/lib/query-client';
import { stripeMode } from '@/lib/stripe/client';
import { isObjectId } from '@/lib/stripe/ids';
import { TestClockPanel } from './_components/test-clock-panel';

export const metadata: Metadata = { title: 'Test clocks' };
export const dynamic = 'force-dynamic';

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : '');

export default async function TestClocksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('testclocks.manage');
  const header = <PageHeader title="Test clocks" description="Rehearse a subscription schedule’s future on a connected account: its phases, invoices and the platform’s fees, in test mode." />;
  if (stripeMode() === 'live') {
    return (
      <main className="mx-auto max-w-7xl space-y-6 px-4 py-8 sm:px-6">
        {header}
        <p role="status" className="rounded-lg border border-neutral-200 bg-surface p-4 text-sm text-neutral-700" data-testid="test-clocks-live">
          {TEST_MODE_ONLY}
        </p>
      </main>
    );
  }
  const params = await searchParams;
  const account = isObjectId(one(params.account), 'acct_') ? one(params.account) : null;
  const clock = account && isObjectId(one(params.clock), 'clock_') ? one(params.clock) : null;
  const queryClient = makeQueryClient();
  // A failed read is not cached: the panel reads again in the browser and shows the error there.
  await Promise.all([
    account ? queryClient.prefetchQuery({ ...testClockQueries.list(account), queryFn: async () => toPlain(await listClocks(account)) }) : null,
    account && clock ? queryClient.prefetchQuery({ ...testClockQueries.view(account, clock), queryFn: async () => toPlain(await getClockView(account, clock)) }) : null,
  ]);
  return (
    <main className="mx-auto max-w-7xl space-y-6 px-4 py-8 sm:px-6">
      {header}
      <HydrationBoundary state={dehydrate(queryClient)}>
        <TestClockPanel account={account} clock={clock} typedAccount={account ? '' : one(params.account)} />
      </HydrationBoundary>
    </main>
  );
}
