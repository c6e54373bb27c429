// Random changes to the emulator through the SDK, for the property tests over events: accounts,
// capabilities, persons, bank accounts, rejections, deletions, charges of every kind, transfers,
// reversals, fee refunds, top-ups, fraud warnings, reviews, and the passing of days. Each change
// the rules refuse is a 400, a 402 decline or a 404 for what was deleted, never a crash.
import fc from 'fast-check';
import type Stripe from 'stripe';
import { expect } from 'vitest';
import { createEnabled, stripeError, type TestEmulator } from './harness';

const DAY = 86400;

export type Change =
  | { kind: 'account' }
  | { kind: 'updateAccount'; pick: number; value: string }
  | { kind: 'capability'; pick: number; requested: boolean }
  | { kind: 'reject'; pick: number }
  | { kind: 'unreject'; pick: number }
  | { kind: 'deleteAccount'; pick: number }
  | { kind: 'person'; pick: number }
  | { kind: 'updatePerson'; pick: number; value: string }
  | { kind: 'deletePerson'; pick: number }
  | { kind: 'bank'; pick: number }
  | { kind: 'updateBank'; pick: number; value: string }
  | { kind: 'deleteBank'; pick: number }
  | { kind: 'charge'; pick: number; amount: number; token: string; destination: boolean; fee: boolean; capture: boolean }
  | { kind: 'capture'; pick: number }
  | { kind: 'transfer'; pick: number; amount: number }
  | { kind: 'reverse'; pick: number; part: number }
  | { kind: 'updateReversal'; pick: number; value: string }
  | { kind: 'updateTransfer'; pick: number; value: string }
  | { kind: 'refundFee'; pick: number; part: number }
  | { kind: 'updateFeeRefund'; pick: number; value: string }
  | { kind: 'topup'; amount: number; token: string }
  | { kind: 'cancelTopup'; pick: number }
  | { kind: 'approveReview'; pick: number }
  | { kind: 'refund'; pick: number; part: number; reverse: boolean }
  | { kind: 'updateRefund'; pick: number; value: string }
  | { kind: 'respondDispute'; pick: number; answer: 'winning_evidence' | 'losing_evidence' | 'close' }
  | { kind: 'advance'; days: number };

const pick = fc.nat();
const value = fc.string({ minLength: 1, maxLength: 8 });
export const changeArb: fc.Arbitrary<Change> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'account' as const }), weight: 3 },
  fc.record({ kind: fc.constant('updateAccount' as const), pick, value }),
  fc.record({ kind: fc.constant('capability' as const), pick, requested: fc.boolean() }),
  fc.record({ kind: fc.constant('reject' as const), pick }),
  fc.record({ kind: fc.constant('unreject' as const), pick }),
  fc.record({ kind: fc.constant('deleteAccount' as const), pick }),
  fc.record({ kind: fc.constant('person' as const), pick }),
  fc.record({ kind: fc.constant('updatePerson' as const), pick, value }),
  fc.record({ kind: fc.constant('deletePerson' as const), pick }),
  fc.record({ kind: fc.constant('bank' as const), pick }),
  fc.record({ kind: fc.constant('updateBank' as const), pick, value }),
  fc.record({ kind: fc.constant('deleteBank' as const), pick }),
  {
    arbitrary: fc.record({
      kind: fc.constant('charge' as const),
      pick,
      amount: fc.integer({ min: 100, max: 20_000 }),
      token: fc.constantFrom('tok_visa', 'tok_bypassPending', 'tok_chargeDeclined', 'tok_createIssuerFraudRecord', 'tok_riskLevelElevated', 'tok_createDispute', 'tok_createDisputeInquiry'),
      destination: fc.boolean(),
      fee: fc.boolean(),
      capture: fc.boolean(),
    }),
    weight: 3,
  },
  fc.record({ kind: fc.constant('capture' as const), pick }),
  { arbitrary: fc.record({ kind: fc.constant('transfer' as const), pick, amount: fc.integer({ min: 1, max: 5_000 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick, part: fc.integer({ min: 1, max: 100 }) }), weight: 2 },
  fc.record({ kind: fc.constant('updateReversal' as const), pick, value }),
  fc.record({ kind: fc.constant('updateTransfer' as const), pick, value }),
  { arbitrary: fc.record({ kind: fc.constant('refundFee' as const), pick, part: fc.integer({ min: 1, max: 100 }) }), weight: 2 },
  fc.record({ kind: fc.constant('updateFeeRefund' as const), pick, value }),
  fc.record({ kind: fc.constant('topup' as const), amount: fc.integer({ min: 100, max: 9_000 }), token: fc.constantFrom('btok_us_verified', 'btok_us_verified_noAccount') }),
  fc.record({ kind: fc.constant('cancelTopup' as const), pick }),
  fc.record({ kind: fc.constant('approveReview' as const), pick }),
  fc.record({ kind: fc.constant('refund' as const), pick, part: fc.integer({ min: 1, max: 100 }), reverse: fc.boolean() }),
  fc.record({ kind: fc.constant('updateRefund' as const), pick, value }),
  fc.record({ kind: fc.constant('respondDispute' as const), pick, answer: fc.constantFrom('winning_evidence' as const, 'losing_evidence' as const, 'close' as const) }),
  fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 0, max: 9 }) }),
);

