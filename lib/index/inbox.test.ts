// The webhook inbox on every database the machine offers: a duplicate is kept once; claims never
// overlap while they last and are taken over once they expire; a failed apply is retried with a
// growing delay and its error kept on the row, then left failed after the last try.
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDb } from '@/lib/db/open';
import { webhookInbox } from '@/lib/db/schema';
import { testDatabases } from '@/lib/db/testing';
import { claimEvents, drainInbox, MAX_ATTEMPTS, recordEvent, retryDelayMs } from './inbox';

/** An event whose apply reads the account again (a capability changed): the stub makes that fail. */
const capabilityEvent = (id: string, created = 1_800_000_000) => ({
  id,
  object: 'event',
  type: 'capability.updated',
  created,
  account: 'acct_1Inbox',
  data: { object: { id: 'card_payments', object: 'capability', account: 'acct_1Inbox', status: 'active' } },
});
const failing = { accounts: { retrieve: async () => Promise.reject(new Error('Stripe is down')) } } as unknown as Stripe;

describe.each(testDatabases())('the webhook inbox on $name', ({ open }) => {
  let opened: OpenDb;
  beforeAll(async () => {
    opened = await open();
  }, 60_000);
  afterAll(async () => opened?.close());

  it('keeps a duplicate delivery once', async () => {
    expect(await recordEvent(opened.db, capabilityEvent('evt_dup'))).toBe(true);
    expect(await recordEvent(opened.db, capabilityEvent('evt_dup'))).toBe(false);
    expect(await opened.db.$count(webhookInbox, eq(webhookInbox.eventId, 'evt_dup'))).toBe(1);
    await opened.db.delete(webhookInbox);
  });

  it('gives each event to one worker while its claim lasts, and to another once it expired', async () => {
    for (let i = 0; i < 6; i++) await recordEvent(opened.db, capabilityEvent(`evt_claim_${i}`, 1_800_000_000 + i));
    // A second on: PostgreSQL stamps inserts to the microsecond, after this process's millisecond.
    const now = new Date(Date.now() + 1000);
    const first = await claimEvents(opened.db, 4, now);
    const second = await claimEvents(opened.db, 4, now);
    expect(first.map((e) => e.eventId)).toEqual(['evt_claim_0', 'evt_claim_1', 'evt_claim_2', 'evt_claim_3']);
    expect(second.map((e) => e.eventId)).toEqual(['evt_claim_4', 'evt_claim_5']);
    expect(await claimEvents(opened.db, 4, now)).toEqual([]);
    // The first worker died: past its claim, the events go to another.
    const later = await claimEvents(opened.db, 10, new Date(now.getTime() + 61_000));
    expect(later).toHaveLength(6);
    expect(later[0]!.attempts).toBe(2);
    await opened.db.delete(webhookInbox);
  });

  it('retries a failed apply with a growing delay, keeps its error, and gives up after the last try', async () => {
    await recordEvent(opened.db, capabilityEvent('evt_fails'));
    let now = new Date(Date.now() + 1000);
    const report = await drainInbox(opened.db, failing, { now: () => now });
    expect(report).toEqual({ applied: 0, failed: 0, retrying: 1 });
    let [row] = await opened.db.select().from(webhookInbox).where(eq(webhookInbox.eventId, 'evt_fails'));
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('Stripe is down') });
    expect(row!.nextAttemptAt.getTime() - now.getTime()).toBe(retryDelayMs(1));
    // Not due yet: nothing is tried.
    expect(await drainInbox(opened.db, failing, { now: () => now })).toEqual({ applied: 0, failed: 0, retrying: 0 });
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now = new Date(row!.nextAttemptAt.getTime() + 1);
      await drainInbox(opened.db, failing, { now: () => now });
      [row] = await opened.db.select().from(webhookInbox).where(eq(webhookInbox.eventId, 'evt_fails'));
      if (attempt < MAX_ATTEMPTS) expect(row!.nextAttemptAt.getTime() - now.getTime()).toBe(retryDelayMs(attempt));
    }
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: expect.stringContaining('Stripe is down') });
    expect(retryDelayMs(1)).toBe(1000);
    expect(retryDelayMs(3)).toBe(4000);
    expect(retryDelayMs(30)).toBe(3_600_000);
  });
});
