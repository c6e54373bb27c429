// The accounts list's filters, as the browser edits them and the server applies them: the URL
// query, the filter bar's fields, and the predicate for what Stripe cannot filter. `created` goes
// to Stripe; type, country and state are applied to the pages read (lib/lists/scan.ts). The zod
// schema that reads them from a URL is in ./filter-schema.ts (server only), so the list's browser
// code loads no zod. Pure.
import type Stripe from 'stripe';
import { createdRange, toQuery } from '@/lib/lists/url-filters';
import { createdFields, optionsOf, pageSizeField, type FilterField } from '@/lib/lists/filter-fields';
import type { AccountFilters } from './filter-schema';
import { ACCOUNT_STATES, matchesState, STATE_LABELS } from './status';

export type { AccountFilters };

export const ACCOUNT_TYPES = ['custom', 'express', 'standard'] as const;
const TYPE_LABELS: Record<(typeof ACCOUNT_TYPES)[number], string> = { custom: 'Custom', express: 'Express', standard: 'Standard' };
/** The countries the filter offers (those the platform onboards). */
const COUNTRY_OPTIONS = [
  { value: 'US', label: 'United States' },
  { value: 'GB', label: 'United Kingdom' },
  { value: 'DE', label: 'Germany' },
  { value: 'FR', label: 'France' },
  { value: 'CA', label: 'Canada' },
  { value: 'AU', label: 'Australia' },
  { value: 'JP', label: 'Japan' },
];
/** The URL query for `filters` (defaults and empty values left out), for links and router pushes. */
export const accountFiltersQuery = (f: Partial<AccountFilters>): string => toQuery(f);
export const accountCreatedRange = (f: Pick<AccountFilters, 'created_from' | 'created_to'>) => createdRange(f.created_from, f.created_to);

/** Whether the filters Stripe cannot apply are set (then the server reads and filters pages). */
export function filtersOnServer(f: AccountFilters): boolean {
  return f.type !== undefined || f.country !== undefined || f.state !== undefined;
}

/** The filters Stripe cannot apply, as a predicate over accounts. */
export function accountMatches(f: AccountFilters): (a: Stripe.Account) => boolean {
  return (a) =>
    (f.type === undefined || a.type === f.type) &&
    (f.country === undefined || a.country === f.country) &&
    (f.state === undefined || matchesState(a, f.state));
}

/** The accounts list's filter bar. */
export const ACCOUNT_FILTER_FIELDS: FilterField[] = [
  { kind: 'select', name: 'type', label: 'Type', any: 'Any type', options: optionsOf(ACCOUNT_TYPES, TYPE_LABELS) },
  { kind: 'select', name: 'country', label: 'Country', any: 'Any country', options: COUNTRY_OPTIONS },
  { kind: 'select', name: 'state', label: 'State', any: 'Any state', options: optionsOf(ACCOUNT_STATES, STATE_LABELS), testId: 'filter-state' },
  ...createdFields('Created from (UTC)', 'Created to (UTC)'),
  pageSizeField,
];
