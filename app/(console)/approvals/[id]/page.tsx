// One approval request: prefetched on the server (with the object read again from Stripe) under
// the browser's key, and its story in the audit log.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ObjectHistory } from '@/components/audit/object-history';
import { ErrorBox } from '@/components/error-box';
import { PageHeader } from '@/components/shell/page-header';
import { approvalQueries } from '@/lib/approvals/keys';
import { getRequestDetail } from '@/lib/approvals/queries';
import { requirePermission } from '@/lib/auth/guard';
import { describeReadError, toPlain } from '@/lib/http/json';
import { makeQueryClient } from '@/lib/query-client';
import { isObjectId } from '@/lib/stripe/ids';
import { RequestView } from '../_components/request-view';
import { BackLink } from '@/components/shell/back-link';

export const metadata: Metadata = { title: 'Approval request' };
export const dynamic = 'force-dynamic';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const operator = await requirePermission('approvals.read');
  const id = decodeURIComponent((await params).id);
  if (!isObjectId(id, 'apr_')) notFound();
  const queryClient = makeQueryClient();
  try {
    await queryClient.fetchQuery({ ...approvalQueries.detail(id), queryFn: async () => toPlain(await getRequestDetail(id, operator)) });
  } catch (error) {
    return (
      <main className="mx-auto max-w-5xl space-y-5 px-4 py-8 sm:px-6">
        <PageHeader title={`Approval request ${id}`} />
        <ErrorBox error={describeReadError(error)} />
      </main>
    );
  }
  return (
    <main className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-6">
      <BackLink href="/approvals" label="Approvals" />
      <PageHeader title={`Approval request ${id}`} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <RequestView id={id} />
      </HydrationBoundary>
      <ObjectHistory objectId={id} operator={operator} />
    </main>
  );
}
