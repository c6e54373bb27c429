// Lenient zod parsing of a list's URL (a bad value means "no filter", never a broken page), for
// each list's filter schema (lib/<resource>/filter-schema.ts). Pure; it carries zod, so browser
// code that only builds links imports ./url-filters.ts instead.
import { z } from 'zod';
import { objectIdSchema } from '@/lib/stripe/id-schema';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES, type SearchParamsLike } from './url-filters';

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

/** A list's account filter: an `acct_` id, or words of its name, e-mail or metadata (lib/index/conditions.ts reads it). */
export const accountParam = lenient(z.string().trim().min(1).max(100));

/** Reads a URL's search params (Next gives `string | string[] | undefined`) with `schema`. */
export function parseSearch<S extends z.ZodObject>(schema: S, params: SearchParamsLike): z.output<S> {
  const get = (k: string) => {
    const v = params instanceof URLSearchParams ? (params.get(k) ?? undefined) : params[k];
    const one = Array.isArray(v) ? v[0] : v;
    return one === '' ? undefined : one?.trim();
  };
  return schema.parse(Object.fromEntries(Object.keys(schema.shape).map((k) => [k, get(k)])));
}

