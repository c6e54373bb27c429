'use client';
// The open approval requests on one object (a transfer, a fee, an account), on its page: what is
// waiting for a second operator, or approved and not yet done. Nothing when there are none.
import { useQuery } from '@tanstack/react-query';
import { RequestList } from '@/components/approvals/request-list';
import { approvalQueries } from '@/lib/approvals/keys';

export function ObjectApprovals({ objectId }: { objectId: string }) {
  const { data } = useQuery(approvalQueries.object(objectId));
  if (!data || data.length === 0) return null;
  return (
    <section className="space-y-2" data-testid="object-approvals">
      <h2 className="text-sm font-semibold text-neutral-900">Approval requests</h2>
      <RequestList requests={data} empty="" testId="object-approvals-list" />
    </section>
  );
}
