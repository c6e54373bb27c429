// The transfers list's filters, kept in the URL. Destination, transfer group and `created` go to
// Stripe; the reversed state is applied to the pages read, within a budget. Pure.
import type Stripe from 'stripe';
import { createdRange, toQuery } from '@/lib/lists/url-filters';
import type { TransferFilters } from './filter-schema';
import { createdFields, optionsOf, pageSizeField, type FilterField } from '@/lib/lists/filter-fields';

export const REVERSED_STATES = ['none', 'partial', 'full'] as const;
export type ReversedState = (typeof REVERSED_STATES)[number];
export const REVERSED_STATE_LABELS: Record<ReversedState, string> = { none: 'Not reversed', partial: 'Partly reversed', full: 'Fully reversed' };

export type { TransferFilters };

export const transferFiltersQuery = (f: Partial<TransferFilters>): string => toQuery(f);

export function reversedStateOf(t: Pick<Stripe.Transfer, 'amount' | 'amount_reversed'>): ReversedState {
  return t.amount_reversed === 0 ? 'none' : t.amount_reversed >= t.amount ? 'full' : 'partial';
}

export const transferFiltersOnServer = (f: TransferFilters): boolean => f.reversed !== undefined;

export function transferMatches(f: TransferFilters): (t: Stripe.Transfer) => boolean {
  return (t) => f.reversed === undefined || reversedStateOf(t) === f.reversed;
}

export function transferListParams(f: TransferFilters): Stripe.TransferListParams {
  const created = createdRange(f.created_from, f.created_to);
  return { ...(created ? { created } : {}), ...(f.destination ? { destination: f.destination } : {}), ...(f.group ? { transfer_group: f.group } : {}) };
}

/** The transfers list's filter bar. */
export const TRANSFER_FILTER_FIELDS: FilterField[] = [
  { kind: 'text', name: 'destination', label: 'Destination', placeholder: 'acct_…', mono: true },
  { kind: 'text', name: 'group', label: 'Transfer group', placeholder: 'group_…', mono: true },
  ...createdFields(),
  { kind: 'select', name: 'reversed', label: 'Reversals', any: 'Any', options: optionsOf(REVERSED_STATES, REVERSED_STATE_LABELS) },
  pageSizeField,
];
