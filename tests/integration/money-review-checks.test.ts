// The server's answer when a money form's review no longer holds: the fee or transfer changed since
// the review (refused, marked `changed` so the form reviews again, nothing sent to Stripe), and a
// reversal asking to refund an application fee that is already fully refunded (refused, nothing
// sent). The real server actions, through the action wrapper, with the real SDK, on the emulator.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionOperator } from '@/lib/auth/current-operator';
import type { OpenDb } from '@/lib/db/open';
import { testDatabases } from '@/lib/db/testing';
import { createOperator } from '@/lib/operators/store';
import { startHarness, type Harness } from '@/lib/emulator/tests/harness';
import { freshCharge as freshChargeOn } from './server-checks';

const session = vi.hoisted(() => ({ operator: null as SessionOperator | null, db: null as unknown }));
vi.mock('@/lib/auth/current-operator', () => ({ getCurrentOperator: async () => session.operator }));
vi.mock('@/lib/db/client', () => ({ getDb: async () => session.db }));

let h: Harness;
let transfers: typeof import('@/lib/transfers/actions');
let fees: typeof import('@/lib/fees/actions');

beforeAll(async () => {
  h = await startHarness({ seed: 'demo' });
  process.env.STRIPE_API_BASE = h.url;
  delete process.env.STRIPE_SECRET_KEY;
  transfers = await import('@/lib/transfers/actions');
  fees = await import('@/lib/fees/actions');
}, 60_000);
afterAll(() => h?.close());

const key = () => crypto.randomUUID();
/** A new destination charge: a fresh transfer and a fresh fee (tests/integration/server-checks.ts). */
const freshCharge = (amount = 10_000, fee = 2_000) => freshChargeOn(h, { amount, fee });

describe.each(testDatabases().slice(0, 1))('money review checks on $name', ({ open }) => {
  let opened: OpenDb;
  let finance: SessionOperator;
  let support: SessionOperator;

  beforeAll(async () => {
    opened = await open();
    session.db = opened.db;
    finance = { ...(await createOperator(opened.db, { email: 'finance@example.test', name: 'Fin', role: 'finance' })), lastSignInAt: null };
    support = { ...(await createOperator(opened.db, { email: 'support@example.test', name: 'Sup', role: 'support' })), lastSignInAt: null };
  }, 60_000);
  afterAll(async () => opened?.close());

  it('a fee refunded since the review is refused as changed, and nothing is refunded', async () => {
    session.operator = support;
    const { fee } = await freshCharge(10_000, 2_500);
    await h.stripe.applicationFees.createRefund(fee, { amount: 1_000 });
    const result = await fees.refundApplicationFee({ feeId: fee, full: true, amount: '', reason: 'stale review', ticket: '', expectedRefunded: 0, idempotencyKey: key() });
    expect(result).toMatchObject({ ok: false, changed: true });
    if (!result.ok) expect(result.error).toContain('This fee changed since you reviewed the refund: $10.00 USD has now been refunded and $15.00 USD is left.');
    expect((await h.stripe.applicationFees.retrieve(fee)).amount_refunded).toBe(1_000);
  });

  it('a transfer reversed since the review is refused as changed; another refusal is not marked changed', async () => {
    session.operator = finance;
    const { transfer } = await freshCharge();
    await h.stripe.transfers.createReversal(transfer, { amount: 2_000 });
    const stale = await transfers.reverseTransfer({ transferId: transfer, full: false, amount: '10', refundApplicationFee: false, description: 'stale', metadata: [], expectedReversed: 0, idempotencyKey: key() });
    expect(stale).toMatchObject({ ok: false, changed: true });
    const tooMuch = await transfers.reverseTransfer({ transferId: transfer, full: false, amount: '80.01', refundApplicationFee: false, description: 'too much', metadata: [], expectedReversed: 2_000, idempotencyKey: key() });
    expect(tooMuch.ok).toBe(false);
    expect(tooMuch).not.toHaveProperty('changed');
    expect((await h.stripe.transfers.retrieve(transfer)).amount_reversed).toBe(2_000);
  });

  it('a reversal asking to refund a fee that is already fully refunded is refused, and nothing is reversed', async () => {
    session.operator = finance;
    const { transfer, fee } = await freshCharge();
    await h.stripe.applicationFees.createRefund(fee);
    const result = await transfers.reverseTransfer({ transferId: transfer, full: false, amount: '10', refundApplicationFee: true, description: 'fee gone', metadata: [], expectedReversed: 0, idempotencyKey: key() });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe(`The application fee ${fee} is already fully refunded, so there is none left to refund with this reversal. Nothing was reversed; untick the fee refund and review again.`);
    expect((await h.stripe.transfers.listReversals(transfer)).data).toHaveLength(0);
    // Without the fee refund the same reversal goes through.
    const plain = await transfers.reverseTransfer({ transferId: transfer, full: false, amount: '10', refundApplicationFee: false, description: 'fee gone', metadata: [], expectedReversed: 0, idempotencyKey: key() });
    expect(plain.ok).toBe(true);
  });
});
