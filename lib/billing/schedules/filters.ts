// The Billing list's view as the browser edits it: the schedule-status tabs, the filter bar's
// fields (account, customer, fee), the sorts, and the URL query (defaults left out). The zod
// schema that reads a view from a URL is in ./schedule-filter-schema.ts, so the page's browser
// code loads no zod. Pure and client-safe.
import { optionsOf, pageSizeField, type FilterField } from '@/lib/lists/filter-fields';
import { DEFAULT_PAGE_SIZE, toQuery } from '@/lib/lists/url-filters';

/** Stripe's schedule statuses, in the order a schedule lives them, and All. */
export const SCHEDULE_TABS = ['all', 'not_started', 'active', 'completed', 'released', 'canceled'] as const;
export type ScheduleTab = (typeof SCHEDULE_TABS)[number];
export type ScheduleStatus = Exclude<ScheduleTab, 'all'>;
export const SCHEDULE_TAB_LABELS: Record<ScheduleTab, string> = {
  all: 'All',
  not_started: 'Not started',
  active: 'Active',
  completed: 'Completed',
  released: 'Released',
  canceled: 'Canceled',
};

export const SCHEDULE_SORTS = ['created', 'next_phase', 'fee_percent'] as const;
export type ScheduleSort = (typeof SCHEDULE_SORTS)[number];
export const SCHEDULE_SORT_LABELS: Record<ScheduleSort, string> = { created: 'Created', next_phase: 'Next phase', fee_percent: 'Fee %' };

/** Whether the phase shown takes an application fee for the platform. */
export const FEE_CHOICES = ['present', 'none'] as const;
export type FeeChoice = (typeof FEE_CHOICES)[number];
const FEE_LABELS: Record<FeeChoice, string> = { present: 'Takes a fee', none: 'No fee' };

/** The view as the URL holds it (every field optional but the defaults). */
export interface ScheduleFilters {
  tab: ScheduleTab;
  account?: string;
  customer?: string;
  fee?: FeeChoice;
  sort: ScheduleSort;
  order: 'asc' | 'desc';
  limit: number;
  after?: string;
  before?: string;
}

export const SCHEDULE_DEFAULTS = { tab: 'all', sort: 'created', order: 'desc', limit: DEFAULT_PAGE_SIZE } as const;

/** The URL query for a view (defaults and empty values left out). */
export const scheduleFiltersQuery = (f: Partial<ScheduleFilters>): string => toQuery(f, SCHEDULE_DEFAULTS);

export const SCHEDULE_FILTER_FIELDS: FilterField[] = [
  { kind: 'text', name: 'account', label: 'Account', placeholder: 'acct_… or a name' },
  { kind: 'text', name: 'customer', label: 'Customer', placeholder: 'cus_…', mono: true },
  { kind: 'select', name: 'fee', label: 'Platform fee', any: 'Any', options: optionsOf(FEE_CHOICES, FEE_LABELS), testId: 'filter-fee' },
  { kind: 'select', name: 'sort', label: 'Sort by', options: optionsOf(SCHEDULE_SORTS, SCHEDULE_SORT_LABELS), testId: 'filter-sort' },
  pageSizeField,
];

/** The fields the bar edits (the tab and order are kept as they are). */
export const SCHEDULE_FIELD_NAMES = ['account', 'customer', 'fee', 'sort', 'limit'] as const;

/** Where a schedule's own page is (built elsewhere): its id, and the connected account it lives on. */
export const scheduleHref = (id: string, account: string): string => `/billing/schedules/${encodeURIComponent(id)}?account=${encodeURIComponent(account)}`;
