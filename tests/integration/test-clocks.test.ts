// The test clock panel's server side, through the real server actions (permission, schema, the
// form's idempotency key, the audit log) and reads against the emulator with the SDK: a rehearsal on
// a connected account's clock, advanced across two phases, whose second phase's fee arrives as a
// platform application fee; an advance whose answers were all lost is found out, not repeated;
// viewers and live mode are refused before Stripe is asked; and usage on a metered rehearsal is
// read at 2025-02-24.acacia, while the pinned version answers Stripe's 404 for a removed route.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionOperator } from '@/lib/auth/current-operator';
import type { Role } from '@/lib/auth/permissions';
import type { OpenDb } from '@/lib/db/open';
import { testDatabases } from '@/lib/db/testing';
import { createEnabled, startHarness, type Harness } from '@/lib/emulator/tests/harness';
import type { CreateRehearsalInput } from '@/lib/billing/test-clocks/schemas';
import type { ClockView } from '@/lib/billing/test-clocks/views';
import { addInterval, formatTimestamp } from '@/lib/dates';
import { controlApi, entriesFor, lastEntryOf, operatorsOfEveryRole } from './server-checks';

const session = vi.hoisted(() => ({ operator: null as SessionOperator | null, db: null as unknown, live: false }));
vi.mock('@/lib/auth/current-operator', () => ({ getCurrentOperator: async () => session.operator }));
vi.mock('@/lib/db/client', () => ({ getDb: async () => session.db }));
// Live mode without a live key: the client module answers the mode the test sets.
vi.mock('@/lib/stripe/client', async (original) => {
  const real = await original<typeof import('@/lib/stripe/client')>();
  return { ...real, stripeMode: () => (session.live ? 'live' : real.stripeMode()) };
});

let h: Harness;
let actions: typeof import('@/lib/billing/test-clocks/actions');
let queries: typeof import('@/lib/billing/test-clocks/queries');
let rehearsal: typeof import('@/lib/billing/test-clocks/rehearsal');
let usage: typeof import('@/lib/billing/usage/queries');
let legacy: typeof import('@/lib/stripe/legacy-usage');
let api: ReturnType<typeof controlApi>;
let account: string;

/** 2026-01-01 00:00 UTC: the clocks start here, well before the emulator's wall-clock time. */
const START = '2026-01-01T00:00';

beforeAll(async () => {
  h = await startHarness();
  process.env.STRIPE_API_BASE = h.url;
  delete process.env.STRIPE_SECRET_KEY;
  actions = await import('@/lib/billing/test-clocks/actions');
  queries = await import('@/lib/billing/test-clocks/queries');
  rehearsal = await import('@/lib/billing/test-clocks/rehearsal');
  usage = await import('@/lib/billing/usage/queries');
  legacy = await import('@/lib/stripe/legacy-usage');
  api = controlApi(h);
  account = (await createEnabled(h.stripe, 'US', 'individual')).id;
}, 60_000);
afterAll(() => h?.close());

const key = () => crypto.randomUUID();

const licensed = (clockId: string): CreateRehearsalInput => ({
  account,
  clockId,
  customerName: 'Rehearsal',
  productName: 'Membership',
  currency: 'usd',
  usageType: 'licensed',
  interval: 'month',
  endBehavior: 'cancel',
  phases: [
    { intervals: 1, unitAmount: '10.00', quantity: 2, feePercent: '10' },
    { intervals: 1, unitAmount: '30.00', quantity: 1, feePercent: '20' },
  ],
});

async function newClock(name = 'Rehearsal clock'): Promise<string> {
  const made = await actions.createTestClockAction({ account, name, frozenTime: START, idempotencyKey: key() });
  if (!made.ok) throw new Error(made.error);
  return made.data.clockId;
}

/** Reads the clock until it is ready (the emulator moves it at its next tick). */
async function ready(clockId: string): Promise<ClockView> {
  for (let i = 0; i < 20; i++) {
    const view = await queries.getClockView(account, clockId);
    if (view.clock.status === 'ready') return view;
  }
  throw new Error(`clock ${clockId} never became ready`);
}

async function advanceToNextPhase(view: ClockView, idempotencyKey = key()) {
  const target = rehearsal.nextPhaseTarget(
    view.rehearsals[0]!.schedule.phases.map((p) => ({ start_date: p.startDate, end_date: p.endDate })),
    view.clock.frozenTime,
    'month',
  );
  if (!target) throw new Error('nothing ahead');
  return actions.advanceTestClockAction({ account, clockId: view.clock.id, fromFrozenTime: view.clock.frozenTime, toFrozenTime: target.target, idempotencyKey });
}

