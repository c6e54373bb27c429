// The application fee refund's server checks, through the real server action (permission, audit,
// the form's idempotency key) against the emulator with the SDK: a fee changed since the review is
// refused; an amount over what is left is refused before Stripe is asked; a lost answer is found
// by the request key (one refund); the amount is read in the fee's own currency; and every role
// without the permission is refused before its input is read, and recorded as denied. Each of
// these fails when its check is taken out of lib/fees (see the report of issue 10).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionOperator } from '@/lib/auth/current-operator';
import { ROLE_LABELS, type Role } from '@/lib/auth/permissions';
import type { OpenDb } from '@/lib/db/open';
import { testDatabases } from '@/lib/db/testing';
import { startHarness, type Harness } from '@/lib/emulator/tests/harness';
import { controlApi, entriesFor, freshCharge, lastEntryOf, operatorsOfEveryRole, rolesWithout } from './server-checks';

const session = vi.hoisted(() => ({ operator: null as SessionOperator | null, db: null as unknown }));
vi.mock('@/lib/auth/current-operator', () => ({ getCurrentOperator: async () => session.operator }));
vi.mock('@/lib/db/client', () => ({ getDb: async () => session.db }));

let h: Harness;
let fees: typeof import('@/lib/fees/actions');
let api: ReturnType<typeof controlApi>;

beforeAll(async () => {
  h = await startHarness({ seed: 'demo' });
  process.env.STRIPE_API_BASE = h.url;
  delete process.env.STRIPE_SECRET_KEY;
  fees = await import('@/lib/fees/actions');
  api = controlApi(h);
}, 60_000);
afterAll(() => h?.close());

const key = () => crypto.randomUUID();
const refund = (feeId: string, over: Partial<Parameters<typeof fees.refundApplicationFee>[0]> = {}) =>
  fees.refundApplicationFee({ feeId, full: false, amount: '5', reason: 'server check', ticket: '', expectedRefunded: 0, idempotencyKey: key(), ...over });

describe.each(testDatabases())('fee refund server checks on $name', ({ open }) => {
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
    session.operator = as.support;
    await api.clearFaults();
  });

  it('refuses a fee changed since the review, and refunds nothing', async () => {
    const { fee } = await freshCharge(h);
    // Someone else refunded part of the fee after this operator's review was made (expectedRefunded 0).
    await h.stripe.applicationFees.createRefund(fee, { amount: 300 });
    const k = key();
    const result = await refund(fee, { amount: '5', expectedRefunded: 0, idempotencyKey: k });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('This fee changed since you reviewed the refund') });
    if (!result.ok) expect(result.error).toContain('$3.00 USD has now been refunded and $17.00 USD is left');
    expect((await h.stripe.applicationFees.retrieve(fee)).amount_refunded).toBe(300);
    expect((await h.stripe.applicationFees.listRefunds(fee)).data).toHaveLength(1);
    expect(await api.postsTo(`/v1/application_fees/${fee}/refunds`)).toHaveLength(1);
    expect(await entriesFor(opened.db, k)).toMatchObject([{ outcome: 'failed', errorMessage: expect.stringContaining('changed since you reviewed') }]);
    // Reviewed again (from what is refunded now), the same amount goes through.
    expect((await refund(fee, { amount: '5', expectedRefunded: 300 })).ok).toBe(true);
  });

  it('refuses an amount over what is left before asking Stripe', async () => {
    const { fee } = await freshCharge(h);
    const result = await refund(fee, { amount: '20.01' });
    expect(result).toMatchObject({ ok: false, error: 'Only $20.00 USD of this fee is left to refund; $20.01 USD is more than that.' });
    expect(await api.postsTo(`/v1/application_fees/${fee}/refunds`)).toHaveLength(0);
    expect((await h.stripe.applicationFees.retrieve(fee)).amount_refunded).toBe(0);
    // Exactly what is left is fine.
    expect((await refund(fee, { amount: '20.00' })).ok).toBe(true);
    expect((await h.stripe.applicationFees.retrieve(fee)).amount_refunded).toBe(2_000);
  });

  it('finds a refund whose answers were all lost by the request key: one refund, recorded with its id', async () => {
    const { fee } = await freshCharge(h);
    await api.addFault({ lost_response: { path: `/v1/application_fees/${fee}/refunds`, count: 3 } });
    const k = key();
    const result = await refund(fee, { amount: '7.5', idempotencyKey: k });
    expect(result.ok).toBe(true);
    const refunds = (await h.stripe.applicationFees.listRefunds(fee)).data;
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amount: 750, metadata: { console_request: k } });
    if (result.ok) expect(result.data).toMatchObject({ refundId: refunds[0]!.id, replayed: true });
    // Found by the key in its metadata, not by sending the refund once more.
    expect((await api.postsTo(`/v1/application_fees/${fee}/refunds`)).filter((p) => !p.idempotent_replayed)).toHaveLength(1);
    const [entry] = await entriesFor(opened.db, k);
    expect(entry).toMatchObject({ outcome: 'succeeded', resultId: refunds[0]!.id });
    expect(entry!.resolution).toContain(`refund ${refunds[0]!.id} carries this request's key`);
  });

  it("reads the amount in the fee's own currency", async () => {
    const { fee } = await freshCharge(h, { amount: 10_000, fee: 2_000, currency: 'jpy', country: 'JP' });
    // ¥ has no minor unit: "12.50" is no yen amount, and "1200" is ¥1,200 (not ¥120,000).
    const decimals = await refund(fee, { amount: '12.50' });
    expect(decimals).toMatchObject({ ok: false, error: 'JPY has no minor unit: enter a whole number.' });
    expect(await api.postsTo(`/v1/application_fees/${fee}/refunds`)).toHaveLength(0);
    const whole = await refund(fee, { amount: '1200' });
    expect(whole.ok).toBe(true);
    if (whole.ok) expect(whole.data).toMatchObject({ amount: 1200, currency: 'jpy' });
    expect((await h.stripe.applicationFees.retrieve(fee)).amount_refunded).toBe(1200);
  });

  it.each(rolesWithout('fees.refund'))('refuses the %s role before reading the input, records the attempt as denied, and refunds nothing', async (role) => {
    const { fee } = await freshCharge(h);
    session.operator = as[role];
    // Valid input: refused, recorded with its target.
    const valid = await refund(fee);
    expect(valid).toEqual({ ok: false, error: 'Your role does not allow this.' });
    expect(await lastEntryOf(opened.db, as[role].id)).toMatchObject({
      outcome: 'denied',
      action: 'application_fee.refund',
      targetId: fee,
      errorMessage: `The ${ROLE_LABELS[role]} role does not have the permission to refund application fees (fees.refund).`,
    });
    // Invalid input: the same refusal, no word about the fields.
    const invalid = await fees.refundApplicationFee({ feeId: 'nonsense', idempotencyKey: 'x' } as never);
    expect(invalid).toEqual({ ok: false, error: 'Your role does not allow this.' });
    expect(await lastEntryOf(opened.db, as[role].id)).toMatchObject({ outcome: 'denied', params: { invalidInput: true, fields: ['feeId', 'idempotencyKey'] } });
    expect(await api.postsTo(`/v1/application_fees/${fee}/refunds`)).toHaveLength(0);
    expect((await h.stripe.applicationFees.retrieve(fee)).amount_refunded).toBe(0);
  });
});
