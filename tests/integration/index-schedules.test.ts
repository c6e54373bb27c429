// Connected accounts' subscription schedules in the index, against the emulator with the real SDK:
// the backfill reads every account's schedules with its Stripe-Account (the demo seed has them in
// every status) into rows whose derived columns say the phase, the next phase's start and the fee
// percent; a schedule released or canceled through the API reaches its row by its Connect
// webhook; the Billing list's query filters, counts, sorts and pages them by keyset. On PGlite,
// and on PostgreSQL when DATABASE_URL is set.
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { indexAccounts, indexObjects } from '@/lib/db/schema';
import { testDatabases } from '@/lib/db/testing';
import { backfilledDatabase, consoleEmulatorForFile } from './index-fixture';

vi.mock('@/lib/db/client', () => import('./index-fixture').then((f) => f.dbClientMock));
vi.mock('@/lib/index/background', () => import('./index-fixture').then((f) => f.backgroundMock));

const h = consoleEmulatorForFile({ seed: 'demo' });

/** Every connected account's schedules as the API shows them (each account's own, with Stripe-Account). */
let apiSchedules: Map<string, { account: string; schedule: Stripe.SubscriptionSchedule }>;

beforeAll(async () => {
  apiSchedules = new Map();
  const accounts = await h.stripe.accounts.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 });
  for (const a of accounts) {
    const list = await h.stripe.subscriptionSchedules.list({ limit: 100 }, { stripeAccount: a.id }).autoPagingToArray({ limit: 1000 });
    for (const schedule of list) apiSchedules.set(schedule.id, { account: a.id, schedule });
  }
}, 120_000);

