// Demo money: two years of charges, transfers, reversals, application fees and their refunds,
// top-ups in every status, and Radar's warnings and reviews on suspicious accounts. Everything is
// made through the money functions the API uses, at backdated moments and in time order, so every
// balance is the sum of its balance transactions and every rule (nothing reversed or refunded
// beyond its amount, transfers only from available funds) holds as it does on Stripe.
import type Stripe from 'stripe';
import { StripeApiError } from '../core/errors';
import { parseSdkParams } from '../core/params';
import type { Rng } from './profile';
import { between, pick } from './profile';
import type { World } from '../core/world';
import { approveReview } from '../resources/radar';
import { cancelTopup, createTopupParams, createTopup } from '../resources/topups';
import { createCharge, createReversal, createTransfer, moneyCtx, refundApplicationFee } from '../money';

const DAY = 86_400;

/**
 * How much money history a world gets. `every`: one merchant in `every` has a history (the first
 * of each run of `every`), the others none. `factor`: the platform's own movements (its monthly
 * float top-ups, separate transfers, the charges Radar flags) are `factor` times as many as the
 * demo's, so that they stay in proportion to the merchants that sell.
 */
export interface MoneyPlan {
  every: number;
  factor: number;
}

/** The demo: every merchant sells, the platform's movements as they are. */
export const DEMO_MONEY: MoneyPlan = { every: 1, factor: 1 };

/** Stripe's default currency for each demo country. */
const CURRENCY: Record<string, string> = { US: 'usd', GB: 'gbp', DE: 'eur', FR: 'eur', CA: 'cad', AU: 'aud', JP: 'jpy' };

export interface Merchant {
  account: Stripe.Account;
  currency: string;
  /** Typical order size, in minor units. */
  ticket: number;
  suspicious: boolean;
}

/** Runs `fn` with the account as it was before Stripe or the platform acted on it (its history predates that). */
export function asBefore<T>(world: World, id: string, fn: () => T): T {
  const facts = world.accountFacts.get(id)!;
  const saved = { rejection: facts.rejection, deadline: facts.deadline, pending: facts.pendingVerification, errors: facts.errors, additional: facts.requireAdditional };
  Object.assign(facts, { rejection: null, deadline: null, pendingVerification: [], errors: [], requireAdditional: false });
  try {
    return fn();
  } finally {
    Object.assign(facts, { rejection: saved.rejection, deadline: saved.deadline, pendingVerification: saved.pending, errors: saved.errors, requireAdditional: saved.additional });
  }
}

/** Money calls that a rule may refuse (a balance too small today): the demo just skips that movement. */
export function attempt<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch (e) {
    if (e instanceof StripeApiError) return null;
    throw e;
  }
}

export function merchants(world: World, rng: Rng, every: number): Merchant[] {
  const out: Merchant[] = [];
  let n = 0;
  for (const account of world.accounts.values()) {
    const facts = world.accountFacts.get(account.id)!;
    const requested = (name: string) => facts.capabilities.get(name)?.requested === true;
    if (!requested('card_payments') || !requested('transfers') || !account.business_type || !account.tos_acceptance?.date) continue;
    // Fully onboarded accounts sell; so did the ones later rejected or restricted.
    const hasBank = world.externalAccounts.countIn(account.id) > 0;
    if (!hasBank || n++ % every !== 0) continue;
    const currency = CURRENCY[account.country ?? 'US'] ?? 'usd';
    const ticket = currency === 'jpy' ? between(rng, 20, 400) * 100 : between(rng, 15, 400) * 100;
    const suspicious = facts.rejection !== null || Number(account.metadata?.risk_score ?? 0) >= 55;
    out.push({ account, currency, ticket, suspicious });
  }
  return out;
}

