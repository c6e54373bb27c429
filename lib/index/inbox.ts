// The webhook inbox: every event is written first, keyed by its id (a duplicate delivery is a
// no-op), then applied by a worker. Several instances may share one database: a worker claims a
// batch with FOR UPDATE SKIP LOCKED and a claim that expires (a worker that died lets go), applies
// it outside any transaction (an apply may call Stripe), and records the outcome. A failed apply is
// retried with a growing delay, its error kept on the row; after the last try it stays `failed`.
import { sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/open';
import { webhookInbox, type WebhookInboxRow } from '@/lib/db/schema';
import { rowsOf } from '@/lib/db/rows';
import { summarizeErrorForLog } from '@/lib/stripe/errors';
import { applyEvent, type IndexEvent } from './events';

/** Tries before an event is left as failed (about 4.5 hours of retries). */
export const MAX_ATTEMPTS = 12;
/** How long a claim lasts: past it, another worker takes the row. */
const CLAIM_MS = 60_000;

/** The delay before try `attempt + 1`: 1 s, 2 s, 4 s, ... up to one hour. */
export const retryDelayMs = (attempt: number) => Math.min(3_600_000, 1000 * 2 ** Math.max(0, attempt - 1));


/** Writes an event to the inbox; false when it was there already (a duplicate delivery). */
export async function recordEvent(db: Db, event: IndexEvent & Record<string, unknown>, source: 'webhook' | 'catch_up' = 'webhook'): Promise<boolean> {
  const rows = await db
    .insert(webhookInbox)
    .values({ eventId: event.id, type: event.type, account: event.account ?? null, eventCreated: event.created, payload: event, source })
    .onConflictDoNothing({ target: webhookInbox.eventId })
    .returning({ id: webhookInbox.eventId });
  return rows.length > 0;
}

/** The time a claim and a retry are reckoned from: the database's clock (what inserts stamp), or a given one (tests). */
const clock = (now: Date | undefined) => (now ? sql`${now.toISOString()}::timestamptz` : sql`now()`);

/** Claims up to `limit` events due now, oldest first, that no live claim holds. */
export async function claimEvents(db: Db, limit: number, now?: Date): Promise<WebhookInboxRow[]> {
  const at = clock(now);
  const result = await db.execute(sql`
    update webhook_inbox set claimed_until = ${at} + ${`${CLAIM_MS} milliseconds`}::interval, attempts = attempts + 1
    where event_id in (
      select event_id from webhook_inbox
      where status = 'pending' and next_attempt_at <= ${at} and (claimed_until is null or claimed_until < ${at})
      order by event_created, received_at
      limit ${limit}
      for update skip locked)
    returning event_id, type, account, event_created, payload, attempts`);
  return rowsOf<{ event_id: string; type: string; account: string | null; event_created: string | number; payload: unknown; attempts: number }>(result)
    .map((row) => ({ eventId: row.event_id, type: row.type, account: row.account, eventCreated: Number(row.event_created), payload: (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as Record<string, unknown>, attempts: row.attempts }) as WebhookInboxRow)
    .sort((a, b) => a.eventCreated - b.eventCreated);
}

export interface DrainReport {
  applied: number;
  failed: number;
  retrying: number;
}

/** Applies every event due now, in batches, until none is left; returns what happened. */
export async function drainInbox(db: Db, stripe: Stripe, { batch = 50, now }: { batch?: number; now?: () => Date } = {}): Promise<DrainReport> {
  const report: DrainReport = { applied: 0, failed: 0, retrying: 0 };
  for (;;) {
    const claimed = await claimEvents(db, batch, now?.());
    for (const row of claimed) {
      try {
        await applyEvent(db, stripe, row.payload as unknown as IndexEvent);
        await db.execute(sql`update webhook_inbox set status = 'applied', applied_at = now(), claimed_until = null, last_error = null where event_id = ${row.eventId}`);
        report.applied += 1;
      } catch (error) {
        const message = summarizeErrorForLog(error).slice(0, 2000);
        const giveUp = row.attempts >= MAX_ATTEMPTS;
        await db.execute(sql`
          update webhook_inbox set status = ${giveUp ? 'failed' : 'pending'}, last_error = ${message}, claimed_until = null,
            next_attempt_at = ${clock(now?.())} + ${`${retryDelayMs(row.attempts)} milliseconds`}::interval
          where event_id = ${row.eventId}`);
        if (giveUp) report.failed += 1;
        else report.retrying += 1;
        console.error(`index: event ${row.eventId} (${row.type}) could not be applied (try ${row.attempts}): ${message}`);
      }
    }
    if (claimed.length < batch) return report;
  }
}

/** Inbox figures for the Data sync page and the benches. */
export async function inboxSummary(db: Db): Promise<{ pending: number; failed: number; applied: number; lastReceivedAt: Date | null; failures: Array<{ eventId: string; type: string; attempts: number; lastError: string | null }> }> {
  const [counts] = rowsOf<{ pending: number; failed: number; applied: number; last: string | Date | null }>(
    await db.execute(sql`select count(*) filter (where status = 'pending')::int as pending, count(*) filter (where status = 'failed')::int as failed,
      count(*) filter (where status = 'applied')::int as applied, max(received_at) filter (where source = 'webhook') as last from webhook_inbox`),
  );
  const failures = rowsOf<{ event_id: string; type: string; attempts: number; last_error: string | null }>(
    await db.execute(sql`select event_id, type, attempts, last_error from webhook_inbox where last_error is not null and status <> 'applied' order by received_at desc limit 20`),
  );
  return {
    pending: counts?.pending ?? 0,
    failed: counts?.failed ?? 0,
    applied: counts?.applied ?? 0,
    lastReceivedAt: counts?.last ? new Date(counts.last) : null,
    failures: failures.map((row) => ({ eventId: row.event_id, type: row.type, attempts: row.attempts, lastError: row.last_error })),
  };
}

/** Puts a failed or retrying event back to be applied now, with a fresh count of tries (the Data sync page's Retry); false when there is no such event to retry. */
export async function retryInboxEvent(db: Db, eventId: string): Promise<boolean> {
  const result = await db.execute(sql`
    update webhook_inbox set status = 'pending', attempts = 0, next_attempt_at = now(), claimed_until = null
    where event_id = ${eventId} and status <> 'applied'
    returning event_id`);
  return rowsOf<{ event_id: string }>(result).length > 0;
}
