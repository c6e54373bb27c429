'use client';
// One Radar review: open or closed and why, when, where the payment came from (IP, location,
// browser), the charge it is about and the account it concerns. Reads the cache the page
// prefetched (GET /api/risk/reviews/:id). Those who may decide approve an open one here, with the
// case's own action (./review-approve.tsx).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FactList } from '@/components/money/fact-list';
import { OutcomeMessage, type Outcome } from '@/components/money/outcome-message';
import { RefreshFailed } from '@/components/outcomes/refresh-failed';
import { Badge } from '@/components/ui/badge';
import { formatTimestamp } from '@/lib/dates';
import { riskObjectQueries } from '@/lib/risk/object-keys';
import { reviewReasonWords } from '@/lib/risk/object-words';
import { AccountLinks, NotRead } from '../../_components/object-bits';
import { ChargeSummary } from '../../_components/charge-summary';
import { ReviewApprove } from './review-approve';

export function ReviewView({ id, account, canOpenAccount, canDecide }: { id: string; account: string | null; canOpenAccount: boolean; canDecide: boolean }) {
  const { data, error } = useQuery(riskObjectQueries.review(id, account));
  // Kept here, not in the approve section: that section leaves as soon as the review reads closed.
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  if (!data) return <NotRead what="review" error={error} />;
  const { review } = data;
  const where = review.ip_address_location;
  const session = review.session;
  return (
    <div className="space-y-6" data-testid="review-view">
      {error ? <RefreshFailed error={error} what="The review" /> : null}
      <p className="flex flex-wrap items-center gap-2 text-sm">
        {review.open ? (
          <Badge tone="warn" data-testid="review-state">
            Open
          </Badge>
        ) : (
          <Badge data-testid="review-state">Closed</Badge>
        )}
        <span data-testid="review-sentence">
          {review.open
            ? `Opened ${formatTimestamp(review.created)}: ${reviewReasonWords(review.opened_reason)}.`
            : `Opened ${formatTimestamp(review.created)} (${reviewReasonWords(review.opened_reason)}), closed: ${reviewReasonWords(review.closed_reason)}.`}
        </span>
      </p>
      <FactList
        facts={[
          { label: 'Charge', value: <ChargeSummary charge={review.charge} store={data.onAccount ? data.accountId : account} />, testId: 'review-charge' },
          { label: 'Account', value: <AccountLinks place={data} canOpenAccount={canOpenAccount} />, testId: 'review-account' },
          { label: 'Opened because', value: reviewReasonWords(review.opened_reason) },
          { label: 'Closed because', value: review.closed_reason ? reviewReasonWords(review.closed_reason) : <span className="text-neutral-500">Still open</span> },
          { label: 'Created', value: formatTimestamp(review.created) },
          { label: 'IP address', value: review.ip_address ?? '—' },
          { label: 'Location', value: where ? [where.city, where.region, where.country].filter(Boolean).join(', ') || '—' : '—' },
          { label: 'Browser', value: session ? [session.browser, session.version, session.platform, session.device].filter(Boolean).join(' · ') || '—' : '—' },
          { label: 'Billing postal code', value: review.billing_zip ?? '—' },
        ]}
      />
      {outcome ? <OutcomeMessage outcome={outcome} testId="review-notice" onDismiss={() => setOutcome(null)} /> : null}
      {review.open && canDecide && data.accountId ? <ReviewApprove reviewId={id} accountId={data.accountId} account={account} onOutcome={setOutcome} /> : null}
    </div>
  );
}
