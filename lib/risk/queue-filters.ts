// The risk queue's view as the browser edits it: the case-status tabs, the filter bar's fields
// (signal, country, type, assignee, age), the sorts, and the URL query (defaults left out). The
// zod schema that reads a view from a URL is in ./queue-filter-schema.ts, so the page's browser
// code loads no zod. Pure and client-safe.
import { ACCOUNT_TYPES, COUNTRY_OPTIONS, TYPE_LABELS } from '@/lib/accounts/filters';
import { optionsOf, pageSizeField, type FilterField, type FilterOption } from '@/lib/lists/filter-fields';
import { DEFAULT_PAGE_SIZE, toQuery } from '@/lib/lists/url-filters';
import { RISK_SIGNAL_KINDS, type RiskSignalKind } from './signals';

export const QUEUE_TABS = ['waiting', 'open', 'in_progress', 'decided', 'all'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];
export const QUEUE_TAB_LABELS: Record<QueueTab, string> = { waiting: 'Waiting', open: 'Open', in_progress: 'In progress', decided: 'Decided', all: 'All' };

export const QUEUE_SORTS = ['score', 'newest_signal', 'opened'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const QUEUE_SORT_LABELS: Record<QueueSort, string> = { score: 'Score', newest_signal: 'Newest signal', opened: 'Waiting since' };

/** How long a case has waited: opened more than a day, a week or a month ago. */
export const QUEUE_AGES = ['1d', '7d', '30d'] as const;
export type QueueAge = (typeof QUEUE_AGES)[number];
const AGE_LABELS: Record<QueueAge, string> = { '1d': 'Over a day', '7d': 'Over a week', '30d': 'Over 30 days' };

/** Each kind of signal as the filter and the reasons' tags name it. */
export const SIGNAL_LABELS: Record<RiskSignalKind, string> = {
  early_fraud_warning: 'Early fraud warning',
  open_review: 'Open review',
  risky_charges: 'Risky charges',
  blocked_charges: 'Blocked charges',
  requirement_errors: 'Verification errors',
  past_due: 'Past-due requirements',
  stripe_action: 'Rejected or restricted by Stripe',
  reversed_transfers: 'Reversed transfers',
  refunded_fees: 'Refunded fees',
  volume_burst: 'Burst of volume',
  open_disputes: 'Open disputes',
  dispute_rate: 'Dispute rate',
  lost_disputes: 'Lost disputes',
};

/** The view as the URL holds it (every field optional but the defaults). */
export interface QueueFilters {
  tab: QueueTab;
  signal?: RiskSignalKind;
  country?: string;
  type?: (typeof ACCOUNT_TYPES)[number];
  assignee?: string;
  age?: QueueAge;
  sort: QueueSort;
  order: 'asc' | 'desc';
  limit: number;
  after?: string;
  before?: string;
}

export const QUEUE_DEFAULTS = { tab: 'waiting', sort: 'score', order: 'desc', limit: DEFAULT_PAGE_SIZE } as const;

/** The URL query for a view (defaults and empty values left out). */
export const queueFiltersQuery = (f: Partial<QueueFilters>): string => toQuery(f, QUEUE_DEFAULTS);

/** The filter bar's fields; the assignee's choices are the operators who may decide (from the server). */
export function queueFilterFields(assignees: FilterOption[]): FilterField[] {
  return [
    { kind: 'select', name: 'signal', label: 'Signal', any: 'Any signal', options: optionsOf(RISK_SIGNAL_KINDS, SIGNAL_LABELS), testId: 'filter-signal' },
    { kind: 'select', name: 'country', label: 'Country', any: 'Any country', options: COUNTRY_OPTIONS, testId: 'filter-country' },
    { kind: 'select', name: 'type', label: 'Type', any: 'Any type', options: optionsOf(ACCOUNT_TYPES, TYPE_LABELS), testId: 'filter-type' },
    {
      kind: 'select',
      name: 'assignee',
      label: 'Assignee',
      any: 'Anyone',
      options: [{ value: 'me', label: 'Me' }, { value: 'none', label: 'Unassigned' }, ...assignees],
      testId: 'filter-assignee',
    },
    { kind: 'select', name: 'age', label: 'Waiting', any: 'Any time', options: optionsOf(QUEUE_AGES, AGE_LABELS), testId: 'filter-age' },
    { kind: 'select', name: 'sort', label: 'Sort by', options: optionsOf(QUEUE_SORTS, QUEUE_SORT_LABELS), testId: 'filter-sort' },
    pageSizeField,
  ];
}

/** The fields the bar edits (the tab and order are kept as they are). */
export const QUEUE_FIELD_NAMES = ['signal', 'country', 'type', 'assignee', 'age', 'sort', 'limit'] as const;
