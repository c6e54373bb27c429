// One application fee refund, found by its id alone: amount, its fee (linked), metadata (editable
// by roles that may refund), and its audit history.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ObjectHistory } from '@/components/audit/object-history';
import { ErrorBox } from '@/components/error-box';
import { PageHeader } from '@/components/shell/page-header';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { isObjectId } from '@/lib/stripe/ids';
import { describeReadError, toPlain } from '@/lib/http/json';
import { feeQueries } from '@/lib/fees/keys';
import { getFeeRefund } from '@/lib/fees/queries';
import { makeQueryClient } from '@/lib/query-client';
import { FeeRefundView } from '../../_components/fee-refund-view';

export const metadata: Metadata = { title: 'Application fee refund' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const operator = await requirePermission('fees.read');
  const id = decodeURIComponent((await params).id);
  if (!isObjectId(id, 'fr_')) notFound();
  const queryClient = makeQueryClient();
  try {
    await queryClient.fetchQuery({ ...feeQueries.refund(id), queryFn: async () => toPlain(await getFeeRefund(id)) });
  } catch (error) {
    // An unknown id (Stripe's 404) is said in words on a normal page, like any other failed read.
    return (
      <main className="mx-auto max-w-5xl space-y-5 px-6 py-8">
        <PageHeader title={`Fee refund ${id}`} />
        <ErrorBox error={describeReadError(error)} />
      </main>
    );
  }
  return (
    <main className="mx-auto max-w-5xl space-y-6 px-6 py-8">
      <PageHeader title={`Fee refund ${id}`} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <FeeRefundView id={id} canEdit={can(operator.role, 'fees.refund')} />
      </HydrationBoundary>
      <ObjectHistory objectId={id} operator={operator} />
    </main>
  );
}
