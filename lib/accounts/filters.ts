// The accounts list's filters, kept in the URL so a view can be shared by link: parsed with one
// zod schema on the server (which applies them) and in the browser (which edits them). `created`
// goes to Stripe; type, country and state are applied to the pages read (see scan.ts). Pure.
import type Stripe from 'stripe';
import { z } from 'zod';
import { ACCOUNT_STATES, matchesState } from './status';

export const ACCOUNT_TYPES = ['custom', 'express', 'standard'] as const;
export const PAGE_SIZES = [10, 25, 50, 100] as const;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-01-31')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'Not a date');

/** Unknown or malformed values fall back to "no filter" rather than breaking a shared link. */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const accountFiltersSchema = z.object({
  type: lenient(z.enum(ACCOUNT_TYPES)),
  country: lenient(z.string().regex(/^[A-Z]{2}$/)),
  state: lenient(z.enum(ACCOUNT_STATES)),
  created_from: lenient(day),
  created_to: lenient(day),
  limit: z.coerce
    .number()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(25)
    .default(25),
  after: lenient(z.string().regex(/^acct_[A-Za-z0-9]+$/)),
  before: lenient(z.string().regex(/^acct_[A-Za-z0-9]+$/)),
});

export type AccountFilters = z.output<typeof accountFiltersSchema>;

/** Reads filters from a URL's search params (Next gives `string | string[] | undefined`). */
export function parseAccountFilters(params: URLSearchParams | Record<string, string | string[] | undefined>): AccountFilters {
  const get = (k: string) => {
    const v = params instanceof URLSearchParams ? params.get(k) ?? undefined : params[k];
    return Array.isArray(v) ? v[0] : v === '' ? undefined : v;
  };
  return accountFiltersSchema.parse(Object.fromEntries(Object.keys(accountFiltersSchema.shape).map((k) => [k, get(k)])));
}

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
