// The index's background jobs as the readiness check starts them: on the emulator's first start
// the console backfills by itself, then a delivery's event is applied by the inbox worker without
// anyone draining it by hand.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OpenDb } from '@/lib/db/open';
import { indexAccounts } from '@/lib/db/schema';
import { openPglite } from '@/lib/db/open';
import { startHarness, type Harness } from '@/lib/emulator/tests/harness';

const session = vi.hoisted(() => ({ db: null as unknown }));
vi.mock('@/lib/db/client', () => ({ getDb: async () => session.db }));

let h: Harness;
let opened: OpenDb;

beforeAll(async () => {
  h = await startHarness({ seed: 'demo' });
  process.env.STRIPE_API_BASE = h.url;
  process.env.STRIPE_WEBHOOK_SECRET = 'whsec_background_test';
  delete process.env.STRIPE_SECRET_KEY;
  opened = await openPglite();
  session.db = opened.db;
}, 60_000);
afterAll(async () => {
  await opened?.close();
  await h?.close();
});

const until = async (check: () => Promise<boolean>, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('background jobs', () => {
  it('backfill by themselves on the emulator’s first start, then apply deliveries as they come', async () => {
    const { ensureIndexJobs } = await import('@/lib/index/background');
    const { backfillEverFinished } = await import('@/lib/index/backfill');
    ensureIndexJobs();
    await until(() => backfillEverFinished(opened.db));
    expect(await opened.db.$count(indexAccounts, eq(indexAccounts.deleted, false))).toBe(240);

    const account = (await h.stripe.accounts.list({ limit: 1 })).data[0]!;
    await h.stripe.accounts.update(account.id, { metadata: { background: 'yes' } });
    const [event] = (await h.stripe.events.list({ limit: 1 }, { stripeAccount: account.id })).data;
    const payload = JSON.stringify(event);
    const { POST } = await import('@/app/api/webhooks/stripe/route');
    const signature = h.stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_background_test' });
    expect((await POST(new Request('http://localhost/api/webhooks/stripe', { method: 'POST', body: payload, headers: { 'Stripe-Signature': signature } }))).status).toBe(200);
    await until(async () => {
      const [row] = await opened.db.select().from(indexAccounts).where(eq(indexAccounts.id, account.id));
      return row?.metadata.background === 'yes';
    });
  }, 60_000);
});
