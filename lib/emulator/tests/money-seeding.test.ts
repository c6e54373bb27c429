// The in-process money functions a seeder calls: the same rules as the API, at a backdated
// moment, with ids drawn from a seeded generator so the same seed gives the same history.
import { expect, it } from 'vitest';
import { seededRandom } from '@/lib/emulator/core/ids';
import { balanceOf, createCharge, createReversal, createTransfer, moneyCtx, refundApplicationFee, seedMoneyIds } from '@/lib/emulator/money';
import { createEnabled, FIXED_NOW, stripeError, emulatorForFile } from './harness';

const DAY = 86400;
const h = emulatorForFile();

async function history(seed: number) {
  await h.reset();
  const acct = await createEnabled(h.stripe, 'US', 'individual', FIXED_NOW - 800 * DAY);
  const world = h.emulator.worlds.test;
  seedMoneyIds(world, seededRandom(seed));
  const t0 = FIXED_NOW - 700 * DAY;
  const ch = createCharge(moneyCtx(world, t0), { amount: 20000, currency: 'usd', source: 'tok_visa', application_fee_amount: 2000, transfer_data: { destination: acct.id } });
  createReversal(moneyCtx(world, t0 + 5 * DAY), ch.transfer as string, { amount: 5000, refund_application_fee: true });
  refundApplicationFee(moneyCtx(world, t0 + 6 * DAY), ch.application_fee as string, { amount: 100 });
  const tr = createTransfer(moneyCtx(world, t0 + 7 * DAY), { amount: 1000, currency: 'usd', destination: acct.id });
  const direct = createCharge(moneyCtx(world, t0 + 8 * DAY, { stripeAccount: acct.id }), { amount: 3000, currency: 'usd', source: 'tok_visa', application_fee_amount: 90 });
  return { acct, ch, tr, direct, world };
}

it('builds backdated history under the API’s rules, visible through the API', async () => {
  const { acct, ch, tr, direct, world } = await history(7);
  expect(ch.created).toBe(FIXED_NOW - 700 * DAY);
  const listed = await h.stripe.charges.retrieve(ch.id);
  expect(listed).toMatchObject({ created: ch.created, amount: 20000, application_fee: ch.application_fee });
  expect((await h.stripe.transfers.retrieve(ch.transfer as string)).amount_reversed).toBe(5000);
  expect((await h.stripe.applicationFees.retrieve(ch.application_fee as string)).amount_refunded).toBe(600);
  expect((await h.stripe.transfers.retrieve(tr.id)).created).toBe(FIXED_NOW - 693 * DAY);
  expect((await h.stripe.charges.retrieve(direct.id, {}, { stripeAccount: acct.id })).application_fee_amount).toBe(90);
  // Long past: everything is available. Account: 18000 - 5000 + 500 + 100 + 1000 + (3000 - 90 - 117).
  expect(balanceOf(world, acct.id, FIXED_NOW)).toEqual({ available: { usd: 17393 }, pending: { usd: 0 } });
  const b = await h.stripe.balance.retrieve({}, { stripeAccount: acct.id });
  expect(b.available[0]).toMatchObject({ currency: 'usd', amount: 17393 });
});

it('gives the same ids for the same seed', async () => {
  const a = await history(42);
  const b = await history(42);
  expect([b.ch.id, b.tr.id, b.direct.id, b.ch.balance_transaction]).toEqual([a.ch.id, a.tr.id, a.direct.id, a.ch.balance_transaction]);
});

it('refuses what the API refuses', async () => {
  const acct = await createEnabled(h.stripe, 'US', 'individual', FIXED_NOW);
  const world = h.emulator.worlds.test;
  expect(() => createTransfer(moneyCtx(world, FIXED_NOW), { amount: 1, currency: 'usd', destination: acct.id })).toThrow(/insufficient available funds/);
  // And the API answers the same.
  const e = await stripeError(h.stripe.transfers.create({ amount: 1, currency: 'usd', destination: acct.id }));
  expect(e.code).toBe('balance_insufficient');
});
