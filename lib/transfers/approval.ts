// What a transfer reversal is, for a four-eyes policy (lib/approvals): the amount in the
// transfer's currency, the review sentence, and the transfer's state to compare at approval. Reads only.
import 'server-only';
import type { z } from 'zod';
import { ActionError } from '@/lib/actions/result';
import type { Assessment } from '@/lib/approvals/assessment';
import { formatMoney } from '@/lib/money';
import { getStripe } from '@/lib/stripe/client';
import { describeReversal, reversalAmount, transferRemaining } from './reversals';
import type { reverseTransferSchema } from './schemas';

export async function assessReversal(input: z.output<typeof reverseTransferSchema>): Promise<Assessment> {
  const transfer = await getStripe().transfers.retrieve(input.transferId);
  const parsed = reversalAmount({ ...transfer, amount_reversed: input.expectedReversed }, input.full, input.amount);
  if (!parsed.ok) throw new ActionError(parsed.error);
  return {
    targetId: transfer.id,
    subject: { amount: parsed.amount, currency: transfer.currency },
    summary: describeReversal({ ...transfer, amount_reversed: input.expectedReversed }, parsed.amount, input.refundApplicationFee),
    snapshot: {
      'Reversed so far': formatMoney(transfer.amount_reversed, transfer.currency),
      'Left to reverse': formatMoney(transferRemaining(transfer), transfer.currency),
    },
  };
}
