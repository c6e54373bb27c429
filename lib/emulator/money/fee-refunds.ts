// Application fee refunds under Stripe's rules: the whole fee when no amount is given, never
// more than what is left, never on a fee already fully refunded. The platform gives the money
// back to the account the fee was taken from (movements.ts).
import type Stripe from 'stripe';
import { invalidRequest, noSuch } from '../core/errors';
import type { Ctx } from '../core/router';
import { formatAmount } from './currencies';
import { executeFeeRefund } from './movements';

export function requireApplicationFee(ctx: Ctx, id: string, param = 'id'): Stripe.ApplicationFee {
  const fee = ctx.world.applicationFees.get(id);
  if (!fee) throw noSuch('application fee', id, param);
  return fee;
}

export function requireFeeRefund(ctx: Ctx, feeId: string, id: string): Stripe.FeeRefund {
  requireApplicationFee(ctx, feeId);
  const refund = ctx.world.feeRefunds.get(id);
  const of = refund && (typeof refund.fee === 'string' ? refund.fee : refund.fee.id);
  if (!refund || of !== feeId) throw noSuch('fee refund', id);
  return refund;
}

export interface NewFeeRefund {
  /** Defaults to all that is left of the fee. */
  amount?: number;
  metadata?: Stripe.Metadata | null;
}

/** Refunds an application fee (in full or in part) under every rule of POST /v1/application_fees/:id/refunds. */
export function refundApplicationFee(ctx: Ctx, feeId: string, p: NewFeeRefund): Stripe.FeeRefund {
  const fee = requireApplicationFee(ctx, feeId);
  const left = fee.amount - fee.amount_refunded;
  if (left <= 0) throw invalidRequest(`Application fee ${fee.id} has already been refunded.`, { code: 'charge_already_refunded' });
  const amount = p.amount ?? left;
  if (amount > left) {
    throw invalidRequest(
      `Refund amount (${formatAmount(amount, fee.currency)}) is greater than the unrefunded amount on the application fee (${formatAmount(left, fee.currency)}).`,
      { param: 'amount' },
    );
  }
  return executeFeeRefund(ctx, fee, amount, p.metadata ?? {});
}
