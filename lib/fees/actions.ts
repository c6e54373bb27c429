'use server';
// Application fee mutations: refunding a fee (in full or in part) and editing a refund's metadata,
// each through defineAction (permission, audit, the form's idempotency key); the Stripe calls and
// their checks are in mutations.ts.
import { defineAction } from '@/lib/actions/safe-action';
import { assessFeeRefund } from './approval';
import { refundFee, updateFeeRefundMetadata } from './mutations';
import { refundFeeSchema, updateFeeRefundSchema } from './schemas';

export const refundApplicationFee = defineAction({
  name: 'refundApplicationFee',
  permission: 'fees.refund',
  schema: refundFeeSchema,
  audit: { action: 'application_fee.refund', targetId: (input) => input.feeId },
  exclusive: true,
  what: 'the refund',
  approval: { action: 'fee_refund', assess: assessFeeRefund },
  run: (input, { operator, idempotencyKey }) => refundFee(input, idempotencyKey, operator.email),
});

export const updateFeeRefund = defineAction({
  name: 'updateFeeRefund',
  permission: 'fees.refund',
  schema: updateFeeRefundSchema,
  audit: { action: 'application_fee_refund.update', targetId: (input) => input.refundId },
  run: (input, { idempotencyKey }) => updateFeeRefundMetadata(input, idempotencyKey),
});
