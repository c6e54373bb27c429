// Helpers for server-paginated lists whose filters and cursor live in the URL (so a view can be
// shared by link): lenient zod parsing (a bad value means "no filter", never a broken page), the
// query string for links, and Stripe's `created` range for whole UTC days. Pure, client-safe.
import { z } from 'zod';
import { objectIdSchema } from '@/lib/stripe/ids';

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

export const dayParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-01-31')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'Not a date');

/** Unknown or malformed values fall back to "no filter" rather than breaking a shared link. */
export const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const pageSizeParam = z.coerce
  .number()
  .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
  .catch(DEFAULT_PAGE_SIZE)
  .default(DEFAULT_PAGE_SIZE);

/** A cursor or filter naming one Stripe object, e.g. `idParam('acct_')`. */
export const idParam = (prefix: string) => lenient(objectIdSchema(prefix));

export type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

/** Reads a URL's search params (Next gives `string | string[] | undefined`) with `schema`. */
export function parseSearch<S extends z.ZodObject>(schema: S, params: SearchParamsLike): z.output<S> {
  const get = (k: string) => {
    const v = params instanceof URLSearchParams ? (params.get(k) ?? undefined) : params[k];
    const one = Array.isArray(v) ? v[0] : v;
    return one === '' ? undefined : one?.trim();
  };
  return schema.parse(Object.fromEntries(Object.keys(schema.shape).map((k) => [k, get(k)])));
}

/** `?a=1&b=2` for the set values (defaults and empty values left out), or '' when none. */
export function toQuery(values: Record<string, unknown>, defaults: Record<string, unknown> = { limit: DEFAULT_PAGE_SIZE }): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '' || defaults[k] === v) continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Stripe's `created` filter for a range of whole UTC days, both ends included. */
export function createdRange(from?: string, to?: string): { gte?: number; lte?: number } | undefined {
  const range: { gte?: number; lte?: number } = {};
  if (from) range.gte = Date.parse(`${from}T00:00:00Z`) / 1000;
  if (to) range.lte = Date.parse(`${to}T23:59:59Z`) / 1000;
  return Object.keys(range).length > 0 ? range : undefined;
}
