// What lives in each connected account's own store, which the platform's lists do not show and
// Stripe lists only with the account's `Stripe-Account` header, one account at a time: the early
// fraud warnings, open reviews and disputes of its direct charges, the subscription schedules the
// platform made on it (whose phases pay the platform its application fees), and its payouts. The
// backfill reads them after the platform's lists in one pass over the accounts: five requests per
// account (plus one per further 100 of any kind), a few accounts at once, the charge each
// Radar object or dispute is about expanded so it is indexed with it, resumable from the last account done. Webhooks from the
// Connect endpoint keep them fresh afterwards. Then, for each account with a dispute in the last
// RECENT_DAYS days (its own or a destination charge's, read by the platform's step before), its
// direct charges of that window, so its dispute rate is over enough of them (lib/index/charge-window.ts:
// one request per 100 charges, until the index holds more than 100 per dispute or all of them, at
// most 100 requests; on the demo 9 accounts of 240, one request each).
import { and, asc, eq, gt, gte, inArray } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/open';
import { indexAccounts, indexObjects } from '@/lib/db/schema';
import { RECENT_DAYS } from '@/lib/risk/score';
import { applyObjects, type StripeObject } from './apply';
import { readChargeWindow } from './charge-window';
import { answeredAt } from './fetch';
import { saveState } from './state';

// Named anew when the pass began reading schedules, and again for payouts and disputes, and for disputed accounts' charges, so an index filled before then is filled once more (lib/index/background.ts).
export const CONNECT_RADAR_KEY = 'backfill:connect_objects_payouts_disputes_charge_windows';
/** Accounts read at once. */
const PARALLEL = 8;
/** Accounts per saved cursor. */
const BATCH = 200;

type AccountObjects = { charges: StripeObject[]; radar: StripeObject[]; schedules: StripeObject[]; payouts: StripeObject[]; created: number };

type Page = { data: unknown[]; has_more: boolean };

/** The first page's items and those of the pages after it, read `limit: 100` at a time. */
async function allPages(first: Page, next: (after: string) => Promise<Page>): Promise<StripeObject[]> {
  const items = first.data as StripeObject[];
  for (let page = first; page.has_more; ) {
    page = await next((page.data[page.data.length - 1] as StripeObject).id);
    items.push(...(page.data as StripeObject[]));
  }
  return items;
}

/** One account's warnings, open reviews and disputes (with the charges they are about), its schedules and payouts; null when the account cannot be read. */
async function readAccount(stripe: Stripe, account: string): Promise<AccountObjects | null> {
  try {
    const options = { stripeAccount: account };
    const params = { limit: 100, expand: ['data.charge'] };
    const [warnings, reviews, disputes, schedulePage, payoutPage] = await Promise.all([
      stripe.radar.earlyFraudWarnings.list(params, options),
      stripe.reviews.list(params, options),
      stripe.disputes.list(params, options),
      stripe.subscriptionSchedules.list({ limit: 100 }, options),
      stripe.payouts.list({ limit: 100 }, options),
    ]);
    // Every page of each: a merchant with more than 100 warnings, reviews or disputes is the one whose counts matter most.
    const more = (first: Page, list: (p: typeof params & { starting_after: string }) => Promise<Page>) => allPages(first, (after) => list({ ...params, starting_after: after }));
    const radarItems = [
      ...(await more(warnings, (p) => stripe.radar.earlyFraudWarnings.list(p, options))),
      ...(await more(reviews, (p) => stripe.reviews.list(p, options))),
      ...(await more(disputes, (p) => stripe.disputes.list(p, options))),
    ];
    const charges: StripeObject[] = [];
    const radar: StripeObject[] = [];
    for (const item of radarItems) {
      const charge = item.charge as StripeObject | string | null;
      // Kept as Stripe sends it in events: the charge by id.
      if (charge && typeof charge === 'object') {
        charges.push(charge);
        radar.push({ ...item, charge: charge.id });
      } else radar.push(item);
    }
    // Likewise schedules and payouts: the rest, 100 a request.
    const schedules = await allPages(schedulePage, (after) => stripe.subscriptionSchedules.list({ limit: 100, starting_after: after }, options));
    const payouts = await allPages(payoutPage, (after) => stripe.payouts.list({ limit: 100, starting_after: after }, options));
    return { charges, radar, schedules, payouts, created: Math.min(answeredAt(warnings), answeredAt(reviews), answeredAt(disputes), answeredAt(schedulePage), answeredAt(payoutPage)) };
  } catch {
    // An account the platform may no longer act for (deauthorized, deleted meanwhile): nothing to read.
    return null;
  }
}

/** The accounts among `ids` with a dispute of the last RECENT_DAYS days in the index. */
async function disputedSince(db: Db, ids: string[]): Promise<string[]> {
  const from = Math.floor(Date.now() / 1000) - RECENT_DAYS * 86_400;
  const rows = await db
    .selectDistinct({ account: indexObjects.account })
    .from(indexObjects)
    .where(and(eq(indexObjects.type, 'dispute'), inArray(indexObjects.account, ids), gte(indexObjects.created, from), eq(indexObjects.deleted, false)));
  return rows.map((row) => row.account).filter((id): id is string => Boolean(id));
}

/** Reads every connected account's Radar objects, schedules and payouts into the index, from the saved cursor on. */
export async function backfillConnectRadar(
  db: Db,
  stripe: Stripe,
  { cursor, shouldStop, renewLease }: { cursor: string | null; shouldStop?: () => boolean; renewLease: () => Promise<boolean> },
): Promise<'done' | 'stopped' | 'busy'> {
  let after = cursor;
  let objects = 0;
  for (;;) {
    const ids = (
      await db
        .select({ id: indexAccounts.id })
        .from(indexAccounts)
        .where(and(eq(indexAccounts.deleted, false), after ? gt(indexAccounts.id, after) : undefined))
        .orderBy(asc(indexAccounts.id))
        .limit(BATCH)
    ).map((row) => row.id);
    if (ids.length === 0) break;
    if (!(await renewLease())) return 'busy';
    for (let i = 0; i < ids.length; i += PARALLEL) {
      const slice = ids.slice(i, i + PARALLEL);
      const read = await Promise.all(slice.map((id) => readAccount(stripe, id)));
      for (const [k, found] of read.entries()) {
        if (!found) continue;
        const f = { created: found.created, fetched: true, account: slice[k]!, bulk: true };
        if (found.charges.length > 0) await applyObjects(db, found.charges, f);
        if (found.radar.length > 0) await applyObjects(db, found.radar, f);
        if (found.schedules.length > 0) await applyObjects(db, found.schedules, f);
        if (found.payouts.length > 0) await applyObjects(db, found.payouts, f);
        objects += found.charges.length + found.radar.length + found.schedules.length + found.payouts.length;
      }
      for (const read of await Promise.all((await disputedSince(db, slice)).map((id) => readChargeWindow(db, stripe, id, { bulk: true }).catch(() => null)))) {
        // An account that could not be read keeps a count not known complete: its rate says "at least".
        objects += read?.charges ?? 0;
      }
    }
    after = ids[ids.length - 1]!;
    await saveState(db, CONNECT_RADAR_KEY, { status: 'running', cursor: after, objects });
    if (shouldStop?.()) return 'stopped';
  }
  await saveState(db, CONNECT_RADAR_KEY, { status: 'done', finishedAt: new Date() });
  return 'done';
}
