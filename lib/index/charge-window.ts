// A connected account's direct charges of the dispute rate's window, read just far enough. The
// platform's charges list holds only its own and destination charges; a direct charge lives in the
// account's store (read with its Stripe-Account), and the index gets one from its `charge.*` Connect
// event, or when a warning, review or dispute is about it. So for a direct-charge merchant the
// index holds too few of the last RECENT_DAYS days' charges and the rate reads high. The decision
// is binary (lib/risk/score.ts), so an account with d disputes in the window needs only more than
// d / disputeRate of its charges, or all of them: this pages `GET /v1/charges` of the window (newest
// first, 100 a request, at most MAX_PAGES) until the index holds that many or the window ends.
//
// `index_accounts.charges_held_after` remembers how far down the index holds the account's direct
// charges (every one created after that second: those read, and those events brought since). A
// later read goes on below it only; once it is below the window's start the count is complete and
// nothing is read again (the Connect events keep it so); a new backfill forgets it (events may
// have been missed), lib/index/backfill.ts. Called for each account with a recent dispute by the
// per-account pass (lib/index/connect-radar.ts) and when a dispute is created (lib/index/events.ts).
import { and, eq, gt, gte, isNull, or, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/open';
import { indexAccounts, indexObjects } from '@/lib/db/schema';
import { recomputeAccounts } from '@/lib/risk/recompute';
import { chargesToClearDisputeRate, RECENT_DAYS } from '@/lib/risk/score';
import { applyObjects, type StripeObject } from './apply';
import { answeredAt } from './fetch';

const DAY = 86_400;
/** Requests at most per read: 10,000 charges, enough to clear 99 disputes; past it the rate's words say "at least" (lib/risk/score.ts). */
export const MAX_PAGES = 100;

export type ChargeWindowOutcome =
  /** Nothing to decide (no dispute in the window), or the index already holds enough or all of the window. */
  | 'skipped'
  /** Read until the index held enough charges to decide. */
  | 'enough'
  /** Read to the window's start: the count is complete. */
  | 'complete'
  /** Stopped at MAX_PAGES: the count is a floor. */
  | 'capped';

export interface ChargeWindowRead {
  outcome: ChargeWindowOutcome;
  /** Requests made and charges read. */
  pages: number;
  charges: number;
}

/** How many of the account's objects of a kind the index holds from the second `from` on. */
async function countFrom(db: Db, account: string, type: 'charge' | 'dispute', from: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(indexObjects)
    .where(and(eq(indexObjects.type, type), eq(indexObjects.account, account), gte(indexObjects.created, from), eq(indexObjects.deleted, false)));
  return Number(row?.n ?? 0);
}

/**
 * Reads the account's direct charges of the last RECENT_DAYS days into the index until it holds
 * enough of them to decide the dispute rate, or all of them. `bulk` (the backfill): the risk
 * queue is recomputed at its end, not here.
 */
export async function readChargeWindow(
  db: Db,
  stripe: Stripe,
  account: string,
  { now = Math.floor(Date.now() / 1000), maxPages = MAX_PAGES, bulk = false }: { now?: number; maxPages?: number; bulk?: boolean } = {},
): Promise<ChargeWindowRead> {
  const from = now - RECENT_DAYS * DAY;
  const [disputes, charges, [held]] = await Promise.all([
    countFrom(db, account, 'dispute', from),
    countFrom(db, account, 'charge', from),
    db.select({ after: indexAccounts.chargesHeldAfter }).from(indexAccounts).where(eq(indexAccounts.id, account)),
  ]);
  const needed = chargesToClearDisputeRate(disputes);
  let heldAfter = held?.after ?? null;
  const read: ChargeWindowRead = { outcome: 'skipped', pages: 0, charges: 0 };
  if (disputes === 0 || (heldAfter !== null && heldAfter < from) || charges >= needed) return read;

  // Below what is held already: what was read before, and what events brought since, is not read again.
  const created = heldAfter === null ? { gte: from } : { gte: from, lte: heldAfter };
  let after: string | undefined;
  for (;;) {
    const page = await stripe.charges.list({ created, limit: 100, ...(after ? { starting_after: after } : {}) }, { stripeAccount: account });
    read.pages += 1;
    const items = page.data as unknown as StripeObject[];
    read.charges += items.length;
    if (items.length > 0) await applyObjects(db, items, { created: answeredAt(page), fetched: true, account, bulk: true });
    const last = items[items.length - 1];
    const complete = !page.has_more || !last;
    // Newest first: every charge after the oldest one read is held now (those of its very second may not all be).
    heldAfter = complete ? from - 1 : Number(last.created);
    // Only ever lowered: a concurrent read that went further down is not undone.
    await db
      .update(indexAccounts)
      .set({ chargesHeldAfter: heldAfter })
      .where(and(eq(indexAccounts.id, account), or(isNull(indexAccounts.chargesHeldAfter), gt(indexAccounts.chargesHeldAfter, heldAfter))));
    if (complete) {
      read.outcome = 'complete';
      break;
    }
    after = last.id;
    if ((await countFrom(db, account, 'charge', from)) >= needed) {
      read.outcome = 'enough';
      break;
    }
    if (read.pages >= maxPages) {
      read.outcome = 'capped';
      break;
    }
  }
  if (!bulk) await recomputeAccounts(db, [account], now);
  return read;
}
