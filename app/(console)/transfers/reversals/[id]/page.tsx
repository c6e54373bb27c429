// One transfer reversal, found by its id alone: amount, transfer (linked), description and metadata
// (editable by roles that may reverse), and its audit history.
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
import { makeQueryClient } from '@/lib/query-client';
import { transferQueries } from '@/lib/transfers/keys';
import { getReversal } from '@/lib/transfers/queries';
import { ReversalView } from '../../_components/reversal-view';

export const metadata: Metadata = { title: 'Transfer reversal' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const operator = await requirePermission('transfers.read');
  const id = decodeURIComponent((await params).id);
  if (!isObjectId(id, 'trr_')) notFound();
  const queryClient = makeQueryClient();
  try {
    await queryClient.fetchQuery({ ...transferQueries.reversal(id), queryFn: async () => toPlain(await getReversal(id)) });
  } catch (error) {
    // An unknown id (Stripe's 404) is said in words on a normal page, like any other failed read.
    return (
      <main className="mx-auto max-w-5xl space-y-5 px-6 py-8">
        <PageHeader title={`Reversal ${id}`} />
        <ErrorBox error={describeReadError(error)} />
      </main>
    );
  }
  return (
    <main className="mx-auto max-w-5xl space-y-6 px-6 py-8">
      <PageHeader title={`Reversal ${id}`} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ReversalView id={id} canEdit={can(operator.role, 'transfers.reverse')} />
      </HydrationBoundary>
      <ObjectHistory objectId={id} operator={operator} />
    </main>
  );
}
