// The inputs of the fee actions, one zod schema each, used by the forms and parsed again by the
// server actions (which add the idempotency key). Amounts travel as the text the operator typed and
// are parsed with the fee's own currency on the server, never trusted from the browser. Client-safe.
import { z } from 'zod';
import { objectIdSchema } from '@/lib/stripe/id-schema';
import { editableMetadataSchema } from '@/lib/metadata';

export const feeId = objectIdSchema('fee_', 'Not an application fee id (fee_...)');
export const feeRefundId = objectIdSchema('fr_', 'Not a fee refund id (fr_...)');

export const refundFeeSchema = z.object({
  feeId,
  full: z.boolean(),
  /** What the operator typed; ignored for a full refund. */
  amount: z.string().max(40),
  reason: z.string().trim().min(3, 'Say why, in a few words (kept in the refund’s metadata).').max(500, 'At most 500 characters.'),
  ticket: z.string().trim().max(100, 'At most 100 characters.'),
  /** The fee's amount_refunded the review was made from: the server refuses if it has changed since. */
  expectedRefunded: z.number().int().nonnegative(),
});
export type RefundFeeInput = z.input<typeof refundFeeSchema>;

export const updateFeeRefundSchema = z.object({ feeId, refundId: feeRefundId, metadata: editableMetadataSchema });
export type UpdateFeeRefundInput = z.input<typeof updateFeeRefundSchema>;

