// Products and prices: what subscriptions are made of. Create, retrieve, update and list, on the
// platform or on a connected account (`Stripe-Account`: each account has its own).
//
// Prices are one-time or recurring; recurring ones are `licensed` (billed in advance for their
// quantity) or `metered` (billed in arrears for the usage reported with usage records). Metered
// prices without a billing meter are Stripe's legacy usage-based billing, removed in
// 2025-03-31.basil: from that version on, a metered price needs `recurring[meter]`, and the
// emulator keeps no billing meters, so none can be made (see VERSION.legacyUsageBilling).
import type Stripe from 'stripe';
import { z } from 'zod';
import { invalidRequest } from '../core/errors';
import { cryptoRandom, makeId, type RandomSource } from '../core/ids';
import { bool, expand, EXPAND_ONLY, hash, int, listParams, mergeMetadata, metadata, oneOf, parseParams, rangeFilter, str, unsettableStr } from '../core/params';
import type { Ctx, Route } from '../core/router';
import { atLeast, VERSION } from '../core/versions';
import { checkMaximum, parseCurrency } from '../money/currencies';
import { billing, idOf, ownedNewestFirst, ownerOfCtx, requireOwned } from '../billing/store';
import { expandObject, listResponse, registerExpandable, registerResolver } from './shared';

registerExpandable('product', ['default_price']);
registerExpandable('price', ['product']);
registerResolver('prod', (ctx, id) => requireOwned(ctx, billing(ctx.world).products, 'product', id, 'expand'));
registerResolver('price', (ctx, id) => requireOwned(ctx, billing(ctx.world).prices, 'price', id, 'expand'));

const productFields = {
  active: bool().optional(),
  description: unsettableStr({ max: 40000 }).optional(),
  images: z.union([z.literal('').transform(() => [] as string[]), z.array(str({ max: 2048 }))]).optional(),
  metadata: metadata().optional(),
  name: str({ max: 5000 }).optional(),
  statement_descriptor: unsettableStr({ max: 22 }).optional(),
  unit_label: unsettableStr({ max: 12 }).optional(),
  url: unsettableStr({ max: 5000 }).optional(),
  expand: expand(),
};
export const createProductParams = hash({ ...productFields, name: str({ max: 5000 }), id: str({ max: 5000 }).optional(), shippable: bool().optional() });
const updateProductParams = hash({ ...productFields, default_price: str({ max: 5000 }).optional(), shippable: bool().optional() });
const listProductParams = hash({ ...listParams, active: bool().optional(), created: rangeFilter().optional(), ids: z.array(str()).optional(), shippable: bool().optional(), url: str().optional() });

export type CreateProductParams = z.output<typeof createProductParams>;

export function createProduct(ctx: Ctx, p: CreateProductParams, opts: { random?: RandomSource } = {}): Stripe.Product {
  const b = billing(ctx.world);
  const id = p.id ?? makeId('prod', opts.random ?? cryptoRandom).slice(0, 19);
  if (b.products.has(id)) throw invalidRequest(`Product already exists.`, { param: 'id', code: 'resource_already_exists' });
  const now = ctx.now();
  const product: Stripe.Product = {
    id,
    object: 'product',
    active: p.active ?? true,
    created: now,
    default_price: null,
    description: p.description ?? null,
    images: p.images ?? [],
    livemode: ctx.mode === 'live',
    marketing_features: [],
    metadata: mergeMetadata({}, p.metadata),
    name: p.name,
    package_dimensions: null,
    shippable: p.shippable ?? null,
    statement_descriptor: p.statement_descriptor ?? null,
    tax_code: null,
    tax_details: null,
    type: 'service',
    unit_label: p.unit_label ?? null,
    updated: now,
    url: p.url ?? null,
  };
  b.owners.set(id, ownerOfCtx(ctx));
  return b.products.insert(product);
}

