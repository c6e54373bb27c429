// React Query keys and options for the platform balance: money actions that move platform money
// (fee refunds, reversals, top-ups and their cancellation) invalidate `balanceKeys.all`. Client-safe.
import { queryOptions } from '@tanstack/react-query';
import type Stripe from 'stripe';
import { getJson } from '@/lib/http/get-json';

export const balanceKeys = {
  all: ['balance'] as const,
  platform: () => [...balanceKeys.all, 'platform'] as const,
};

export const balanceQueries = {
  platform: () => queryOptions({ queryKey: balanceKeys.platform(), queryFn: () => getJson<Stripe.Balance>('/api/balance') }),
};

export interface BalanceRow {
  currency: string;
  available: number;
  pending: number;
}

/** One row per currency, the platform's default (usd) first, then by code. Pure. */
export function balanceRows(balance: Pick<Stripe.Balance, 'available' | 'pending'>): BalanceRow[] {
  const rows = new Map<string, BalanceRow>();
  const row = (currency: string) => rows.get(currency) ?? rows.set(currency, { currency, available: 0, pending: 0 }).get(currency)!;
  for (const a of balance.available) row(a.currency).available += a.amount;
  for (const p of balance.pending) row(p.currency).pending += p.amount;
  return [...rows.values()].sort((a, b) => (a.currency === 'usd' ? -1 : b.currency === 'usd' ? 1 : a.currency.localeCompare(b.currency)));
}
