// Reading an indexed object again from Stripe, and how new an answer is. An answer is the truth at
// the second Stripe made it: its `Date` header, on Stripe's clock (the clock events' `created` is
// on). Without one (never on Stripe) the console's clock stands in.
import Stripe from 'stripe';
import type { Db } from '@/lib/db/open';
import { applyDeletion, applyObjects, type StripeObject } from './apply';
import type { IndexedObjectType } from './object-row';

/** The Stripe-clock second an API answer (an object or a list page from the SDK) was made. */
export function answeredAt(answer: unknown): number {
  const headers = (answer as { lastResponse?: { headers?: Record<string, string | string[] | undefined> } } | null)?.lastResponse?.headers;
  const date = headers?.date ?? headers?.Date;
  const ms = typeof date === 'string' ? Date.parse(date) : NaN;
  return Math.floor((Number.isFinite(ms) ? ms : Date.now()) / 1000);
}

/** What identifies an object for a new read: its kind, id, parent (reversal, fee refund) and account (Connect). */
export interface ObjectRef {
  object: 'account' | IndexedObjectType;
  id: string;
  parent?: string | null;
  account?: string | null;
}

/** The object as Stripe has it now; null when it is gone (deleted, or no longer this platform's). */
export async function retrieveObject(stripe: Stripe, ref: ObjectRef): Promise<StripeObject | null> {
  const opts = ref.account ? { stripeAccount: ref.account } : undefined;
  try {
    switch (ref.object) {
      case 'account':
        return asObject(await stripe.accounts.retrieve(ref.id));
      case 'charge':
        return asObject(await stripe.charges.retrieve(ref.id, {}, opts));
      case 'transfer':
        return asObject(await stripe.transfers.retrieve(ref.id));
      case 'transfer_reversal':
        return ref.parent ? asObject(await stripe.transfers.retrieveReversal(ref.parent, ref.id)) : null;
      case 'application_fee':
        return asObject(await stripe.applicationFees.retrieve(ref.id));
      case 'fee_refund':
        return ref.parent ? asObject(await stripe.applicationFees.retrieveRefund(ref.parent, ref.id)) : null;
      case 'topup':
        return asObject(await stripe.topups.retrieve(ref.id));
      case 'radar.early_fraud_warning':
        return asObject(await stripe.radar.earlyFraudWarnings.retrieve(ref.id, {}, opts));
      case 'review':
        return asObject(await stripe.reviews.retrieve(ref.id, {}, opts));
      case 'dispute':
        return asObject(await stripe.disputes.retrieve(ref.id, {}, opts));
      case 'subscription_schedule':
        return ref.account ? asObject(await stripe.subscriptionSchedules.retrieve(ref.id, {}, opts)) : null;
      case 'payout':
        return ref.account ? asObject(await stripe.payouts.retrieve(ref.id, {}, opts)) : null;
    }
  } catch (error) {
    // Gone, or no longer ours (a deleted account answers 403 or 404): the index drops it.
    if (error instanceof Stripe.errors.StripeError && (error.statusCode === 404 || error.statusCode === 403)) return null;
    throw error;
  }
}

const asObject = (o: unknown) => o as StripeObject;

/**
 * Reads the object again and writes what Stripe has now (a tombstone when it is gone). Returns
 * the object read, or null when it was gone.
 */
export async function refetchObject(db: Db, stripe: Stripe, ref: ObjectRef): Promise<StripeObject | null> {
  const before = Math.floor(Date.now() / 1000);
  const fresh = await retrieveObject(stripe, ref);
  if (!fresh) {
    await applyDeletion(db, { id: ref.id, object: ref.object }, { created: before, fetched: true });
    return null;
  }
  await applyWithChildren(db, fresh, { created: answeredAt(fresh), fetched: true, account: ref.account ?? null });
  return fresh;
}

/** The first page of children a transfer (reversals) or a fee (refunds) carries. */
export function embeddedChildren(o: StripeObject): StripeObject[] {
  const list = o.object === 'transfer' ? o.reversals : o.object === 'application_fee' ? o.refunds : null;
  const data = (list as { data?: unknown } | null | undefined)?.data;
  return Array.isArray(data) ? (data as StripeObject[]) : [];
}

/** Applies an object with the children it embeds (a transfer's reversals, a fee's refunds), parent first. */
export async function applyWithChildren(db: Db, o: StripeObject, f: Parameters<typeof applyObjects>[2]): Promise<Set<string>> {
  const written = await applyObjects(db, [o], f);
  const children = embeddedChildren(o);
  if (children.length > 0) for (const id of await applyObjects(db, children, f)) written.add(id);
  return written;
}
