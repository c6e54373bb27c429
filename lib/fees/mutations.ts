// The Stripe calls behind the fee actions (actions.ts wraps each in the audited, permission-checked
// action). A refund re-reads the fee first: the amount is parsed with the fee's currency and refused
// above what is left, and a fee that changed since the review (a second tab, another operator) is
// refused, unless this very request already went through (its key is in a refund's metadata), in
// which case that refund is the answer and nothing is sent again. Every POST carries the form's key.
import 'server-only';
import type Stripe from 'stripe';
import { carriesRequestKey, madeByRequest, metadataUpdate, REQUEST_KEY_METADATA } from '@/lib/metadata';
import { ActionError, type Written } from '@/lib/actions/result';
import { formatMoney } from '@/lib/money';
import { getStripe } from '@/lib/stripe/client';
import { idOf } from '@/lib/stripe/ids';
import { feeRemaining, refundAmount } from './refunds';
import type { refundFeeSchema, updateFeeRefundSchema } from './schemas';
import type { z } from 'zod';

export interface FeeRefunded {
  refundId: string;
  feeId: string;
  account: string | null;
  amount: number;
  currency: string;
  replayed: boolean;
}

/** The fee refund this console request made, found by the request key in its metadata; null if none. */
export async function findFeeRefundByRequest(feeId: string, idempotencyKey: string): Promise<Stripe.FeeRefund | null> {
  return madeByRequest(await getStripe().applicationFees.listRefunds(feeId, { limit: 100 }).autoPagingToArray({ limit: 10_000 }), idempotencyKey);
}

export async function refundFee(input: z.output<typeof refundFeeSchema>, idempotencyKey: string, operatorEmail: string): Promise<Written<FeeRefunded>> {
  const stripe = getStripe();
  const [fee, already] = await Promise.all([stripe.applicationFees.retrieve(input.feeId), findFeeRefundByRequest(input.feeId, idempotencyKey)]);
  if (already) {
    // This request went through earlier although its answer was lost: that refund is the answer.
    return {
      data: { refundId: already.id, feeId: fee.id, account: idOf(fee.account), amount: already.amount, currency: already.currency, replayed: true },
      requestId: null,
      resultId: already.id,
      foundBy: carriesRequestKey('refund', already.id),
    };
  }
  if (fee.amount_refunded !== input.expectedRefunded) {
    throw new ActionError(
      `This fee changed since you reviewed the refund: ${formatMoney(fee.amount_refunded, fee.currency)} has now been refunded and ${formatMoney(feeRemaining(fee), fee.currency)} is left. Nothing was refunded; review the refund again.`,
      undefined,
      true,
    );
  }
  const parsed = refundAmount(fee, input.full, input.amount);
  if (!parsed.ok) throw new ActionError(parsed.error);
  const amount = parsed.amount;
  const metadata: Record<string, string> = { reason: input.reason, [REQUEST_KEY_METADATA]: idempotencyKey, refunded_by: operatorEmail };
  if (input.ticket) metadata.ticket = input.ticket;
  const refund = await stripe.applicationFees.createRefund(input.feeId, { amount, metadata }, { idempotencyKey });
  return {
    data: { refundId: refund.id, feeId: fee.id, account: idOf(fee.account), amount: refund.amount, currency: refund.currency, replayed: false },
    requestId: refund.lastResponse?.requestId ?? null,
    resultId: refund.id,
  };
}

export async function updateFeeRefundMetadata(
  input: z.output<typeof updateFeeRefundSchema>,
  idempotencyKey: string,
): Promise<Written<{ refundId: string; feeId: string; metadata: Record<string, string> }>> {
  const stripe = getStripe();
  const current = await stripe.applicationFees.retrieveRefund(input.feeId, input.refundId);
  const refund = await stripe.applicationFees.updateRefund(input.feeId, input.refundId, { metadata: metadataUpdate(current.metadata, input.metadata) }, { idempotencyKey });
  return { data: { refundId: refund.id, feeId: input.feeId, metadata: refund.metadata ?? {} }, requestId: refund.lastResponse?.requestId ?? null };
}
