// React Query keys and query options for the transfer views (list, one transfer, one reversal,
// the reversals report): one factory, so prefetch and browser share keys and a reversal
// invalidates exactly what it changed. The browser reads through /api/transfers. Client-safe.
import { queryOptions } from '@tanstack/react-query';
import type Stripe from 'stripe';
import { getJson } from '@/lib/http/get-json';
import { toQuery } from '@/lib/lists/url-filters';
import { transferFiltersQuery, type TransferFilters } from './filters';
import type { ReversalsReport } from './report';
import type { FilteredPage } from '@/lib/lists/scan';

export const transferKeys = {
  all: ['transfers'] as const,
  lists: () => [...transferKeys.all, 'list'] as const,
  list: (f: TransferFilters) => [...transferKeys.lists(), f] as const,
  detail: (id: string) => [...transferKeys.all, 'detail', id] as const,
  reversal: (id: string) => [...transferKeys.all, 'reversal', id] as const,
  reports: () => [...transferKeys.all, 'reversals-report'] as const,
  report: (from: string, to: string) => [...transferKeys.reports(), from, to] as const,
};

/** One page of the list as the server scanned it (lib/lists/scan.ts), with each destination's name (lib/accounts/names.ts); missing where none could be read. */
export type TransferListResult = FilteredPage<Stripe.Transfer> & { accountNames: Record<string, string> };

export interface TransferDetailResult {
  transfer: Stripe.Transfer;
  reversals: Stripe.TransferReversal[];
  balanceTransaction: Stripe.BalanceTransaction | null;
  sourceCharge: { id: string; amount: number; currency: string; applicationFee: string | null; applicationFeeRefunded: boolean } | null;
}

export interface ReversalResult {
  reversal: Stripe.TransferReversal;
  transfer: Stripe.Transfer;
}

/** The reversals report (lib/transfers/report.ts) with each destination's name (lib/accounts/names.ts). */
export type ReversalsReportResult = ReversalsReport & { accountNames: Record<string, string> };

const enc = encodeURIComponent;

export const transferQueries = {
  list: (f: TransferFilters) =>
    queryOptions({ queryKey: transferKeys.list(f), queryFn: () => getJson<TransferListResult>(`/api/transfers${transferFiltersQuery(f)}`) }),
  detail: (id: string) => queryOptions({ queryKey: transferKeys.detail(id), queryFn: () => getJson<TransferDetailResult>(`/api/transfers/${enc(id)}`) }),
  reversal: (id: string) => queryOptions({ queryKey: transferKeys.reversal(id), queryFn: () => getJson<ReversalResult>(`/api/transfers/reversals/${enc(id)}`) }),
  report: (from: string, to: string) =>
    queryOptions({ queryKey: transferKeys.report(from, to), queryFn: () => getJson<ReversalsReportResult>(`/api/transfers/reversals${toQuery({ from, to })}`) }),
};
