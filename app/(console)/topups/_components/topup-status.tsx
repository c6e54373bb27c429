// A top-up's status as a badge.
import type Stripe from 'stripe';
import { Badge } from '@/components/ui/badge';
import { TOPUP_STATUS_LABELS, type TopupStatus } from '@/lib/topups/filters';

const TONE = { pending: 'warn', succeeded: 'good', failed: 'bad', canceled: 'neutral', reversed: 'neutral' } as const;

export function TopupStatusBadge({ status }: { status: Stripe.Topup.Status }) {
  const known = status in TONE ? (status as TopupStatus) : null;
  return (
    <Badge tone={known ? TONE[known] : 'neutral'} data-testid="topup-status">
      {known ? TOPUP_STATUS_LABELS[known] : status}
    </Badge>
  );
}
