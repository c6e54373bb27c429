import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, keysetPage, keysetRead, pastCursor, tallyByStatus, type Cursor } from './keyset';

/** Rows 1..n, each its own sort value; read as a list would: past the cursor in the reading direction, one more than the page. */
function readRows(n: number, q: { after?: string; before?: string; order: 'asc' | 'desc' }, limit: number) {
  const read = keysetRead(q);
  const all = Array.from({ length: n }, (_, i) => ({ id: `r${String(i + 1).padStart(3, '0')}`, value: i + 1 }));
  const ordered = read.greater ? all : [...all].reverse();
  const past = read.cursor ? ordered.filter((r) => (read.greater ? r.value > read.cursor![0] : r.value < read.cursor![0])) : ordered;
  return keysetPage(past.slice(0, limit + 1), limit, read, (r): Cursor => [r.value, r.id]);
}

describe('keyset pages', () => {
  it('a cursor decodes to what was encoded; anything else is no cursor', () => {
    expect(decodeCursor(encodeCursor(42, 'acct_1'))).toEqual([42, 'acct_1']);
    expect(decodeCursor('not-a-cursor')).toBeNull();
    expect(decodeCursor(Buffer.from('["x",1]').toString('base64url'))).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
  });

  it('reads forward after a cursor and backward before one, ascending or descending', () => {
    const c = encodeCursor(5, 'r005');
    expect(keysetRead({ order: 'desc' })).toMatchObject({ cursor: null, backward: false, greater: false });
    expect(keysetRead({ order: 'asc', after: c })).toMatchObject({ cursor: [5, 'r005'], backward: false, greater: true });
    expect(keysetRead({ order: 'desc', before: c })).toMatchObject({ backward: true, greater: true });
    // `after` wins over `before`.
    expect(keysetRead({ order: 'asc', after: c, before: encodeCursor(1, 'r001') })).toMatchObject({ cursor: [5, 'r005'], backward: false });
  });

  it('the condition past the cursor compares (sort value, id), with the cast the sort column needs', () => {
    const dialect = new PgDialect();
    expect(pastCursor(keysetRead({ order: 'desc' }), sql`o.created`, sql`o.id`)).toBeUndefined();
    const after = pastCursor(keysetRead({ order: 'desc', after: encodeCursor(7, 'po_1') }), sql`o.created`, sql`o.id`, sql`bigint`)!;
    expect(dialect.sqlToQuery(after)).toMatchObject({ sql: '(o.created, o.id) < ($1::bigint, $2)', params: [7, 'po_1'] });
    const before = pastCursor(keysetRead({ order: 'desc', before: encodeCursor(7, 'acct_1') }), sql`r.score`, sql`r.account_id`)!;
    expect(dialect.sqlToQuery(before)).toMatchObject({ sql: '(r.score, r.account_id) > ($1, $2)', params: [7, 'acct_1'] });
  });

  it('pages forward to the end and back again, each page in the list order with its neighbours', () => {
    for (const order of ['asc', 'desc'] as const) {
      const seen: string[] = [];
      const pages: Array<ReturnType<typeof readRows>> = [];
      let after: string | undefined;
      for (;;) {
        const page = readRows(23, { order, after }, 10);
        pages.push(page);
        seen.push(...page.rows.map((r) => r.id));
        if (!page.next) break;
        after = page.next;
      }
      expect(pages.map((p) => p.rows.length)).toEqual([10, 10, 3]);
      expect(seen).toEqual(order === 'asc' ? [...seen].sort() : [...seen].sort().reverse());
      expect(pages[0]!.prev).toBeNull();
      // Back from the last page gives the one before it, with a way further back and forward.
      const back = readRows(23, { order, before: pages[2]!.prev! }, 10);
      expect(back.rows).toEqual(pages[1]!.rows);
      expect([Boolean(back.prev), Boolean(back.next)]).toEqual([true, true]);
      // Back to the start: nothing before it.
      expect(readRows(23, { order, before: back.prev! }, 10)).toMatchObject({ rows: pages[0]!.rows, prev: null });
    }
    expect(readRows(0, { order: 'desc' }, 10)).toEqual({ rows: [], next: null, prev: null });
  });
});

describe('tallyByStatus', () => {
  const rows = [
    { status: 'open', count: 2 },
    { status: 'in_progress', count: '3' },
    { status: 'decided', count: 4 },
    { status: 'unknown', count: 1 },
  ];

  it('counts each tab its status, all of them under All, a status no tab names only there', () => {
    expect(tallyByStatus(rows, ['all', 'open', 'decided'] as const)).toEqual({ all: 10, open: 2, decided: 4 });
  });

  it('a tab that gathers statuses counts each of them', () => {
    expect(tallyByStatus(rows, ['waiting', 'open', 'in_progress', 'decided', 'all'] as const, { waiting: (s) => s !== 'decided' })).toEqual({
      waiting: 6,
      open: 2,
      in_progress: 3,
      decided: 4,
      all: 10,
    });
  });
});
