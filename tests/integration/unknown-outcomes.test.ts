// An outcome is never guessed. The console's own actions (the real server actions, through the
// action wrapper, with the real SDK) against the emulator with its answers dropped: a lost answer
// is recorded as unknown, then found out (the object carrying the request's key), with no second
// object; while a request is open a new one on the same object is refused; a crash between Stripe
// and the audit completion is resolved by the reconciler. On PGlite, and on PostgreSQL when
// DATABASE_URL is set.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionOperator } from '@/lib/auth/current-operator';
import { DEFAULT_POLICIES } from '@/lib/approvals/policy';
import { savePolicy } from '@/lib/approvals/store';
import { startAuditEntry } from '@/lib/audit/store';
import type { OpenDb } from '@/lib/db/open';
import { auditEntries } from '@/lib/db/schema';
import { testDatabases } from '@/lib/db/testing';
import { createOperator } from '@/lib/operators/store';
import { startHarness, type Harness } from '@/lib/emulator/tests/harness';
import { controlApi, freshCharge as freshChargeOn } from './server-checks';

const session = vi.hoisted(() => ({ operator: null as SessionOperator | null, db: null as unknown }));
vi.mock('@/lib/auth/current-operator', () => ({ getCurrentOperator: async () => session.operator }));
vi.mock('@/lib/db/client', () => ({ getDb: async () => session.db }));

let h: Harness;
let transfers: typeof import('@/lib/transfers/actions');
let fees: typeof import('@/lib/fees/actions');
let topups: typeof import('@/lib/topups/actions');
let transferWrites: typeof import('@/lib/transfers/mutations');
let reconciler: typeof import('@/lib/outcomes/reconciler');
let accounts: typeof import('@/lib/accounts/actions');
let outcomeStore: typeof import('@/lib/outcomes/store');

beforeAll(async () => {
  h = await startHarness({ seed: 'demo' });
  process.env.STRIPE_API_BASE = h.url;
  delete process.env.STRIPE_SECRET_KEY;
  transfers = await import('@/lib/transfers/actions');
  fees = await import('@/lib/fees/actions');
  topups = await import('@/lib/topups/actions');
  transferWrites = await import('@/lib/transfers/mutations');
  reconciler = await import('@/lib/outcomes/reconciler');
  accounts = await import('@/lib/accounts/actions');
  outcomeStore = await import('@/lib/outcomes/store');
  api = controlApi(h);
}, 60_000);
afterAll(() => h?.close());

let api: ReturnType<typeof controlApi>;
const addFault = (rule: unknown) => api.addFault(rule);
const clearFaults = () => api.clearFaults();
const key = () => crypto.randomUUID();
/** A new destination charge: a fresh transfer and a fresh fee (tests/integration/server-checks.ts). */
const freshCharge = (amount = 10_000, fee = 2_000) => freshChargeOn(h, { amount, fee });

