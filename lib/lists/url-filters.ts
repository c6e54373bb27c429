// Helpers for server-paginated lists whose filters and cursor live in the URL (so a view can be
// shared by link): the query string for links, and Stripe's `created` range for whole UTC days.
// Pure, client-safe and free of zod (the list pages' browser code loads this; the lenient parsing
// of a URL lives in ./url-schema.ts, on the server and in forms only).

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

export type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

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
