// The top-up actions' server checks, through the real server actions (permission, audit, the
// form's idempotency key) against the emulator with the SDK: the amount is refused outside its
// limits before Stripe is asked and read in the platform's currency (USD); a create whose answers
// were lost is found by the request key (one top-up); only a pending top-up is cancelled, and a
// cancel sent again finds it cancelled; the creation's audit entry has the top-up as its object,
// so the top-up's history starts with it; every role without the permission is refused before its
// input is read, and recorded as denied. Each fails when its check is taken out.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionOperator } from '@/lib/auth/current-operator';
import type { Role } from '@/lib/auth/permissions';
import { DEFAULT_POLICIES } from '@/lib/approvals/policy';
import { savePolicy } from '@/lib/approvals/store';
import { listObjectHistory } from '@/lib/audit/store';
import type { OpenDb } from '@/lib/db/open';
import { testDatabases } from '@/lib/db/testing';
import { startHarness, type Harness } from '@/lib/emulator/tests/harness';
import { controlApi, entriesFor, lastEntryOf, operatorsOfEveryRole, rolesWithout } from './server-checks';

const session = vi.hoisted(() => ({ operator: null as SessionOperator | null, db: null as unknown }));
vi.mock('@/lib/auth/current-operator', () => ({ getCurrentOperator: async () => session.operator }));
vi.mock('@/lib/db/client', () => ({ getDb: async () => session.db }));

let h: Harness;
let topups: typeof import('@/lib/topups/actions');
let writes: typeof import('@/lib/topups/mutations');
let api: ReturnType<typeof controlApi>;

beforeAll(async () => {
  h = await startHarness({ seed: 'demo' });
  process.env.STRIPE_API_BASE = h.url;
  delete process.env.STRIPE_SECRET_KEY;
  topups = await import('@/lib/topups/actions');
  writes = await import('@/lib/topups/mutations');
  api = controlApi(h);
}, 60_000);
afterAll(() => h?.close());

const key = () => crypto.randomUUID();
const create = (over: Partial<Parameters<typeof topups.createTopup>[0]> = {}) =>
  topups.createTopup({ amount: '50', description: 'server check', statementDescriptor: '', source: 'btok_us_verified', idempotencyKey: key(), ...over });
const madeWith = async (k: string) => (await h.stripe.topups.list({ limit: 100 })).data.filter((t) => t.metadata?.console_request === k);
const createPosts = async () => (await api.postsTo('/v1/topups')).length;

