// Unit tests for Stripe's list envelope: cursors both ways, has_more, created filters, cursor errors.
import { describe, expect, it } from 'vitest';
import { StripeApiError } from './errors';
import { matchesCreated, newestFirst, paginate, type ListParams } from './list';

/** 25 items, newest first: it_24 (created 1024) down to it_0 (created 1000). */
const ITEMS = Array.from({ length: 25 }, (_, i) => ({ id: `it_${24 - i}`, created: 1024 - i }));
const ids = (page: { data: { id: string }[] }) => page.data.map((d) => d.id);
const range = (from: number, to: number) => {
  const out: string[] = [];
  for (let i = from; from >= to ? i >= to : i <= to; from >= to ? i-- : i++) out.push(`it_${i}`);
  return out;
};

function apiError(fn: () => unknown): StripeApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StripeApiError) return e;
    throw e;
  }
  throw new Error('expected a StripeApiError');
}

describe('paginate', () => {
  it('answers the list envelope with the url given', () => {
    const page = paginate(ITEMS, {}, '/v1/things');
    expect(page.object).toBe('list');
    expect(page.url).toBe('/v1/things');
  });

  it('gives the first 10 by default and says more exist', () => {
    const page = paginate(ITEMS, {}, '/v1/things');
    expect(ids(page)).toEqual(range(24, 15));
    expect(page.has_more).toBe(true);
  });

  it('honours limit, and has_more is false when the page reaches the end exactly', () => {
    expect(ids(paginate(ITEMS, { limit: 3 }, '/'))).toEqual(['it_24', 'it_23', 'it_22']);
    expect(paginate(ITEMS, { limit: 25 }, '/').has_more).toBe(false);
    expect(paginate(ITEMS, { limit: 24 }, '/').has_more).toBe(true);
    expect(paginate(ITEMS, { limit: 100 }, '/').data).toHaveLength(25);
  });

  it('walks forward with starting_after: the items after the cursor, older ones', () => {
    const page = paginate(ITEMS, { limit: 5, starting_after: 'it_20' }, '/');
    expect(ids(page)).toEqual(range(19, 15));
    expect(page.has_more).toBe(true);
    const last = paginate(ITEMS, { limit: 5, starting_after: 'it_5' }, '/');
    expect(ids(last)).toEqual(range(4, 0));
    expect(last.has_more).toBe(false);
    const beyond = paginate(ITEMS, { starting_after: 'it_0' }, '/');
    expect(beyond.data).toEqual([]);
    expect(beyond.has_more).toBe(false);
  });

  it('walks backward with ending_before: the newer items just before the cursor, still newest first', () => {
    const page = paginate(ITEMS, { limit: 3, ending_before: 'it_10' }, '/');
    expect(ids(page)).toEqual(['it_13', 'it_12', 'it_11']);
    expect(page.has_more).toBe(true);
    const first = paginate(ITEMS, { limit: 5, ending_before: 'it_20' }, '/');
    expect(ids(first)).toEqual(range(24, 21));
    expect(first.has_more).toBe(false);
    expect(paginate(ITEMS, { ending_before: 'it_24' }, '/')).toMatchObject({ data: [], has_more: false });
  });

  it('visits every item exactly once paging forward, and again paging backward', () => {
    for (const limit of [1, 3, 7, 10, 25, 100]) {
      const forward: string[] = [];
      let params: ListParams = { limit };
      for (;;) {
        const page = paginate(ITEMS, params, '/');
        forward.push(...ids(page));
        if (!page.has_more) break;
        params = { limit, starting_after: page.data[page.data.length - 1].id };
      }
      expect(forward).toEqual(ITEMS.map((i) => i.id));

      const backward: string[] = [];
      params = { limit, ending_before: 'it_0' };
      for (;;) {
        const page = paginate(ITEMS, params, '/');
        backward.unshift(...ids(page));
        if (!page.has_more) break;
        params = { limit, ending_before: page.data[0].id };
      }
      expect(backward).toEqual(ITEMS.slice(0, 24).map((i) => i.id));
    }
  });

  it('filters by created with gt, gte, lt, lte and an exact value', () => {
    expect(ids(paginate(ITEMS, { created: { gt: 1020 } }, '/'))).toEqual(range(24, 21));
    expect(ids(paginate(ITEMS, { created: { gte: 1020 } }, '/'))).toEqual(range(24, 20));
    expect(ids(paginate(ITEMS, { created: { lt: 1003 }, limit: 100 }, '/'))).toEqual(range(2, 0));
    expect(ids(paginate(ITEMS, { created: { lte: 1003 }, limit: 100 }, '/'))).toEqual(range(3, 0));
    expect(ids(paginate(ITEMS, { created: { gt: 1005, lt: 1009 } }, '/'))).toEqual(range(8, 6));
    expect(ids(paginate(ITEMS, { created: 1012 }, '/'))).toEqual(['it_12']);
    expect(paginate(ITEMS, { created: { gt: 2000 } }, '/')).toMatchObject({ data: [], has_more: false });
  });

  it('computes has_more within the created filter, and pages inside it', () => {
    const first = paginate(ITEMS, { created: { gte: 1010, lte: 1015 }, limit: 4 }, '/');
    expect(ids(first)).toEqual(range(15, 12));
    expect(first.has_more).toBe(true);
    const second = paginate(ITEMS, { created: { gte: 1010, lte: 1015 }, limit: 4, starting_after: 'it_12' }, '/');
    expect(ids(second)).toEqual(['it_11', 'it_10']);
    expect(second.has_more).toBe(false);
  });

  it('refuses both cursors at once', () => {
    const e = apiError(() => paginate(ITEMS, { starting_after: 'it_3', ending_before: 'it_9' }, '/'));
    expect(e.status).toBe(400);
    expect(e.body.type).toBe('invalid_request_error');
    expect(e.body.message).toMatch(/ending_before.*starting_after|starting_after.*ending_before/);
  });

  it('refuses a cursor that names no object, as a 400 naming the cursor', () => {
    for (const param of ['starting_after', 'ending_before'] as const) {
      const e = apiError(() => paginate(ITEMS, { [param]: 'it_missing' }, '/'));
      expect(e.status).toBe(400);
      expect(e.body).toMatchObject({ type: 'invalid_request_error', code: 'resource_missing', param });
      expect(e.body.message).toContain('it_missing');
    }
  });

  it('does not change the items it is given', () => {
    const copy = structuredClone(ITEMS);
    paginate(ITEMS, { limit: 2, starting_after: 'it_10', created: { lt: 1020 } }, '/');
    expect(ITEMS).toEqual(copy);
  });
});

