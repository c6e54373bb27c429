// The Stripe calls behind the transfer actions. A reversal re-reads the transfer first: the amount
// is parsed with its currency and refused above what is left; refund_application_fee is sent only
// when the transfer came from a charge with a fee; a transfer that changed since the review is
// refused unless this very request already went through (its key is in a reversal's metadata),
// in which case that reversal is the answer and nothing is sent again. Every POST carries the
// form's idempotency key.
import 'server-only';
import type Stripe from 'stripe';
import type { z } from 'zod';
import { carriesRequestKey, madeByRequest, metadataUpdate, REQUEST_KEY_METADATA } from '@/lib/metadata';
import { ActionError, type Written } from '@/lib/actions/result';
import { idOf } from '@/lib/stripe/ids';
import { formatMoney } from '@/lib/money';
import { getStripe } from '@/lib/stripe/client';
import { reversalAmount, transferRemaining } from './reversals';
import type { reverseTransferSchema, updateReversalSchema } from './schemas';

export interface TransferReversed {
  reversalId: string;
  transferId: string;
  destination: string | null;
  amount: number;
  currency: string;
  replayed: boolean;
}

/** The reversal this console request made, found by the request key in its metadata; null if none. */
export async function findReversalByRequest(transferId: string, idempotencyKey: string): Promise<Stripe.TransferReversal | null> {
  return madeByRequest(await getStripe().transfers.listReversals(transferId, { limit: 100 }).autoPagingToArray({ limit: 10_000 }), idempotencyKey);
}

export async function reverse(input: z.output<typeof reverseTransferSchema>, idempotencyKey: string, operatorEmail: string): Promise<Written<TransferReversed>> {
  const stripe = getStripe();
  const [transfer, already] = await Promise.all([
    stripe.transfers.retrieve(input.transferId, { expand: ['source_transaction.application_fee'] }),
    findReversalByRequest(input.transferId, idempotencyKey),
  ]);
  if (already) {
    // This request went through earlier although its answer was lost: that reversal is the answer.
    return {
      data: { reversalId: already.id, transferId: transfer.id, destination: idOf(transfer.destination), amount: already.amount, currency: already.currency, replayed: true },
      requestId: null,
      resultId: already.id,
      foundBy: carriesRequestKey('reversal', already.id),
    };
  }
  if (transfer.amount_reversed !== input.expectedReversed) {
    throw new ActionError(
      `This transfer changed since you reviewed the reversal: ${formatMoney(transfer.amount_reversed, transfer.currency)} has now been reversed and ${formatMoney(transferRemaining(transfer), transfer.currency)} is left. Nothing was reversed; review it again.`,
      undefined,
      true,
    );
  }
  const parsed = reversalAmount(transfer, input.full, input.amount);
  if (!parsed.ok) throw new ActionError(parsed.error);
  const amount = parsed.amount;
  const source = transfer.source_transaction;
  const chargeHasFee = Boolean(source && typeof source !== 'string' && source.application_fee);
  if (input.refundApplicationFee && !chargeHasFee) throw new ActionError('This transfer did not come from a charge with an application fee, so there is no fee to refund.');
  const fee = source && typeof source !== 'string' ? source.application_fee : null;
  if (input.refundApplicationFee && fee && typeof fee !== 'string' && fee.refunded) {
    throw new ActionError(`The application fee ${fee.id} is already fully refunded, so there is none left to refund with this reversal. Nothing was reversed; untick the fee refund and review again.`);
  }
  const metadata: Record<string, string> = {};
  for (const row of input.metadata) metadata[row.key.trim()] = row.value;
  // The reversal object has no description field, so the description is kept in its metadata too.
  Object.assign(metadata, { description: input.description, [REQUEST_KEY_METADATA]: idempotencyKey, reversed_by: operatorEmail });
  const params: Stripe.TransferCreateReversalParams = {
    amount,
    description: input.description,
    metadata,
    ...(chargeHasFee ? { refund_application_fee: input.refundApplicationFee } : {}),
  };
  const reversal = await stripe.transfers.createReversal(input.transferId, params, { idempotencyKey });
  return {
    data: { reversalId: reversal.id, transferId: transfer.id, destination: idOf(transfer.destination), amount: reversal.amount, currency: reversal.currency, replayed: false },
    requestId: reversal.lastResponse?.requestId ?? null,
    resultId: reversal.id,
  };
}

export async function updateReversal(
  input: z.output<typeof updateReversalSchema>,
  idempotencyKey: string,
): Promise<Written<{ reversalId: string; transferId: string; metadata: Record<string, string> }>> {
  const stripe = getStripe();
  const current = await stripe.transfers.retrieveReversal(input.transferId, input.reversalId);
  const rows = [...input.metadata.filter((r) => r.key.trim() !== 'description'), ...(input.description ? [{ key: 'description', value: input.description }] : [])];
  // Stripe takes `description` on a reversal update (its API reference), though the SDK's type omits it.
  const params = { metadata: metadataUpdate(current.metadata, rows), description: input.description } as Stripe.TransferUpdateReversalParams;
  const reversal = await stripe.transfers.updateReversal(input.transferId, input.reversalId, params, { idempotencyKey });
  return { data: { reversalId: reversal.id, transferId: input.transferId, metadata: reversal.metadata ?? {} }, requestId: reversal.lastResponse?.requestId ?? null };
}
