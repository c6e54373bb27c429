// One application fee: prefetched on the server (fee and refunds together) under the browser's
// query key and hydrated; the refund form for roles that may refund; the subscription schedule
// behind the fee, when a subscription produced it; the fee's audit history.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ObjectApprovals } from '@/components/approvals/object-approvals';
import { ObjectHistory } from '@/components/audit/object-history';
import { approvalQueries } from '@/lib/approvals/keys';
import { listRequestsOn } from '@/lib/approvals/queries';
import { ErrorBox } from '@/components/error-box';
import { PageHeader } from '@/components/shell/page-header';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { isObjectId } from '@/lib/stripe/ids';
import { describeReadError, toPlain } from '@/lib/http/json';
import { feeQueries } from '@/lib/fees/keys';
import { getFeeDetail } from '@/lib/fees/queries';
import { makeQueryClient } from '@/lib/query-client';
import { FeeView } from '../_components/fee-view';
import { FeeScheduleLink } from '../_components/fee-schedule-link';
import { scheduleQueries } from '@/lib/billing/schedules/keys';
import { findFeeSource } from '@/lib/billing/schedules/fee-source';
import { BackLink } from '@/components/shell/back-link';

export const metadata: Metadata = { title: 'Application fee' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const operator = await requirePermission('fees.read');
  const id = decodeURIComponent((await params).id);
  if (!isObjectId(id, 'fee_')) notFound();
  const queryClient = makeQueryClient();
  try {
    await Promise.all([
      queryClient.fetchQuery({ ...feeQueries.detail(id), queryFn: async () => toPlain(await getFeeDetail(id)) }),
      can(operator.role, 'approvals.read') ? queryClient.prefetchQuery({ ...approvalQueries.object(id), queryFn: async () => toPlain(await listRequestsOn(id, operator)) }) : null,
      // The subscription behind the fee (its schedule and phase): a failure here leaves the browser to retry it.
      can(operator.role, 'billing.read') ? queryClient.prefetchQuery({ ...scheduleQueries.feeSource(id), queryFn: async () => toPlain(await findFeeSource(id)) }) : null,
    ]);
  } catch (error) {
    // An unknown id (Stripe's 404) is said in words on a normal page, like any other failed read.
    return (
      <main className="mx-auto max-w-5xl space-y-5 px-6 py-8">
        <PageHeader title={`Application fee ${id}`} />
        <ErrorBox error={describeReadError(error)} />
      </main>
    );
  }
  return (
    <main className="mx-auto max-w-5xl space-y-6 px-6 py-8">
      <BackLink href="/application-fees" label="Application fees" />
      <PageHeader title={`Application fee ${id}`} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <FeeView
          id={id}
          canRefund={can(operator.role, 'fees.refund')}
          canOpenAccount={can(operator.role, 'accounts.read')}
          canOpenCharge={can(operator.role, 'risk.read')}
        />
        {can(operator.role, 'billing.read') ? <FeeScheduleLink feeId={id} /> : null}
        {can(operator.role, 'approvals.read') ? <ObjectApprovals objectId={id} /> : null}
      </HydrationBoundary>
      <ObjectHistory objectId={id} operator={operator} />
    </main>
  );
}
