// The dispute rate over enough of a direct-charge merchant's charges, against the emulator with the
// real SDK. Each merchant's direct charges (made with its Stripe-Account) were made before the
// console started, so only a read of the account's charges brings them into the index: the
// per-account pass reads them for an account with a recent dispute, and a dispute's Connect event
// (charge.dispute.created) for one disputed later, each until the index holds more than 100
// charges per dispute or all of the last 90 days'. A merchant with 1 dispute on 150 charges has no
// dispute-rate signal (its open dispute still shows); one with 1 dispute on 20 charges has it, over
// the complete count. A read stopped at its cap says "at least". On PGlite, and on PostgreSQL when
// DATABASE_URL is set.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, gte, inArray, ne } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OpenDb } from '@/lib/db/open';
import { indexAccounts, indexObjects, riskAccounts } from '@/lib/db/schema';
import { testDatabases } from '@/lib/db/testing';
import { control, createEnabled, startHarness, webhooksSettled, type Harness } from '@/lib/emulator/tests/harness';
import { registerConsoleWebhooks } from '@/scripts/lib/webhook-endpoints.mjs';

const session = vi.hoisted(() => ({ db: null as unknown }));
vi.mock('@/lib/db/client', () => ({ getDb: async () => session.db }));
// The test drains the inbox itself, so it knows when every apply has finished.
vi.mock('@/lib/index/background', () => ({ kickInboxWorker: () => undefined, ensureIndexJobs: () => undefined }));

let h: Harness;
let server: Server;

/** The console's webhook route behind a plain HTTP server, as Next serves it. */
function startReceiver(): Promise<string> {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const { POST } = await import('@/app/api/webhooks/stripe/route');
      const answer = await POST(new Request(`http://127.0.0.1${req.url}`, { method: 'POST', headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) }));
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(await answer.text());
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/** A merchant taking direct charges: `charges` of them, the first `disputed` with Stripe's dispute test card (oldest, so a read newest first reaches them last). */
async function directMerchant(charges: number, disputed: number): Promise<string> {
  const account = (await createEnabled(h.stripe, 'US')).id;
  for (let i = 0; i < charges; i++) {
    await h.stripe.charges.create({ amount: 1000 + i, currency: 'usd', source: i < disputed ? 'tok_createDispute' : 'tok_visa' }, { stripeAccount: account });
  }
  return account;
}

/** Each database's merchants, all made before any webhook endpoint exists: the console hears of none of their charges. */
const merchants = new Map<string, { backfilled150: string; backfilled20: string; later150: string; later20: string; capped: string; many: string }>();

beforeAll(async () => {
  h = await startHarness({ seed: 'empty' });
  process.env.STRIPE_API_BASE = h.url;
  delete process.env.STRIPE_SECRET_KEY;
  for (const { name } of testDatabases()) {
    merchants.set(name, {
      backfilled150: await directMerchant(150, 1),
      backfilled20: await directMerchant(20, 1),
      later150: await directMerchant(150, 0),
      later20: await directMerchant(20, 0),
      capped: await directMerchant(150, 3),
      // More disputes than one page of Stripe's list holds.
      many: await directMerchant(101, 101),
    });
  }
  process.env.STRIPE_WEBHOOK_SECRET = (await registerConsoleWebhooks(h.url, await startReceiver()))!;
}, 300_000);
afterAll(async () => {
  server?.close();
  await h?.close();
});

