// The inputs of the transfer actions, one zod schema each, shared by the forms and the server
// actions (which add the idempotency key). Amounts travel as typed and are parsed with the
// transfer's own currency on the server. Client-safe.
import { z } from 'zod';
import { objectIdSchema } from '@/lib/stripe/id-schema';
import { editableMetadataSchema } from '@/lib/metadata';

export const transferId = objectIdSchema('tr_', 'Not a transfer id (tr_...)');
export const reversalId = objectIdSchema('trr_', 'Not a reversal id (trr_...)');
const description = z.string().trim().max(5000, 'At most 5000 characters.');

export const reverseTransferSchema = z.object({
  transferId,
  full: z.boolean(),
  amount: z.string().max(40),
  refundApplicationFee: z.boolean(),
  description: description.min(3, 'Say why, in a few words.'),
  metadata: editableMetadataSchema,
  /** The transfer's amount_reversed the review was made from: the server refuses if it has changed since. */
  expectedReversed: z.number().int().nonnegative(),
});
export type ReverseTransferInput = z.input<typeof reverseTransferSchema>;

export const updateReversalSchema = z.object({ transferId, reversalId, description, metadata: editableMetadataSchema });
export type UpdateReversalInput = z.input<typeof updateReversalSchema>;

export const reversalsReportSchema = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
