'use client';
// Approving an open review from its own page: the case's own action and button
// (approveReviewAction, which checks risk.decide, that the review is one of the case's account's,
// and audits it), offered while the account has a case being worked, as on the case page. Without
// such a case, the way to the case. Afterwards the review is read again.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import type { Outcome } from '@/components/money/outcome-message';
import { caseQueries } from '@/lib/risk/case-keys';
import { riskObjectKeys } from '@/lib/risk/object-keys';
import { ApproveReviewButton } from '../../accounts/[id]/_components/decision-controls';

/** `onOutcome` gets the decision's outcome: the page shows it, since this section leaves once the review reads closed. */
export function ReviewApprove({ reviewId, accountId, account, onOutcome }: { reviewId: string; accountId: string; account: string | null; onOutcome: (outcome: Outcome) => void }) {
  const queryClient = useQueryClient();
  const view = useQuery(caseQueries.detail(accountId));
  const current = view.data?.current ?? null;
  const working = current && current.status !== 'decided' ? current : null;
  const caseLink = (
    <Link href={`/risk/accounts/${encodeURIComponent(accountId)}#radar`} className="text-brand-600 underline">
      the account’s risk case
    </Link>
  );
  return (
    <section aria-labelledby="review-approve-heading" className="space-y-2 rounded-lg border border-neutral-200 bg-surface p-4 text-sm" data-testid="review-decision">
      <h2 id="review-approve-heading" className="font-semibold text-neutral-900">
        Approve this review
      </h2>
      {working ? (
        <>
          <p className="text-neutral-700">Approving tells Radar the payment is fine and closes the review; it is a decision on {caseLink}, recorded in the audit log.</p>
          <ApproveReviewButton
            accountId={accountId}
            caseId={working.id}
            reviewId={reviewId}
            onDone={(outcome) => {
              onOutcome(outcome);
              void queryClient.invalidateQueries({ queryKey: riskObjectKeys.review(reviewId, account), exact: true });
            }}
          />
        </>
      ) : view.isPending ? (
        <p className="text-neutral-500">Reading the account’s case…</p>
      ) : (
        <p className="text-neutral-700" data-testid="review-approve-hint">
          Approving a review is a decision on a case being worked, and the account has none open: see {caseLink}.
        </p>
      )}
    </section>
  );
}
