// Connected accounts' payouts in the index, against the emulator with the real SDK: the backfill
// reads every account's payouts with its Stripe-Account (the demo seed has two years of them, some
// failed) into rows whose derived columns say the status, arrival date, failure code and whether
// it was automatic, as many per account as the API lists; a payout that fails on its arrival date
// reaches its row by its Connect webhook (payout.failed). On PGlite, and on PostgreSQL when
// DATABASE_URL is set.
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { indexAccounts, indexObjects } from '@/lib/db/schema';
import { testDatabases } from '@/lib/db/testing';
import { createEnabled } from '@/lib/emulator/tests/harness';
import { backfilledDatabase, consoleEmulatorForFile } from './index-fixture';

vi.mock('@/lib/db/client', () => import('./index-fixture').then((f) => f.dbClientMock));
vi.mock('@/lib/index/background', () => import('./index-fixture').then((f) => f.backgroundMock));

// The emulator runs on the wall clock moved ahead by `ahead` seconds: the API's answers carry the
// wall clock's Date header (which the index takes as the time of a read), so the clock may only
// move forward of it, as Stripe's own does between a read and a later event.
let ahead = 0;
const now = () => Math.floor(Date.now() / 1000) + ahead;
const h = consoleEmulatorForFile({ seed: 'demo', now }, 180_000);

/** Every connected account's payouts as the API lists them (with its Stripe-Account). */
let apiPayouts: Map<string, { account: string; payout: Stripe.Payout }>;

async function readApiPayouts() {
  apiPayouts = new Map();
  const accounts = await h.stripe.accounts.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 });
  for (const a of accounts) {
    const list = await h.stripe.payouts.list({ limit: 100 }, { stripeAccount: a.id }).autoPagingToArray({ limit: 10_000 });
    for (const payout of list) apiPayouts.set(payout.id, { account: a.id, payout });
  }
}

beforeAll(readApiPayouts, 180_000);

