// The Payouts list's view as the browser edits it: the payout-status tabs, the filter bar's fields
// (account, arrival date from/to), the sorts, and the URL query (defaults left out). The zod schema
// that reads a view from a URL is in ./filter-schema.ts, so the page's browser code loads no zod.
// Pure and client-safe.
import { createdFields, optionsOf, pageSizeField, type FilterField } from '@/lib/lists/filter-fields';
import { DEFAULT_PAGE_SIZE, toQuery } from '@/lib/lists/url-filters';

/** Stripe's payout statuses, in the order a payout lives them, and All. */
export const PAYOUT_TABS = ['all', 'pending', 'in_transit', 'paid', 'failed', 'canceled'] as const;
export type PayoutTab = (typeof PAYOUT_TABS)[number];
export type PayoutStatus = Exclude<PayoutTab, 'all'>;
export const PAYOUT_TAB_LABELS: Record<PayoutTab, string> = {
  all: 'All',
  pending: 'Pending',
  in_transit: 'In transit',
  paid: 'Paid',
  failed: 'Failed',
  canceled: 'Canceled',
};

export const PAYOUT_SORTS = ['arrival_date', 'created', 'amount'] as const;
export type PayoutSort = (typeof PAYOUT_SORTS)[number];
export const PAYOUT_SORT_LABELS: Record<PayoutSort, string> = { arrival_date: 'Arrival date', created: 'Created', amount: 'Amount' };

/** The view as the URL holds it (every field optional but the defaults). */
export interface PayoutFilters {
  tab: PayoutTab;
  account?: string;
  /** A three-letter ISO code, lower case. */
  currency?: string;
  arrival_from?: string;
  arrival_to?: string;
  sort: PayoutSort;
  order: 'asc' | 'desc';
  limit: number;
  after?: string;
  before?: string;
}

export const PAYOUT_DEFAULTS = { tab: 'all', sort: 'arrival_date', order: 'desc', limit: DEFAULT_PAGE_SIZE } as const;

/** The URL query for a view (defaults and empty values left out). */
export const payoutFiltersQuery = (f: Partial<PayoutFilters>): string => toQuery(f, PAYOUT_DEFAULTS);

export const PAYOUT_FILTER_FIELDS: FilterField[] = [
  { kind: 'text', name: 'account', label: 'Account', placeholder: 'acct_… or a name' },
  { kind: 'text', name: 'currency', label: 'Currency', placeholder: 'usd', mono: true },
  ...createdFields('Arrives from (UTC)', 'to', ['arrival_from', 'arrival_to']),
  { kind: 'select', name: 'sort', label: 'Sort by', options: optionsOf(PAYOUT_SORTS, PAYOUT_SORT_LABELS), testId: 'filter-sort' },
  pageSizeField,
];

/** The fields the bar edits (the tab and order are kept as they are). */
export const PAYOUT_FIELD_NAMES = ['account', 'currency', 'arrival_from', 'arrival_to', 'sort', 'limit'] as const;

/** The Payouts list narrowed to one account (and a tab): where the account page's section links. */
export const accountPayoutsHref = (account: string, tab: PayoutTab = 'all'): string => `/payouts${payoutFiltersQuery({ account, tab })}`;
