// Unit tests for Table's cached newest-first order and its cursor lookup: the order follows every
// insert, put and delete (ties by order of making), and paging a Table's ordered view answers
// exactly what paging the sorted array answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StripeApiError } from './errors';
import { paginate, type ListParams } from './list';
import { Table } from './world';

interface Thing {
  id: string;
  created?: number;
  v?: number;
}

function table() {
  let seq = 0;
  return new Table<Thing>({ nextSeq: () => ++seq }, 'thing');
}

const ids = (things: readonly { id: string }[]) => things.map((t) => t.id);
const viewIds = (t: Table<Thing>) => {
  const v = t.ordered();
  return Array.from({ length: v.length }, (_, i) => v.at(i).id);
};

/** The order by definition: created descending, then the latest made first. */
function reference(t: Table<Thing>): string[] {
  return t
    .values()
    .sort((a, b) => (b.created ?? 0) - (a.created ?? 0) || t.seqOf(b.id) - t.seqOf(a.id))
    .map((x) => x.id);
}

describe('Table order', () => {
  it('is newest first by created, ties by the latest made first', () => {
    const t = table();
    for (const [id, created] of [['a', 100], ['b', 200], ['c', 100], ['d', 150], ['e', 200]] as const) t.insert({ id, created });
    expect(ids(t.newestFirst())).toEqual(['e', 'b', 'd', 'c', 'a']);
    expect(viewIds(t)).toEqual(['e', 'b', 'd', 'c', 'a']);
    expect(ids(t.newestFirst((x) => x.created === 100))).toEqual(['c', 'a']);
  });

  it('follows inserts after it was read: a newest object, one a little older, one far in the past, a tie', () => {
    const t = table();
    for (let i = 0; i < 1000; i++) t.insert({ id: `x${i}`, created: 10 * i });
    expect(viewIds(t)[0]).toBe('x999');
    t.insert({ id: 'newest', created: 100_000 });
    t.insert({ id: 'older', created: 9_985 });
    t.insert({ id: 'ancient', created: 5 });
    t.insert({ id: 'tie', created: 10 * 500 });
    expect(viewIds(t)).toEqual(reference(t));
    expect(viewIds(t).slice(0, 3)).toEqual(['newest', 'x999', 'older']);
    expect(viewIds(t).indexOf('tie')).toBe(viewIds(t).indexOf('x500') - 1);
  });

  it('keeps an object’s place when it is put back with the same created, and moves it when created changes', () => {
    const t = table();
    for (const [id, created] of [['a', 1], ['b', 2], ['c', 3]] as const) t.insert({ id, created });
    expect(viewIds(t)).toEqual(['c', 'b', 'a']);
    t.put({ id: 'a', created: 1, v: 2 });
    expect(viewIds(t)).toEqual(['c', 'b', 'a']);
    expect(t.ordered().at(2).v).toBe(2);
    t.put({ id: 'a', created: 5 });
    expect(viewIds(t)).toEqual(['a', 'c', 'b']);
    t.put({ id: 'z', created: 2 });
    expect(viewIds(t)).toEqual(reference(t));
    // insert of an existing id makes it anew: the latest made among its ties
    t.insert({ id: 'b', created: 2 });
    expect(viewIds(t)).toEqual(['a', 'c', 'b', 'z']);
  });

  it('drops deleted objects, and finds every remaining one by id', () => {
    const t = table();
    for (let i = 0; i < 50; i++) t.insert({ id: `x${i}`, created: i % 7 });
    expect(viewIds(t)).toEqual(reference(t));
    for (const id of ['x0', 'x49', 'x25', 'x13']) expect(t.delete(id)).toBe(true);
    expect(t.delete('x13')).toBe(false);
    const view = t.ordered();
    expect(viewIds(t)).toEqual(reference(t));
    expect(view.length).toBe(46);
    for (let i = 0; i < view.length; i++) expect(view.indexOf(view.at(i).id)).toBe(i);
    expect(view.indexOf('x13')).toBe(-1);
    expect(view.indexOf('nope')).toBe(-1);
  });

  it('answers a created filter as one run of positions, or not at all while some object has no created', () => {
    const t = table();
    for (let i = 0; i < 30; i++) t.insert({ id: `x${i}`, created: 1000 + Math.floor(i / 3) });
    const view = t.ordered();
    const run = (f: NonNullable<ListParams['created']>) => {
      const r = view.createdRange(f)!;
      return Array.from({ length: r[1] - r[0] }, (_, i) => view.at(r[0] + i).id);
    };
    const by = (keep: (c: number) => boolean) => reference(t).filter((id) => keep(t.get(id)!.created!));
    expect(run({ gt: 1003 })).toEqual(by((c) => c > 1003));
    expect(run({ gte: 1003, lt: 1006 })).toEqual(by((c) => c >= 1003 && c < 1006));
    expect(run({ lte: 1001 })).toEqual(by((c) => c <= 1001));
    expect(run(1004)).toEqual(by((c) => c === 1004));
    expect(run({ gt: 1005, lt: 1004 })).toEqual([]);
    expect(run({ gt: 2000 })).toEqual([]);
    t.insert({ id: 'undated' });
    expect(t.ordered().createdRange({ gte: 0 })).toBeNull();
    t.delete('undated');
    expect(t.ordered().createdRange({ gte: 0 })).not.toBeNull();
  });

  it('stays the order by definition through any mix of writes and reads (property)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), id: fc.integer({ min: 0, max: 40 }), created: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined, freq: 20 }) }),
      fc.record({ kind: fc.constant('newest' as const), id: fc.integer({ min: 0, max: 40 }) }),
      fc.record({ kind: fc.constant('put' as const), id: fc.integer({ min: 0, max: 40 }), created: fc.integer({ min: 0, max: 400 }), same: fc.boolean() }),
      fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 40 }) }),
      fc.record({ kind: fc.constant('read' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), fc.boolean(), (ops, big) => {
        const t = table();
        // A large table too, so that writes far from the newest end (beyond a cheap splice) happen.
        if (big) for (let i = 0; i < 600; i++) t.insert({ id: `p${i}`, created: (i * 7919) % 400 });
        let top = 400;
        for (const o of ops) {
          if (o.kind === 'insert') t.insert({ id: `x${o.id}`, created: o.created });
          else if (o.kind === 'newest') t.insert({ id: `x${o.id}`, created: ++top });
          else if (o.kind === 'put') t.put({ id: `x${o.id}`, created: o.same ? (t.get(`x${o.id}`)?.created ?? o.created) : o.created });
          else if (o.kind === 'delete') t.delete(`x${o.id}`);
          else expect(viewIds(t)).toEqual(reference(t));
        }
        expect(viewIds(t)).toEqual(reference(t));
        const view = t.ordered();
        for (let i = 0; i < view.length; i++) expect(view.indexOf(view.at(i).id)).toBe(i);
      }),
      { numRuns: 300 },
    );
  });
});

