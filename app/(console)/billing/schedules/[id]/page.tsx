// One subscription schedule, live from Stripe on its connected account (`?account=acct_…`, else the
// account the console's index holds for it): prefetched under the browser's query key and hydrated.
// Its phases in words and on a timeline, the fees each phase produced and will produce, and
// cancel / release for roles that may manage billing.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ObjectApprovals } from '@/components/approvals/object-approvals';
import { ObjectHistory } from '@/components/audit/object-history';
import { ErrorBox } from '@/components/error-box';
import { PageHeader } from '@/components/shell/page-header';
import { approvalQueries } from '@/lib/approvals/keys';
import { listRequestsOn } from '@/lib/approvals/queries';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { scheduleQueries } from '@/lib/billing/schedules/keys';
import { getScheduleDetail, ScheduleAccountUnknown, scheduleAccount } from '@/lib/billing/schedules/queries';
import { describeReadError, toPlain } from '@/lib/http/json';
import { makeQueryClient } from '@/lib/query-client';
import { isObjectId } from '@/lib/stripe/ids';
import { ScheduleView } from '../_components/schedule-view';
import { BackLink } from '@/components/shell/back-link';

export const metadata: Metadata = { title: 'Subscription schedule' };

export default async function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const operator = await requirePermission('billing.read');
  const id = decodeURIComponent((await params).id);
  if (!isObjectId(id, 'sub_sched_')) notFound();
  const given = (await searchParams).account;
  const title = `Subscription schedule ${id}`;
  const back = <BackLink href="/billing" label="Billing" />;
  let accountId: string;
  try {
    accountId = await scheduleAccount(id, typeof given === 'string' && isObjectId(given, 'acct_') ? given : null);
  } catch (error) {
    if (!(error instanceof ScheduleAccountUnknown)) throw error;
    return (
      <main className="mx-auto max-w-5xl space-y-5 px-4 py-8 sm:px-6">
        {back}
        <PageHeader title={title} />
        <div role="status" className="space-y-3 rounded-lg border border-neutral-200 bg-surface p-4 text-sm text-neutral-700" data-testid="schedule-account-needed">
          <p>A subscription schedule lives on a connected account, and the console’s index does not know this one’s. Give the account to read it from Stripe.</p>
          <form method="get" className="flex flex-wrap items-end gap-2">
            <label className="flex flex-col gap-1 text-xs font-medium text-neutral-600">
              Connected account id
              <input name="account" required pattern="acct_[A-Za-z0-9]+" placeholder="acct_…" className="rounded-md border border-neutral-300 bg-surface px-2 py-1 font-mono text-sm text-neutral-900" />
            </label>
            <button type="submit" className="rounded-md border border-neutral-300 px-3 py-1 text-sm font-medium text-neutral-900 hover:bg-neutral-100">
              Open
            </button>
          </form>
        </div>
      </main>
    );
  }
  const queryClient = makeQueryClient();
  try {
    await Promise.all([
      queryClient.fetchQuery({ ...scheduleQueries.detail(id, accountId), queryFn: async () => toPlain(await getScheduleDetail(id, accountId)) }),
      can(operator.role, 'approvals.read') ? queryClient.prefetchQuery({ ...approvalQueries.object(id), queryFn: async () => toPlain(await listRequestsOn(id, operator)) }) : null,
    ]);
  } catch (error) {
    return (
      <main className="mx-auto max-w-5xl space-y-5 px-4 py-8 sm:px-6">
        {back}
        <PageHeader title={title} />
        <ErrorBox error={describeReadError(error)} />
      </main>
    );
  }
  return (
    <main className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-6">
      {back}
      <PageHeader title={title} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ScheduleView id={id} accountId={accountId} canManage={can(operator.role, 'billing.manage')} canOpenAccount={can(operator.role, 'accounts.read')} canOpenFees={can(operator.role, 'fees.read')} />
        {can(operator.role, 'approvals.read') ? <ObjectApprovals objectId={id} /> : null}
      </HydrationBoundary>
      <ObjectHistory objectId={id} operator={operator} />
    </main>
  );
}