describe.each(testDatabases())('test clock rehearsals on $name', ({ open }) => {
  let opened: OpenDb;
  let as: Record<Role, SessionOperator>;

  beforeAll(async () => {
    opened = await open();
    session.db = opened.db;
    as = await operatorsOfEveryRole(opened.db);
  }, 60_000);
  afterAll(async () => opened?.close());
  beforeEach(async () => {
    session.db = opened.db;
    session.operator = as.finance;
    session.live = false;
    await api.clearFaults();
  });

  it('creates a rehearsal and advances it across two phases: the second phase’s fee arrives on the platform', async () => {
    const clockId = await newClock();
    const k = key();
    const made = await actions.createRehearsalAction({ ...licensed(clockId), idempotencyKey: k });
    expect(made).toMatchObject({ ok: true });
    if (!made.ok) return;
    // Sent again with the same key (a lost answer), it makes nothing new.
    const again = await actions.createRehearsalAction({ ...licensed(clockId), idempotencyKey: k });
    expect(again).toMatchObject({ ok: true, data: { scheduleId: made.data.scheduleId, customerId: made.data.customerId } });

    const first = await queries.getClockView(account, clockId);
    expect(first.rehearsals).toHaveLength(1);
    const [r] = first.rehearsals;
    expect(r).toMatchObject({ isRehearsal: true, schedule: { id: made.data.scheduleId, status: 'active', currentPhase: 0 } });
    expect(r!.invoices.map((i) => [i.total, i.fee?.amount])).toEqual([[2000, 200]]);
    const schedule = await h.stripe.subscriptionSchedules.retrieve(made.data.scheduleId, {}, { stripeAccount: account });
    expect(schedule.metadata).toMatchObject({ console_rehearsal: 'true', console_request: k, created_by: as.finance.email });

    // To the next phase: phase 2 bills $30.00, the platform takes 20%.
    expect(await advanceToNextPhase(first)).toMatchObject({ ok: true });
    const second = await ready(clockId);
    expect(second.rehearsals[0]!.schedule).toMatchObject({ status: 'active', currentPhase: 1 });
    const [latest] = second.rehearsals[0]!.invoices;
    expect(latest).toMatchObject({ total: 3000, fee: { amount: 600, currency: 'usd' } });
    const fee = await h.stripe.applicationFees.retrieve(latest!.fee!.id);
    expect(fee).toMatchObject({ amount: 600, account, charge: latest!.charge });

    // To the schedule's end: it cancels (end_behavior cancel) and completes.
    expect(await advanceToNextPhase(second)).toMatchObject({ ok: true });
    const end = await ready(clockId);
    expect(end.rehearsals[0]!.schedule).toMatchObject({ status: 'completed', currentPhase: null });
    expect(end.rehearsals[0]!.invoices).toHaveLength(2);
    expect((await entriesFor(opened.db, k)).map((e) => [e.action, e.outcome])).toEqual([
      ['billing_rehearsal.create', 'succeeded'],
      ['billing_rehearsal.create', 'succeeded'],
    ]);
  });

  it('finds an advance whose answers were all lost by reading the clock, and never moves it twice', async () => {
    const clockId = await newClock();
    const rehearsalKey = key();
    expect((await actions.createRehearsalAction({ ...licensed(clockId), idempotencyKey: rehearsalKey })).ok).toBe(true);
    const view = await queries.getClockView(account, clockId);
    const path = `/v1/test_helpers/test_clocks/${clockId}/advance`;
    await api.addFault({ lost_response: { path, count: 3 } });
    const k = key();
    const result = await advanceToNextPhase(view, k);
    expect(result).toMatchObject({ ok: true });
    const after = await ready(clockId);
    expect(after.clock.frozenTime).toBe(view.rehearsals[0]!.schedule.phases[1]!.startDate);
    // One advance reached Stripe (the SDK's own retries replay it under the same key).
    expect((await api.postsTo(path)).filter((p) => !p.idempotent_replayed)).toHaveLength(1);
    const [entry] = await entriesFor(opened.db, k);
    expect(entry).toMatchObject({ outcome: 'succeeded' });
    expect(entry!.resolution).toMatch(/already (at|advancing to)/);
    // The reconciler's check finds the same by reading the clock (and the rehearsal by its key).
    const { resolveEntry } = await import('@/lib/outcomes/resolve');
    // In words, with the clock's time as a date (as the screen that followed the request shows it).
    expect(await resolveEntry(entry!, opened.db, new Date(), { ownRequest: true })).toEqual({ status: 'applied', resultId: clockId, how: `Found: test clock ${clockId} is at ${formatTimestamp(after.clock.frozenTime)}.` });
    const [made] = (await entriesFor(opened.db, rehearsalKey)).filter((e) => e.outcome === 'succeeded');
    expect(await resolveEntry(made!, opened.db, new Date(), { ownRequest: true })).toMatchObject({ status: 'applied', resultId: view.rehearsals[0]!.schedule.id });

    // A second advance reviewed from the old time is refused: the clock moved since.
    const stale = await actions.advanceTestClockAction({ account, clockId, fromFrozenTime: view.clock.frozenTime, toFrozenTime: after.clock.frozenTime + 86_400, idempotencyKey: key() });
    expect(stale).toMatchObject({ ok: false, changed: true });
    expect((await ready(clockId)).clock.frozenTime).toBe(after.clock.frozenTime);
  });

  it('refuses a viewer before reading the input, and records it as denied; nothing is made', async () => {
    session.operator = as.viewer;
    const before = (await h.stripe.testHelpers.testClocks.list({}, { stripeAccount: account })).data.length;
    expect(await actions.createTestClockAction({ account, name: 'No', frozenTime: START, idempotencyKey: key() })).toEqual({ ok: false, error: 'Your role does not allow this.' });
    expect(await lastEntryOf(opened.db, as.viewer.id)).toMatchObject({ outcome: 'denied', action: 'test_clock.create' });
    expect(await actions.createRehearsalAction({ ...licensed('clock_Test123'), idempotencyKey: key() })).toEqual({ ok: false, error: 'Your role does not allow this.' });
    expect((await h.stripe.testHelpers.testClocks.list({}, { stripeAccount: account })).data.length).toBe(before);
  });

  it('refuses every action in live mode before Stripe is asked', async () => {
    const clockId = await newClock();
    session.live = true;
    const changes = async () => (await api.requests()).filter((r) => r.method === 'POST' || r.method === 'DELETE').length;
    const posts = await changes();
    const refused = await actions.createTestClockAction({ account, name: 'Live', frozenTime: START, idempotencyKey: key() });
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/^Test clocks exist only in test mode/) });
    expect(await actions.deleteTestClockAction({ account, clockId, confirmation: clockId, idempotencyKey: key() })).toMatchObject({ ok: false, error: expect.stringMatching(/only in test mode/) });
    expect(await changes()).toBe(posts);
    session.live = false;
    expect(await actions.deleteTestClockAction({ account, clockId, confirmation: clockId, idempotencyKey: key() })).toMatchObject({ ok: true, data: { deleted: true } });
    expect((await queries.listClocks(account)).map((c) => c.id)).not.toContain(clockId);
  });

  it('reads usage on a metered rehearsal at the old version, reports it at the clock’s time, and bills it at the period’s end', async () => {
    const clockId = await newClock('Metered clock');
    const made = await actions.createRehearsalAction({
      ...licensed(clockId),
      usageType: 'metered',
      phases: [{ intervals: 2, unitAmount: '0.50', quantity: 1, feePercent: '10' }],
      idempotencyKey: key(),
    });
    if (!made.ok) throw new Error(made.error);
    const view = await queries.getClockView(account, clockId);
    const item = view.rehearsals[0]!.subscription!.items[0]!;
    expect(item.usageType).toBe('metered');
    const reported = await actions.reportUsageAction({ account, clockId, subscriptionItem: item.id, quantity: 40, idempotencyKey: key() });
    expect(reported).toMatchObject({ ok: true, data: { quantity: 40, timestamp: view.clock.frozenTime } });
    const read = await usage.readUsage(account, item.id);
    expect(read).toMatchObject({ status: 'read', apiVersion: '2025-02-24.acacia' });
    if (read.status === 'read') expect(read.summaries[0]).toMatchObject({ total_usage: 40, invoice: null });
    // The pinned version has no usage records: Stripe's 404 for a removed route.
    await expect(legacy.listUsageRecordSummaries(account, item.id, '2026-10-28.endive')).rejects.toMatchObject({ statusCode: 404, message: expect.stringMatching(/^Unrecognized request URL/) });
    // An unknown item is still a 404, not "refused".
    await expect(usage.readUsage(account, 'si_Nope123')).rejects.toMatchObject({ statusCode: 404 });

    // Advance to the period's end: 40 units at $0.50 are billed, the platform takes 10%.
    // (No invoice yet: a metered item is billed in arrears, so its first period start bills nothing.)
    expect(view.rehearsals[0]!.invoices.filter((i) => i.total > 0)).toEqual([]);
    const periodEnd = addInterval(view.clock.frozenTime, 'month', 1);
    expect(await actions.advanceTestClockAction({ account, clockId, fromFrozenTime: view.clock.frozenTime, toFrozenTime: periodEnd, idempotencyKey: key() })).toMatchObject({ ok: true });
    const billed = await ready(clockId);
    expect(billed.rehearsals[0]!.invoices[0]).toMatchObject({ total: 2000, fee: { amount: 200 } });
    // Usage on a licensed item is refused in words.
    const other = await newClock('Licensed clock');
    await actions.createRehearsalAction({ ...licensed(other), idempotencyKey: key() });
    const licensedItem = (await queries.getClockView(account, other)).rehearsals[0]!.subscription!.items[0]!;
    expect(await actions.reportUsageAction({ account, clockId: other, subscriptionItem: licensedItem.id, quantity: 1, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/licensed price/),
    });
  });
});
