// The accounts list's filters, kept in the URL so a view can be shared by link: parsed with one
// zod schema on the server (filter-schema.ts, which the server applies), edited in the browser
// with the helpers here. `created` goes to Stripe; type, country and state are applied to the
// pages read (see scan.ts). Pure, and free of zod so the list's browser code does not load it.
import type Stripe from 'stripe';
import type { AccountFilters } from './filter-schema';
import { matchesState } from './status';

export type { AccountFilters };

export const ACCOUNT_TYPES = ['custom', 'express', 'standard'] as const;
export const PAGE_SIZES = [10, 25, 50, 100] as const;

/** The URL query for `filters` (defaults and empty values left out), for links and router pushes. */
export function accountFiltersQuery(filters: Partial<AccountFilters>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) {
    if (v === undefined || v === null || v === '' || (k === 'limit' && v === 25)) continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Stripe's `created` filter for the date range, whole UTC days, both ends included. */
export function createdRange(f: Pick<AccountFilters, 'created_from' | 'created_to'>): Stripe.RangeQueryParam | undefined {
  const range: Stripe.RangeQueryParam = {};
  if (f.created_from) range.gte = Date.parse(`${f.created_from}T00:00:00Z`) / 1000;
  if (f.created_to) range.lte = Date.parse(`${f.created_to}T23:59:59Z`) / 1000;
  return Object.keys(range).length > 0 ? range : undefined;
}

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