describe('matchesCreated', () => {
  it('applies every bound given', () => {
    expect(matchesCreated(10, undefined)).toBe(true);
    expect(matchesCreated(10, 10)).toBe(true);
    expect(matchesCreated(10, 11)).toBe(false);
    expect(matchesCreated(10, { gt: 10 })).toBe(false);
    expect(matchesCreated(10, { gte: 10 })).toBe(true);
    expect(matchesCreated(10, { lt: 10 })).toBe(false);
    expect(matchesCreated(10, { lte: 10 })).toBe(true);
    expect(matchesCreated(10, { gt: 5, lt: 15 })).toBe(true);
    expect(matchesCreated(10, { gt: 5, lt: 9 })).toBe(false);
  });

  it('drops objects without a created time when a filter is given', () => {
    expect(matchesCreated(undefined, { gte: 0 })).toBe(false);
  });
});

describe('newestFirst', () => {
  it('sorts by created descending, ties by the latest made first', () => {
    const made = [
      { id: 'a', created: 100, seq: 1 },
      { id: 'b', created: 200, seq: 2 },
      { id: 'c', created: 100, seq: 3 },
      { id: 'd', created: 150, seq: 4 },
    ];
    expect(newestFirst(made, (x) => x.seq).map((x) => x.id)).toEqual(['b', 'd', 'c', 'a']);
  });
});
