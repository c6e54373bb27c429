'use client';
// Cancels a pending top-up: a review step in words, then Confirm (the key lives as long as the review).
import { useQueryClient } from '@tanstack/react-query';
import type Stripe from 'stripe';
import { ActionState } from '@/components/money/action-state';
import { ReviewPanel } from '@/components/money/review-panel';
import { useConfirmedAction } from '@/components/money/use-confirmed-action';
import { Button } from '@/components/ui/button';
import { balanceKeys } from '@/lib/balance/keys';
import { moneyInWords } from '@/lib/money';
import { cancelTopup } from '@/lib/topups/actions';
import { topupKeys } from '@/lib/topups/keys';

export function CancelTopup({ topup }: { topup: Stripe.Topup }) {
  const queryClient = useQueryClient();
  const action = useConfirmedAction(
    (p: { topupId: string }, idempotencyKey: string) => cancelTopup({ topupId: p.topupId, idempotencyKey }),
    {
      onSettled: () => {
        void queryClient.invalidateQueries({ queryKey: topupKeys.detail(topup.id) });
        void queryClient.invalidateQueries({ queryKey: topupKeys.lists() });
        void queryClient.invalidateQueries({ queryKey: balanceKeys.all });
      },
    },
  );
  if (action.review) {
    return (
      <ReviewPanel
        sentence={`Cancel top-up ${topup.id} of ${moneyInWords(topup.amount, topup.currency)}: the money is not taken from the bank, and its pending amount leaves the platform balance.`}
        confirmLabel="Cancel top-up"
        action={action}
        testId="cancel-review"
      />
    );
  }
  return (
    <div className="space-y-2">
      <ActionState checking={null} failure={action.failure} onDismiss={action.dismiss} />
      <Button variant="danger" onClick={() => action.open({ topupId: topup.id })} data-testid="topup-cancel-open">
        Cancel this top-up
      </Button>
    </div>
  );
}
