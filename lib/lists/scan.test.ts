import { describe, expect, it } from 'vitest';
import { scan, type Page, type PageReader } from './scan';

/** A list of ids 100 (newest) down to 1, read like Stripe reads it. */
function stripeLike(n: number): { read: PageReader<number>; calls: number[] } {
  const all = Array.from({ length: n }, (_, i) => n - i);
  const calls: number[] = [];
  const read: PageReader<number> = async ({ after, before }, limit) => {
    calls.push(limit);
    let page: number[];
    if (after !== undefined) {
      const i = all.indexOf(Number(after));
      page = all.slice(i + 1, i + 1 + limit);
      return { data: page, has_more: i + 1 + limit < all.length } satisfies Page<number>;
    }
    if (before !== undefined) {
      const i = all.indexOf(Number(before));
      page = all.slice(Math.max(0, i - limit), i);
      return { data: page, has_more: i - limit > 0 };
    }
    return { data: all.slice(0, limit), has_more: limit < all.length };
  };
  return { read, calls };
}

const base = { idOf: (x: number) => String(x), budget: 1000, pageSize: 10 };
const even = (x: number) => x % 2 === 0;

describe('scan', () => {
  it('fills a page of matches from several pages, and gives cursors both ways', async () => {
    const { read } = stripeLike(100);
    const first = await scan({ ...base, read, matches: even, limit: 5 });
    expect(first).toEqual({ items: [100, 98, 96, 94, 92], scanned: 9, next: '92', prev: null, partial: false });
    const second = await scan({ ...base, read, matches: even, limit: 5, after: first.next! });
    expect(second.items).toEqual([90, 88, 86, 84, 82]);
    expect(second.prev).toBe('91');
    const back = await scan({ ...base, read, matches: even, limit: 5, before: second.prev! });
    expect(back.items).toEqual(first.items);
  });

  it('goes back a page from deep in the list', async () => {
    const { read } = stripeLike(100);
    const page3 = await scan({ ...base, read, matches: even, limit: 5, after: '82' });
    expect(page3.items).toEqual([80, 78, 76, 74, 72]);
    const back = await scan({ ...base, read, matches: even, limit: 5, before: page3.prev! });
    expect(back.items).toEqual([90, 88, 86, 84, 82]);
    expect(back.prev).not.toBeNull();
    expect(back.next).toBe('82');
  });

  it('stops at the budget and says it looked only so far', async () => {
    const { read, calls } = stripeLike(100);
    const r = await scan({ ...base, read, matches: (x) => x === 3, limit: 5, budget: 25 });
    expect(r).toMatchObject({ items: [], scanned: 25, partial: true, next: '76' });
    expect(calls).toEqual([10, 10, 5]);
  });

  it('ends at the end of the list', async () => {
    const { read } = stripeLike(12);
    const r = await scan({ ...base, read, matches: () => true, limit: 20 });
    expect(r).toMatchObject({ scanned: 12, next: null, partial: false });
    expect(r.items).toHaveLength(12);
  });

  it('finds nothing in an empty list', async () => {
    const { read } = stripeLike(0);
    expect(await scan({ ...base, read, matches: () => true, limit: 5 })).toEqual({ items: [], scanned: 0, next: null, prev: null, partial: false });
  });
});