/** Runs a change that the rules may refuse (a 400, a 402 decline or a 404 for what was deleted); never a crash. */
async function attempt(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (e) {
    const err = await stripeError(Promise.reject(e));
    expect([400, 402, 404], err.message).toContain(err.statusCode);
  }
}

const at = <T>(list: T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);

/** What the sequence has made so far, for commands to pick from (some may be gone: the API then refuses). */
export interface Made {
  accounts: string[];
  persons: [string, string][];
  banks: [string, string][];
  charges: string[];
  transfers: string[];
  reversals: [string, string][];
  fees: string[];
  feeRefunds: [string, string][];
  topups: string[];
  refunds: string[];
}

/** Makes change `c` on the emulator `h` (its clock moves for `advance`). */
export async function runChange(h: TestEmulator, stripe: Stripe, c: Change, m: Made): Promise<void> {
  const account = () => at(m.accounts, 'pick' in c ? c.pick : 0);
  switch (c.kind) {
    case 'account': {
      m.accounts.push((await createEnabled(stripe, 'US', m.accounts.length % 2 ? 'company' : 'individual', h.clock)).id);
      return;
    }
    case 'updateAccount':
      return void (account() && (await attempt(() => stripe.accounts.update(account()!, { metadata: { v: c.value } }))));
    case 'capability':
      return void (account() && (await attempt(() => stripe.accounts.updateCapability(account()!, 'card_payments', { requested: c.requested }))));
    case 'reject':
      return void (account() && (await attempt(() => stripe.accounts.reject(account()!, { reason: 'fraud_card_testing' } as Stripe.AccountRejectParams))));
    case 'unreject':
      return void (account() && (await attempt(() => stripe.accounts.unreject(account()!))));
    case 'deleteAccount':
      return void (account() && (await attempt(() => stripe.accounts.del(account()!))));
    case 'person': {
      const a = account();
      if (a) await attempt(async () => m.persons.push([a, (await stripe.accounts.createPerson(a, { first_name: 'Ada', relationship: { owner: true, percent_ownership: 10 } })).id]));
      return;
    }
    case 'updatePerson': {
      const p = at(m.persons, c.pick);
      if (p) await attempt(() => stripe.accounts.updatePerson(p[0], p[1], { last_name: c.value }));
      return;
    }
    case 'deletePerson': {
      const p = at(m.persons, c.pick);
      if (p) await attempt(() => stripe.accounts.deletePerson(p[0], p[1]));
      return;
    }
    case 'bank': {
      const a = account();
      if (a) await attempt(async () => m.banks.push([a, (await stripe.accounts.createExternalAccount(a, { external_account: 'btok_us_verified' })).id]));
      return;
    }
    case 'updateBank': {
      const b = at(m.banks, c.pick);
      if (b) await attempt(() => stripe.accounts.updateExternalAccount(b[0], b[1], { metadata: { v: c.value } }));
      return;
    }
    case 'deleteBank': {
      const b = at(m.banks, c.pick);
      if (b) await attempt(() => stripe.accounts.deleteExternalAccount(b[0], b[1]));
      return;
    }
    case 'charge': {
      const a = c.destination ? account() : undefined;
      await attempt(async () => {
        const ch = await stripe.charges.create({
          amount: c.amount,
          currency: 'usd',
          source: c.token,
          capture: c.capture,
          ...(a ? { transfer_data: { destination: a }, ...(c.fee ? { application_fee_amount: Math.floor(c.amount / 10) } : {}) } : {}),
        });
        m.charges.push(ch.id);
        if (typeof ch.transfer === 'string') m.transfers.push(ch.transfer);
        if (typeof ch.application_fee === 'string') m.fees.push(ch.application_fee);
      });
      return;
    }
    case 'capture': {
      const ch = at(m.charges, c.pick);
      if (ch) await attempt(() => stripe.charges.capture(ch));
      return;
    }
    case 'transfer': {
      const a = account();
      if (a) await attempt(async () => m.transfers.push((await stripe.transfers.create({ amount: c.amount, currency: 'usd', destination: a })).id));
      return;
    }
    case 'reverse': {
      const t = at(m.transfers, c.pick);
      if (!t) return;
      await attempt(async () => {
        const tr = await stripe.transfers.retrieve(t);
        const left = tr.amount - tr.amount_reversed;
        m.reversals.push([t, (await stripe.transfers.createReversal(t, { amount: Math.max(1, Math.round((left * c.part) / 100)) })).id]);
      });
      return;
    }
    case 'updateReversal': {
      const r = at(m.reversals, c.pick);
      if (r) await attempt(() => stripe.transfers.updateReversal(r[0], r[1], { metadata: { v: c.value } }));
      return;
    }
    case 'updateTransfer': {
      const t = at(m.transfers, c.pick);
      if (t) await attempt(() => stripe.transfers.update(t, { description: c.value }));
      return;
    }
    case 'refundFee': {
      const f = at(m.fees, c.pick);
      if (!f) return;
      await attempt(async () => {
        const fee = await stripe.applicationFees.retrieve(f);
        const left = fee.amount - fee.amount_refunded;
        m.feeRefunds.push([f, (await stripe.applicationFees.createRefund(f, { amount: Math.max(1, Math.round((left * c.part) / 100)) })).id]);
      });
      return;
    }
    case 'updateFeeRefund': {
      const r = at(m.feeRefunds, c.pick);
      if (r) await attempt(() => stripe.applicationFees.updateRefund(r[0], r[1], { metadata: { v: c.value } }));
      return;
    }
    case 'topup':
      await attempt(async () => m.topups.push((await stripe.topups.create({ amount: c.amount, currency: 'usd', source: c.token })).id));
      return;
    case 'cancelTopup': {
      const t = at(m.topups, c.pick);
      if (t) await attempt(() => stripe.topups.cancel(t));
      return;
    }
    case 'approveReview': {
      const open = (await stripe.reviews.list({ limit: 100 })).data;
      const r = at(open, c.pick);
      if (r) await attempt(() => stripe.reviews.approve(r.id));
      return;
    }
    case 'refund': {
      const ch = at(m.charges, c.pick);
      if (!ch) return;
      await attempt(async () => {
        const charge = await stripe.charges.retrieve(ch);
        const left = charge.amount - charge.amount_refunded;
        const reverse = c.reverse && typeof charge.transfer === 'string';
        m.refunds.push((await stripe.refunds.create({ charge: ch, amount: Math.max(1, Math.round((left * c.part) / 100)), reverse_transfer: reverse, refund_application_fee: reverse })).id);
      });
      return;
    }
    case 'updateRefund': {
      const r = at(m.refunds, c.pick);
      if (r) await attempt(() => stripe.refunds.update(r, { metadata: { v: c.value } }));
      return;
    }
    case 'respondDispute': {
      const d = at((await stripe.disputes.list({ limit: 100 })).data, c.pick);
      if (!d) return;
      await attempt(() => (c.answer === 'close' ? stripe.disputes.close(d.id) : stripe.disputes.update(d.id, { evidence: { uncategorized_text: c.answer } })));
      return;
    }
    case 'advance':
      h.clock += c.days * DAY;
      h.emulator.tick();
      return;
  }
}

export const newMade = (): Made => ({ accounts: [], persons: [], banks: [], charges: [], transfers: [], reversals: [], fees: [], feeRefunds: [], topups: [], refunds: [] });

/** Two accounts to start with and a platform balance that transfers can draw on. */
export async function startingPoint(h: TestEmulator, m: Made, stripe: Stripe = h.stripe): Promise<void> {
  await runChange(h, stripe, { kind: 'account' }, m);
  await runChange(h, stripe, { kind: 'account' }, m);
  await stripe.charges.create({ amount: 1_000_000, currency: 'usd', source: 'tok_bypassPending' });
}
