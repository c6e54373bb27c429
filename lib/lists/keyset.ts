// Keyset pages over index rows (the index lists, the risk queue): a cursor is the sort value and
// id of a page's edge row, in base64url JSON; a cursor that does not decode is no cursor (a shared
// link never breaks). A list reads one row more than its page from past the cursor, in the reading
// direction, and keysetPage makes the page and its neighbours' cursors. Also a nullable number
// column read, and the status tabs' counts of a list (a raw query's rows: lib/db/rows.ts). Server-side (Buffer).
import { and, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/open';
import { rowsOf } from '@/lib/db/rows';

export type Cursor = [value: number, id: string];

export const encodeCursor = (value: number, id: string): string => Buffer.from(JSON.stringify([value, id])).toString('base64url');

export function decodeCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null;
  try {
    const parsed = z.tuple([z.number(), z.string()]).safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** How a keyset page reads: from the cursor (`after`, else `before`), forward or backward, and so ascending or descending in SQL. */
export interface KeysetRead {
  cursor: Cursor | null;
  /** Reading the page before the cursor (`before` without `after`). */
  backward: boolean;
  /** Rows come after the cursor in ascending (sort value, id) order. */
  greater: boolean;
  /** The SQL order that reads them so. */
  direction: SQL;
}

export function keysetRead(q: { after?: string; before?: string; order: 'asc' | 'desc' }): KeysetRead {
  const backward = !q.after && Boolean(q.before);
  const greater = (q.order === 'asc') === !backward;
  return { cursor: decodeCursor(q.after ?? q.before), backward, greater, direction: sql.raw(greater ? 'asc' : 'desc') };
}

/** The rows past the cursor in the reading direction, compared as (sort value, id); `cast` types the cursor's value where the sort column needs it. None without a cursor. */
export function pastCursor(read: KeysetRead, expr: SQL, id: SQL, cast?: SQL): SQL | undefined {
  if (!read.cursor) return undefined;
  const value = cast ? sql`${read.cursor[0]}::${cast}` : sql`${read.cursor[0]}`;
  return read.greater ? sql`(${expr}, ${id}) > (${value}, ${read.cursor[1]})` : sql`(${expr}, ${id}) < (${value}, ${read.cursor[1]})`;
}

/** The page from the rows read (one more than `limit`, to know whether more follow), in the list's order, with the cursors of the pages before and after it. */
export function keysetPage<R>(rows: R[], limit: number, read: KeysetRead, edgeOf: (row: R) => Cursor): { rows: R[]; next: string | null; prev: string | null } {
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (read.backward) page.reverse();
  const edge = (row: R | undefined) => (row ? encodeCursor(...edgeOf(row)) : null);
  return {
    rows: page,
    next: page.length > 0 && (read.backward || more) ? edge(page[page.length - 1]) : null,
    prev: page.length > 0 && (read.backward ? more : Boolean(read.cursor)) ? edge(page[0]) : null,
  };
}

/**
 * One keyset page of an index list of connected accounts' objects (the Billing and Payouts lists):
 * index_objects rows `o` under the list's filters (`where`) and status tab, with their account's
 * name (`account_name`), sorted by `expr` (the cursor's value typed `cast`) then id.
 */
export async function pageOfIndexObjects<Row extends { id: string; sort_value: unknown }>(
  db: Db,
  q: { tab: string; order: 'asc' | 'desc'; limit: number; after?: string; before?: string },
  { columns, expr, cast, where }: { columns: SQL; expr: SQL; cast: SQL; where: SQL[] },
): Promise<{ rows: Row[]; next: string | null; prev: string | null }> {
  const read = keysetRead(q);
  const conditions = [...where];
  if (q.tab !== 'all') conditions.push(sql`o.status = ${q.tab}`);
  const past = pastCursor(read, expr, sql`o.id`, cast);
  if (past) conditions.push(past);
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select ${columns}, a.business_name as account_name, ${expr} as sort_value
      from index_objects o
      left join index_accounts a on a.id = o.account
      where ${and(...conditions)}
      order by ${expr} ${read.direction}, o.id ${read.direction}
      limit ${q.limit + 1}`),
  );
  return keysetPage(rows, q.limit, read, (row) => [Number(row.sort_value), row.id]);
}


/** A nullable numeric column as a number or null. */
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * How many rows each status tab holds, from the rows' count per status: one count per status the
 * tabs name, `all` for every row (statuses no tab names count only there), and a tab that gathers
 * several statuses (the risk queue's Waiting) counts those `gathers` says.
 */
export function tallyByStatus<Tab extends string>(rows: Array<{ status: string; count: unknown }>, tabs: readonly Tab[], gathers: Partial<Record<Tab, (status: string) => boolean>> = {}): Record<Tab, number> {
  const counts = Object.fromEntries(tabs.map((tab) => [tab, 0])) as Record<Tab, number>;
  const all = 'all' as Tab;
  const gathering = Object.entries(gathers) as Array<[Tab, (status: string) => boolean]>;
  for (const row of rows) {
    const n = Number(row.count);
    if ((tabs as readonly string[]).includes(row.status) && row.status !== 'all') counts[row.status as Tab] += n;
    for (const [tab, holds] of gathering) if (holds(row.status)) counts[tab] += n;
    counts[all] += n;
  }
  return counts;
}

/** How many index rows each status tab holds under a list's other filters (see tallyByStatus). */
export async function countByStatus<Tab extends string>(db: Db, where: SQL | undefined, tabs: readonly Tab[]): Promise<Record<Tab, number>> {
  return tallyByStatus(rowsOf<{ status: string; count: unknown }>(await db.execute(sql`select o.status, count(*)::int as count from index_objects o where ${where} group by 1`)), tabs);
}
