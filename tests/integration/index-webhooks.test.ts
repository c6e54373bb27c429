// The index kept fresh by the emulator's own webhook deliveries: the console's endpoints are
// registered as `npm start` registers them (scripts/lib/webhook-endpoints.mjs), the route runs
// behind a local HTTP server, and random changes are delivered duplicated, delayed, reordered and
// with first attempts dropped (the emulator's delivery faults). Once every delivery is made, the
// index equals the API: every account field by field, and the money objects touched. On PGlite,
// and on PostgreSQL when DATABASE_URL is set.
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { describe, expect, it, vi } from 'vitest';
import { indexAccounts } from '@/lib/db/schema';
import { testDatabases } from '@/lib/db/testing';
import { backfilledDatabase, consoleEmulatorForFile } from './index-fixture';
import { freshCharge } from './server-checks';

vi.mock('@/lib/db/client', () => import('./index-fixture').then((f) => f.dbClientMock));
vi.mock('@/lib/index/background', () => import('./index-fixture').then((f) => f.backgroundMock));

const h = consoleEmulatorForFile({ seed: 'demo', faultSeed: 'index-webhooks', webhooks: { retryBaseMs: 50, retryFactor: 2, maxAttempts: 8, timeoutMs: 5_000 } }, 60_000);

const control = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${h.url}/_emulator${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  expect(res.ok).toBe(true);
  return res.json() as Promise<Record<string, unknown>>;
};

describe.each(testDatabases())('webhooks from the emulator on $name', ({ open }) => {
  const index = backfilledDatabase(h, open, 'webhook-test');

  it('registers a platform and a Connect endpoint for every event, at the SDK’s version', async () => {
    expect(process.env.STRIPE_WEBHOOK_SECRET).toMatch(/^whsec_\w+,whsec_\w+$/);
    const endpoints = (await h.stripe.webhookEndpoints.list({ limit: 100 })).data;
    const version = (await import('stripe')).default.API_VERSION;
    expect(endpoints.map((e) => [e.enabled_events, e.api_version, e.description, e.url.endsWith('/api/webhooks/stripe')].join()).sort()).toEqual(
      [`*,${version},Connect Console (connected accounts),true`, `*,${version},Connect Console (platform),true`],
    );
  });

  it('random changes delivered duplicated, delayed, reordered and dropped leave the index equal to the API', async () => {
    await control('POST', '/webhooks/faults', { duplicate: { rate: 0.4 }, delay: { ms: 200, rate: 0.3 }, reorder: { window_ms: 300, rate: 0.5 }, drop_first: { rate: 0.3 } });
    const before = h.deliveries;

    const accounts = (await h.stripe.accounts.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 })).filter((a) => a.type === 'custom' && !a.requirements?.disabled_reason?.startsWith('rejected.'));
    let seed = 11;
    const pick = <T>(items: T[]): T => items[(seed = (seed * 16_807) % 2_147_483_647) % items.length]!;
    const touched = new Set<string>();
    const money: string[] = [];
    for (let i = 0; i < 25; i++) {
      const a = pick(accounts.slice(0, 40));
      touched.add(a.id);
      const what = pick(['metadata', 'email', 'name', 'capability', 'metadata']);
      if (what === 'metadata') await h.stripe.accounts.update(a.id, { metadata: { step: String(i) } });
      if (what === 'email') await h.stripe.accounts.update(a.id, { email: `step-${i}@example.test` });
      if (what === 'name') await h.stripe.accounts.update(a.id, { business_profile: { name: `Shop ${i}` } });
      if (what === 'capability') await h.stripe.accounts.updateCapability(a.id, 'card_payments', { requested: i % 2 === 0 });
    }
    await h.stripe.accounts.reject(accounts[50]!.id, { reason: 'fraud' as Stripe.AccountRejectParams.Reason }).catch(() => h.stripe.accounts.reject(accounts[50]!.id, { reason: 'other' }));
    await h.stripe.accounts.del(accounts[51]!.id);
    const { transfer, fee } = await freshCharge(h);
    await h.stripe.transfers.createReversal(transfer, { amount: 700 });
    await h.stripe.applicationFees.createRefund(fee, { amount: 300 });
    const topup = await h.stripe.topups.create({ amount: 4_000, currency: 'usd', description: 'webhook test' });
    money.push(transfer, fee, topup.id);

    // Every delivery made (retries included), then every event applied.
    for (let tries = 0; ; tries++) {
      await index.inbox.drainInbox(index.db, index.stripe);
      const { owed } = (await control('GET', '/webhooks/deliveries')) as { owed: number };
      if (owed === 0) break;
      if (tries > 200) throw new Error(`${owed} deliveries still owed`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await index.inbox.drainInbox(index.db, index.stripe);
    await control('DELETE', '/webhooks/faults');
    // Every change reached the route, some of them more than once (the faults' duplicates and retries).
    const attempts = ((await control('GET', '/webhooks/deliveries')) as { data: Array<{ outcome: string }> }).data;
    expect(h.deliveries - before).toBeGreaterThan(20);
    expect(attempts.some((a) => a.outcome === 'duplicate')).toBe(true);
    expect(attempts.some((a) => a.outcome === 'will_retry')).toBe(true);

    const live = new Map((await h.stripe.accounts.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 })).map((a) => [a.id, a]));
    const rows = await index.db.select().from(indexAccounts).where(eq(indexAccounts.deleted, false));
    expect(rows.map((r) => r.id).sort()).toEqual([...live.keys()].sort());
    for (const row of rows) expect(row.data, row.id).toEqual(JSON.parse(JSON.stringify(live.get(row.id))));
    const [gone] = await index.db.select().from(indexAccounts).where(eq(indexAccounts.id, accounts[51]!.id));
    expect(gone!.deleted).toBe(true);
    const retrieve: Record<string, () => Promise<unknown>> = {
      [transfer]: () => h.stripe.transfers.retrieve(transfer),
      [fee]: () => h.stripe.applicationFees.retrieve(fee),
      [topup.id]: () => h.stripe.topups.retrieve(topup.id),
    };
    for (const id of money) {
      const row = await index.rowOf(id);
      expect(row?.data, id).toEqual(JSON.parse(JSON.stringify(await retrieve[id]!())));
    }
  }, 120_000);
});
