// The money ledger: every movement of money is a balance transaction owned by one balance (the
// platform's or a connected account's), and a balance is only ever the sum of its transactions:
// available once `available_on` has passed, pending before.
import type Stripe from 'stripe';
import { makeId } from './ids';
import type { World } from './world';

/** Whose balance a transaction moves: the platform's, or a connected account's id. */
export type Owner = 'platform' | string;
export const PLATFORM: Owner = 'platform';

export interface Posting {
  /** The transaction's id; made here when not given (the money resources give seeded ones). */
  id?: string;
  owner: Owner;
  /** Gross amount in minor units: positive credits the balance, negative debits it. */
  amount: number;
  currency: string;
  type: Stripe.BalanceTransaction.Type;
  source: string | null;
  created: number;
  /** Stripe's fees on this movement (minor units, positive); net = amount - fee. */
  fee?: number;
  feeDetails?: Stripe.BalanceTransaction.FeeDetail[];
  availableOn?: number;
  description?: string | null;
  reportingCategory?: string;
}

const REPORTING: Partial<Record<string, string>> = {
  charge: 'charge',
  payment: 'charge',
  refund: 'refund',
  payment_refund: 'refund',
  transfer: 'transfer',
  transfer_refund: 'transfer_reversal',
  application_fee: 'platform_earning',
  application_fee_refund: 'platform_earning_refund',
  topup: 'topup',
  topup_reversal: 'topup_reversal',
  adjustment: 'other_adjustment',
  payout: 'payout',
};

/** Records one movement of money and returns its balance transaction. */
export function post(world: World, p: Posting): Stripe.BalanceTransaction {
  const fee = p.fee ?? 0;
  const bt: Stripe.BalanceTransaction = {
    id: p.id ?? makeId('txn'),
    object: 'balance_transaction',
    amount: p.amount,
    available_on: p.availableOn ?? p.created,
    balance_type: 'payments',
    created: p.created,
    currency: p.currency,
    description: p.description ?? null,
    exchange_rate: null,
    fee,
    fee_details: p.feeDetails ?? (fee ? [{ amount: fee, application: null, currency: p.currency, description: 'Stripe processing fees', type: 'stripe_fee' }] : []),
    net: p.amount - fee,
    reporting_category: p.reportingCategory ?? REPORTING[p.type] ?? 'other_adjustment',
    source: p.source,
    status: 'pending',
    type: p.type,
  };
  world.balanceTransactions.insert(bt);
  world.ledgerOwner.set(bt.id, p.owner);
  idsOf(world, p.owner).push(bt.id);
  return bt;
}

// Each owner's transaction ids in the order they were made, so a balance is summed over its own
// transactions only (a seeded world holds years of them).
const byOwner = new WeakMap<World, Map<Owner, string[]>>();

function idsOf(world: World, owner: Owner): string[] {
  let index = byOwner.get(world);
  if (!index) {
    index = new Map();
    byOwner.set(world, index);
  }
  let ids = index.get(owner);
  if (!ids) {
    ids = [];
    index.set(owner, ids);
  }
  return ids;
}

function ownTransactions(world: World, owner: Owner): Stripe.BalanceTransaction[] {
  return idsOf(world, owner).flatMap((id) => world.balanceTransactions.get(id) ?? []);
}

/** A balance transaction as Stripe answers it: its status follows the clock. */
export function renderBalanceTransaction(bt: Stripe.BalanceTransaction, now: number): Stripe.BalanceTransaction {
  return { ...bt, status: bt.available_on <= now ? 'available' : 'pending' };
}

/** An owner's transactions, newest first (created descending, then latest made first). */
export function transactionsOf(world: World, owner: Owner): Stripe.BalanceTransaction[] {
  const seq = (bt: Stripe.BalanceTransaction) => world.balanceTransactions.seqOf(bt.id);
  return ownTransactions(world, owner).sort((a, b) => b.created - a.created || seq(b) - seq(a));
}

export interface Amounts {
  available: Record<string, number>;
  pending: Record<string, number>;
}

/** The balance of one owner per currency: the sum of its transactions' nets. */
export function balanceOf(world: World, owner: Owner, now: number): Amounts {
  const out: Amounts = { available: {}, pending: {} };
  for (const bt of ownTransactions(world, owner)) {
    const side = bt.available_on <= now ? out.available : out.pending;
    side[bt.currency] = (side[bt.currency] ?? 0) + bt.net;
    const other = side === out.available ? out.pending : out.available;
    other[bt.currency] ??= 0;
  }
  return out;
}

export function availableIn(world: World, owner: Owner, currency: string, now: number): number {
  return balanceOf(world, owner, now).available[currency] ?? 0;
}