/** Two years of movements across the test world's merchants, oldest first. */
export function seedMoney(world: World, rng: Rng, now: number, plan: MoneyPlan = DEMO_MONEY): void {
  const all = merchants(world, rng, plan.every);
  const start = now - 720 * DAY;
  const platformTopups = () => {
    // The platform funds separate transfers with a monthly top-up from its US bank account.
    for (let t = start; t < now - 10 * DAY; t += between(rng, 26, 34) * DAY) {
      for (let k = 0; k < plan.factor; k++) {
        createTopup(moneyCtx(world, t), parse({ amount: between(rng, 20, 60) * 100_000, currency: 'usd', source: 'btok_us_verified', description: 'Monthly float for separate transfers', statement_descriptor: 'PLATFORM FLOAT' }));
      }
    }
  };
  platformTopups();
  const transfers: Stripe.Transfer[] = [];
  const fees: string[] = [];
  for (const m of all) {
    const opened = Math.max(start, (m.account.created ?? start) + 2 * DAY);
    const orders = m.suspicious ? between(rng, 4, 10) : between(rng, 2, 8);
    for (let n = 0; n < orders; n++) {
      const at = between(rng, opened, now - DAY);
      asBefore(world, m.account.id, () => {
        const amount = Math.max(m.currency === 'jpy' ? 100 : 100, m.ticket + between(rng, -m.ticket / 2, m.ticket));
        const rounded = m.currency === 'jpy' ? Math.round(amount / 100) * 100 : amount;
        const fee = Math.round(rounded * pick(rng, [0.05, 0.08, 0.1, 0.12]));
        if (rng(4) === 0) {
          // A direct charge on the account, with the platform's fee.
          const ch = attempt(() => createCharge(moneyCtx(world, at, { stripeAccount: m.account.id }), { amount: rounded, currency: m.currency, source: pick(rng, ['tok_visa', 'tok_mastercard', 'tok_amex']), application_fee_amount: fee, description: `Order #${between(rng, 1000, 99999)}` }));
          if (ch?.application_fee) fees.push(String(ch.application_fee));
          return;
        }
        const ch = attempt(() =>
          createCharge(moneyCtx(world, at), {
            amount: rounded,
            currency: m.currency,
            source: pick(rng, ['tok_visa', 'tok_visa', 'tok_mastercard', 'tok_amex', 'tok_visa_debit']),
            application_fee_amount: fee,
            transfer_data: { destination: m.account.id },
            description: `Order #${between(rng, 1000, 99999)}`,
            metadata: { order_id: `ord_${between(rng, 100000, 999999)}` },
          }),
        );
        if (!ch) return;
        if (ch.application_fee) fees.push(String(ch.application_fee));
        if (ch.transfer) transfers.push(world.transfers.get(String(ch.transfer))!);
      });
    }
  }
  // Separate transfers from the platform's balance: bonuses and adjustments to US merchants.
  const usMerchants = all.filter((m) => m.currency === 'usd');
  if (usMerchants.length === 0) throw new Error('The seed has no US merchants with a money history to transfer to.');
  for (let t = start + 20 * DAY; t < now - DAY; t += between(rng, 3, 9) * DAY) {
    for (let k = 0; k < plan.factor; k++) {
      const tr = separateTransfer(world, rng, usMerchants, t, now);
      if (tr) transfers.push(tr);
    }
  }
  reverseSome(world, rng, transfers, now);
  refundSome(world, rng, fees, now);
  topupsInEveryStatus(world, rng, now);
  radar(world, rng, all, now, 16 * plan.factor);
}

/** A separate transfer from the platform's balance to one of the US merchants at `t`, if it was open then and the float covers it. */
function separateTransfer(world: World, rng: Rng, usMerchants: Merchant[], t: number, now: number): Stripe.Transfer | null {
  const m = pick(rng, usMerchants);
  if ((m.account.created ?? now) > t) return null;
  return asBefore(world, m.account.id, () =>
    attempt(() =>
      createTransfer(moneyCtx(world, t), {
        amount: between(rng, 5, 250) * 100,
        currency: 'usd',
        destination: m.account.id,
        description: pick(rng, ['Referral bonus', 'Promotion credit', 'Shipping reimbursement', 'Chargeback goodwill credit', 'Monthly incentive']),
        transfer_group: `payout_run_${new Date(t * 1000).toISOString().slice(0, 7)}`,
        metadata: { reason: 'platform_credit' },
      }),
    ),
  );
}