describe('paginate over a Table', () => {
  function apiError(fn: () => unknown): StripeApiError {
    try {
      fn();
    } catch (e) {
      if (e instanceof StripeApiError) return e;
      throw e;
    }
    throw new Error('expected a StripeApiError');
  }

  it('answers every page as paging the sorted array does (property)', () => {
    const t = table();
    for (let i = 0; i < 120; i++) t.insert({ id: `x${i}`, created: 1000 + ((i * 37) % 60) });
    const all = t.newestFirst();
    const created = fc.option(
      fc.oneof(fc.integer({ min: 990, max: 1070 }), fc.record({ gt: fc.integer({ min: 990, max: 1070 }) }), fc.record({ gte: fc.integer({ min: 990, max: 1070 }), lt: fc.integer({ min: 990, max: 1070 }) }), fc.record({ lte: fc.integer({ min: 990, max: 1070 }) })),
      { nil: undefined },
    );
    const cursor = fc.option(fc.tuple(fc.constantFrom('starting_after' as const, 'ending_before' as const), fc.integer({ min: 0, max: 121 })), { nil: undefined });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), created, cursor, (limit, c, cur) => {
        const params: ListParams = { limit, ...(c === undefined ? {} : { created: c }), ...(cur ? { [cur[0]]: `x${cur[1]}` } : {}) };
        const run = (items: Parameters<typeof paginate<Thing>>[0]) => {
          try {
            return paginate(items, params, '/v1/things');
          } catch (e) {
            return e instanceof StripeApiError ? e.body : e;
          }
        };
        expect(run(t.ordered())).toEqual(run(all));
      }),
      { numRuns: 500 },
    );
  });

  it('pages through every object once, in order, both ways', () => {
    const t = table();
    for (let i = 0; i < 1000; i++) t.insert({ id: `x${i}`, created: (i * 7919) % 500 });
    const forward: string[] = [];
    let params: ListParams = { limit: 100 };
    for (;;) {
      const page = paginate(t.ordered(), params, '/');
      forward.push(...ids(page.data));
      if (!page.has_more) break;
      params = { limit: 100, starting_after: page.data[page.data.length - 1].id };
    }
    expect(forward).toEqual(reference(t));
    const last = forward[forward.length - 1];
    const back = paginate(t.ordered(), { limit: 3, ending_before: last }, '/');
    expect(ids(back.data)).toEqual(forward.slice(-4, -1));
    expect(back.has_more).toBe(true);
  });

  it('refuses an unknown cursor, and one the created filter leaves out, as before', () => {
    const t = table();
    for (let i = 0; i < 10; i++) t.insert({ id: `x${i}`, created: 1000 + i });
    expect(apiError(() => paginate(t.ordered(), { starting_after: 'nope' }, '/')).body).toMatchObject({ code: 'resource_missing', param: 'starting_after' });
    expect(apiError(() => paginate(t.ordered(), { ending_before: 'x2', created: { gt: 1005 } }, '/')).body).toMatchObject({ code: 'resource_missing', param: 'ending_before' });
  });
});