const recurring = hash({
  interval: oneOf(['day', 'week', 'month', 'year']),
  interval_count: int({ min: 1 }).optional(),
  usage_type: oneOf(['licensed', 'metered']).optional(),
  meter: str().optional(),
  trial_period_days: int({ min: 0 }).optional(),
});
const priceFields = {
  active: bool().optional(),
  lookup_key: unsettableStr({ max: 200 }).optional(),
  metadata: metadata().optional(),
  nickname: unsettableStr({ max: 5000 }).optional(),
  tax_behavior: oneOf(['exclusive', 'inclusive', 'unspecified']).optional(),
  expand: expand(),
};
export const createPriceParams = hash({
  ...priceFields,
  currency: str(),
  unit_amount: int({ min: 0 }),
  product: str({ max: 5000 }).optional(),
  product_data: hash({ name: str({ max: 5000 }), active: bool().optional(), metadata: metadata().optional(), statement_descriptor: str({ max: 22 }).optional(), unit_label: str({ max: 12 }).optional() }).optional(),
  recurring: recurring.optional(),
  billing_scheme: oneOf(['per_unit']).optional(),
});
const updatePriceParams = hash(priceFields);
const listPriceParams = hash({
  ...listParams,
  active: bool().optional(),
  created: rangeFilter().optional(),
  currency: str().optional(),
  lookup_keys: z.array(str()).optional(),
  product: str().optional(),
  recurring: hash({ interval: oneOf(['day', 'week', 'month', 'year']).optional(), meter: str().optional(), usage_type: oneOf(['licensed', 'metered']).optional() }).optional(),
  type: oneOf(['one_time', 'recurring']).optional(),
});

export type CreatePriceParams = z.output<typeof createPriceParams>;

/** A metered price without a meter: Stripe's legacy usage-based billing (usage records). */
export function isLegacyMetered(price: Stripe.Price): boolean {
  return price.recurring?.usage_type === 'metered' && !price.recurring.meter;
}

/** Creates a price through the same rules as POST /v1/prices (the demo seeder uses this too). */
export function createPrice(ctx: Ctx, p: CreatePriceParams, opts: { random?: RandomSource } = {}): Stripe.Price {
  const random = opts.random ?? cryptoRandom;
  const b = billing(ctx.world);
  const currency = parseCurrency(p.currency);
  checkMaximum(p.unit_amount, currency, 'unit_amount');
  if ((p.product === undefined) === (p.product_data === undefined)) {
    throw invalidRequest('You must specify exactly one of product or product_data.', { param: p.product === undefined ? 'product' : 'product_data' });
  }
  if (p.product !== undefined && (!b.products.has(p.product) || b.owners.get(p.product) !== ownerOfCtx(ctx))) {
    throw invalidRequest(`No such product: '${p.product}'`, { param: 'product', code: 'resource_missing' });
  }
  const r = p.recurring;
  if (r?.meter !== undefined) {
    // The emulator keeps no billing meters (Billing Meters API), so none can be named.
    throw invalidRequest(`No such billing meter: '${r.meter}'`, { param: 'recurring[meter]', code: 'resource_missing' });
  }
  if (r?.usage_type === 'metered' && atLeast(ctx.apiVersion, VERSION.legacyUsageBilling)) {
    throw invalidRequest(
      'Legacy usage-based billing was removed in API version 2025-03-31.basil: a price with `recurring[usage_type]=metered` must name a billing meter in `recurring[meter]`.',
      { param: 'recurring[meter]' },
    );
  }
  const product = p.product ?? createProduct(ctx, { ...p.product_data!, expand: undefined }, { random }).id;
  const price: Stripe.Price = {
    id: makeId('price', random),
    object: 'price',
    active: p.active ?? true,
    billing_scheme: 'per_unit',
    created: ctx.now(),
    currency,
    custom_unit_amount: null,
    livemode: ctx.mode === 'live',
    lookup_key: p.lookup_key ?? null,
    metadata: mergeMetadata({}, p.metadata),
    nickname: p.nickname ?? null,
    product,
    recurring: r
      ? { interval: r.interval, interval_count: r.interval_count ?? 1, meter: null, trial_period_days: r.trial_period_days ?? null, usage_type: r.usage_type ?? 'licensed' }
      : null,
    tax_behavior: p.tax_behavior ?? 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: r ? 'recurring' : 'one_time',
    unit_amount: p.unit_amount,
    unit_amount_decimal: String(p.unit_amount) as unknown as Stripe.Price['unit_amount_decimal'],
  };
  b.owners.set(price.id, ownerOfCtx(ctx));
  b.prices.insert(price);
  const prod = b.products.get(product)!;
  if (prod.default_price === null || prod.default_price === undefined) b.products.put({ ...prod, default_price: price.id });
  return price;
}

