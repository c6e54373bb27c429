// The top-ups list's filters, kept in the URL; status and `created` go to Stripe. Pure.
import { createdRange, toQuery } from '@/lib/lists/url-filters';
import type { TopupFilters } from './filter-schema';
import { createdFields, optionsOf, pageSizeField, type FilterField } from '@/lib/lists/filter-fields';

export const TOPUP_STATUSES = ['pending', 'succeeded', 'failed', 'canceled', 'reversed'] as const;
export type TopupStatus = (typeof TOPUP_STATUSES)[number];
export const TOPUP_STATUS_LABELS: Record<TopupStatus, string> = {
  pending: 'Pending',
  succeeded: 'Succeeded',
  failed: 'Failed',
  canceled: 'Cancelled',
  reversed: 'Reversed',
};

export type { TopupFilters };

export const topupFiltersQuery = (f: Partial<TopupFilters>): string => toQuery(f);
export const topupCreatedRange = (f: TopupFilters) => createdRange(f.created_from, f.created_to);

/** The top-ups list's filter bar. */
export const TOPUP_FILTER_FIELDS: FilterField[] = [
  { kind: 'select', name: 'status', label: 'Status', any: 'Any', options: optionsOf(TOPUP_STATUSES, TOPUP_STATUS_LABELS) },
  ...createdFields(),
  pageSizeField,
];