describe.each(testDatabases())('the dispute rate of direct-charge merchants on $name', ({ name, open }) => {
  let opened: OpenDb;
  let stripe: Stripe;
  let inbox: typeof import('@/lib/index/inbox');
  let m: { backfilled150: string; backfilled20: string; later150: string; later20: string; capped: string; many: string };
  beforeAll(async () => {
    opened = await open();
    session.db = opened.db;
    m = merchants.get(name)!;
    stripe = (await import('@/lib/stripe/client')).getStripe();
    inbox = await import('@/lib/index/inbox');
    const { runBackfill } = await import('@/lib/index/backfill');
    expect((await runBackfill(opened.db, stripe, { holder: 'dispute-rate-test', restart: true })).status).toBe('done');
  }, 300_000);
  afterAll(async () => opened?.close());

  const riskOf = async (account: string) => (await opened.db.select().from(riskAccounts).where(eq(riskAccounts.accountId, account)))[0];
  const chargesHeld = async (account: string) =>
    (await opened.db.select({ id: indexObjects.id }).from(indexObjects).where(and(eq(indexObjects.type, 'charge'), eq(indexObjects.account, account), eq(indexObjects.deleted, false)))).length;
  const heldAfter = async (account: string) => (await opened.db.select({ after: indexAccounts.chargesHeldAfter }).from(indexAccounts).where(eq(indexAccounts.id, account)))[0]?.after;
  /** A dispute raised now on a new direct charge: its Connect events reach the console, which applies them. */
  async function disputeNow(account: string): Promise<void> {
    await h.stripe.charges.create({ amount: 777, currency: 'usd', source: 'tok_createDispute' }, { stripeAccount: account });
    await webhooksSettled(h, 20_000);
    await inbox.drainInbox(opened.db, stripe);
  }

  it('the backfill reads a disputed merchant\'s charges until it holds enough: 1 dispute on 150 charges is no dispute-rate signal, its open dispute is', async () => {
    // More than 100 charges per dispute, not all 150: the read stopped at the first page that made enough.
    const held = await chargesHeld(m.backfilled150);
    expect(held).toBeGreaterThan(100);
    expect(held).toBeLessThan(150);
    const risk = await riskOf(m.backfilled150);
    expect(risk!.kinds).toContain('open_disputes');
    expect(risk!.kinds).not.toContain('dispute_rate');
    expect(risk!.signals.disputes).toMatchObject({ recent: 1, chargesComplete: false });
    expect(risk!.signals.riskyCharges.recent).toBe(held);
  });

  it('the per-account pass reads every page of an account\'s disputes: 101 open disputes, all held and counted', async () => {
    const disputes = await opened.db.select({ id: indexObjects.id }).from(indexObjects).where(and(eq(indexObjects.type, 'dispute'), eq(indexObjects.account, m.many), eq(indexObjects.deleted, false)));
    expect(disputes).toHaveLength(101);
    expect((await riskOf(m.many))!.signals.disputes).toMatchObject({ open: 101, recent: 101 });
  });

  it('1 dispute on 20 charges is a dispute-rate signal over the complete count', async () => {
    expect(await chargesHeld(m.backfilled20)).toBe(20);
    const risk = await riskOf(m.backfilled20);
    expect(risk!.kinds).toEqual(expect.arrayContaining(['open_disputes', 'dispute_rate']));
    expect(risk!.reasons.find((r) => r.kind === 'dispute_rate')?.words).toBe('1 dispute on 20 charges in the last 90 days (dispute rate 5.0%)');
    expect(risk!.signals.disputes.chargesComplete).toBe(true);
  });

  it('an account with no recent dispute is not read: its charges stay out of the index until events bring them', async () => {
    expect(await chargesHeld(m.later150)).toBe(0);
    expect(await heldAfter(m.later150)).toBeNull();
  });

  it("a dispute raised after the backfill reads its merchant's charges from its Connect event: 1 on 151 charges shows no rate", async () => {
    await disputeNow(m.later150);
    expect(await chargesHeld(m.later150)).toBeGreaterThan(100);
    const risk = await riskOf(m.later150);
    expect(risk!.kinds).toContain('open_disputes');
    expect(risk!.kinds).not.toContain('dispute_rate');
  });

  it('a dispute raised after the backfill on a merchant of 20 charges shows the rate over all 21, and a second dispute reads nothing again', async () => {
    await disputeNow(m.later20);
    expect(await chargesHeld(m.later20)).toBe(21);
    let risk = await riskOf(m.later20);
    expect(risk!.reasons.find((r) => r.kind === 'dispute_rate')?.words).toBe('1 dispute on 21 charges in the last 90 days (dispute rate 4.8%)');

    // The window was read to its start: the next dispute's event adds its charge and reads no charges list.
    const { readChargeWindow } = await import('@/lib/index/charge-window');
    expect(await readChargeWindow(opened.db, stripe, m.later20)).toEqual({ outcome: 'skipped', pages: 0, charges: 0 });
    expect((await control(h, 'DELETE', '/_emulator/requests')).status).toBe(200);
    await disputeNow(m.later20);
    const log = (await control(h, 'GET', '/_emulator/requests')).json.data as Array<{ method: string; path: string; stripe_account: string | null }>;
    expect(log.some((r) => r.method === 'POST' && r.path === '/v1/charges' && r.stripe_account === m.later20)).toBe(true);
    expect(log.filter((r) => r.method === 'GET' && r.path === '/v1/charges' && r.stripe_account === m.later20)).toEqual([]);
    risk = await riskOf(m.later20);
    expect(risk!.reasons.find((r) => r.kind === 'dispute_rate')?.words).toBe('2 disputes on 22 charges in the last 90 days (dispute rate 9.1%)');
  });

  it('a read that stopped with enough holds the newest charges and few older ones: no volume burst from the weeks it did not read', async () => {
    const { applyObjects } = await import('@/lib/index/apply');
    const { gatherSignals } = await import('@/lib/risk/recompute');
    const now = 1_800_000_000;
    const day = 86_400;
    const charge = (id: string, created: number) => ({ id, object: 'charge', status: 'succeeded', amount: 1000, currency: 'usd', created });
    for (const [account, heldAfter] of [
      ['acct_burst_partial', now - 10 * day],
      ['acct_burst_never_read', null],
    ] as const) {
      await opened.db.insert(indexAccounts).values({ id: account, status: 'enabled', data: { id: account, object: 'account' }, eventCreated: now, chargesHeldAfter: heldAfter });
      // Ten charges in the last week, three in the days before it down to where the read stopped.
      const charges = [...Array.from({ length: 10 }, (_, i) => charge(`ch_${account}_${i}`, now - i * 3600)), ...[8, 9, 9.5].map((d, i) => charge(`ch_${account}_b${i}`, now - d * day))];
      await applyObjects(opened.db, charges, { created: now, fetched: true, account, bulk: true });
    }
    const gathered = await gatherSignals(opened.db, { all: false, ids: ['acct_burst_partial', 'acct_burst_never_read'] }, now);
    expect(gathered.get('acct_burst_partial')!.signals.volume).toEqual({ recent: 10_000, weeklyBefore: 0 });
    // Never read: the twelve weeks are what the index holds (charges since the console started, and destination charges), as before.
    expect(gathered.get('acct_burst_never_read')!.signals.volume).toEqual({ recent: 10_000, weeklyBefore: 250 });
  });

  it('a read stopped at its cap says "at least" charges and "at most" the rate', async () => {
    // The backfill read this merchant's 150 charges whole (3 disputes need more than 300): start it over with a cap of one page.
    const { readChargeWindow } = await import('@/lib/index/charge-window');
    await opened.db.update(indexAccounts).set({ chargesHeldAfter: null }).where(eq(indexAccounts.id, m.capped));
    const disputedCharges = (await opened.db.select({ parent: indexObjects.parent }).from(indexObjects).where(and(eq(indexObjects.type, 'dispute'), eq(indexObjects.account, m.capped)))).map((r) => r.parent!);
    await opened.db.delete(indexObjects).where(and(eq(indexObjects.type, 'charge'), eq(indexObjects.account, m.capped), ne(indexObjects.id, disputedCharges[0]!), gte(indexObjects.created, 0)));
    expect(disputedCharges).toHaveLength(3);
    await opened.db.delete(indexObjects).where(and(eq(indexObjects.type, 'charge'), inArray(indexObjects.id, disputedCharges.slice(1))));
    expect(await readChargeWindow(opened.db, stripe, m.capped, { maxPages: 1 })).toMatchObject({ outcome: 'capped', pages: 1, charges: 100 });
    const held = await chargesHeld(m.capped);
    expect(held).toBe(101);
    const risk = await riskOf(m.capped);
    expect(risk!.reasons.find((r) => r.kind === 'dispute_rate')?.words).toBe('3 disputes on at least 101 charges in the last 90 days (dispute rate at most 3.0%)');
    // Read on without the cap: from the second of the oldest charge held down to the window's start (the test's charges share a few seconds), and the count is complete.
    expect(await readChargeWindow(opened.db, stripe, m.capped)).toMatchObject({ outcome: 'complete' });
    expect(await chargesHeld(m.capped)).toBe(150);
    expect((await riskOf(m.capped))!.reasons.find((r) => r.kind === 'dispute_rate')?.words).toBe('3 disputes on 150 charges in the last 90 days (dispute rate 2.0%)');
  });

  it('a new backfill forgets how far down any account\'s charges were held (events may have been missed), and reads the disputed ones again', async () => {
    await opened.db.insert(indexAccounts).values({ id: 'acct_held_test', status: 'enabled', data: { id: 'acct_held_test', object: 'account' }, eventCreated: 1, chargesHeldAfter: 1 });
    const { runBackfill } = await import('@/lib/index/backfill');
    expect((await runBackfill(opened.db, stripe, { holder: 'dispute-rate-test', restart: true })).status).toBe('done');
    expect(await heldAfter('acct_held_test')).toBeNull();
    // A disputed merchant read whole before is read whole again.
    expect(await heldAfter(m.backfilled20)).toBeLessThan(Math.floor(Date.now() / 1000) - 89 * 86_400);
  }, 120_000);
});