describe.each(testDatabases())('payouts in the index on $name', ({ open }) => {
  const index = backfilledDatabase(h, open, 'payouts-test', 300_000);

  it("the backfill fills a row per connected account's payout, as many per account as the API lists, with its derived columns", async () => {
    const all = [...apiPayouts.values()];
    expect(all.length).toBeGreaterThan(1000);
    expect(new Set(all.filter((p) => p.payout.status === 'failed').map((p) => p.account)).size).toBeGreaterThanOrEqual(4);
    const rows = await index.db.select().from(indexObjects).where(and(eq(indexObjects.type, 'payout'), eq(indexObjects.deleted, false)));
    const perAccount = (items: Array<{ account: string | null }>) => {
      const counts = new Map<string, number>();
      for (const item of items) counts.set(item.account ?? '-', (counts.get(item.account ?? '-') ?? 0) + 1);
      return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
    };
    expect(perAccount(rows)).toEqual(perAccount(all.map((p) => ({ account: p.account }))));
    for (const row of rows) {
      const { account, payout } = apiPayouts.get(row.id)!;
      expect(row, row.id).toMatchObject({
        account,
        status: payout.status,
        amount: payout.amount,
        currency: payout.currency,
        created: payout.created,
        arrivalDate: payout.arrival_date,
        failureCode: payout.failure_code,
        automatic: payout.automatic,
      });
    }
    expect(rows.some((r) => r.status === 'failed' && r.failureCode !== null)).toBe(true);
  });

  it('a payout that fails on its arrival date reaches its row by its Connect webhook (payout.failed)', async () => {
    const acct = await createEnabled(h.stripe, 'US', 'individual', now());
    await h.stripe.accounts.update(acct.id, { settings: { payouts: { schedule: { interval: 'manual' } } } });
    await h.stripe.accounts.createExternalAccount(acct.id, { external_account: 'btok_us_verified_accountClosed', default_for_currency: true });
    await h.stripe.charges.create({ amount: 6000, currency: 'usd', source: 'tok_bypassPending' });
    await h.stripe.transfers.create({ amount: 5000, currency: 'usd', destination: acct.id });
    const po = await h.stripe.payouts.create({ amount: 5000, currency: 'usd' }, { stripeAccount: acct.id });
    await index.settle();
    expect(await index.rowOf(po.id)).toMatchObject({ account: acct.id, status: 'pending', failureCode: null, arrivalDate: po.arrival_date, automatic: false });
    // Past its arrival date: Stripe's failing test number fails it.
    ahead += po.arrival_date + 1 - now();
    await h.stripe.balance.retrieve();
    await index.settle(60_000);
    expect(await index.rowOf(po.id)).toMatchObject({ account: acct.id, status: 'failed', failureCode: 'account_closed', amount: 5000 });
    // The clock moved (automatic payouts were made meanwhile): read again for the other database's run, which starts from its own backfill.
    await readApiPayouts();
  }, 180_000);

  it("the Payouts list's query: counts per status, account and arrival-date filters, every sort paged by keyset both ways", async () => {
    const q = await import('@/lib/payouts/list-query');
    const all = [...apiPayouts.values()];
    const counts = await q.countPayouts(index.db, {});
    expect(counts.all).toBe(all.length);
    for (const status of ['pending', 'in_transit', 'paid', 'failed', 'canceled'] as const) expect(counts[status], status).toBe(all.filter((p) => p.payout.status === status).length);
    expect(counts.failed).toBeGreaterThan(0);

    // One account's payouts, every sort both ways, 10 a page: each once, in order, and back a page.
    const failedOne = all.find((p) => p.payout.status === 'failed')!;
    const mine = all.filter((p) => p.account === failedOne.account);
    for (const sort of ['arrival_date', 'created', 'amount'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const seen: string[] = [];
        const values: number[] = [];
        let after: string | undefined;
        let lastPage: Awaited<ReturnType<typeof q.queryPayouts>> | null = null;
        for (let i = 0; i < 200; i++) {
          const page = await q.queryPayouts(index.db, { account: failedOne.account, sort, order, limit: 10, after });
          seen.push(...page.items.map((p) => p.id));
          values.push(...page.items.map((p) => (sort === 'arrival_date' ? (p.arrivalDate ?? 0) : sort === 'created' ? p.created : p.amount)));
          lastPage = page;
          if (!page.next) break;
          after = page.next;
        }
        // Each payout once: no page repeats a row, none is skipped.
        expect(seen.length, `${sort} ${order}`).toBe(mine.length);
        expect(new Set(seen).size, `${sort} ${order}`).toBe(mine.length);
        expect(values, `${sort} ${order}`).toEqual([...values].sort((a, b) => (order === 'asc' ? a - b : b - a)));
        if (lastPage?.prev) {
          const back = await q.queryPayouts(index.db, { account: failedOne.account, sort, order, limit: 10, before: lastPage.prev });
          const lastStart = seen.length - lastPage.items.length;
          expect(back.items.map((p) => p.id), `${sort} ${order} back`).toEqual(seen.slice(lastStart - 10, lastStart));
        }
      }
    }

    // The Failed tab of that account names the failure code.
    const failed = await q.queryPayouts(index.db, { tab: 'failed', account: failedOne.account, limit: 100 });
    expect(failed.items.map((p) => p.id).sort()).toEqual(mine.filter((p) => p.payout.status === 'failed').map((p) => p.payout.id).sort());
    expect(failed.items.every((p) => p.status === 'failed' && p.failureCode === apiPayouts.get(p.id)!.payout.failure_code)).toBe(true);

    // Arrival dates, whole UTC days, both ends included.
    const day = new Date(failedOne.payout.arrival_date * 1000).toISOString().slice(0, 10);
    const onDay = await q.queryPayouts(index.db, { arrival_from: day, arrival_to: day, limit: 100 });
    const start = Date.parse(`${day}T00:00:00Z`) / 1000;
    expect(onDay.items.map((p) => p.id).sort()).toEqual(all.filter((p) => p.payout.arrival_date >= start && p.payout.arrival_date < start + 86400).map((p) => p.payout.id).sort());
    expect(onDay.items.map((p) => p.id)).toContain(failedOne.payout.id);
    // A bad filter value is no filter (a shared link never breaks).
    expect((await q.countPayouts(index.db, { account: ' ', arrival_from: '2026-13-45' })).all).toBe(all.length);

    // The account filter takes a name too (any words of it, any case): that account's payouts.
    const named = (await index.db.select({ name: indexAccounts.businessName }).from(indexAccounts).where(eq(indexAccounts.id, failedOne.account)))[0]!.name;
    expect(named.length).toBeGreaterThan(3);
    const word = named.split(' ').sort((a, b) => b.length - a.length)[0]!.toUpperCase();
    const byName = await q.queryPayouts(index.db, { account: word, limit: 100 });
    expect(byName.items.some((p) => p.account === failedOne.account)).toBe(true);
    const matching = new Set((await index.db.select({ id: indexAccounts.id, text: indexAccounts.searchText }).from(indexAccounts)).filter((a) => a.text.includes(word.toLowerCase())).map((a) => a.id));
    expect(byName.items.every((p) => matching.has(p.account))).toBe(true);
    // One currency (any case in the URL): exactly its payouts, so the amount sort compares like with like.
    const currency = failedOne.payout.currency;
    expect((await q.countPayouts(index.db, { currency: currency.toUpperCase() })).all).toBe(all.filter((p) => p.payout.currency === currency).length);
    const byAmount = await q.queryPayouts(index.db, { currency, sort: 'amount', order: 'desc', limit: 100 });
    expect(byAmount.items.every((p) => p.currency === currency)).toBe(true);
    // A name no account has: nothing (not every payout).
    expect((await q.countPayouts(index.db, { account: 'no such merchant 100%' })).all).toBe(0);
  });

  it("a deleted account's payouts leave the list and its counts (Stripe no longer shows them, and no event will close them)", async () => {
    const q = await import('@/lib/payouts/list-query');
    const acct = await createEnabled(h.stripe, 'US', 'individual', now());
    await h.stripe.accounts.update(acct.id, { settings: { payouts: { schedule: { interval: 'manual' } } } });
    await h.stripe.charges.create({ amount: 4000, currency: 'usd', source: 'tok_bypassPending' });
    await h.stripe.transfers.create({ amount: 3000, currency: 'usd', destination: acct.id });
    const po = await h.stripe.payouts.create({ amount: 3000, currency: 'usd' }, { stripeAccount: acct.id });
    await index.settle();
    const before = await q.countPayouts(index.db, {});
    expect((await q.queryPayouts(index.db, { account: acct.id, limit: 10 })).items.map((p) => p.id)).toEqual([po.id]);

    await h.stripe.accounts.del(acct.id);
    await index.settle();
    // The payout's row is as it was last seen (pending); the list no longer shows it.
    expect(await index.rowOf(po.id)).toMatchObject({ status: 'pending', deleted: false });
    expect((await q.queryPayouts(index.db, { account: acct.id, limit: 10 })).items).toEqual([]);
    const after = await q.countPayouts(index.db, {});
    expect([after.all, after.pending]).toEqual([before.all - 1, before.pending - 1]);
    await readApiPayouts();
  }, 120_000);

  it("the platform's own payouts are not indexed", async () => {
    const { isIndexed } = await import('@/lib/index/apply');
    const o = { id: 'po_x', object: 'payout' };
    expect([isIndexed(o), isIndexed(o, 'acct_1')]).toEqual([false, true]);
  });
});
