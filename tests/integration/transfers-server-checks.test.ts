// The transfer reversal's server checks, through the real server action (permission, audit, the
// form's idempotency key) against the emulator with the SDK: a transfer changed since the review is
// refused; an amount over what is left is refused before Stripe is asked; a lost answer is found
// by the request key (one reversal); the amount is read in the transfer's own currency; a fee
// refund is refused for a transfer with no fee; and every role without the permission is refused
// before its input is read, and recorded as denied. Each fails when its check is taken out.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionOperator } from '@/lib/auth/current-operator';
import type { Role } from '@/lib/auth/permissions';
import type { OpenDb } from '@/lib/db/open';
import { testDatabases } from '@/lib/db/testing';
import { startHarness, type Harness } from '@/lib/emulator/tests/harness';
import { controlApi, entriesFor, freshCharge, lastEntryOf, operatorsOfEveryRole, rolesWithout } from './server-checks';

const session = vi.hoisted(() => ({ operator: null as SessionOperator | null, db: null as unknown }));
vi.mock('@/lib/auth/current-operator', () => ({ getCurrentOperator: async () => session.operator }));
vi.mock('@/lib/db/client', () => ({ getDb: async () => session.db }));

let h: Harness;
let transfers: typeof import('@/lib/transfers/actions');
let api: ReturnType<typeof controlApi>;

beforeAll(async () => {
  h = await startHarness({ seed: 'demo' });
  process.env.STRIPE_API_BASE = h.url;
  delete process.env.STRIPE_SECRET_KEY;
  transfers = await import('@/lib/transfers/actions');
  api = controlApi(h);
}, 60_000);
afterAll(() => h?.close());

const key = () => crypto.randomUUID();
const reverse = (transferId: string, over: Partial<Parameters<typeof transfers.reverseTransfer>[0]> = {}) =>
  transfers.reverseTransfer({ transferId, full: false, amount: '10', refundApplicationFee: false, description: 'server check', metadata: [], expectedReversed: 0, idempotencyKey: key(), ...over });
const reversalsPath = (transfer: string) => `/v1/transfers/${transfer}/reversals`;

describe.each(testDatabases())('transfer reversal server checks on $name', ({ open }) => {
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

  it('refuses a transfer changed since the review, and reverses nothing', async () => {
    const { transfer } = await freshCharge(h);
    // Someone else reversed part of it after this operator's review (expectedReversed 0).
    await h.stripe.transfers.createReversal(transfer, { amount: 2_500 });
    const k = key();
    const result = await reverse(transfer, { amount: '10', expectedReversed: 0, idempotencyKey: k });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('This transfer changed since you reviewed the reversal') });
    if (!result.ok) expect(result.error).toContain('$25.00 USD has now been reversed and $75.00 USD is left');
    expect((await h.stripe.transfers.retrieve(transfer)).amount_reversed).toBe(2_500);
    expect(await api.postsTo(reversalsPath(transfer))).toHaveLength(1);
    expect(await entriesFor(opened.db, k)).toMatchObject([{ outcome: 'failed', errorMessage: expect.stringContaining('changed since you reviewed') }]);
    expect((await reverse(transfer, { amount: '10', expectedReversed: 2_500 })).ok).toBe(true);
  });

  it('refuses an amount over what is left before asking Stripe', async () => {
    // A destination charge of 100.00 transfers all of it (the fee is collected from the account).
    const { transfer } = await freshCharge(h);
    const result = await reverse(transfer, { amount: '100.01' });
    expect(result).toMatchObject({ ok: false, error: 'Only $100.00 USD of this transfer is left to reverse; $100.01 USD is more than that.' });
    expect(await api.postsTo(reversalsPath(transfer))).toHaveLength(0);
    expect((await h.stripe.transfers.retrieve(transfer)).amount_reversed).toBe(0);
    expect((await reverse(transfer, { amount: '100' })).ok).toBe(true);
    expect((await h.stripe.transfers.retrieve(transfer)).amount_reversed).toBe(10_000);
  });

  it('finds a reversal whose answers were all lost by the request key: one reversal, recorded with its id', async () => {
    const { transfer } = await freshCharge(h);
    await api.addFault({ lost_response: { path: reversalsPath(transfer), count: 3 } });
    const k = key();
    const result = await reverse(transfer, { amount: '12.34', idempotencyKey: k });
    expect(result.ok).toBe(true);
    const reversals = (await h.stripe.transfers.listReversals(transfer)).data;
    expect(reversals).toHaveLength(1);
    expect(reversals[0]).toMatchObject({ amount: 1234, metadata: { console_request: k } });
    if (result.ok) expect(result.data).toMatchObject({ reversalId: reversals[0]!.id, replayed: true });
    expect((await api.postsTo(reversalsPath(transfer))).filter((p) => !p.idempotent_replayed)).toHaveLength(1);
    const [entry] = await entriesFor(opened.db, k);
    expect(entry).toMatchObject({ outcome: 'succeeded', resultId: reversals[0]!.id });
    expect(entry!.resolution).toContain(`reversal ${reversals[0]!.id} carries this request's key`);
  });

  it("reads the amount in the transfer's own currency", async () => {
    const { transfer } = await freshCharge(h, { amount: 10_000, fee: 2_000, currency: 'jpy', country: 'JP' });
    const decimals = await reverse(transfer, { amount: '12.50' });
    expect(decimals).toMatchObject({ ok: false, error: 'JPY has no minor unit: enter a whole number.' });
    expect(await api.postsTo(reversalsPath(transfer))).toHaveLength(0);
    const whole = await reverse(transfer, { amount: '1200' });
    expect(whole.ok).toBe(true);
    if (whole.ok) expect(whole.data).toMatchObject({ amount: 1200, currency: 'jpy' });
    expect((await h.stripe.transfers.retrieve(transfer)).amount_reversed).toBe(1200);
  });

  it('refuses to refund an application fee for a transfer that came from no charge with a fee', async () => {
    const { destination } = await freshCharge(h);
    const plain = await h.stripe.transfers.create({ amount: 1_000, currency: 'usd', destination });
    const result = await reverse(plain.id, { amount: '1', refundApplicationFee: true });
    expect(result).toMatchObject({ ok: false, error: 'This transfer did not come from a charge with an application fee, so there is no fee to refund.' });
    expect(await api.postsTo(reversalsPath(plain.id))).toHaveLength(0);
  });

  it.each(rolesWithout('transfers.reverse'))('refuses the %s role before reading the input, records the attempt as denied, and reverses nothing', async (role) => {
    const { transfer } = await freshCharge(h);
    session.operator = as[role];
    const valid = await reverse(transfer);
    expect(valid).toEqual({ ok: false, error: 'Your role does not allow this.' });
    expect(await lastEntryOf(opened.db, as[role].id)).toMatchObject({ outcome: 'denied', action: 'transfer.reverse', targetId: transfer });
    const invalid = await transfers.reverseTransfer({ transferId: 'nonsense', idempotencyKey: 'x' } as never);
    expect(invalid).toEqual({ ok: false, error: 'Your role does not allow this.' });
    expect(await lastEntryOf(opened.db, as[role].id)).toMatchObject({ outcome: 'denied', params: { invalidInput: true, fields: ['transferId', 'idempotencyKey'] } });
    expect(await api.postsTo(reversalsPath(transfer))).toHaveLength(0);
    expect((await h.stripe.transfers.retrieve(transfer)).amount_reversed).toBe(0);
  });
});
