// The accounts list's filters, kept in the URL so a view can be shared by link: parsed with one
// zod schema on the server (which applies them) and in the browser (which edits them). `created`
// goes to Stripe; type, country and state are applied to the pages read (lib/lists/scan.ts). Pure.
import type Stripe from 'stripe';
import { z } from 'zod';
import { createdRange, dayParam, idParam, lenient, pageSizeParam, parseSearch, toQuery, type SearchParamsLike } from '@/lib/lists/url-filters';
import { ACCOUNT_STATES, matchesState, STATE_LABELS } from './status';
import { createdFields, optionsOf, pageSizeField, type FilterField } from '@/lib/lists/filter-fields';

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

export const accountFiltersSchema = z.object({
  type: lenient(z.enum(ACCOUNT_TYPES)),
  country: lenient(z.string().regex(/^[A-Z]{2}$/)),
  state: lenient(z.enum(ACCOUNT_STATES)),
  created_from: lenient(dayParam),
  created_to: lenient(dayParam),
  limit: pageSizeParam,
  after: idParam('acct_'),
  before: idParam('acct_'),
});

export type AccountFilters = z.output<typeof accountFiltersSchema>;

export const parseAccountFilters = (params: SearchParamsLike): AccountFilters => parseSearch(accountFiltersSchema, params);
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
