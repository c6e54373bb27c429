// The accounts list's filters as read from a URL: one lenient zod schema (a bad value means "no
// filter", never a broken page), used by the server (the page and the list's route handlers).
// The browser edits filters with lib/accounts/filters.ts, which needs no zod. Pure.
import { z } from 'zod';
import { ACCOUNT_TYPES, PAGE_SIZES } from './filters';
import { ACCOUNT_STATES } from './status';

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
