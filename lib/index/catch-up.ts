// The catch-up: at start and periodically, reads Stripe's /v1/events since the last catch-up
// (Stripe keeps 30 days) into the inbox, so a console that was down, or a delivery that was lost,
// misses nothing; duplicates of delivered events are no-ops there. Beyond 30 days the events are
// gone, so a backfill is asked for instead.
//
// Stripe lists only the platform's own events on the platform's key; a connected account's events
// are listed with its Stripe-Account header, one account at a time, which is not feasible for
// 100,000 accounts. Connect events therefore rely on Stripe's delivery retries (three days) and,
// past that, on a backfill.
import { and, eq, lt } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/open';
import { releaseLease, takeLease } from '@/lib/db/leases';
import { webhookInbox } from '@/lib/db/schema';
import { backfillEverFinished, requestBackfill } from './backfill';
import type { IndexEvent } from './events';
import { answeredAt } from './fetch';
import { recordEvent } from './inbox';
import { CATCH_UP_KEY, catchUpWatermark, saveState } from './state';

const CATCH_UP_LEASE = 'index-catch-up';
/** Stripe's retention of events. */
export const EVENT_RETENTION_SECONDS = 30 * 24 * 3600;

export type CatchUpReport = { status: 'done' | 'busy' | 'backfill_requested' | 'not_started'; read: number; recorded: number; since: number | null };

async function setWatermark(db: Db, at: number): Promise<void> {
  await saveState(db, CATCH_UP_KEY, { status: 'done', watermark: at, finishedAt: new Date() });
}

/** Reads the platform's events since the watermark into the inbox (the caller drains it). */
export async function catchUp(db: Db, stripe: Stripe, { holder }: { holder: string }): Promise<CatchUpReport> {
  if (!(await takeLease(db, CATCH_UP_LEASE, holder, 5 * 60_000))) return { status: 'busy', read: 0, recorded: 0, since: null };
  try {
    const since = await catchUpWatermark(db);
    // No copy yet: the backfill makes one (and starts the watermark).
    if (since === null) return { status: 'not_started', read: 0, recorded: 0, since };
    let read = 0;
    let recorded = 0;
    let now: number | null = null;
    let after: string | undefined;
    // Newest first, every event at or after the watermark (the same second again is harmless: the inbox keeps one of each).
    for (;;) {
      const page = await stripe.events.list({ limit: 100, created: { gte: since }, ...(after ? { starting_after: after } : {}) });
      if (now === null) {
        now = answeredAt(page);
        if (since < now - EVENT_RETENTION_SECONDS && (await backfillEverFinished(db))) {
          await requestBackfill(db);
          await setWatermark(db, now);
          return { status: 'backfill_requested', read: 0, recorded: 0, since };
        }
      }
      for (const event of page.data) {
        read += 1;
        if (await recordEvent(db, event as unknown as IndexEvent & Record<string, unknown>, 'catch_up')) recorded += 1;
      }
      if (!page.has_more || page.data.length === 0) break;
      after = page.data[page.data.length - 1]!.id;
    }
    // Next time from a second before this read began: an event of that second may still have been in the making.
    await setWatermark(db, Math.max(since, now - 1));
    await pruneInbox(db, now);
    return { status: 'done', read, recorded, since };
  } finally {
    await releaseLease(db, CATCH_UP_LEASE, holder).catch(() => undefined);
  }
}

/** Applied events older than Stripe's retention are of no further use. */
async function pruneInbox(db: Db, now: number): Promise<void> {
  await db.delete(webhookInbox).where(and(eq(webhookInbox.status, 'applied'), lt(webhookInbox.eventCreated, now - EVENT_RETENTION_SECONDS - 86_400)));
}
