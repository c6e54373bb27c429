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
  indexOf(world, p.owner).add(bt);
  return bt;
}

/**
 * One currency of one owner's balance, summed as transactions are posted so that a balance is
 * read without adding up every transaction (a seeded platform holds tens of thousands): the nets
 * sorted by when they become available, with running sums, plus the few posted since the last
 * merge, which a read adds up one by one.
 */
class CurrencyBalance {
  total = 0;
  private at: number[] = [];
  /** sums[i]: the nets of the first i transactions by availability. */
  private sums: number[] = [0];
  private nets: number[] = [];
  private recent: { at: number; net: number }[] = [];

  add(at: number, net: number): void {
    this.total += net;
    this.recent.push({ at, net });
    if (this.recent.length > 32 + 8 * Math.sqrt(this.at.length)) this.merge();
  }

  /** The nets available at `now` (available_on <= now). */
  availableAt(now: number): number {
    let lo = 0;
    let hi = this.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.at[mid] <= now) lo = mid + 1;
      else hi = mid;
    }
    let sum = this.sums[lo];
    for (const r of this.recent) if (r.at <= now) sum += r.net;
    return sum;
  }

  /** Folds the recent transactions into the sorted ones (a merge of two sorted runs) and sums again. */
  private merge(): void {
    const recent = this.recent.sort((a, b) => a.at - b.at);
    const at: number[] = [];
    const nets: number[] = [];
    const take = (t: number, net: number) => {
      at.push(t);
      nets.push(net);
    };
    let i = 0;
    for (const r of recent) {
      for (; i < this.at.length && this.at[i] <= r.at; i++) take(this.at[i], this.nets[i]);
      take(r.at, r.net);
    }
    for (; i < this.at.length; i++) take(this.at[i], this.nets[i]);
    const sums = [0];
    for (const n of nets) sums.push(sums[sums.length - 1] + n);
    this.at = at;
    this.nets = nets;
    this.sums = sums;
    this.recent = [];
  }
}

/** An owner's transactions: their ids in the order they were made, and the balance per currency (in the order first moved). */
class OwnerLedger {
  readonly ids: string[] = [];
  readonly currencies = new Map<string, CurrencyBalance>();
  add(bt: Stripe.BalanceTransaction): void {
    this.ids.push(bt.id);
    let c = this.currencies.get(bt.currency);
    if (!c) this.currencies.set(bt.currency, (c = new CurrencyBalance()));
    c.add(bt.available_on, bt.net);
  }
}

// Each owner's ledger, so a balance is read from its own transactions only (a seeded world holds years of them).
const byOwner = new WeakMap<World, Map<Owner, OwnerLedger>>();

function indexOf(world: World, owner: Owner): OwnerLedger {
  let index = byOwner.get(world);
  if (!index) {
    index = new Map();
    byOwner.set(world, index);
  }
  let ledger = index.get(owner);
  if (!ledger) {
    ledger = new OwnerLedger();
    index.set(owner, ledger);
  }
  return ledger;
}

function ownTransactions(world: World, owner: Owner): Stripe.BalanceTransaction[] {
  return indexOf(world, owner).ids.flatMap((id) => world.balanceTransactions.get(id) ?? []);
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

/** The balance of one owner per currency: the sum of its transactions' nets (every currency it has moved money in, zero included). */
export function balanceOf(world: World, owner: Owner, now: number): Amounts {
  const out: Amounts = { available: {}, pending: {} };
  for (const [currency, c] of indexOf(world, owner).currencies) {
    const available = c.availableAt(now);
    out.available[currency] = available;
    out.pending[currency] = c.total - available;
  }
  return out;
}

export function availableIn(world: World, owner: Owner, currency: string, now: number): number {
  return indexOf(world, owner).currencies.get(currency)?.availableAt(now) ?? 0;
}
