// One top-up: prefetched on the server under the browser's query key and hydrated; cancel while
// pending for roles that may cancel; its audit history.
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
import { topupQueries } from '@/lib/topups/keys';
import { getTopup } from '@/lib/topups/queries';
import { TopupView } from '../_components/topup-view';
import { BackLink } from '@/components/shell/back-link';

export const metadata: Metadata = { title: 'Top-up' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const operator = await requirePermission('topups.read');
  const id = decodeURIComponent((await params).id);
  if (!isObjectId(id, 'tu_')) notFound();
  const queryClient = makeQueryClient();
  try {
    await queryClient.fetchQuery({ ...topupQueries.detail(id), queryFn: async () => toPlain(await getTopup(id)) });
  } catch (error) {
    // An unknown id (Stripe's 404) is said in words on a normal page, like any other failed read.
    return (
      <main className="mx-auto max-w-5xl space-y-5 px-6 py-8">
        <PageHeader title={`Top-up ${id}`} />
        <ErrorBox error={describeReadError(error)} />
      </main>
    );
  }
  return (
    <main className="mx-auto max-w-5xl space-y-6 px-6 py-8">
      <BackLink href="/topups" label="Top-ups" />
      <PageHeader title={`Top-up ${id}`} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <TopupView id={id} canCancel={can(operator.role, 'topups.cancel')} />
      </HydrationBoundary>
      <ObjectHistory objectId={id} operator={operator} />
    </main>
  );
}
