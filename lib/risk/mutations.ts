// The Stripe call behind approving a Radar review from a case. A review belongs to whoever owns
// its charge: the platform (a destination charge) or the connected account (a direct charge, read
// and approved with the Stripe-Account header), so the charge's row in the index says where to send
// it. The POST carries the form's idempotency key; Stripe's answer updates the index at once
// (the action wrapper's write-back).
import 'server-only';
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { ActionError, type Written } from '@/lib/actions/result';
import type { Db } from '@/lib/db/open';
import { indexObjects } from '@/lib/db/schema';
import { getStripe } from '@/lib/stripe/client';

/** The connected account a review lives on, or null for the platform's own. */
export function reviewOwner(charge: { account: string | null; data: Record<string, unknown> } | undefined): string | null {
  if (!charge?.account) return null;
  const data = charge.data;
  // A destination charge (or one made on behalf of an account) is the platform's.
  const destination = (data.transfer_data as { destination?: unknown } | null | undefined)?.destination;
  return destination || data.on_behalf_of ? null : charge.account;
}

export async function approveReview(db: Db, input: { reviewId: string; accountId: string }, idempotencyKey: string): Promise<Written<Stripe.Review>> {
  const [review] = await db
    .select({ account: indexObjects.account, parent: indexObjects.parent })
    .from(indexObjects)
    .where(and(eq(indexObjects.id, input.reviewId), eq(indexObjects.type, 'review')))
    .limit(1);
  if (!review || review.account !== input.accountId) throw new ActionError(`Review ${input.reviewId} is not one of this account's reviews.`);
  const [charge] = review.parent
    ? await db.select({ account: indexObjects.account, data: indexObjects.data }).from(indexObjects).where(eq(indexObjects.id, review.parent)).limit(1)
    : [];
  const stripeAccount = reviewOwner(charge);
  const options = { idempotencyKey, ...(stripeAccount ? { stripeAccount } : {}) };
  const approved = await getStripe().reviews.approve(input.reviewId, {}, options);
  return { data: approved, requestId: approved.lastResponse?.requestId ?? null, resultId: approved.id };
}