export const priceRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/products',
    params: createProductParams,
    object: 'product',
    connect: true,
    handler: (ctx) => {
      const p = parseParams(createProductParams, ctx.params);
      return expandObject(ctx, createProduct(ctx, p), p.expand);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/products',
    params: listProductParams,
    connect: true,
    handler: (ctx) => {
      const p = parseParams(listProductParams, ctx.params);
      const items = ownedNewestFirst(
        ctx,
        billing(ctx.world).products,
        (x) => (p.active === undefined || x.active === p.active) && (p.ids === undefined || p.ids.includes(x.id)) && (p.shippable === undefined || x.shippable === p.shippable) && (p.url === undefined || x.url === p.url),
      );
      return listResponse(ctx, items, p, '/v1/products');
    },
  },
  {
    method: 'GET',
    pattern: '/v1/products/:product',
    params: EXPAND_ONLY,
    connect: true,
    handler: (ctx, { product }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, requireOwned(ctx, billing(ctx.world).products, 'product', product), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/products/:product',
    params: updateProductParams,
    object: 'product',
    connect: true,
    handler: (ctx, { product }) => {
      const p = parseParams(updateProductParams, ctx.params);
      const b = billing(ctx.world);
      const x = requireOwned(ctx, b.products, 'product', product);
      if (p.default_price !== undefined) {
        const price = b.prices.get(p.default_price);
        if (!price || b.owners.get(price.id) !== ownerOfCtx(ctx) || idOf(price.product) !== x.id) {
          throw invalidRequest(`No such price: '${p.default_price}'`, { param: 'default_price', code: 'resource_missing' });
        }
      }
      const next: Stripe.Product = {
        ...x,
        active: p.active ?? x.active,
        default_price: p.default_price ?? x.default_price,
        description: p.description === undefined ? x.description : p.description,
        images: p.images ?? x.images,
        metadata: mergeMetadata(x.metadata, p.metadata),
        name: p.name ?? x.name,
        shippable: p.shippable ?? x.shippable,
        statement_descriptor: p.statement_descriptor === undefined ? x.statement_descriptor : p.statement_descriptor,
        unit_label: p.unit_label === undefined ? x.unit_label : p.unit_label,
        url: p.url === undefined ? x.url : p.url,
        updated: ctx.now(),
      };
      b.products.put(next);
      return expandObject(ctx, next, p.expand);
    },
  },
  // Prices
  {
    method: 'POST',
    pattern: '/v1/prices',
    params: createPriceParams,
    object: 'price',
    connect: true,
    handler: (ctx) => {
      const p = parseParams(createPriceParams, ctx.params);
      return expandObject(ctx, createPrice(ctx, p), p.expand);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/prices',
    params: listPriceParams,
    connect: true,
    handler: (ctx) => {
      const p = parseParams(listPriceParams, ctx.params);
      const r = p.recurring;
      const items = ownedNewestFirst(
        ctx,
        billing(ctx.world).prices,
        (x) =>
          (p.active === undefined || x.active === p.active) &&
          (p.currency === undefined || x.currency === p.currency.toLowerCase()) &&
          (p.product === undefined || idOf(x.product) === p.product) &&
          (p.type === undefined || x.type === p.type) &&
          (p.lookup_keys === undefined || (x.lookup_key !== null && p.lookup_keys.includes(x.lookup_key))) &&
          (r === undefined ||
            (x.recurring !== null &&
              (r.interval === undefined || x.recurring.interval === r.interval) &&
              (r.usage_type === undefined || x.recurring.usage_type === r.usage_type) &&
              (r.meter === undefined || x.recurring.meter === r.meter))),
      );
      return listResponse(ctx, items, p, '/v1/prices');
    },
  },
  {
    method: 'GET',
    pattern: '/v1/prices/:price',
    params: EXPAND_ONLY,
    connect: true,
    handler: (ctx, { price }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, requireOwned(ctx, billing(ctx.world).prices, 'price', price), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/prices/:price',
    params: updatePriceParams,
    object: 'price',
    connect: true,
    handler: (ctx, { price }) => {
      const p = parseParams(updatePriceParams, ctx.params);
      const b = billing(ctx.world);
      const x = requireOwned(ctx, b.prices, 'price', price);
      const next: Stripe.Price = {
        ...x,
        active: p.active ?? x.active,
        lookup_key: p.lookup_key === undefined ? x.lookup_key : p.lookup_key,
        metadata: mergeMetadata(x.metadata, p.metadata),
        nickname: p.nickname === undefined ? x.nickname : p.nickname,
        tax_behavior: p.tax_behavior ?? x.tax_behavior,
      };
      b.prices.put(next);
      return expandObject(ctx, next, p.expand);
    },
  },
];

/** A price of the request's owner named by a parameter, or Stripe's 400 naming it. */
export function requirePriceParam(ctx: Ctx, id: string, param: string): Stripe.Price {
  const price = billing(ctx.world).prices.get(id);
  if (!price || billing(ctx.world).owners.get(id) !== ownerOfCtx(ctx)) throw invalidRequest(`No such price: '${id}'`, { param, code: 'resource_missing' });
  return price;
}