function parse(p: Record<string, unknown>) {
  return parseSdkParams(createTopupParams, p);
}

/** Partial and full reversals, some with the application fee refunded. */
function reverseSome(world: World, rng: Rng, transfers: Stripe.Transfer[], now: number): void {
  for (const tr of transfers) {
    const roll = rng(10);
    if (roll > 1) continue;
    const at = (tr.created ?? now) + between(rng, 1, 20) * DAY;
    // Only what would already have happened: no pile of reversals at the moment of seeding.
    if (at > now - 60) continue;
    const full = roll === 0 && rng(2) === 0;
    const amount = full ? undefined : Math.max(1, Math.round((tr.amount * between(rng, 10, 60)) / 100));
    asBefore(world, String(tr.destination), () =>
      attempt(() =>
        createReversal(moneyCtx(world, at), tr.id, {
          ...(amount ? { amount } : {}),
          refund_application_fee: tr.source_transaction !== null && rng(2) === 0,
          metadata: { reason: pick(rng, ['customer_refund', 'duplicate_payout', 'fraud_recovery', 'order_cancelled']) },
        }),
      ),
    );
  }
}

/** Partial and full application fee refunds. */
function refundSome(world: World, rng: Rng, feeIds: string[], now: number): void {
  for (const id of feeIds) {
    if (rng(9) !== 0) continue;
    const fee = world.applicationFees.get(id);
    if (!fee || fee.refunded) continue;
    const left = fee.amount - fee.amount_refunded;
    const at = fee.created + between(rng, 1, 30) * DAY;
    if (at > now - 60) continue;
    const amount = rng(2) === 0 ? undefined : Math.max(1, Math.round((left * between(rng, 20, 70)) / 100));
    attempt(() => refundApplicationFee(moneyCtx(world, at), id, { ...(amount ? { amount } : {}), metadata: { ticket: `SUP-${between(rng, 1000, 9999)}` } }));
  }
}

/** Top-ups in every status the API can reach: succeeded (above), pending, failed and canceled. */
function topupsInEveryStatus(world: World, rng: Rng, now: number): void {
  const make = (at: number, source: string, description: string) => createTopup(moneyCtx(world, at), parse({ amount: between(rng, 5, 30) * 100_000, currency: 'usd', source, description }));
  make(now - 2 * DAY, 'btok_us_verified', 'Float for the holiday season');
  make(now - 6 * 3600, 'btok_us_verified', 'Emergency float top-up');
  make(now - 40 * DAY, 'btok_us_verified_insufficientFunds', 'Monthly float (bank refused: insufficient funds)');
  make(now - 95 * DAY, 'btok_us_verified_accountClosed', 'Monthly float from the old operating account');
  const canceled = make(now - 3 * DAY, 'btok_us_verified', 'Duplicate top-up, canceled');
  cancelTopup(moneyCtx(world, now - 3 * DAY + 1800), canceled.id);
}

/** Early fraud warnings and reviews, open and closed, on charges of suspicious accounts. */
function radar(world: World, rng: Rng, all: Merchant[], now: number, flagged: number): void {
  const suspicious = all.filter((m) => m.suspicious);
  for (const [n, m] of suspicious.slice(0, flagged).entries()) {
    const at = Math.max((m.account.created ?? now) + DAY, now - between(rng, 2, 60) * DAY);
    const source = n % 2 === 0 ? 'tok_createIssuerFraudRecord' : 'tok_riskLevelElevated';
    const ch = asBefore(world, m.account.id, () =>
      attempt(() =>
        createCharge(moneyCtx(world, at, { stripeAccount: m.account.id }), { amount: Math.max(500, m.ticket * 2), currency: m.currency, source, description: `Order #${between(rng, 1000, 99999)} (flagged)` }),
      ),
    );
    if (!ch || source !== 'tok_riskLevelElevated' || n % 4 !== 3) continue;
    // Every other review was looked at and approved by the account's own team.
    const review = world.reviews.values().find((r) => (typeof r.charge === 'string' ? r.charge : r.charge?.id) === ch.id);
    if (review?.open) approveReview(world, review);
  }
}
