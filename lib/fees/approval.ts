// What an application fee refund is, for a four-eyes policy (lib/approvals): the amount in the
// fee's currency, the review sentence, and the fee's state to compare at approval. Reads only.
import 'server-only';
import type { z } from 'zod';
import { ActionError } from '@/lib/actions/result';
import type { Assessment } from '@/lib/approvals/assessment';
import { formatMoney } from '@/lib/money';
import { getStripe } from '@/lib/stripe/client';
import { describeFeeRefund, feeRemaining, refundAmount } from './refunds';
import type { refundFeeSchema } from './schemas';

export async function assessFeeRefund(input: z.output<typeof refundFeeSchema>): Promise<Assessment> {
  const fee = await getStripe().applicationFees.retrieve(input.feeId);
  const asReviewed = { ...fee, amount_refunded: input.expectedRefunded };
  const parsed = refundAmount(asReviewed, input.full, input.amount);
  if (!parsed.ok) throw new ActionError(parsed.error);
  return {
    targetId: fee.id,
    subject: { amount: parsed.amount, currency: fee.currency },
    summary: describeFeeRefund(asReviewed, parsed.amount),
    snapshot: { 'Refunded so far': formatMoney(fee.amount_refunded, fee.currency), 'Left to refund': formatMoney(feeRemaining(fee), fee.currency) },
  };
}
