// What a Stripe event does to the index. Most events carry the object as it stood right after the
// change: applied when newer than the row (lib/index/apply.ts). Where the object cannot be trusted
// to be the latest, it is read again from Stripe: an event of the same second as the row, and
// events whose object is not the indexed one (a capability changes its account). A deauthorized
// account and deleted objects become tombstones. A new dispute reads its account's charges of the
// dispute rate's window as far as the rate needs (lib/index/charge-window.ts).
import type Stripe from 'stripe';
import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/open';
import { indexObjects } from '@/lib/db/schema';
import { applyDeletion, applyObject, applyObjects, isIndexed, type StripeObject } from './apply';
import { readChargeWindow } from './charge-window';
import { embeddedChildren, refetchObject, type ObjectRef } from './fetch';

export type EventOutcome = 'applied' | 'stale' | 'refetched' | 'deleted' | 'ignored';

/** The parts of an event the index reads (a webhook payload, or an event from /v1/events). */
export interface IndexEvent {
  id: string;
  type: string;
  created: number;
  account?: string | null;
  data: { object: Record<string, unknown> };
}

const refOf = (o: StripeObject, account: string | null): ObjectRef => ({
  object: o.object as ObjectRef['object'],
  id: o.id,
  parent: typeof o.transfer === 'string' ? o.transfer : typeof o.fee === 'string' ? o.fee : null,
  account,
});

export async function applyEvent(db: Db, stripe: Stripe, event: IndexEvent): Promise<EventOutcome> {
  const object = event.data.object as StripeObject;
  const account = event.account ?? null;
  const freshness = { created: event.created, fetched: false, account };

  // The account left the platform: the object is the platform's application, the account is the event's.
  if (event.type === 'account.application.deauthorized') {
    if (!account) return 'ignored';
    await applyDeletion(db, { id: account, object: 'account' }, freshness);
    return 'deleted';
  }
  // A capability's status shows in its account's `capabilities`: read the account again.
  if (event.type === 'capability.updated') {
    const owner = account ?? (typeof object.account === 'string' ? object.account : null);
    if (!owner) return 'ignored';
    await refetchObject(db, stripe, { object: 'account', id: owner });
    return 'refetched';
  }
  if (!object || typeof object.id !== 'string' || !isIndexed(object, account)) return 'ignored';
  if (event.type.endsWith('.deleted') || object.deleted === true) {
    await applyDeletion(db, object, freshness);
    return 'deleted';
  }
  const result = await applyObject(db, object, freshness);
  let outcome: EventOutcome = result === 'applied' ? 'applied' : 'stale';
  if (result === 'ambiguous') {
    await refetchObject(db, stripe, refOf(object, account));
    outcome = 'refetched';
  }
  // A transfer's reversals and a fee's refunds come embedded, newest first (Stripe has no events
  // of their own for new ones): the page embedded holds the one just made.
  if (result === 'applied') {
    const children = embeddedChildren(object);
    if (children.length > 0) await applyObjects(db, children, freshness);
  }
  if (event.type === 'charge.dispute.created') await readWindowOfDispute(db, stripe, object.id, account);
  return outcome;
}

/**
 * A new dispute, once per dispute: its account's dispute rate needs enough of the account's charges
 * of the window, and a direct charge's merchant has only those made since the console started (or
 * read before) in the index. A destination charge's dispute (a platform event) names its account
 * through the charge: that account may take direct charges too, and when the index already holds
 * enough of its charges nothing is read.
 */
async function readWindowOfDispute(db: Db, stripe: Stripe, dispute: string, account: string | null): Promise<void> {
  const owner = account ?? (await db.select({ account: indexObjects.account }).from(indexObjects).where(eq(indexObjects.id, dispute)))[0]?.account;
  if (owner) await readChargeWindow(db, stripe, owner);
}
