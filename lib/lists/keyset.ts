// Keyset pages over index rows: a cursor is the sort value and id of a page's edge row, in
// base64url JSON; a cursor that does not decode is no cursor (a shared link never breaks). Also a
// nullable number column read, and the status tabs' counts of an index list.
// Server-side (Buffer).
import { sql, type SQL } from 'drizzle-orm';
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

/** A nullable numeric column as a number or null. */
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * How many index rows each status tab holds under a list's other filters: one count per status
 * the tabs name, and `all` for every row (statuses no tab names count only there).
 */
export async function countByStatus<Tab extends string>(db: Db, where: SQL | undefined, tabs: readonly Tab[]): Promise<Record<Tab, number>> {
  const rows = rowsOf<{ status: string; count: unknown }>(await db.execute(sql`select o.status, count(*)::int as count from index_objects o where ${where} group by 1`));
  const counts = Object.fromEntries(tabs.map((tab) => [tab, 0])) as Record<Tab, number>;
  const all = 'all' as Tab;
  for (const row of rows) {
    const n = Number(row.count);
    if ((tabs as readonly string[]).includes(row.status) && row.status !== 'all') counts[row.status as Tab] += n;
    counts[all] += n;
  }
  return counts;
}
