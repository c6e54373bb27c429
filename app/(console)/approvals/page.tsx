// The approvals inbox (four-eyes approvals, lib/approvals): prefetched on the server under the
// browser's key. Admins find the policies from here.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/shell/page-header';
import { approvalQueries } from '@/lib/approvals/keys';
import { getInbox } from '@/lib/approvals/queries';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { toPlain } from '@/lib/http/json';
import { makeQueryClient } from '@/lib/query-client';
import { InboxView } from './_components/inbox-view';

export const metadata: Metadata = { title: 'Approvals' };
export const dynamic = 'force-dynamic';

export default async function ApprovalsPage() {
  const operator = await requirePermission('approvals.read');
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ ...approvalQueries.inbox(), queryFn: async () => toPlain(await getInbox(operator)) });
  return (
    <main className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-6">
      <PageHeader
        title="Approvals"
        description="Actions a policy says need a second operator: approve or decline the ones waiting for you. An approved action runs once, on the server, as it was reviewed."
        actions={
          can(operator.role, 'policies.manage') ? (
            <Link href="/approvals/policies" className="text-sm text-brand-600 hover:underline" data-testid="approvals-policies-link">
              Policies
            </Link>
          ) : null
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <InboxView />
      </HydrationBoundary>
    </main>
  );
}