describe.each(testDatabases())('unknown outcomes on $name', ({ open }) => {
  let opened: OpenDb;
  let finance: SessionOperator;
  let support: SessionOperator;
  let viewer: SessionOperator;
  let ops: SessionOperator;

  beforeAll(async () => {
    opened = await open();
    session.db = opened.db;
    finance = { ...(await createOperator(opened.db, { email: 'finance@example.test', name: 'Fin', role: 'finance' })), lastSignInAt: null };
    support = { ...(await createOperator(opened.db, { email: 'support@example.test', name: 'Sup', role: 'support' })), lastSignInAt: null };
    viewer = { ...(await createOperator(opened.db, { email: 'viewer@example.test', name: 'View', role: 'viewer' })), lastSignInAt: null };
    ops = { ...(await createOperator(opened.db, { email: 'ops@example.test', name: 'Ops', role: 'ops' })), lastSignInAt: null };
  }, 60_000);
  afterAll(async () => opened?.close());
  beforeEach(async () => {
    session.db = opened.db;
    await clearFaults();
  });

  const entryFor = async (idempotencyKey: string) => {
    const rows = await opened.db.select().from(auditEntries).where(eq(auditEntries.idempotencyKey, idempotencyKey));
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };

  it('a reversal whose answers were all lost ends succeeded, with its id, and exists once', async () => {
    session.operator = finance;
    const { transfer } = await freshCharge();
    // The first attempt and both SDK retries are applied (then replayed) but never answered.
    await addFault({ lost_response: { path: `/v1/transfers/${transfer}/reversals`, count: 3 } });
    const k = key();
    const result = await transfers.reverseTransfer({ transferId: transfer, full: false, amount: '12.34', refundApplicationFee: false, description: 'lost', metadata: [], expectedReversed: 0, idempotencyKey: k });
    expect(result.ok).toBe(true);
    const reversals = (await h.stripe.transfers.listReversals(transfer)).data;
    expect(reversals).toHaveLength(1);
    expect(reversals[0]!.amount).toBe(1234);
    if (result.ok) expect(result.data.reversalId).toBe(reversals[0]!.id);
    const entry = await entryFor(k);
    expect(entry).toMatchObject({ outcome: 'succeeded', resultId: reversals[0]!.id });
    expect(entry.resolution).toMatch(/answer was lost.*carries this request's key/);
  });

  it('a fee refund whose answers were all lost ends succeeded, with its id, and exists once', async () => {
    session.operator = support;
    const { fee } = await freshCharge();
    await addFault({ lost_response: { path: `/v1/application_fees/${fee}/refunds`, count: 3 } });
    const k = key();
    const result = await fees.refundApplicationFee({ feeId: fee, full: false, amount: '5', reason: 'lost answer', ticket: '', expectedRefunded: 0, idempotencyKey: k });
    expect(result.ok).toBe(true);
    const refunds = (await h.stripe.applicationFees.listRefunds(fee)).data;
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.metadata).toMatchObject({ console_request: k, refunded_by: 'support@example.test' });
    expect(await entryFor(k)).toMatchObject({ outcome: 'succeeded', resultId: refunds[0]!.id });
  });

  it('a top-up whose answers were all lost ends succeeded, with its id, and exists once', async () => {
    session.operator = finance;
    await addFault({ lost_response: { path: '/v1/topups', count: 3 } });
    const k = key();
    const result = await topups.createTopup({ amount: '77.01', description: 'lost answer', statementDescriptor: '', source: 'btok_us_verified', idempotencyKey: k });
    expect(result.ok).toBe(true);
    const mine = (await h.stripe.topups.list({ limit: 100 })).data.filter((t) => t.metadata?.console_request === k);
    expect(mine).toHaveLength(1);
    expect(await entryFor(k)).toMatchObject({ outcome: 'succeeded', resultId: mine[0]!.id });
  });

  it('with the backend unreachable the outcome stays unknown, a new request on the object is refused, and the reconciler finds the truth', async () => {
    session.operator = finance;
    const { transfer } = await freshCharge();
    // The reversal is made, but neither its answers nor any read afterwards get through.
    await addFault({ lost_response: { path: `/v1/transfers/${transfer}/reversals`, count: 3 } });
    const first = key();
    const payload = { transferId: transfer, full: false, amount: '50', refundApplicationFee: false, description: 'unknown', metadata: [], expectedReversed: 0 };
    // The action's own reads go through; once its POST has been sent (and lost), reads fail too.
    const result = await (async () => {
      const pending = transfers.reverseTransfer({ ...payload, idempotencyKey: first });
      // Wait until the POST was made, then take the backend's reads away.
      for (let i = 0; i < 100; i += 1) {
        const log = { data: await api.requests() };
        if (log.data.some((r) => r.method === 'POST' && r.path === `/v1/transfers/${transfer}/reversals`)) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      await addFault({ error: { path: `/v1/transfers/${transfer}*`, method: 'GET', status: 503, count: null } });
      return pending;
    })();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.unknown?.idempotencyKey).toBe(first);
    expect(result.error).toMatch(/may or may not have been made/);
    expect(await entryFor(first)).toMatchObject({ outcome: 'unknown' });

    // The operator goes back and confirms the same amount again: a new key. Refused, nothing sent.
    const second = key();
    const again = await transfers.reverseTransfer({ ...payload, idempotencyKey: second });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.blockedBy).toEqual({ auditId: result.unknown!.auditId, idempotencyKey: first });
    expect(await entryFor(second)).toMatchObject({ outcome: 'failed' });

    // The backend is back: the reconciler records the reversal the first request made.
    await clearFaults();
    // Right after the request ended it is left alone for a short grace; then it is found.
    expect((await reconciler.reconcileOnce(opened.db, { holder: 'test' })).resolved).toBe(0);
    expect(await entryFor(first)).toMatchObject({ outcome: 'unknown' });
    const report = await reconciler.reconcileOnce(opened.db, { holder: 'test', now: new Date(Date.now() + 60_000) });
    expect(report.resolved).toBeGreaterThanOrEqual(1);
    const reversals = (await h.stripe.transfers.listReversals(transfer)).data;
    expect(reversals).toHaveLength(1);
    expect(await entryFor(first)).toMatchObject({ outcome: 'succeeded', resultId: reversals[0]!.id });
  });

  it('sending the same request again settles its earlier attempt: one change, named once', async () => {
    session.operator = support;
    const { fee } = await freshCharge();
    await addFault({ lost_response: { path: `/v1/application_fees/${fee}/refunds`, count: 3 } });
    await addFault({ error: { path: `/v1/application_fees/${fee}*`, method: 'GET', status: 503, count: null } });
    const k = key();
    const input = { feeId: fee, full: false, amount: '2', reason: 'same again', ticket: '', expectedRefunded: 0, idempotencyKey: k };
    // The reads fail from the start here, so the POST is never even sent: the outcome is unknown.
    // (With the fee refund's four-eyes policy on, its weighing reads the fee first, and that failed
    // read is a plain failure before anything is sent: tests/integration/approvals.test.ts.)
    await savePolicy(opened.db, { ...DEFAULT_POLICIES.fee_refund, enabled: false }, support.id);
    const first = await fees.refundApplicationFee(input).finally(() => savePolicy(opened.db, DEFAULT_POLICIES.fee_refund, support.id));
    expect(first.ok).toBe(false);
    await clearFaults();
    const again = await fees.refundApplicationFee(input);
    expect(again.ok).toBe(true);
    const rows = await opened.db.select().from(auditEntries).where(eq(auditEntries.idempotencyKey, k));
    expect(rows.map((r) => r.outcome)).toEqual(['succeeded', 'succeeded']);
    const [earlier, later] = rows.sort((a, b) => a.id - b.id);
    expect(earlier!.resolution).toContain(`sent again as audit entry #${later!.id}`);
    expect(earlier!.resultId).toBe(later!.resultId);
    expect((await h.stripe.applicationFees.listRefunds(fee)).data).toHaveLength(1);
  });

  it('an open rejection of an account blocks its deletion too, and nothing is sent', async () => {
    session.operator = ops;
    const account = await h.stripe.accounts.create({ type: 'custom', country: 'US', capabilities: { transfers: { requested: true } } });
    // A rejection still running (its process holds the entry's lease).
    const rejecting = await startAuditEntry(opened.db, { operator: { id: ops.id, email: ops.email, role: ops.role }, action: 'account.reject', targetId: account.id, idempotencyKey: key(), mode: 'emulator' });
    await outcomeStore.markRequestRunning(opened.db, rejecting);
    const before = ({ data: await api.requests() }).data.filter((r) => r.path === `/v1/accounts/${account.id}` && r.method === 'DELETE');
    const deleted = await accounts.deleteAccountAction({ accountId: account.id, note: 'Closing this test account', confirmation: account.id, idempotencyKey: key() });
    expect(deleted.ok).toBe(false);
    if (!deleted.ok) expect(deleted.blockedBy?.auditId).toBe(rejecting);
    const after = ({ data: await api.requests() }).data.filter((r) => r.path === `/v1/accounts/${account.id}` && r.method === 'DELETE');
    expect(after).toHaveLength(before.length);
    expect((await h.stripe.accounts.retrieve(account.id)).id).toBe(account.id);
  });

  it('leaves a slow request alone while it runs: no reconciler or other request records it meanwhile', async () => {
    session.operator = finance;
    const { transfer } = await freshCharge();
    await addFault({ latency: { path: `/v1/transfers/${transfer}/reversals`, method: 'POST', ms: 2500, count: 1 } });
    const k = key();
    const running = transfers.reverseTransfer({ transferId: transfer, full: false, amount: '3', refundApplicationFee: false, description: 'slow', metadata: [], expectedReversed: 0, idempotencyKey: k });
    await new Promise((r) => setTimeout(r, 800));
    // Even a reconciler whose clock says the request is long stale, and a second request, leave it be.
    await reconciler.reconcileOnce(opened.db, { holder: 'test', now: new Date(Date.now() + 10 * 60_000) });
    expect(await entryFor(k)).toMatchObject({ outcome: 'started' });
    const other = await transfers.reverseTransfer({ transferId: transfer, full: false, amount: '3', refundApplicationFee: false, description: 'slow', metadata: [], expectedReversed: 0, idempotencyKey: key() });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.blockedBy?.idempotencyKey).toBe(k);
    expect((await running).ok).toBe(true);
    expect(await entryFor(k)).toMatchObject({ outcome: 'succeeded' });
    expect((await h.stripe.transfers.listReversals(transfer)).data).toHaveLength(1);
  });

  it('resolves an entry left started by a crash between Stripe and the audit completion', async () => {
    session.operator = finance;
    const { transfer } = await freshCharge();
    const crashed = key();
    const never = key();
    const base = { operator: { id: finance.id, email: finance.email, role: finance.role }, action: 'transfer.reverse' as const, targetId: transfer, mode: 'emulator' as const };
    await startAuditEntry(opened.db, { ...base, idempotencyKey: crashed, params: { transferId: transfer } });
    // The change reaches Stripe; the process dies before it records the outcome.
    const made = await transferWrites.reverse({ transferId: transfer, full: false, amount: '1', refundApplicationFee: false, description: 'crash', metadata: [], expectedReversed: 0 }, crashed, finance.email);
    // Another request died before it reached Stripe at all.
    await startAuditEntry(opened.db, { ...base, idempotencyKey: never, params: { transferId: transfer } });
    // Too soon: a started request may still be running, so the reconciler leaves it.
    const early = await reconciler.reconcileOnce(opened.db, { holder: 'test' });
    expect(early.checked).toBe(0);
    const later = new Date(Date.now() + 10 * 60_000);
    const report = await reconciler.reconcileOnce(opened.db, { holder: 'test', now: later });
    expect(report.resolved).toBe(2);
    expect(await entryFor(crashed)).toMatchObject({ outcome: 'succeeded', resultId: made.resultId });
    expect(await entryFor(never)).toMatchObject({ outcome: 'failed', errorMessage: 'Not applied.' });
  });

  it('leaves an entry of another mode for a console running in that mode', async () => {
    session.operator = finance;
    const { transfer } = await freshCharge();
    const base = { operator: { id: finance.id, email: finance.email, role: finance.role }, action: 'transfer.reverse' as const, targetId: transfer, params: { transferId: transfer } };
    // A test-mode request left started by a crash, seen by this console on the emulator: the
    // emulator cannot know it, so reading it here would wrongly find it "not applied".
    const elsewhere = key();
    await startAuditEntry(opened.db, { ...base, idempotencyKey: elsewhere, mode: 'test' });
    const later = new Date(Date.now() + 10 * 60_000);
    await reconciler.reconcileOnce(opened.db, { holder: 'test', now: later });
    expect(await entryFor(elsewhere)).toMatchObject({ outcome: 'started', resolution: null });
    // A console on a test key settles it.
    await reconciler.reconcileOnce(opened.db, { holder: 'test', now: later, mode: 'test' });
    expect(await entryFor(elsewhere)).toMatchObject({ outcome: 'failed', errorMessage: 'Not applied.' });
  });

  it('only one reconciler works at a time', async () => {
    const { takeLease } = await import('@/lib/db/leases');
    expect(await takeLease(opened.db, reconciler.RECONCILER_LEASE, 'other-instance', 60_000)).toBe(true);
    expect((await reconciler.reconcileOnce(opened.db, { holder: 'test' })).ran).toBe(false);
    // An expired lease is free again.
    expect((await reconciler.reconcileOnce(opened.db, { holder: 'test', now: new Date(Date.now() + 120_000) })).ran).toBe(true);
  });

  it('checks the permission before the input: a refused caller learns nothing about the fields, and is recorded', async () => {
    session.operator = null;
    const signedOut = await transfers.reverseTransfer({ transferId: 'nonsense' } as never);
    expect(signedOut).toEqual({ ok: false, error: expect.any(String) });
    session.operator = viewer;
    const refused = await transfers.reverseTransfer({ transferId: 'nonsense', idempotencyKey: 'x' } as never);
    expect(refused.ok).toBe(false);
    expect(refused).not.toHaveProperty('fieldErrors');
    const denied = await opened.db.select().from(auditEntries).where(eq(auditEntries.operatorId, viewer.id));
    expect(denied.at(-1)).toMatchObject({ outcome: 'denied', action: 'transfer.reverse', params: { invalidInput: true, fields: ['transferId', 'idempotencyKey'] } });
  });
});
