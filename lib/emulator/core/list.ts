// Stripe's list envelope and cursor pagination: newest first, `limit` 1..100 (10 by default),
// `starting_after` / `ending_before` by id, and `created` filters.
import { invalidRequest } from './errors';

export interface Listable {
  id: string;
  created?: number;
}

export interface ListParams {
  limit?: number;
  starting_after?: string;
  ending_before?: string;
  created?: number | { gt?: number; gte?: number; lt?: number; lte?: number };
}

export interface ListEnvelope<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

export function matchesCreated(created: number | undefined, filter: ListParams['created']): boolean {
  if (filter === undefined) return true;
  if (created === undefined) return false;
  if (typeof filter === 'number') return created === filter;
  if (filter.gt !== undefined && !(created > filter.gt)) return false;
  if (filter.gte !== undefined && !(created >= filter.gte)) return false;
  if (filter.lt !== undefined && !(created < filter.lt)) return false;
  if (filter.lte !== undefined && !(created <= filter.lte)) return false;
  return true;
}

/**
 * Items newest first, read by position: a Table's cached order (`Table.ordered()`), so a page of a
 * large table costs the page, not the table.
 */
export interface OrderedView<T> {
  readonly length: number;
  /** The item at position `i` (0 is the newest). */
  at(i: number): T;
  /** The position of the item with this id, or -1. */
  indexOf(id: string): number;
  /** The positions [from, to) of the items a `created` filter keeps (one run, the order being by created), or null if the view cannot say. */
  createdRange(filter: NonNullable<ListParams['created']>): [number, number] | null;
}

/** The positions a page may be drawn from: [from, to) of `at`, after the `created` filter. */
interface Window<T> {
  at(i: number): T;
  indexOf(id: string): number;
  from: number;
  to: number;
}

function arrayWindow<T extends Listable>(items: readonly T[], created: ListParams['created']): Window<T> {
  const kept = created === undefined ? items : items.filter((i) => matchesCreated(i.created, created));
  return { at: (i) => kept[i], indexOf: (id) => kept.findIndex((i) => i.id === id), from: 0, to: kept.length };
}

function windowOf<T extends Listable>(items: readonly T[] | OrderedView<T>, created: ListParams['created']): Window<T> {
  if (!('createdRange' in items)) return arrayWindow(items, created);
  const range = created === undefined ? [0, items.length] : items.createdRange(created);
  if (!range) return arrayWindow(Array.from({ length: items.length }, (_, i) => items.at(i)), created);
  return { at: (i) => items.at(i), indexOf: (id) => items.indexOf(id), from: range[0], to: range[1] };
}

/**
 * Pages through `items`, which the caller gives newest first (created descending, then most
 * recently made first): an array, or a Table's ordered view. Returns the page and whether more lie
 * beyond it in the direction read.
 */
export function paginate<T extends Listable>(items: readonly T[] | OrderedView<T>, params: ListParams, url: string): ListEnvelope<T> {
  if (params.starting_after !== undefined && params.ending_before !== undefined) {
    throw invalidRequest('You may only specify one of these parameters: ending_before, starting_after.', { param: 'ending_before' });
  }
  const limit = params.limit ?? 10;
  const w = windowOf(items, params.created);
  const page = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => w.at(from + i));
  // A cursor must be among the items the filter keeps.
  const cursor = (param: 'starting_after' | 'ending_before', id: string) => {
    const at = w.indexOf(id);
    if (at < w.from || at >= w.to) throw cursorMissing(param, id);
    return at;
  };
  if (params.starting_after !== undefined) {
    const start = cursor('starting_after', params.starting_after) + 1;
    return { object: 'list', data: page(start, Math.min(start + limit, w.to)), has_more: start + limit < w.to, url };
  }
  if (params.ending_before !== undefined) {
    const end = cursor('ending_before', params.ending_before);
    const start = Math.max(w.from, end - limit);
    return { object: 'list', data: page(start, end), has_more: start > w.from, url };
  }
  return { object: 'list', data: page(w.from, Math.min(w.from + limit, w.to)), has_more: w.from + limit < w.to, url };
}

function cursorMissing(param: string, id: string) {
  return invalidRequest(`No such object: '${id}'`, { param, code: 'resource_missing' }, 400);
}

/** Newest first: created descending, ties broken by the order the objects were made (later first). */
export function newestFirst<T extends { created?: number }>(items: Iterable<T>, seqOf: (t: T) => number): T[] {
  return [...items].sort((a, b) => (b.created ?? 0) - (a.created ?? 0) || seqOf(b) - seqOf(a));
}
