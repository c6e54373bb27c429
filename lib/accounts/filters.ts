// The accounts list's view as the browser edits it: the status tabs, the filter bar's fields, the
// URL query (defaults left out), and the columns the server sorts on. The list reads the console's
// index (lib/index/accounts-query.ts), so every filter applies to every account. The zod schema
// that reads a view from a URL is in ./filter-schema.ts, so the list's browser code loads no zod. Pure.
import { ACCOUNT_TABS, type AccountTab } from '@/lib/index/account-row';
import { toQuery } from '@/lib/lists/url-filters';
import { createdFields, optionsOf, pageSizeField, type FilterField } from '@/lib/lists/filter-fields';
import { DEFAULT_PAGE_SIZE } from '@/lib/lists/url-filters';
import type { AccountFilters } from './filter-schema';
import { DISABLED_REASON_WORDS } from './status';

export type { AccountFilters };

export const ACCOUNT_TYPES = ['custom', 'express', 'standard'] as const;
export const TYPE_LABELS: Record<(typeof ACCOUNT_TYPES)[number], string> = { custom: 'Custom', express: 'Express', standard: 'Standard' };

/** The Stripe Dashboard's tabs, in its order. */
export const LIST_TABS = ['all', 'restricted', 'restricted_soon', 'in_review', 'rejected', 'enabled'] as const satisfies readonly ('all' | AccountTab)[];
export type ListTab = (typeof LIST_TABS)[number];
export const TAB_LABELS: Record<ListTab, string> = {
  all: 'All',
  restricted: 'Restricted',
  restricted_soon: 'Restricted soon',
  in_review: 'In review',
  rejected: 'Rejected',
  enabled: 'Enabled',
};
// Every status has a tab (compile-time check against the index's own list).
const _everyTab: readonly ListTab[] = ACCOUNT_TABS;
void _everyTab;

export const CAPABILITY_STATUSES = ['active', 'inactive', 'pending', 'unrequested', 'disabled'] as const;
export const RISK_FILTERS = ['any', 'early_fraud_warning', 'review'] as const;
const RISK_LABELS: Record<(typeof RISK_FILTERS)[number], string> = { any: 'Any open risk signal', early_fraud_warning: 'Open early fraud warning', review: 'Open review' };
const CAPABILITIES = ['card_payments', 'transfers', 'us_bank_account_ach_payments', 'sepa_debit_payments', 'link_payments', 'tax_reporting_us_1099_k'];

/** The sorts the list offers (each is one of the index's). */
export const ACCOUNT_LIST_SORTS = ['created', 'business_name', 'email', 'country', 'type', 'status', 'current_deadline', 'past_due_count', 'id'] as const;
export type AccountListSort = (typeof ACCOUNT_LIST_SORTS)[number];

/** The table's sortable columns and the server's sort for each. */
export const SORT_OF_COLUMN: Record<string, AccountListSort> = {
  id: 'id',
  name: 'business_name',
  type: 'type',
  country: 'country',
  status: 'status',
  requirements: 'past_due_count',
  deadline: 'current_deadline',
  created: 'created',
};

/** The countries the filter offers (those the platform onboards). */
export const COUNTRY_OPTIONS = [
  { value: 'US', label: 'United States' },
  { value: 'GB', label: 'United Kingdom' },
  { value: 'DE', label: 'Germany' },
  { value: 'FR', label: 'France' },
  { value: 'CA', label: 'Canada' },
  { value: 'AU', label: 'Australia' },
  { value: 'JP', label: 'Japan' },
];

/** What a URL leaves out: the defaults of the view. */
export const VIEW_DEFAULTS = { tab: 'all', sort: 'created', order: 'desc', limit: DEFAULT_PAGE_SIZE } as const;

/** The URL query for a view (defaults and empty values left out), for links and router pushes. */
export const accountFiltersQuery = (f: Partial<AccountFilters>): string => toQuery(f, VIEW_DEFAULTS);

/** The view without its page: what a tab, a sort, a search or a saved view starts again from. */
export const firstPage = (f: AccountFilters): AccountFilters => ({ ...f, after: undefined, before: undefined });

/** Whether anything narrows the list beyond its tab (the filter bar's fields or the search). */
export function isNarrowed(f: AccountFilters): boolean {
  return ACCOUNT_FILTER_FIELDS.some((field) => field.name !== 'limit' && f[field.name as keyof AccountFilters] !== undefined) || f.search !== undefined;
}

/** The accounts list's filter bar. */
export const ACCOUNT_FILTER_FIELDS: FilterField[] = [
  { kind: 'select', name: 'type', label: 'Type', any: 'Any type', options: optionsOf(ACCOUNT_TYPES, TYPE_LABELS), testId: 'filter-type' },
  { kind: 'select', name: 'country', label: 'Country', any: 'Any country', options: COUNTRY_OPTIONS, testId: 'filter-country' },
  {
    kind: 'select',
    name: 'disabled_reason',
    label: 'Disabled reason',
    any: 'Any reason',
    options: Object.entries(DISABLED_REASON_WORDS).map(([value, label]) => ({ value, label })),
    testId: 'filter-disabled-reason',
  },
  { kind: 'select', name: 'capability', label: 'Capability', any: 'Any capability', options: CAPABILITIES.map((c) => ({ value: c, label: c })), testId: 'filter-capability' },
  { kind: 'select', name: 'capability_status', label: 'Capability status', any: 'Active', options: CAPABILITY_STATUSES.filter((s) => s !== 'active').map((s) => ({ value: s, label: s[0].toUpperCase() + s.slice(1) })) },
  { kind: 'text', name: 'due_field', label: 'Requirement due', placeholder: 'external_account', mono: true },
  { kind: 'select', name: 'past_due', label: 'Past due', any: 'Any', options: [{ value: '1', label: 'Past due only' }], testId: 'filter-past-due' },
  { kind: 'date', name: 'deadline_before', label: 'Deadline before (UTC)' },
  { kind: 'select', name: 'risk', label: 'Risk signals', any: 'Any', options: optionsOf(RISK_FILTERS, RISK_LABELS) },
  ...createdFields('Created from (UTC)', 'Created to (UTC)'),
  { kind: 'text', name: 'meta_key', label: 'Metadata key', placeholder: 'order_ref', mono: true },
  { kind: 'text', name: 'meta_value', label: 'Metadata value', placeholder: 'any value' },
  pageSizeField,
];
