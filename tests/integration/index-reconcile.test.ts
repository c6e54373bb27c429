// Reconciliation against the emulator's demo data: a freshly backfilled index reports no drift
// (every account and every other object compared field by field); rows corrupted behind the
// console's back (a field of the JSON, a derived column), a row deleted and a row Stripe never had
// are reported with the fields that differed, and repaired, so the next run is clean again; asking
// twice while a run is open runs once. On PGlite, and on PostgreSQL when DATABASE_URL is set.
import { eq, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OpenDb } from '@/lib/db/open';
import { indexAccounts, indexObjects } from '@/lib/db/schema';
import { testDatabases } from '@/lib/db/testing';
import { startHarness, type Harness } from '@/lib/emulator/tests/harness';

const session = vi.hoisted(() => ({ db: null as unknown }));
vi.mock('@/lib/db/client', () => ({ getDb: async () => session.db }));
vi.mock('@/lib/index/background', () => ({ kickInboxWorker: () => undefined, ensureIndexJobs: () => undefined, kickReconciliation: () => undefined }));

let h: Harness;
let stripe: Stripe;
let reconcile: typeof import('@/lib/index/reconcile');

beforeAll(async () => {
  h = await startHarness({ seed: 'demo' });
  process.env.STRIPE_API_BASE = h.url;
  process.env.STRIPE_WEBHOOK_SECRET = 'whsec_reconcile_test';
  delete process.env.STRIPE_SECRET_KEY;
  stripe = (await import('@/lib/stripe/client')).getStripe();
  reconcile = await import('@/lib/index/reconcile');
}, 60_000);
afterAll(() => h?.close());

/** Every row, so the field-by-field comparison covers the whole index. */
const EVERYTHING = { sampleAccounts: 10_000, sampleOthers: 10_000 };

const ON_CONNECTED_ACCOUNTS_TOO = new Set(['charge', 'radar.early_fraud_warning', 'review', 'dispute']);

