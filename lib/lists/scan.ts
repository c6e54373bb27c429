// Stripe's lists filter only on what the API offers (for accounts: `created`); the dashboard's
// other filters (type, country, state) are applied to the pages it reads. This walks pages in
// either direction until it has a page of matches or has read its budget, and says how far it
// looked, so the screen can be honest ("looked at 300 accounts; none matched yet"). Pure: the
// page reader is passed in.

export interface Page<T> {
  data: T[];
  has_more: boolean;
}

/** Reads one page: newest first; `after` = Stripe's starting_after, `before` = ending_before. */
export type PageReader<T> = (cursor: { after?: string; before?: string }, limit: number) => Promise<Page<T>>;

export interface ScanResult<T> {
  /** Matches, newest first. */
  items: T[];
  /** How many objects were read to find them. */
  scanned: number;
  /** Cursor for the next (older) page: the last object read, match or not; null at the end. */
  next: string | null;
  /** Cursor for the previous (newer) page: the first object read; null at the start. */
  prev: string | null;
  /** True when the budget ran out before the page was full or the list ended. */
  partial: boolean;
}

export interface ScanOptions<T> {
  read: PageReader<T>;
  matches: (item: T) => boolean;
  idOf: (item: T) => string;
  /** Matches wanted on the page. */
  limit: number;
  /** Where to start: older than `after`, or newer than `before`; neither = the newest. */
  after?: string;
  before?: string;
  /** The most objects to read for one page of matches. */
  budget: number;
  /** Objects read per request (Stripe allows 1..100). */
  pageSize?: number;
}

export async function scan<T>(o: ScanOptions<T>): Promise<ScanResult<T>> {
  const size = o.pageSize ?? 100;
  const backwards = o.before !== undefined;
  let cursor = backwards ? o.before : o.after;
  const found: T[] = [];
  let scanned = 0;
  let more = true;
  /** The first and the latest object read, in reading order. */
  let firstRead: string | null = null;
  let lastRead: string | null = null;
  while (more && found.length < o.limit && scanned < o.budget) {
    const page = await o.read(backwards ? { before: cursor } : { after: cursor }, Math.min(size, o.budget - scanned));
    more = page.has_more && page.data.length > 0;
    // A backward page holds the objects just newer than the cursor, newest first: walk it from its end.
    const ordered = backwards ? [...page.data].reverse() : page.data;
    for (let i = 0; i < ordered.length; i++) {
      scanned++;
      lastRead = o.idOf(ordered[i]);
      firstRead ??= lastRead;
      if (o.matches(ordered[i])) found.push(ordered[i]);
      if (found.length === o.limit) {
        more ||= i < ordered.length - 1;
        break;
      }
    }
    cursor = lastRead ?? cursor;
  }
  if (backwards) {
    // Back at the newest with less than a page: the previous page is simply the first page.
    if (!more && found.length < o.limit) return scan({ ...o, before: undefined, after: undefined });
    return { items: found.reverse(), scanned, next: firstRead ?? o.before ?? null, prev: more ? lastRead : null, partial: more && found.length < o.limit };
  }
  return { items: found, scanned, next: more ? lastRead : null, prev: o.after !== undefined ? firstRead : null, partial: more && found.length < o.limit };
}

/** Stripe's cursor parameters for reading one page of a list. */
export interface ListCursor {
  limit: number;
  starting_after?: string;
  ending_before?: string;
}

export type FilteredPage<T> = ScanResult<T> & { budget: number; filtered: boolean };

/**
 * One page of a Stripe list under the dashboard's filters. Unfiltered, it is one Stripe page of
 * `limit`; with filters Stripe cannot apply, it reads up to `budget` objects, 100 at a time.
 */
export async function scanFilteredList<T extends { id: string }>(
  list: (cursor: ListCursor) => Promise<Page<T>>,
  o: { matches: (item: T) => boolean; filtered: boolean; budget: number; limit: number; after?: string; before?: string },
): Promise<FilteredPage<T>> {
  const budget = o.filtered ? o.budget : o.limit;
  const result = await scan<T>({
    read: async ({ after, before }, limit) => {
      const page = await list({ limit, ...(after ? { starting_after: after } : {}), ...(before ? { ending_before: before } : {}) });
      return { data: page.data, has_more: page.has_more };
    },
    matches: o.matches,
    idOf: (item) => item.id,
    limit: o.limit,
    after: o.after,
    before: o.before,
    budget,
    pageSize: o.filtered ? 100 : o.limit,
  });
  return { ...result, budget, filtered: o.filtered };
}

/** Every item of `items` that matches, reading at most `max` (for CSV exports). */
export async function collectMatching<T>(items: AsyncIterable<T>, matches: (item: T) => boolean, max: number): Promise<{ items: T[]; complete: boolean }> {
  const out: T[] = [];
  let read = 0;
  for await (const item of items) {
    if (++read > max) return { items: out, complete: false };
    if (matches(item)) out.push(item);
  }
  return { items: out, complete: true };
}
