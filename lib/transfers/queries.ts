// Server-side reads of transfers: the list (reversed state applied to the pages read), the CSV
// export, one transfer with everything its page shows, one reversal by its id alone, and the
// reversals of a period (through the platform's transfer_refund balance transactions, since
// Stripe has no list of all reversals). Pages prefetch with these; the browser reaches them
// through the GET route handlers under /api/transfers.
import 'server-only';
import type Stripe from 'stripe';
import { accountNamesFor, type AccountNames } from '@/lib/accounts/names';
import { collectMatching, scanFilteredList, type FilteredPage } from '@/lib/lists/scan';
import { idOf } from '@/lib/stripe/ids';
import { ObjectNotFound } from '@/lib/http/json';
import { getStripe } from '@/lib/stripe/client';
import type { ReversalsReportResult } from './keys';
import { transferFiltersOnServer, transferListParams, transferMatches, type TransferFilters } from './filters';
import { readReport, type ReportReversal, type ReversalsReport } from './report';

export const TRANSFER_SCAN_BUDGET = 1000;

/** A page of transfers, with the names of their destination accounts. */
export type TransferPage = FilteredPage<Stripe.Transfer> & { accountNames: AccountNames };

export async function listTransfers(f: TransferFilters): Promise<TransferPage> {
  const page = await scanFilteredList((cursor) => getStripe().transfers.list({ ...transferListParams(f), ...cursor }), {
    matches: transferMatches(f),
    filtered: transferFiltersOnServer(f),
    budget: TRANSFER_SCAN_BUDGET,
    limit: f.limit,
    after: f.after,
    before: f.before,
  });
  return { ...page, accountNames: await accountNamesFor(page.items.map((t) => idOf(t.destination))) };
}

export function exportTransfers(f: TransferFilters, max = 10_000): Promise<{ items: Stripe.Transfer[]; complete: boolean }> {
  return collectMatching(getStripe().transfers.list({ ...transferListParams(f), limit: 100 }), transferMatches(f), max);
}

export interface SourceCharge {
  id: string;
  amount: number;
  currency: string;
  applicationFee: string | null;
  /** Whether that fee is already fully refunded (then a reversal has none of it left to refund). */
  applicationFeeRefunded: boolean;
}

export interface TransferDetail {
  transfer: Stripe.Transfer;
  reversals: Stripe.TransferReversal[];
  balanceTransaction: Stripe.BalanceTransaction | null;
  /** The charge the transfer came from, when it has one: its fee decides whether a reversal may refund it. */
  sourceCharge: SourceCharge | null;
}

export async function getTransferDetail(id: string): Promise<TransferDetail> {
  const [transfer, reversals] = await Promise.all([
    getStripe().transfers.retrieve(id, { expand: ['balance_transaction', 'source_transaction.application_fee'] }),
    getStripe().transfers.listReversals(id, { limit: 100 }).autoPagingToArray({ limit: 1000 }),
  ]);
  const bt = transfer.balance_transaction;
  const source = transfer.source_transaction;
  const sourceCharge =
    source && typeof source !== 'string'
      ? {
          id: source.id,
          amount: source.amount,
          currency: source.currency,
          applicationFee: idOf(source.application_fee),
          applicationFeeRefunded: Boolean(source.application_fee && typeof source.application_fee !== 'string' && source.application_fee.refunded),
        }
      : source
        ? { id: source, amount: 0, currency: transfer.currency, applicationFee: null, applicationFeeRefunded: false }
        : null;
  return {
    transfer: { ...transfer, balance_transaction: idOf(bt), source_transaction: idOf(source) },
    reversals,
    balanceTransaction: bt && typeof bt !== 'string' ? bt : null,
    sourceCharge,
  };
}

export interface ReversalDetail {
  reversal: Stripe.TransferReversal;
  transfer: Stripe.Transfer;
}

/** One reversal by its id: Stripe retrieves it only under its transfer, found through its balance transaction. */
export async function getReversal(id: string): Promise<ReversalDetail> {
  const txns = await getStripe().balanceTransactions.list({ source: id, limit: 1, expand: ['data.source'] });
  const source = txns.data[0]?.source;
  const transferId = source && typeof source !== 'string' && source.object === 'transfer_reversal' ? idOf(source.transfer) : null;
  if (!transferId) throw new ReversalNotFound(id);
  const [reversal, transfer] = await Promise.all([getStripe().transfers.retrieveReversal(transferId, id), getStripe().transfers.retrieve(transferId)]);
  return { reversal, transfer };
}

export class ReversalNotFound extends ObjectNotFound {
  constructor(id: string) {
    super(`No such transfer reversal: ${id}`);
  }
}

/** Every reversal made in the period (whole UTC days), newest first, with its transfer's destination; or the reason it cannot be served whole. The CSV export reads this (it needs no names). */
export function readReversalsReport(from: string, to: string): Promise<ReversalsReport> {
  return readReport(from, to, () => reversalsMadeIn(from, to));
}

/** The report as the page shows it: with each destination's name (lib/accounts/names.ts). */
export async function listReversalsInPeriod(from: string, to: string): Promise<ReversalsReportResult> {
  const report = await readReversalsReport(from, to);
  return { ...report, accountNames: await accountNamesFor(report.items.map((r) => r.destination)) };
}

/** One walk through Stripe's pages: each transfer_refund balance transaction, its reversal and the reversal's transfer. */
async function* reversalsMadeIn(from: string, to: string): AsyncGenerator<ReportReversal> {
  const created = { gte: Date.parse(`${from}T00:00:00Z`) / 1000, lte: Date.parse(`${to}T23:59:59Z`) / 1000 };
  for await (const bt of getStripe().balanceTransactions.list({ type: 'transfer_refund', created, limit: 100, expand: ['data.source.transfer'] })) {
    const r = bt.source;
    if (!r || typeof r === 'string' || r.object !== 'transfer_reversal') continue;
    const transfer = r.transfer;
    yield {
      id: r.id,
      transfer: idOf(transfer)!,
      destination: typeof transfer === 'string' ? null : idOf(transfer.destination),
      amount: r.amount,
      currency: r.currency,
      created: r.created,
    };
  }
}
