// Server-side reads of application fees: the list (account and refund state applied to the pages
// read), the CSV export, one fee with its refunds, and one refund found by its id alone. Pages call
// these to prefetch; the browser reaches them through the GET route handlers under /api/fees.
import 'server-only';
import type Stripe from 'stripe';
import { accountNamesFor, type AccountNames } from '@/lib/accounts/names';
import { collectMatching, scanFilteredList, type FilteredPage } from '@/lib/lists/scan';
import { ObjectNotFound } from '@/lib/http/json';
import { getStripe } from '@/lib/stripe/client';
import { feeCreatedRange, feeFiltersOnServer, feeMatches, type FeeFilters } from './filters';
import { idOf } from '@/lib/stripe/ids';

/** Fees read at most for one filtered page: ten Stripe pages. */
export const FEE_SCAN_BUDGET = 1000;

/** A page of fees, with the names of the accounts they were collected from. */
export type FeePage = FilteredPage<Stripe.ApplicationFee> & { accountNames: AccountNames };

function listParams(f: FeeFilters): Stripe.ApplicationFeeListParams {
  const created = feeCreatedRange(f);
  return { ...(created ? { created } : {}), ...(f.charge ? { charge: f.charge } : {}) };
}

export async function listFees(f: FeeFilters): Promise<FeePage> {
  const page = await scanFilteredList((cursor) => getStripe().applicationFees.list({ ...listParams(f), ...cursor }), {
    matches: feeMatches(f),
    filtered: feeFiltersOnServer(f),
    budget: FEE_SCAN_BUDGET,
    limit: f.limit,
    after: f.after,
    before: f.before,
  });
  return { ...page, accountNames: await accountNamesFor(page.items.map((fee) => idOf(fee.account))) };
}

/** Every fee the filters select, for the CSV export (bounded). */
export function exportFees(f: FeeFilters, max = 10_000): Promise<{ items: Stripe.ApplicationFee[]; complete: boolean }> {
  return collectMatching(getStripe().applicationFees.list({ ...listParams(f), limit: 100 }), feeMatches(f), max);
}

export interface FeeDetail {
  fee: Stripe.ApplicationFee;
  refunds: Stripe.FeeRefund[];
}

/** One fee and all its refunds (one call each, together). */
export async function getFeeDetail(id: string): Promise<FeeDetail> {
  const [fee, refunds] = await Promise.all([
    getStripe().applicationFees.retrieve(id),
    getStripe().applicationFees.listRefunds(id, { limit: 100 }).autoPagingToArray({ limit: 1000 }),
  ]);
  return { fee, refunds };
}

export interface FeeRefundDetail {
  refund: Stripe.FeeRefund;
  fee: Stripe.ApplicationFee;
}

/**
 * One refund by its id. Stripe retrieves a refund only under its fee, so the fee is found through
 * the platform's balance transaction whose source is the refund.
 */
export async function getFeeRefund(id: string): Promise<FeeRefundDetail> {
  const txns = await getStripe().balanceTransactions.list({ source: id, limit: 1, expand: ['data.source'] });
  const source = txns.data[0]?.source;
  const feeId = source && typeof source !== 'string' && source.object === 'fee_refund' ? (typeof source.fee === 'string' ? source.fee : source.fee.id) : null;
  if (!feeId) throw new FeeRefundNotFound(id);
  const [refund, fee] = await Promise.all([getStripe().applicationFees.retrieveRefund(feeId, id), getStripe().applicationFees.retrieve(feeId)]);
  return { refund, fee };
}

export class FeeRefundNotFound extends ObjectNotFound {
  constructor(id: string) {
    super(`No such fee refund: ${id}`);
  }
}