describe.each(testDatabases())('subscription schedules in the index on $name', ({ open }) => {
  const index = backfilledDatabase(h, open, 'schedules-test');

  it("the backfill fills a row per connected account's schedule, in every status, with its derived columns", async () => {
    const statuses = new Set([...apiSchedules.values()].map((s) => s.schedule.status));
    expect([...statuses].sort()).toEqual(['active', 'canceled', 'completed', 'not_started', 'released']);
    const rows = await index.db.select().from(indexObjects).where(and(eq(indexObjects.type, 'subscription_schedule'), eq(indexObjects.deleted, false)));
    expect(rows.map((r) => r.id).sort()).toEqual([...apiSchedules.keys()].sort());
    for (const row of rows) {
      const { account, schedule } = apiSchedules.get(row.id)!;
      expect(row.account, row.id).toBe(account);
      expect(row.status, row.id).toBe(schedule.status);
      expect(row.customer, row.id).toBe(schedule.customer);
      expect(row.phaseCount, row.id).toBe(schedule.phases.length);
      expect(row.created, row.id).toBe(schedule.created);
      const current = schedule.current_phase ? schedule.phases.findIndex((p) => p.start_date === schedule.current_phase!.start_date) : -1;
      if (schedule.status === 'active') {
        expect(row.phaseIndex, row.id).toBe(current + 1);
        expect(row.feePercent, row.id).toBe(schedule.phases[current]!.application_fee_percent);
        expect(row.nextPhaseAt, row.id).toBe(schedule.phases[current + 1]?.start_date ?? null);
        expect(row.endedAt, row.id).toBeNull();
      }
      if (schedule.status === 'not_started') {
        expect(row.phaseIndex, row.id).toBeNull();
        expect(row.nextPhaseAt, row.id).toBe(schedule.phases[0]!.start_date);
        expect(row.feePercent, row.id).toBe(schedule.phases[0]!.application_fee_percent);
      }
      if (schedule.status === 'canceled') expect(row.endedAt, row.id).toBe(schedule.canceled_at);
      if (schedule.status === 'completed') expect(row.endedAt, row.id).toBe(schedule.completed_at);
      if (schedule.status === 'released') expect(row.endedAt, row.id).toBe(schedule.released_at);
      if (schedule.status !== 'active' && schedule.status !== 'not_started') expect(row.nextPhaseAt, row.id).toBeNull();
    }
    // The demo's phases take 3-12% for the platform.
    expect(rows.filter((r) => r.feePercent !== null).every((r) => r.feePercent! >= 3 && r.feePercent! <= 12)).toBe(true);
  });

  it('a schedule released, and one canceled, through the API reach their rows by their Connect webhooks', async () => {
    const pick = (status: string) => [...apiSchedules.values()].find((s) => s.schedule.status === status)!;
    const active = pick('active');
    const waiting = pick('not_started');
    const released = await h.stripe.subscriptionSchedules.release(active.schedule.id, {}, { stripeAccount: active.account });
    const canceled = await h.stripe.subscriptionSchedules.cancel(waiting.schedule.id, {}, { stripeAccount: waiting.account });
    expect([released.status, canceled.status]).toEqual(['released', 'canceled']);
    await index.settle();
    const r = await index.rowOf(released.id);
    expect(r).toMatchObject({ status: 'released', account: active.account, endedAt: released.released_at, nextPhaseAt: null });
    expect(r!.phaseIndex).toBe(active.schedule.phases.findIndex((p) => p.start_date === active.schedule.current_phase!.start_date) + 1);
    expect((r!.data as { status: string }).status).toBe('released');
    const c = await index.rowOf(canceled.id);
    expect(c).toMatchObject({ status: 'canceled', account: waiting.account, endedAt: canceled.canceled_at, phaseIndex: null, nextPhaseAt: null });
    // Put back for the other database's run, which starts from its own backfill.
    apiSchedules.set(released.id, { account: active.account, schedule: released });
    apiSchedules.set(canceled.id, { account: waiting.account, schedule: canceled });
  });

  it("the Billing list's query: counts per status, filters, every sort paged by keyset both ways", async () => {
    const q = await import('@/lib/billing/schedules/list-query');
    const all = [...apiSchedules.values()];
    const counts = await q.countSchedules(index.db, {});
    expect(counts.all).toBe(all.length);
    for (const status of ['active', 'not_started', 'completed', 'released', 'canceled'] as const) expect(counts[status], status).toBe(all.filter((s) => s.schedule.status === status).length);

    for (const sort of ['created', 'next_phase', 'fee_percent'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const seen: string[] = [];
        const values: number[] = [];
        let after: string | undefined;
        let lastPage: Awaited<ReturnType<typeof q.querySchedules>> | null = null;
        for (let i = 0; i < 100; i++) {
          const page = await q.querySchedules(index.db, { sort, order, limit: 10, after });
          seen.push(...page.items.map((s) => s.id));
          const key = (s: import('@/lib/billing/schedules/list-query').ScheduleItem) => (sort === 'created' ? s.created : sort === 'next_phase' ? (s.nextPhaseAt ?? Number.MAX_SAFE_INTEGER) : (s.feePercent ?? -1));
          values.push(...page.items.map(key));
          lastPage = page;
          if (!page.next) break;
          after = page.next;
        }
        expect(new Set(seen).size, `${sort} ${order}`).toBe(all.length);
        const sorted = [...values].sort((a, b) => (order === 'asc' ? a - b : b - a));
        expect(values, `${sort} ${order}`).toEqual(sorted);
        // The previous page of the last one is the page before it.
        if (lastPage?.prev) {
          const back = await q.querySchedules(index.db, { sort, order, limit: 10, before: lastPage.prev });
          const lastStart = seen.length - lastPage.items.length;
          expect(back.items.map((s) => s.id), `${sort} ${order} back`).toEqual(seen.slice(lastStart - 10, lastStart));
        }
      }
    }

    // Filters: an account's schedules, a customer's, those whose phase takes a fee, a tab.
    const sample = all.find((s) => s.schedule.status === 'active')!;
    const ofAccount = await q.querySchedules(index.db, { tab: 'all', account: sample.account, limit: 100 });
    expect(ofAccount.items.map((s) => s.id).sort()).toEqual(all.filter((s) => s.account === sample.account).map((s) => s.schedule.id).sort());
    const ofCustomer = await q.querySchedules(index.db, { customer: sample.schedule.customer as string, limit: 100 });
    expect(ofCustomer.items.map((s) => s.id)).toEqual(all.filter((s) => s.schedule.customer === sample.schedule.customer).map((s) => s.schedule.id));
    const active = await q.querySchedules(index.db, { tab: 'active', fee: 'present', limit: 100 });
    expect(active.items.length).toBe((await q.countSchedules(index.db, { fee: 'present' })).active);
    expect(active.items.every((s) => s.status === 'active' && s.feePercent! > 0)).toBe(true);
    expect(active.items[0]).toMatchObject({ account: expect.stringMatching(/^acct_/), phaseCount: expect.any(Number) });
    // A bad filter value is no filter (a shared link never breaks).
    expect((await q.countSchedules(index.db, { account: ' ', fee: 'sometimes' } as never)).all).toBe(all.length);
    // The account filter takes words of a name too; a name no account has lists nothing.
    const named = (await index.db.select({ name: indexAccounts.businessName }).from(indexAccounts).where(eq(indexAccounts.id, sample.account)))[0]!.name;
    const word = named.split(' ').sort((a, b) => b.length - a.length)[0]!;
    expect((await q.querySchedules(index.db, { account: word.toLowerCase(), limit: 100 })).items.map((s) => s.account)).toContain(sample.account);
    expect((await q.countSchedules(index.db, { account: 'no such merchant' })).all).toBe(0);
  });

  it("the platform's own schedules are not indexed", async () => {
    const { isIndexed } = await import('@/lib/index/apply');
    const o = { id: 'sub_sched_x', object: 'subscription_schedule' };
    expect([isIndexed(o), isIndexed(o, 'acct_1')]).toEqual([false, true]);
  });
});
