// Subscription schedules against the emulator's demo seed, with the SDK: the schedule page's reads
// (the fees each phase produced are exactly the platform's application fees on the charges that
// paid the schedule's invoices, each at its phase's percentage), the walk from a fee back to its
// schedule and phase (and a plain "no" for a fee no subscription made), and cancel and release
// through the real server actions: refused for a role without billing.manage before Stripe is
// asked, refused in words for a schedule no longer active, one change for a request sent twice
// with its key or whose answers were lost, and an audit entry for each.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type Stripe from 'stripe';
import type { SessionOperator } from '@/lib/auth/current-operator';
import type { Role } from '@/lib/auth/permissions';
import { REFUSAL_MESSAGES } from '@/lib/auth/access';
import type { OpenDb } from '@/lib/db/open';
import { testDatabases } from '@/lib/db/testing';
import { startHarness, type Harness } from '@/lib/emulator/tests/harness';
import { DEFAULT_POLICIES } from '@/lib/approvals/policy';
import { savePolicy } from '@/lib/approvals/store';
import { resolveEntry } from '@/lib/outcomes/resolve';
import { controlApi, entriesFor, freshCharge, lastEntryOf, operatorsOfEveryRole } from './server-checks';

const session = vi.hoisted(() => ({ operator: null as SessionOperator | null, db: null as unknown }));
vi.mock('@/lib/auth/current-operator', () => ({ getCurrentOperator: async () => session.operator }));
vi.mock('@/lib/db/client', () => ({ getDb: async () => session.db }));

let h: Harness;
let api: ReturnType<typeof controlApi>;
let opened: OpenDb;
let as: Record<Role, SessionOperator>;
let queries: typeof import('@/lib/billing/schedules/queries');
let source: typeof import('@/lib/billing/schedules/fee-source');
let actions: typeof import('@/lib/billing/schedules/actions');

type Found = { schedule: Stripe.SubscriptionSchedule; account: string };
const schedules: Found[] = [];
const withStatus = (status: string) => schedules.filter((s) => s.schedule.status === status);

beforeAll(async () => {
  h = await startHarness({ seed: 'demo' });
  process.env.STRIPE_API_BASE = h.url;
  delete process.env.STRIPE_SECRET_KEY;
  api = controlApi(h);
  opened = await testDatabases()[0]!.open();
  session.db = opened.db;
  as = await operatorsOfEveryRole(opened.db);
  queries = await import('@/lib/billing/schedules/queries');
  source = await import('@/lib/billing/schedules/fee-source');
  actions = await import('@/lib/billing/schedules/actions');
  for await (const account of h.stripe.accounts.list({ limit: 100 })) {
    const page = await h.stripe.subscriptionSchedules.list({ limit: 100 }, { stripeAccount: account.id }).catch(() => null);
    for (const schedule of page?.data ?? []) schedules.push({ schedule, account: account.id });
  }
}, 120_000);
afterAll(async () => {
  await opened?.close();
  await h?.close();
});

const key = () => crypto.randomUUID();
const scheduleNow = (s: Found) => h.stripe.subscriptionSchedules.retrieve(s.schedule.id, {}, { stripeAccount: s.account });
const changePosts = async (s: Found, verb: 'cancel' | 'release') => (await api.postsTo(`/v1/subscription_schedules/${s.schedule.id}/${verb}`)).filter((p) => !p.idempotent_replayed && p.status === 200);