describe.each(testDatabases())('reconciliation on $name', ({ open }) => {
  let opened: OpenDb;
  const db = () => opened.db;

  beforeAll(async () => {
    opened = await open();
    session.db = opened.db;
    const { runBackfill } = await import('@/lib/index/backfill');
    expect((await runBackfill(opened.db, stripe, { holder: 'reconcile-test', restart: true })).status).toBe('done');
  }, 240_000);
  afterAll(async () => opened?.close());

  async function run(options: Partial<import('@/lib/index/reconcile').ReconcileOptions> = EVERYTHING) {
    await reconcile.requestReconciliation(db(), { trigger: 'manual', requestedBy: 'admin@example.test' });
    const done = await reconcile.runReconciliation(db(), stripe, { holder: 'reconcile-test', ...options });
    expect(done?.status, done?.lastError ?? '').toBe('done');
    return done!;
  }

  it('reports no drift on a freshly backfilled index, with Stripe’s count per type', async () => {
    const done = await run();
    expect(done.drift).toEqual([]);
    const accounts = done.counts.find((c) => c.type === 'account')!;
    expect(accounts).toMatchObject({ stripe: 240, index: 240, missing: 0, extra: 0 });
    for (const c of done.counts) {
      expect([c.type, c.missing, c.extra]).toEqual([c.type, 0, 0]);
      // The index also holds connected accounts' own Radar objects, disputes and the charges they are about
      // (read with Stripe-Account: lib/index/connect-radar.ts), which the platform's lists leave out.
      if (ON_CONNECTED_ACCOUNTS_TOO.has(c.type)) expect(c.index, c.type).toBeGreaterThanOrEqual(c.stripe);
      else expect(c.index, c.type).toBe(c.stripe);
    }
    expect(done.sampled).toBe(240 + (await db().$count(indexObjects, eq(indexObjects.deleted, false))));
    // The next scheduled run is an hour after this one.
    expect(await reconcile.reconcileDue(db())).toBe(false);
    expect(await reconcile.reconcileDue(db(), { now: done.finishedAt!.getTime() + reconcile.RECONCILE_EVERY_MS })).toBe(true);
  }, 240_000);

  it('finds rows corrupted, deleted and invented behind the console’s back, repairs them, and is clean again', async () => {
    const [a, b, c, d] = (await h.stripe.accounts.list({ limit: 4 })).data.map((x) => x.id);
    const transfer = (await h.stripe.transfers.list({ limit: 1 })).data[0]!.id;
    // A field of the JSON, a list in it, a derived column, a whole row, and a row Stripe never had.
    await db().execute(sql`update index_accounts set data = jsonb_set(data, '{email}', '"someone-else@example.test"') where id = ${a}`);
    await db().execute(sql`update index_accounts set data = jsonb_set(data, '{requirements,currently_due}', '["individual.id_number"]') where id = ${b}`);
    await db().execute(sql`update index_accounts set status = 'rejected' where id = ${c}`);
    await db().delete(indexAccounts).where(eq(indexAccounts.id, d!));
    await db().execute(sql`update index_objects set data = jsonb_set(data, '{amount}', '1'), amount = 1 where id = ${transfer}`);
    await db().execute(sql`insert into index_objects (id, type, data, event_created) values ('tu_NeverAtStripe000000000', 'topup', '{"id":"tu_NeverAtStripe000000000","object":"topup"}', 1)`);

    const done = await run();
    const byId = new Map(done.drift.map((x) => [x.id, x]));
    expect(byId.get(a!)).toMatchObject({ type: 'account', kind: 'differs', fields: ['email'], repaired: true });
    expect(byId.get(b!)).toMatchObject({ kind: 'differs', repaired: true });
    expect(byId.get(b!)!.fields).toContain('requirements.currently_due');
    expect(byId.get(c!)).toMatchObject({ kind: 'differs', fields: ['column status'], repaired: true });
    expect(byId.get(d!)).toMatchObject({ type: 'account', kind: 'missing', repaired: true });
    expect(byId.get(transfer)).toMatchObject({ type: 'transfer', kind: 'differs', fields: ['amount'], repaired: true });
    expect(byId.get('tu_NeverAtStripe000000000')).toMatchObject({ type: 'topup', kind: 'extra', repaired: true });
    expect(done.drift).toHaveLength(6);
    expect(done.counts.find((x) => x.type === 'account')).toMatchObject({ stripe: 240, index: 240, missing: 1 });
    expect(done.counts.find((x) => x.type === 'topup')).toMatchObject({ extra: 1 });

    // Repaired: the rows equal Stripe, and the next run finds nothing.
    const [row] = await db().select().from(indexAccounts).where(eq(indexAccounts.id, a!));
    expect(row!.data).toEqual(JSON.parse(JSON.stringify(await h.stripe.accounts.retrieve(a!))));
    expect((await run()).drift).toEqual([]);
  }, 240_000);

  it('runs once when asked twice while a run is open, and keeps the operator who asked', async () => {
    const first = await reconcile.requestReconciliation(db(), { trigger: 'manual', requestedBy: 'admin@example.test' });
    const second = await reconcile.requestReconciliation(db(), { trigger: 'manual', requestedBy: 'ops@example.test' });
    expect(await reconcile.reconcileDue(db(), { now: Date.now() + 2 * reconcile.RECONCILE_EVERY_MS })).toBe(false);
    expect(first.already).toBe(false);
    expect(second).toMatchObject({ already: true, run: { id: first.run.id } });
    const done = await reconcile.runReconciliation(db(), stripe, { holder: 'reconcile-test', sampleAccounts: 5, sampleOthers: 5 });
    expect(done).toMatchObject({ id: first.run.id, status: 'done', requestedBy: 'admin@example.test', sampled: 10 });
    expect(await reconcile.runReconciliation(db(), stripe, { holder: 'reconcile-test' })).toBeNull();
    expect((await reconcile.reconcileSummary(db())).last?.id).toBe(first.run.id);
  }, 240_000);
});
