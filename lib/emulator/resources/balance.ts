// Balances and balance transactions: the platform's, or with the Stripe-Account header a
// connected account's. A balance is never stored: it is the sum of the owner's balance
// transactions (core/ledger.ts), available once `available_on` has passed, pending before.
import type Stripe from 'stripe';
import { z } from 'zod';
import { noSuch } from '../core/errors';
import { balanceOf, renderBalanceTransaction, transactionsOf, PLATFORM } from '../core/ledger';
import { EXPAND_ONLY, hash, listParams, oneOf, parseParams, rangeFilter, str } from '../core/params';
import type { Ctx, Route } from '../core/router';
import { ownerOf } from '../money/common';
import { paidOutIn } from '../money/payouts';
import { expandObject, listResponse, registerExpandable, registerResolver } from './shared';

/** The types Stripe lists a balance transaction under (BalanceTransaction.Type). */
export const BALANCE_TRANSACTION_TYPES = [
  'adjustment', 'advance', 'advance_funding', 'anticipation_repayment', 'application_fee', 'application_fee_refund', 'charge',
  'climate_order_purchase', 'climate_order_refund', 'connect_collection_transfer', 'contribution', 'fee_credit_funding',
  'inbound_transfer', 'inbound_transfer_reversal', 'issuing_authorization_hold', 'issuing_authorization_release', 'issuing_dispute',
  'issuing_dispute_provisional_credit', 'issuing_dispute_provisional_credit_reversal', 'issuing_transaction', 'obligation_outbound',
  'obligation_reversal_inbound', 'payment', 'payment_failure_refund', 'payment_network_reserve_hold', 'payment_network_reserve_release',
  'payment_refund', 'payment_reversal', 'payment_unreconciled', 'payout', 'payout_cancel', 'payout_failure', 'payout_minimum_balance_hold',
  'payout_minimum_balance_release', 'refund', 'refund_failure', 'reserve_hold', 'reserve_release', 'reserve_transaction', 'reserved_funds',
  'stripe_balance_payment_debit', 'stripe_balance_payment_debit_reversal', 'stripe_fee', 'stripe_fx_fee', 'tax_fee', 'tax_fund', 'topup',
  'topup_reversal', 'transfer', 'transfer_cancel', 'transfer_failure', 'transfer_refund',
] as const;

registerExpandable('balance_transaction', ['source']);
registerExpandable('balance', []);

/** Any balance transaction by id, whoever owns it (for expansion from objects that name it). */
registerResolver('txn', (ctx, id) => {
  const bt = ctx.world.balanceTransactions.get(id);
  if (!bt) throw noSuch('balance transaction', id, 'expand');
  return renderBalanceTransaction(bt, ctx.now());
});

function defaultCurrency(ctx: Ctx): string {
  if (ctx.stripeAccount) return ctx.world.accounts.get(ctx.stripeAccount)?.default_currency ?? 'usd';
  return ctx.world.platform?.default_currency ?? 'usd';
}

/** The balance object: one entry per currency the owner has moved money in (its default currency at least). */
export function renderBalance(ctx: Ctx): Stripe.Balance {
  const owner = ownerOf(ctx);
  const amounts = balanceOf(ctx.world, owner, ctx.now());
  const home = defaultCurrency(ctx);
  const currencies = [...new Set([home, ...Object.keys(amounts.available), ...Object.keys(amounts.pending)])].sort((a, b) =>
    a === home ? -1 : b === home ? 1 : a.localeCompare(b),
  );
  const side = (values: Record<string, number>) =>
    currencies.map((currency) => ({ amount: values[currency] ?? 0, currency, source_types: { card: values[currency] ?? 0 } }));
  return {
    object: 'balance',
    available: side(amounts.available),
    ...(owner === PLATFORM ? { connect_reserved: currencies.map((currency) => ({ amount: 0, currency })) } : {}),
    livemode: ctx.mode === 'live',
    pending: side(amounts.pending),
  };
}

const listTransactionParams = hash({
  ...listParams,
  created: rangeFilter().optional(),
  currency: str().optional(),
  payout: str().optional(),
  source: str().optional(),
  type: oneOf(BALANCE_TRANSACTION_TYPES).optional(),
});

function listTransactions(ctx: Ctx) {
  const p = parseParams(listTransactionParams, ctx.params);
  const currency = p.currency?.toLowerCase();
  const now = ctx.now();
  // `payout`: what an automatic payout paid out (money/payouts.ts).
  const items = (p.payout !== undefined ? paidOutIn(ctx, p.payout) : transactionsOf(ctx.world, ownerOf(ctx)))
    .filter((bt) => (p.type === undefined || bt.type === p.type) && (p.source === undefined || bt.source === p.source) && (currency === undefined || bt.currency === currency));
  return listResponse(ctx, items, p, '/v1/balance_transactions', (bt) => renderBalanceTransaction(bt, now));
}

export function retrieveBalanceTransaction(ctx: Ctx, id: string): Stripe.BalanceTransaction {
  const bt = ctx.world.balanceTransactions.get(id);
  if (!bt || ctx.world.ledgerOwner.get(id) !== ownerOf(ctx)) throw noSuch('balance transaction', id);
  return renderBalanceTransaction(bt, ctx.now());
}

export const balanceRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/balance',
    params: EXPAND_ONLY,
    connect: true,
    handler: (ctx) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, renderBalance(ctx), p.expand);
    },
  },
  { method: 'GET', pattern: '/v1/balance_transactions', connect: true, params: listTransactionParams, handler: (ctx) => listTransactions(ctx) },
  {
    method: 'GET',
    pattern: '/v1/balance_transactions/:id',
    params: EXPAND_ONLY,
    connect: true,
    handler: (ctx, { id }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, retrieveBalanceTransaction(ctx, id), p.expand);
    },
  },
];

// Stripe's list filters take `created` as a number or a range; zod infers the union for us.
export type ListTransactionParams = z.output<typeof listTransactionParams>;
