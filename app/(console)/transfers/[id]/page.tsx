// One transfer: prefetched on the server (transfer with its balance and source transactions, and
// its reversals, together) under the browser's query key and hydrated; the reverse form for roles
// that may reverse; the transfer's audit history.
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
import { makeQueryClient } from '@/lib/query-client';
import { transferQueries } from '@/lib/transfers/keys';
import { getTransferDetail } from '@/lib/transfers/queries';
import { TransferView } from '../_components/transfer-view';
import { BackLink } from '@/components/shell/back-link';

export const metadata: Metadata = { title: 'Transfer' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const operator = await requirePermission('transfers.read');
  const id = decodeURIComponent((await params).id);
  if (!isObjectId(id, 'tr_')) notFound();
  const queryClient = makeQueryClient();
  try {
    await Promise.all([
      queryClient.fetchQuery({ ...transferQueries.detail(id), queryFn: async () => toPlain(await getTransferDetail(id)) }),
      can(operator.role, 'approvals.read') ? queryClient.prefetchQuery({ ...approvalQueries.object(id), queryFn: async () => toPlain(await listRequestsOn(id, operator)) }) : null,
    ]);
  } catch (error) {
    // An unknown id (Stripe's 404) is said in words on a normal page, like any other failed read.
    return (
      <main className="mx-auto max-w-5xl space-y-5 px-6 py-8">
        <PageHeader title={`Transfer ${id}`} />
        <ErrorBox error={describeReadError(error)} />
      </main>
    );
  }
  return (
    <main className="mx-auto max-w-5xl space-y-6 px-6 py-8">
      <BackLink href="/transfers" label="Transfers" />
      <PageHeader title={`Transfer ${id}`} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <TransferView
          id={id}
          canReverse={can(operator.role, 'transfers.reverse')}
          canOpenAccount={can(operator.role, 'accounts.read')}
          canOpenCharge={can(operator.role, 'risk.read')}
          canOpenFee={can(operator.role, 'fees.read')}
        />
        {can(operator.role, 'approvals.read') ? <ObjectApprovals objectId={id} /> : null}
      </HydrationBoundary>
      <ObjectHistory objectId={id} operator={operator} />
    </main>
  );
}
