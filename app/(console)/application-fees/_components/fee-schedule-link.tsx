'use client';
// On a fee's page: the subscription schedule whose phase produced the fee, as a link to its page,
// or a plain sentence saying the fee did not come from a subscription.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { feeSourceSentence, scheduleHref } from '@/lib/billing/schedules/fee-source-words';
import { scheduleQueries } from '@/lib/billing/schedules/keys';

export function FeeScheduleLink({ feeId }: { feeId: string }) {
  const { data, error } = useQuery(scheduleQueries.feeSource(feeId));
  const href = data ? scheduleHref(data) : null;
  return (
    <section className="rounded-lg border border-neutral-200 bg-surface p-4 text-sm" aria-labelledby="fee-source-title" data-testid="fee-source">
      <h2 id="fee-source-title" className="mb-1 text-sm font-semibold text-neutral-900">
        Subscription
      </h2>
      {!data ? (
        <p className={error ? 'text-mode-live-ink' : 'text-neutral-500'} role={error ? 'alert' : undefined}>
          {error ? `Where this fee came from could not be read: ${error.message}` : 'Looking for the subscription behind this fee…'}
        </p>
      ) : href ? (
        <Link href={href} className="text-brand-600 hover:underline" data-testid="fee-schedule-link">
          {feeSourceSentence(data)}
        </Link>
      ) : (
        <p className="text-neutral-700" data-testid="fee-source-none">
          {feeSourceSentence(data)}
        </p>
      )}
    </section>
  );
}
