// What every resource handler needs: finding the account a path names, answering lists and
// expansions the way Stripe does.
import type Stripe from 'stripe';
import { noSuch, paramError } from '../core/errors';
import { applyExpand } from '../core/expand';
import { paginate, type ListParams, type OrderedView } from '../core/list';
import type { Ctx } from '../core/router';
import type { AccountFacts } from '../core/world';

/** The connected account a path names, or Stripe's 404. */
export function requireAccount(ctx: Ctx, id: string, param = 'account'): { account: Stripe.Account; facts: AccountFacts } {
  const account = ctx.world.accounts.get(id);
  const facts = ctx.world.accountFacts.get(id);
  if (!account || !facts) throw noSuch('account', id, param);
  return { account, facts };
}

/** Fields that hold an id Stripe lets `expand[]` replace, per object type. */
const EXPANDABLE: Record<string, readonly string[]> = {
  capability: ['account'],
  bank_account: ['account', 'customer'],
  card: ['account', 'customer'],
  person: [],
  account: [],
  login_link: [],
  account_link: [],
  country_spec: [],
};

export function registerExpandable(objectType: string, fields: readonly string[]): void {
  EXPANDABLE[objectType] = fields;
}

/**
 * Refuses an `expand[]` the answer could not honour before anything changes: Stripe checks a
 * request before acting on it, so a bad expansion must not leave a reversal or refund behind.
 */
export function checkExpandable(objectType: string, raw: unknown): void {
  const paths = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw.filter((p): p is string => typeof p === 'string') : [];
  for (const path of paths) {
    const parts = path.split('.');
    if (parts.length > 4) throw paramError(`You cannot expand more than 4 levels of a property. Property: ${path}`, 'expand');
    if (!(EXPANDABLE[objectType] ?? []).includes(parts[0])) throw paramError(`This property cannot be expanded (${path}).`, 'expand');
  }
}

/** Resolves any id the emulator knows, for expansion. */
export type IdResolver = (ctx: Ctx, id: string) => unknown;
const resolvers: { prefix: string; resolve: IdResolver }[] = [];

export function registerResolver(prefix: string, resolve: IdResolver): void {
  resolvers.push({ prefix, resolve });
}

export function expandObject<T>(ctx: Ctx, obj: T, paths: readonly string[] | undefined): T {
  return applyExpand(
    obj,
    paths,
    (id) => {
      const r = resolvers.find((x) => id.startsWith(`${x.prefix}_`));
      if (!r) throw noSuch('object', id, 'expand');
      return r.resolve(ctx, id);
    },
    (type, field) => (EXPANDABLE[type] ?? []).includes(field),
  ) as T;
}

/**
 * A Stripe list over `items` (already newest first: an array, or a Table's `ordered()` view), each
 * item of the page rendered (only the page's: a large table is not rendered whole), then expanded as asked.
 */
export function listResponse<T extends { id: string; created?: number }, R = T>(
  ctx: Ctx,
  items: readonly T[] | OrderedView<T>,
  params: ListParams & { expand?: string[] },
  url: string,
  render?: (item: T) => R,
) {
  const page = paginate(items, params, url);
  return expandObject(ctx, render ? { ...page, data: page.data.map(render) } : page, params.expand);
}
