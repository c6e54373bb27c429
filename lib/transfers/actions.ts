'use server';
// Transfer mutations: reversing a transfer (in full or in part) and editing a reversal, each through
// defineAction (permission, audit, the form's idempotency key); the Stripe calls are in mutations.ts.
import { defineAction } from '@/lib/actions/safe-action';
import { assessReversal } from './approval';
import { reverse, updateReversal } from './mutations';
import { reverseTransferSchema, updateReversalSchema } from './schemas';

export const reverseTransfer = defineAction({
  name: 'reverseTransfer',
  permission: 'transfers.reverse',
  schema: reverseTransferSchema,
  audit: { action: 'transfer.reverse', targetId: (input) => input.transferId },
  exclusive: true,
  what: 'the reversal',
  approval: { action: 'transfer_reversal', assess: assessReversal },
  run: (input, { operator, idempotencyKey }) => reverse(input, idempotencyKey, operator.email),
});

export const updateTransferReversal = defineAction({
  name: 'updateTransferReversal',
  permission: 'transfers.reverse',
  schema: updateReversalSchema,
  audit: { action: 'transfer_reversal.update', targetId: (input) => input.reversalId },
  run: (input, { idempotencyKey }) => updateReversal(input, idempotencyKey),
});
