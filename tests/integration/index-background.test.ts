// The index's background jobs as the readiness check starts them: on the emulator's first start
// the console backfills by itself, then a delivery's event is applied by the inbox worker without
// anyone draining it by hand; when the emulator holds new data (restarted or reset), the index is
// emptied and backfilled again by itself. And how the index takes an emulator instance: an empty
// one as its own, a filled one kept from an earlier start (or another instance) as a reason to
// start over.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OpenDb } from '@/lib/db/open';
import { indexAccounts } from '@/lib/db/schema';
import { openPglite } from '@/lib/db/open';
import { applyObjects } from '@/lib/index/apply';
import { readState, saveState } from '@/lib/index/state';
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

  it('start over when the emulator holds new data: the index is emptied and backfilled again', async () => {
    const { backfillEverFinished } = await import('@/lib/index/backfill');
    const { refetchObject } = await import('@/lib/index/fetch');
    const { EMULATOR_WORLD_KEY } = await import('@/lib/index/emulator-world');
    const stripe = (await import('@/lib/stripe/client')).getStripe();
    // An account only the old data has, in the index.
    const made = await h.stripe.accounts.create({ type: 'custom', country: 'US', capabilities: { transfers: { requested: true } } });
    await refetchObject(opened.db, stripe, { object: 'account', id: made.id });
    const row = async () => (await opened.db.select().from(indexAccounts).where(eq(indexAccounts.id, made.id)))[0];
    expect(await row()).toBeDefined();
    const before = (await readState(opened.db)).get(EMULATOR_WORLD_KEY)?.status;
    expect(before).toMatch(/^emu_/);

    await fetch(`${h.url}/_emulator/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    await until(async () => (await row()) === undefined && (await backfillEverFinished(opened.db)));
    expect(await opened.db.$count(indexAccounts, eq(indexAccounts.deleted, false))).toBe(240);
    expect((await readState(opened.db)).get(EMULATOR_WORLD_KEY)?.status).not.toBe(before);
  }, 60_000);
});

describe('the emulator instance the index was copied from', () => {
  it('is taken by an empty index; a filled index without one, or with another, starts over', async () => {
    const { noteEmulatorWorld } = await import('@/lib/index/emulator-world');
    const fresh = await openPglite();
    try {
      expect(await noteEmulatorWorld(fresh.db, 'emu_first', 'test')).toBe('first');
      expect(await noteEmulatorWorld(fresh.db, 'emu_first', 'test')).toBe('same');
      await applyObjects(fresh.db, [{ id: 'acct_Old', object: 'account' }], { created: 1, fetched: true });
      expect(await noteEmulatorWorld(fresh.db, 'emu_second', 'test')).toBe('new');
      expect(await fresh.db.$count(indexAccounts)).toBe(0);
      expect((await readState(fresh.db)).get('backfill')?.status).toBe('requested');

      // A database kept from an earlier start, before the console noted instances.
      const kept = await openPglite();
      try {
        await applyObjects(kept.db, [{ id: 'acct_Old', object: 'account' }], { created: 1, fetched: true });
        await saveState(kept.db, 'backfill:last_finished', { status: 'done', finishedAt: new Date() });
        expect(await noteEmulatorWorld(kept.db, 'emu_any', 'test')).toBe('new');
        expect(await kept.db.$count(indexAccounts)).toBe(0);
      } finally {
        await kept.close();
      }
    } finally {
      await fresh.close();
    }
  });
});