describe('reading a schedule', () => {
  it('has schedules in every status in the demo seed', () => {
    for (const status of ['active', 'not_started', 'completed', 'released', 'canceled']) expect(withStatus(status).length, status).toBeGreaterThan(0);
  });

  it('finds the fees each phase produced: the platform’s fees on the charges of its paid invoices, at the phase’s percentage', async () => {
    for (const s of [...withStatus('active'), ...withStatus('completed')].slice(0, 4)) {
      const detail = await queries.getScheduleDetail(s.schedule.id, s.account);
      const paid = detail.invoices.filter((i) => i.status === 'paid');
      expect(paid.length).toBeGreaterThan(0);
      for (const invoice of paid) {
        expect(invoice.fee, `${invoice.id} has its fee`).not.toBeNull();
        const fee = await h.stripe.applicationFees.retrieve(invoice.fee!.id);
        expect(fee).toMatchObject({ account: s.account, charge: invoice.chargeId, amount: invoice.fee!.amount, currency: invoice.currency });
        const percent = detail.schedule.phases[invoice.phaseIndex]!.application_fee_percent!;
        expect(fee.amount).toBe(Math.round((invoice.total * percent) / 100));
      }
      // Each charge's fee once, and no fee the emulator made for these charges is missed.
      expect(new Set(paid.map((i) => i.fee!.id)).size).toBe(paid.length);
      for (const invoice of paid) expect((await h.stripe.applicationFees.list({ charge: invoice.chargeId! })).data.map((f) => f.id)).toEqual([invoice.fee!.id]);
    }
  });

  it('reads every demo schedule: no invoices before the start, the test clock’s time as its now', async () => {
    for (const s of schedules) {
      const detail = await queries.getScheduleDetail(s.schedule.id, s.account);
      expect(detail.schedule.status).toBe(s.schedule.status);
      if (s.schedule.status === 'not_started') expect(detail.invoices).toEqual([]);
      else expect(detail.invoices.length).toBeGreaterThan(0);
      if (s.schedule.test_clock) {
        const clock = await h.stripe.testHelpers.testClocks.retrieve(s.schedule.test_clock as string, {}, { stripeAccount: s.account });
        expect(detail.now).toBe(clock.frozen_time);
        expect(detail.testClock).toMatchObject({ id: clock.id, frozenTime: clock.frozen_time });
      }
    }
  }, 60_000);

  it('names the metered items of a schedule with a metered price (their usage is shown), and none for a licensed one', async () => {
    let metered = 0;
    for (const s of schedules.filter((x) => x.schedule.subscription)) {
      const detail = await queries.getScheduleDetail(s.schedule.id, s.account);
      const items = await h.stripe.subscriptionItems.list({ subscription: detail.subscriptionId! }, { stripeAccount: s.account });
      const expected = items.data.filter((item) => item.price.recurring?.usage_type === 'metered').map((item) => item.id);
      expect(detail.meteredItems.map((item) => item.id), s.schedule.id).toEqual(expected);
      metered += expected.length;
    }
    expect(metered, 'the demo seed has metered items on schedules').toBeGreaterThan(0);
  }, 60_000);

  it('says plainly when the account is needed, and finds none for an unknown schedule', async () => {
    const s = withStatus('active')[0]!;
    await expect(queries.getScheduleDetail(s.schedule.id, null)).rejects.toBeInstanceOf(queries.ScheduleAccountUnknown);
    await expect(queries.getScheduleDetail('sub_sched_Nope0000000000', s.account)).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('from a fee to its schedule', () => {
  it('finds the schedule and the phase that produced a fee, with its percentage', async () => {
    for (const s of withStatus('active').slice(0, 3)) {
      const detail = await queries.getScheduleDetail(s.schedule.id, s.account);
      const withFees = detail.invoices.filter((i) => i.fee);
      // The newest and the oldest: the active demo schedules have moved from phase 1 into phase 2.
      for (const invoice of [withFees[0]!, withFees.at(-1)!]) {
        const found = await source.findFeeSource(invoice.fee!.id);
        const phase = s.schedule.phases.findIndex((p) => p.start_date <= invoice.created && invoice.created < p.end_date);
        expect(found).toEqual({
          kind: 'schedule',
          scheduleId: s.schedule.id,
          accountId: s.account,
          subscriptionId: detail.subscriptionId,
          invoiceId: invoice.id,
          phaseIndex: phase,
          feePercent: s.schedule.phases[phase]!.application_fee_percent,
        });
        if (found.kind === 'schedule') expect(Math.round((invoice.total * found.feePercent!) / 100)).toBe(invoice.fee!.amount);
      }
      expect(new Set(withFees.map((i) => i.phaseIndex))).toEqual(new Set([0, 1]));
    }
  });

  it('takes three reads: the fee, the account’s invoice payments around it, the subscription with its schedule', async () => {
    const s = withStatus('active')[0]!;
    const detail = await queries.getScheduleDetail(s.schedule.id, s.account);
    const before = (await api.requests()).length;
    await source.findFeeSource(detail.invoices.find((i) => i.fee)!.fee!.id);
    const after = await api.requests();
    const made = after.slice(0, after.length - before);
    expect(made.map((r) => `${r.method} ${r.path}`).sort()).toEqual([`GET /v1/application_fees/${detail.invoices.find((i) => i.fee)!.fee!.id}`, 'GET /v1/invoice_payments', `GET /v1/subscriptions/${detail.subscriptionId}`].sort());
  });

  it('finds a released schedule from a fee its subscription paid before the release', async () => {
    const s = withStatus('released')[0]!;
    const detail = await queries.getScheduleDetail(s.schedule.id, s.account);
    const before = detail.invoices.find((i) => i.fee && i.created < s.schedule.released_at!);
    expect(before).toBeDefined();
    expect(await source.findFeeSource(before!.fee!.id)).toMatchObject({ kind: 'schedule', scheduleId: s.schedule.id });
  });

  it('says so when a fee did not come from a subscription', async () => {
    const { fee } = await freshCharge(h);
    expect(await source.findFeeSource(fee)).toMatchObject({ kind: 'none', reason: expect.stringContaining('Not from a subscription') });
  });
});

describe('cancel and release', () => {
  const cancelInput = (s: Found, over: Partial<Parameters<typeof actions.cancelScheduleAction>[0]> = {}) => ({
    scheduleId: s.schedule.id,
    accountId: s.account,
    invoiceNow: true,
    prorate: false,
    confirmation: s.schedule.id,
    idempotencyKey: key(),
    ...over,
  });
  const releaseInput = (s: Found, idempotencyKey = key()) => ({ scheduleId: s.schedule.id, accountId: s.account, preserveCancelDate: false, confirmation: s.schedule.id, idempotencyKey });

  it('refuses support (no billing.manage) before Stripe is asked, and records the attempt as denied', async () => {
    const s = withStatus('active')[0]!;
    session.operator = as.support;
    const k = key();
    expect(await actions.cancelScheduleAction(cancelInput(s, { idempotencyKey: k }))).toEqual({ ok: false, error: REFUSAL_MESSAGES.forbidden });
    expect(await actions.releaseScheduleAction(releaseInput(s))).toEqual({ ok: false, error: REFUSAL_MESSAGES.forbidden });
    expect(await changePosts(s, 'cancel')).toHaveLength(0);
    expect((await scheduleNow(s)).status).toBe('active');
    expect(await lastEntryOf(opened.db, as.support.id)).toMatchObject({ action: 'subscription_schedule.release', outcome: 'denied' });
  });

  it('refuses a typed confirmation that is not the schedule id', async () => {
    const s = withStatus('active')[0]!;
    session.operator = as.ops;
    expect(await actions.cancelScheduleAction(cancelInput(s, { confirmation: 'sub_sched_wrong' }))).toMatchObject({ ok: false, fieldErrors: { confirmation: ['Type the schedule id exactly to confirm.'] } });
    expect((await scheduleNow(s)).status).toBe('active');
  });

  it('refuses a schedule that is no longer not started or active, in words', async () => {
    session.operator = as.ops;
    for (const status of ['released', 'completed', 'canceled'] as const) {
      const s = withStatus(status)[0]!;
      const k = key();
      const result = await actions.releaseScheduleAction(releaseInput(s, k));
      const label = status === 'canceled' ? 'cancelled' : status;
      expect(result).toMatchObject({ ok: false, error: `This schedule is ${label}: a schedule can be released only while it is not started or active.` });
      expect(await entriesFor(opened.db, k)).toMatchObject([{ action: 'subscription_schedule.release', outcome: 'failed', targetId: s.schedule.id }]);
    }
  });

  it('releases once for a request sent twice with its key, and audits it', async () => {
    session.operator = as.ops;
    const s = withStatus('active')[1]!;
    const k = key();
    const first = await actions.releaseScheduleAction(releaseInput(s, k));
    const again = await actions.releaseScheduleAction(releaseInput(s, k));
    expect(first).toEqual({ ok: true, data: { scheduleId: s.schedule.id, status: 'released' } });
    expect(again).toEqual(first);
    expect(await changePosts(s, 'release')).toHaveLength(1);
    expect((await scheduleNow(s)).status).toBe('released');
    const entries = await entriesFor(opened.db, k);
    expect(entries.map((e) => [e.action, e.outcome, e.targetId])).toEqual([
      ['subscription_schedule.release', 'succeeded', s.schedule.id],
      ['subscription_schedule.release', 'succeeded', s.schedule.id],
    ]);
    expect(entries[0]!.params).toMatchObject({ accountId: s.account, preserveCancelDate: false });
  });

  it('cancels once when its answers are lost: the same key is sent again and Stripe replays it', async () => {
    session.operator = as.admin;
    const s = withStatus('active')[2]!;
    await api.addFault({ lost_response: { path: `/v1/subscription_schedules/${s.schedule.id}/cancel`, count: 2 } });
    const k = key();
    const result = await actions.cancelScheduleAction(cancelInput(s, { idempotencyKey: k }));
    await api.clearFaults();
    expect(result).toEqual({ ok: true, data: { scheduleId: s.schedule.id, status: 'canceled' } });
    const now = await scheduleNow(s);
    expect(now.status).toBe('canceled');
    const posts = (await api.postsTo(`/v1/subscription_schedules/${s.schedule.id}/cancel`)).filter((p) => p.idempotency_key === k);
    expect(posts.filter((p) => !p.idempotent_replayed)).toHaveLength(1);
    expect(await entriesFor(opened.db, k)).toMatchObject([{ action: 'subscription_schedule.cancel', outcome: 'succeeded', resultId: s.schedule.id }]);
  }, 60_000);

  it('asks for a second operator where a policy covers it, and sends nothing', async () => {
    session.operator = as.ops;
    const s = withStatus('active')[3]!;
    await savePolicy(opened.db, { ...DEFAULT_POLICIES.schedule_release, mode: 'both' }, as.admin.id);
    const k = key();
    expect(await actions.releaseScheduleAction(releaseInput(s, k))).toMatchObject({ ok: false, approvalRequired: true });
    await savePolicy(opened.db, DEFAULT_POLICIES.schedule_release, as.admin.id);
    expect(await changePosts(s, 'release')).toHaveLength(0);
    expect(await entriesFor(opened.db, k)).toMatchObject([{ action: 'subscription_schedule.release', outcome: 'denied' }]);
  });

  it('leaves the outcome unknown when every answer is lost, and finds it by reading the schedule’s status, never by sending again', async () => {
    session.operator = as.ops;
    const s = withStatus('active')[3]!;
    await api.addFault({ lost_response: { path: `/v1/subscription_schedules/${s.schedule.id}/release`, count: 20 } });
    const k = key();
    const result = await actions.releaseScheduleAction(releaseInput(s, k));
    await api.clearFaults();
    expect(result).toMatchObject({ ok: false, unknown: { idempotencyKey: k } });
    const [entry] = await entriesFor(opened.db, k);
    expect(entry).toMatchObject({ outcome: 'unknown' });
    const posts = (await api.postsTo(`/v1/subscription_schedules/${s.schedule.id}/release`)).filter((p) => p.idempotency_key === k);
    expect(posts.filter((p) => !p.idempotent_replayed)).toHaveLength(1);
    const sent = posts.length;
    expect(await resolveEntry(entry!, opened.db, new Date(), { ownRequest: true })).toEqual({ status: 'applied', resultId: s.schedule.id, how: `Found: schedule ${s.schedule.id} is released.` });
    expect((await api.postsTo(`/v1/subscription_schedules/${s.schedule.id}/release`)).length).toBe(sent);
  }, 60_000);
});
