// The Stripe calls behind the top-up actions: create (platform balance, default currency) and
// cancel. A cancel whose answer was lost and is retried finds the top-up already cancelled: that is
// reported as done, not as an error.
import 'server-only';
import Stripe from 'stripe';
import type { z } from 'zod';
import { ActionError } from '@/lib/actions/result';
import type { Written } from '@/lib/fees/mutations';
import { getStripe } from '@/lib/stripe/client';
import { type cancelTopupSchema, type createTopupSchema, TOPUP_CURRENCY, topupAmount } from './schemas';

export async function create(
  input: z.output<typeof createTopupSchema>,
  idempotencyKey: string,
  operatorEmail: string,
): Promise<Written<{ topupId: string; status: string; amount: number; currency: string }>> {
  const parsed = topupAmount(input.amount);
  if (!parsed.ok) throw new ActionError(parsed.error);
  const topup = await getStripe().topups.create(
    {
      amount: parsed.amount,
      currency: TOPUP_CURRENCY,
      description: input.description,
      metadata: { created_by: operatorEmail },
      ...(input.statementDescriptor ? { statement_descriptor: input.statementDescriptor } : {}),
      ...(input.source ? { source: input.source } : {}),
    },
    { idempotencyKey },
  );
  return { data: { topupId: topup.id, status: topup.status, amount: topup.amount, currency: topup.currency }, requestId: topup.lastResponse?.requestId ?? null };
}

export async function cancel(input: z.output<typeof cancelTopupSchema>, idempotencyKey: string): Promise<Written<{ topupId: string; status: string }>> {
  const stripe = getStripe();
  try {
    const topup = await stripe.topups.cancel(input.topupId, {}, { idempotencyKey });
    return { data: { topupId: topup.id, status: topup.status }, requestId: topup.lastResponse?.requestId ?? null };
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
    const now = await stripe.topups.retrieve(input.topupId);
    if (now.status === 'canceled') return { data: { topupId: input.topupId, status: now.status }, requestId: error.requestId ?? null };
    throw new ActionError(`Only a pending top-up can be cancelled; this one is ${now.status}.`, error.requestId);
  }
}
