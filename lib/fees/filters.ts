// The application fees list's filters, kept in the URL. `charge` and `created` go to Stripe;
// account and refund state are applied to the pages read (Stripe's fee list cannot filter them),
// within a budget (see lib/lists/scan.ts). Pure.
import type Stripe from 'stripe';
import { idOf } from '@/lib/stripe/ids';
import { createdRange, toQuery } from '@/lib/lists/url-filters';
import type { FeeFilters } from './filter-schema';
import { createdFields, optionsOf, pageSizeField, type FilterField } from '@/lib/lists/filter-fields';

export const REFUND_STATES = ['none', 'partial', 'full'] as const;
export type RefundState = (typeof REFUND_STATES)[number];
export const REFUND_STATE_LABELS: Record<RefundState, string> = { none: 'Not refunded', partial: 'Partly refunded', full: 'Fully refunded' };

export type { FeeFilters };

export const feeFiltersQuery = (f: Partial<FeeFilters>): string => toQuery(f);

export function refundStateOf(fee: Pick<Stripe.ApplicationFee, 'amount' | 'amount_refunded'>): RefundState {
  return fee.amount_refunded === 0 ? 'none' : fee.amount_refunded >= fee.amount ? 'full' : 'partial';
}

/** Whether filters Stripe cannot apply are set (then the server reads pages and filters them). */
export const feeFiltersOnServer = (f: FeeFilters): boolean => f.account !== undefined || f.refund !== undefined;

export function feeMatches(f: FeeFilters): (fee: Stripe.ApplicationFee) => boolean {
  return (fee) => (f.account === undefined || idOf(fee.account) === f.account) && (f.refund === undefined || refundStateOf(fee) === f.refund);
}

export const feeCreatedRange = (f: FeeFilters) => createdRange(f.created_from, f.created_to);

/** The fees list's filter bar. */
export const FEE_FILTER_FIELDS: FilterField[] = [
  { kind: 'text', name: 'account', label: 'Account', placeholder: 'acct_…', mono: true },
  { kind: 'text', name: 'charge', label: 'Charge', placeholder: 'ch_… / py_…', mono: true },
  ...createdFields(),
  { kind: 'select', name: 'refund', label: 'Refunds', any: 'Any', options: optionsOf(REFUND_STATES, REFUND_STATE_LABELS) },
  pageSizeField,
];
