'use client';
// The approvals inbox: pending requests this operator may decide, their own requests, and the
// others' recent ones (read only). Read through /api/approvals; refreshed every 15 s.
import { useQuery } from '@tanstack/react-query';
import { RequestList } from '@/components/approvals/request-list';
import { approvalQueries } from '@/lib/approvals/keys';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="space-y-2">
      <h2 className="text-base font-semibold text-neutral-900">{title}</h2>
      {children}
    </section>
  );
}

export function InboxView() {
  const { data } = useQuery({ ...approvalQueries.inbox(), refetchInterval: 15_000 });
  if (!data) return null;
  return (
    <div className="space-y-6">
      <Section title={`Waiting for you (${data.toDecide.length})`}>
        <RequestList requests={data.toDecide} empty="Nothing is waiting for your approval." testId="approvals-to-decide" />
      </Section>
      <Section title="Your requests">
        <RequestList requests={data.mine} empty="You have asked for no approvals recently." testId="approvals-mine" />
      </Section>
      <Section title="Other requests">
        <RequestList requests={data.others} empty="No other recent requests." testId="approvals-others" />
      </Section>
    </div>
  );
}
