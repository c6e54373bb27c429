// The Stripe calls behind the top-up actions: create (platform balance, default currency) and
// cancel. A created top-up carries the request's key in its metadata, so a create whose answer was
// lost is found again instead of made twice. A cancel whose answer was lost and is retried finds
// the top-up already cancelled: that is reported as done, not as an error.
import 'server-only';
import Stripe from 'stripe';
import type { z } from 'zod';
import { ActionError, type Written } from '@/lib/actions/result';
import { carriesRequestKey, madeByRequest, REQUEST_KEY_METADATA } from '@/lib/metadata';
import { getStripe } from '@/lib/stripe/client';
import { type cancelTopupSchema, type createTopupSchema, TOPUP_CURRENCY, topupAmount } from './schemas';

/** How far back a lost top-up create is looked for: Stripe keeps idempotency keys for 24 hours. */
const LOOKBACK_SECONDS = 2 * 24 * 60 * 60;

/** The top-up this console request made, found by the request key in its metadata; null if none. */
export async function findTopupByRequest(idempotencyKey: string, since: Date): Promise<Stripe.Topup | null> {
  const gte = Math.floor(since.getTime() / 1000) - LOOKBACK_SECONDS;
  return madeByRequest(await getStripe().topups.list({ limit: 100, created: { gte } }).autoPagingToArray({ limit: 10_000 }), idempotencyKey);
}

export async function create(
  input: z.output<typeof createTopupSchema>,
  idempotencyKey: string,
  operatorEmail: string,
): Promise<Written<{ topupId: string; status: string; amount: number; currency: string }>> {
  const parsed = topupAmount(input.amount);
  if (!parsed.ok) throw new ActionError(parsed.error);
  const already = await findTopupByRequest(idempotencyKey, new Date());
  if (already) {
    return {
      data: { topupId: already.id, status: already.status, amount: already.amount, currency: already.currency },
      requestId: null,
      resultId: already.id,
      foundBy: carriesRequestKey('top-up', already.id),
    };
  }
  const topup = await getStripe().topups.create(
    {
      amount: parsed.amount,
      currency: TOPUP_CURRENCY,
      description: input.description,
      metadata: { created_by: operatorEmail, [REQUEST_KEY_METADATA]: idempotencyKey },
      ...(input.statementDescriptor ? { statement_descriptor: input.statementDescriptor } : {}),
      ...(input.source ? { source: input.source } : {}),
    },
    { idempotencyKey },
  );
  return { data: { topupId: topup.id, status: topup.status, amount: topup.amount, currency: topup.currency }, requestId: topup.lastResponse?.requestId ?? null, resultId: topup.id };
}

export async function cancel(input: z.output<typeof cancelTopupSchema>, idempotencyKey: string): Promise<Written<{ topupId: string; status: string }>> {
  const stripe = getStripe();
  try {
    const topup = await stripe.topups.cancel(input.topupId, {}, { idempotencyKey });
    return { data: { topupId: topup.id, status: topup.status }, requestId: topup.lastResponse?.requestId ?? null, resultId: topup.id };
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
    const now = await stripe.topups.retrieve(input.topupId);
    if (now.status === 'canceled') return { data: { topupId: input.topupId, status: now.status }, requestId: error.requestId ?? null };
    throw new ActionError(`Only a pending top-up can be cancelled; this one is ${now.status}.`, error.requestId);
  }
}