describe.each(testDatabases())('top-up server checks on $name', ({ open }) => {
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
    await api.clearFaults();
  });

  it.each([
    ['0', 'The amount must be more than zero.'],
    ['-5', 'The amount cannot be negative.'],
    ['1000000.00', 'The amount cannot be more than $999,999.99 USD.'],
    ['12.345', 'USD has at most 2 decimals.'],
    ['twelve', 'Not an amount: use digits and a decimal point, e.g. 12.50.'],
  ])('refuses the amount %s before asking Stripe', async (amount, error) => {
    const before = await createPosts();
    const k = key();
    expect(await create({ amount, idempotencyKey: k })).toEqual({ ok: false, error });
    expect(await createPosts()).toBe(before);
    expect(await madeWith(k)).toHaveLength(0);
    expect(await entriesFor(opened.db, k)).toMatchObject([{ outcome: 'failed', errorMessage: error }]);
  });

  it("reads the amount in the platform's currency, USD, and tops up exactly that", async () => {
    const k = key();
    const result = await create({ amount: '12.34', idempotencyKey: k });
    expect(result).toMatchObject({ ok: true, data: { amount: 1234, currency: 'usd', status: 'pending' } });
    expect(await madeWith(k)).toMatchObject([{ amount: 1234, currency: 'usd' }]);
    // The largest amount allowed is far above the four-eyes threshold: it needs approval; with that policy off, it goes through.
    expect(await create({ amount: '999,999.99' })).toMatchObject({ ok: false, approvalRequired: true });
    await savePolicy(opened.db, { ...DEFAULT_POLICIES.topup_create, enabled: false }, as.admin.id);
    expect(await create({ amount: '999,999.99' })).toMatchObject({ ok: true, data: { amount: 99_999_999 } });
    await savePolicy(opened.db, DEFAULT_POLICIES.topup_create, as.admin.id);
  });

  it('records the created top-up as the object of its creation, so its history starts with it', async () => {
    const k = key();
    const result = await create({ idempotencyKey: k });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const id = result.data.topupId;
    expect(await entriesFor(opened.db, k)).toMatchObject([{ action: 'topup.create', outcome: 'succeeded', resultId: id }]);
    const history = await listObjectHistory(opened.db, id);
    expect(history.map((e) => [e.action, e.outcome, e.idempotencyKey])).toEqual([['topup.create', 'succeeded', k]]);
    expect((await topups.cancelTopup({ topupId: id, idempotencyKey: key() })).ok).toBe(true);
    expect((await listObjectHistory(opened.db, id)).map((e) => e.action)).toEqual(['topup.cancel', 'topup.create']);
  });

  it('finds a top-up whose answers were all lost by the request key: one top-up, recorded with its id', async () => {
    await api.addFault({ lost_response: { path: '/v1/topups', count: 3 } });
    const k = key();
    const result = await create({ amount: '77.01', idempotencyKey: k });
    expect(result.ok).toBe(true);
    const mine = await madeWith(k);
    expect(mine).toHaveLength(1);
    if (result.ok) expect(result.data.topupId).toBe(mine[0]!.id);
    expect((await api.postsTo('/v1/topups')).filter((p) => p.idempotency_key === k && !p.idempotent_replayed)).toHaveLength(1);
    const [entry] = await entriesFor(opened.db, k);
    expect(entry).toMatchObject({ outcome: 'succeeded', resultId: mine[0]!.id });
    expect(entry!.resolution).toContain(`top-up ${mine[0]!.id} carries this request's key`);
  });

  it('cancels only a pending top-up, in plain words, and changes nothing else', async () => {
    const failed = await create({ source: 'btok_us_verified_insufficientFunds' });
    expect(failed.ok).toBe(true);
    if (!failed.ok) return;
    expect((await h.stripe.topups.retrieve(failed.data.topupId)).status).toBe('failed');
    const result = await topups.cancelTopup({ topupId: failed.data.topupId, idempotencyKey: key() });
    expect(result).toMatchObject({ ok: false, error: 'Only a pending top-up can be cancelled; this one is failed.' });
    expect((await h.stripe.topups.retrieve(failed.data.topupId)).status).toBe('failed');
  });

  it('a cancel sent again (its answer lost, a new key) finds the top-up cancelled and says it is done', async () => {
    const made = await create();
    if (!made.ok) throw new Error(made.error);
    const id = made.data.topupId;
    const first = await writes.cancel({ topupId: id }, key());
    expect(first.data.status).toBe('canceled');
    const again = await writes.cancel({ topupId: id }, key());
    expect(again.data).toEqual({ topupId: id, status: 'canceled' });
  });

  it.each(rolesWithout('topups.create'))('refuses a top-up by the %s role before reading the input, records it as denied, and creates nothing', async (role) => {
    session.operator = as[role];
    const before = await createPosts();
    expect(await create()).toEqual({ ok: false, error: 'Your role does not allow this.' });
    expect(await lastEntryOf(opened.db, as[role].id)).toMatchObject({ outcome: 'denied', action: 'topup.create' });
    const invalid = await topups.createTopup({ amount: 5, idempotencyKey: 'x' } as never);
    expect(invalid).toEqual({ ok: false, error: 'Your role does not allow this.' });
    expect(await lastEntryOf(opened.db, as[role].id)).toMatchObject({ outcome: 'denied', params: { invalidInput: true, fields: ['amount', 'idempotencyKey'] } });
    expect(await createPosts()).toBe(before);
  });

  it.each(rolesWithout('topups.cancel'))('refuses a cancellation by the %s role before reading the input, records it as denied, and cancels nothing', async (role) => {
    session.operator = as.finance;
    const made = await create();
    if (!made.ok) throw new Error(made.error);
    const id = made.data.topupId;
    session.operator = as[role];
    expect(await topups.cancelTopup({ topupId: id, idempotencyKey: key() })).toEqual({ ok: false, error: 'Your role does not allow this.' });
    expect(await lastEntryOf(opened.db, as[role].id)).toMatchObject({ outcome: 'denied', action: 'topup.cancel', targetId: id });
    expect(await topups.cancelTopup({ topupId: 'nonsense' } as never)).toEqual({ ok: false, error: 'Your role does not allow this.' });
    expect(await lastEntryOf(opened.db, as[role].id)).toMatchObject({ outcome: 'denied', params: { invalidInput: true, fields: ['topupId'] } });
    expect(await api.postsTo(`/v1/topups/${id}/cancel`)).toHaveLength(0);
    expect((await h.stripe.topups.retrieve(id)).status).toBe('pending');
  });
});
