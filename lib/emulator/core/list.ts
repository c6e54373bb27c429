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
 * Pages through `items`, which the caller gives newest first (created descending, then most
 * recently made first). Returns the page and whether more lie beyond it in the direction read.
 */
export function paginate<T extends Listable>(items: readonly T[], params: ListParams, url: string): ListEnvelope<T> {
  if (params.starting_after !== undefined && params.ending_before !== undefined) {
    throw invalidRequest('You may only specify one of these parameters: ending_before, starting_after.', { param: 'ending_before' });
  }
  const limit = params.limit ?? 10;
  const filtered = params.created === undefined ? items : items.filter((i) => matchesCreated(i.created, params.created));
  if (params.starting_after !== undefined) {
    const at = filtered.findIndex((i) => i.id === params.starting_after);
    if (at === -1) throw cursorMissing('starting_after', params.starting_after);
    const rest = filtered.slice(at + 1);
    return { object: 'list', data: rest.slice(0, limit), has_more: rest.length > limit, url };
  }
  if (params.ending_before !== undefined) {
    const at = filtered.findIndex((i) => i.id === params.ending_before);
    if (at === -1) throw cursorMissing('ending_before', params.ending_before);
    const before = filtered.slice(0, at);
    const start = Math.max(0, before.length - limit);
    return { object: 'list', data: before.slice(start), has_more: start > 0, url };
  }
  return { object: 'list', data: filtered.slice(0, limit), has_more: filtered.length > limit, url };
}

function cursorMissing(param: string, id: string) {
  return invalidRequest(`No such object: '${id}'`, { param, code: 'resource_missing' }, 400);
}

/** Newest first: created descending, ties broken by the order the objects were made (later first). */
export function newestFirst<T extends { created?: number }>(items: Iterable<T>, seqOf: (t: T) => number): T[] {
  return [...items].sort((a, b) => (b.created ?? 0) - (a.created ?? 0) || seqOf(b) - seqOf(a));
}
