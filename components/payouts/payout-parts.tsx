// A payout's parts as the Payouts list and the account page's Payouts section both show them: its
// status as a badge, and a failure in words with its code.
import { StatusBadge, type BadgeTone } from '@/components/ui/badge';
import { PAYOUT_TAB_LABELS, type PayoutStatus } from '@/lib/payouts/filters';
import { failureWords } from '@/lib/payouts/words';

const TONES: Record<PayoutStatus, BadgeTone> = {
  pending: 'brand',
  in_transit: 'brand',
  paid: 'good',
  failed: 'bad',
  canceled: 'neutral',
};

export function PayoutStatusBadge({ status }: { status: PayoutStatus }) {
  return <StatusBadge status={status} labels={PAYOUT_TAB_LABELS} tones={TONES} testId="payout-status" />;
}

/** Why a failed payout failed, in words with Stripe's code; nothing for the others. */
export function PayoutFailure({ status, failureCode }: { status: PayoutStatus; failureCode: string | null }) {
  if (status !== 'failed') return null;
  return (
    <p className="text-xs text-mode-live-ink" data-testid="payout-failure">
      Failed: {failureWords(failureCode)}
    </p>
  );
}
