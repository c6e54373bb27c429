// The setup the index's integration tests share (index-schedules, index-payouts, index-disputes,
// risk-queue, index-webhooks): the emulator with the console's webhook route behind a local HTTP server, as Next
// serves it, and the console's endpoints registered as `npm start` registers them; and, for each
// database the machine offers (describe.each(testDatabases())), a fresh database handed to the
// console's db client and backfilled from the emulator. A file mocks the db client and the
// background jobs itself (vi.mock belongs to the file), with the mocks below:
//   vi.mock('@/lib/db/client', () => import('./index-fixture').then((f) => f.dbClientMock));
//   vi.mock('@/lib/index/background', () => import('./index-fixture').then((f) => f.backgroundMock));
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Db, OpenDb } from '@/lib/db/open';
import { indexObjects } from '@/lib/db/schema';
import type { TestOpenDb } from '@/lib/db/testing';
import type { EmulatorOptions } from '@/lib/emulator/server';
import { startHarness, webhooksSettled, type Harness } from '@/lib/emulator/tests/harness';
import { registerConsoleWebhooks } from '@/scripts/lib/webhook-endpoints.mjs';

/** The database the suite running now opened: what the console's getDb() answers. */
const session = { db: null as unknown };

export const dbClientMock = { getDb: async () => session.db };
// The tests drain the inbox themselves, so they know when every apply has finished.
export const backgroundMock = { kickInboxWorker: () => undefined, ensureIndexJobs: () => undefined };

/** The emulator of a test file; `deliveries` counts the webhook deliveries the console's route received. */
export type ConsoleEmulator = Harness & { deliveries: number };

/** The console's webhook route behind a plain HTTP server on loopback; resolves to its URL. */
function startReceiver(server: Server, h: ConsoleEmulator): Promise<string> {
  server.on('request', (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      h.deliveries += 1;
      const { POST } = await import('@/app/api/webhooks/stripe/route');
      const answer = await POST(new Request(`http://127.0.0.1${req.url}`, { method: 'POST', headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) }));
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(await answer.text());
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/**
 * One emulator for a test file, the console pointed at it (STRIPE_API_BASE, no key) and its
 * webhooks delivered to the console's route: started before the file's tests, closed after them.
 * Call at the top of the file, `const h = consoleEmulatorForFile({ seed: 'demo' });`: `h` is the
 * harness once started (a `beforeAll` registered after this call runs once it is).
 */
export function consoleEmulatorForFile(options: EmulatorOptions = { seed: 'demo' }, timeout = 120_000): ConsoleEmulator {
  const h = { deliveries: 0 } as ConsoleEmulator;
  const server = createServer();
  beforeAll(async () => {
    Object.assign(h, await startHarness(options));
    process.env.STRIPE_API_BASE = h.url;
    delete process.env.STRIPE_SECRET_KEY;
    process.env.STRIPE_WEBHOOK_SECRET = (await registerConsoleWebhooks(h.url, await startReceiver(server, h)))!;
  }, timeout);
  afterAll(async () => {
    server.close();
    await h.close?.();
  });
  return h;
}

/** A suite's database, backfilled from the emulator, with the console's Stripe client and webhook inbox. */
export interface IndexDatabase {
  opened: OpenDb;
  db: Db;
  stripe: Stripe;
  inbox: typeof import('@/lib/index/inbox');
  /** Every webhook delivered (within `ms`), then every event in the inbox applied. */
  settle(ms?: number): Promise<void>;
  /** An object's row in the index. */
  rowOf(id: string): Promise<typeof indexObjects.$inferSelect | undefined>;
}

/**
 * Inside a `describe.each(testDatabases())` suite: its database opened before its tests, handed to
 * the console's db client and backfilled (as `holder`) from the file's emulator; closed after them.
 * `index` is ready once the suite's tests run.
 */
export function backfilledDatabase(h: Harness, open: () => Promise<TestOpenDb>, holder: string, timeout = 120_000): IndexDatabase {
  const index = {
    async settle(ms = 20_000) {
      await webhooksSettled(h, ms);
      await index.inbox.drainInbox(index.db, index.stripe);
    },
    rowOf: async (id: string) => (await index.db.select().from(indexObjects).where(eq(indexObjects.id, id)))[0],
  } as IndexDatabase;
  beforeAll(async () => {
    index.opened = await open();
    index.db = index.opened.db;
    session.db = index.db;
    index.stripe = (await import('@/lib/stripe/client')).getStripe();
    index.inbox = await import('@/lib/index/inbox');
    const { runBackfill } = await import('@/lib/index/backfill');
    expect((await runBackfill(index.db, index.stripe, { holder, restart: true })).status).toBe('done');
  }, timeout);
  afterAll(async () => index.opened?.close());
  return index;
}
