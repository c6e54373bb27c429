// Customers, on the platform or on a connected account (`Stripe-Account`: each account has its
// own): create, retrieve, update, list. A customer may join a test clock when it is made
// (`test_clock`, test mode, the same owner's clock): its subscriptions then follow the clock's time
// (billing/engine.ts), and it is made at the clock's time.
import type Stripe from 'stripe';
import { z } from 'zod';
import { invalidRequest } from '../core/errors';
import { cryptoRandom, makeId, type RandomSource } from '../core/ids';
import { emptyableHash, expand, EXPAND_ONLY, hash, listParams, mergeMetadata, metadata, oneOf, parseParams, rangeFilter, str, unsettableStr } from '../core/params';
import type { Ctx, Route } from '../core/router';
import { billing, ownedNewestFirst, ownerOfCtx, requireOwned } from '../billing/store';
import { clockOwner } from './test-clocks';
import { expandObject, listResponse, registerExpandable, registerResolver } from './shared';

registerExpandable('customer', ['default_source', 'test_clock']);
registerResolver('cus', (ctx, id) => requireOwned(ctx, billing(ctx.world).customers, 'customer', id, 'expand'));

/** Stripe lets at most three customers share a test clock. */
export const CUSTOMERS_PER_CLOCK = 3;

const address = () =>
  emptyableHash({
    city: unsettableStr({ max: 5000 }).optional(),
    country: unsettableStr({ max: 5000 }).optional(),
    line1: unsettableStr({ max: 5000 }).optional(),
    line2: unsettableStr({ max: 5000 }).optional(),
    postal_code: unsettableStr({ max: 5000 }).optional(),
    state: unsettableStr({ max: 5000 }).optional(),
  });

const customerFields = {
  address: address().optional(),
  description: unsettableStr({ max: 5000 }).optional(),
  email: unsettableStr({ max: 512 }).optional(),
  metadata: metadata().optional(),
  name: unsettableStr({ max: 256 }).optional(),
  phone: unsettableStr({ max: 20 }).optional(),
  preferred_locales: z.array(str()).optional(),
  tax_exempt: oneOf(['exempt', 'none', 'reverse']).optional(),
  invoice_prefix: str({ max: 12 }).optional(),
  expand: expand(),
};
export const createCustomerParams = hash({ ...customerFields, test_clock: str({ max: 5000 }).optional() });
const updateCustomerParams = hash(customerFields);
const listCustomerParams = hash({ ...listParams, created: rangeFilter().optional(), email: str({ max: 512 }).optional(), test_clock: str({ max: 5000 }).optional() });

export type CreateCustomerParams = z.output<typeof createCustomerParams>;

function addressOf(a: z.output<ReturnType<typeof address>> | undefined, current: Stripe.Address | null | undefined): Stripe.Address | null {
  if (a === undefined) return current ?? null;
  if (a === null) return null;
  const base: Stripe.Address = current ?? { city: null, country: null, line1: null, line2: null, postal_code: null, state: null };
  const pick = (k: keyof Stripe.Address) => (a[k] === undefined ? base[k] : a[k]);
  return { city: pick('city'), country: pick('country'), line1: pick('line1'), line2: pick('line2'), postal_code: pick('postal_code'), state: pick('state') };
}

/** The test clock a new customer joins: test mode, the request owner's, with room for another customer. */
function checkClock(ctx: Ctx, clockId: string): string {
  const clock = ctx.world.testClocks.get(clockId);
  const owner = ctx.stripeAccount;
  if (ctx.mode !== 'test' || !clock || clockOwner(ctx.world, clockId) !== owner) {
    throw invalidRequest(`No such test_clock: '${clockId}'`, { param: 'test_clock', code: 'resource_missing' });
  }
  const count = billing(ctx.world).customers.values().filter((c) => c.test_clock === clockId).length;
  if (count >= CUSTOMERS_PER_CLOCK) {
    throw invalidRequest(`The test clock ${clockId} already has ${CUSTOMERS_PER_CLOCK} customers, the most a test clock can have.`, { param: 'test_clock' });
  }
  return clockId;
}

/** Creates a customer through the same rules as POST /v1/customers (the demo seeder uses this too). */
export function createCustomer(ctx: Ctx, p: CreateCustomerParams, opts: { random?: RandomSource } = {}): Stripe.Customer {
  const random = opts.random ?? cryptoRandom;
  const clock = p.test_clock === undefined ? null : checkClock(ctx, p.test_clock);
  const id = makeId('cus', random).slice(0, 18);
  const customer: Stripe.Customer = {
    id,
    object: 'customer',
    address: addressOf(p.address, null),
    balance: 0,
    // An object on a test clock is made at the clock's time.
    created: clock === null ? ctx.now() : (ctx.world.testClocks.get(clock)?.frozen_time ?? ctx.now()),
    currency: null,
    default_source: null,
    delinquent: false,
    description: p.description ?? null,
    discount: null,
    email: p.email ?? null,
    invoice_prefix: p.invoice_prefix ?? id.slice(4, 12).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: ctx.mode === 'live',
    metadata: mergeMetadata({}, p.metadata),
    name: p.name ?? null,
    next_invoice_sequence: 1,
    phone: p.phone ?? null,
    preferred_locales: p.preferred_locales ?? [],
    shipping: null,
    tax_exempt: p.tax_exempt ?? 'none',
    test_clock: clock,
    customer_account: null,
  };
  const b = billing(ctx.world);
  b.owners.set(id, ownerOfCtx(ctx));
  return b.customers.insert(customer);
}

export const customerRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/customers',
    params: createCustomerParams,
    object: 'customer',
    connect: true,
    handler: (ctx) => {
      const p = parseParams(createCustomerParams, ctx.params);
      return expandObject(ctx, createCustomer(ctx, p), p.expand);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/customers',
    params: listCustomerParams,
    connect: true,
    handler: (ctx) => {
      const p = parseParams(listCustomerParams, ctx.params);
      const items = ownedNewestFirst(ctx, billing(ctx.world).customers, (c) => (p.email === undefined || c.email === p.email) && (p.test_clock === undefined || c.test_clock === p.test_clock));
      return listResponse(ctx, items, p, '/v1/customers');
    },
  },
  {
    method: 'GET',
    pattern: '/v1/customers/:customer',
    params: EXPAND_ONLY,
    connect: true,
    handler: (ctx, { customer }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, requireOwned(ctx, billing(ctx.world).customers, 'customer', customer), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/customers/:customer',
    params: updateCustomerParams,
    object: 'customer',
    connect: true,
    handler: (ctx, { customer }) => {
      const p = parseParams(updateCustomerParams, ctx.params);
      const c = requireOwned(ctx, billing(ctx.world).customers, 'customer', customer);
      const pick = <K extends keyof Stripe.Customer>(k: K, v: Stripe.Customer[K] | undefined) => (v === undefined ? c[k] : v);
      const next: Stripe.Customer = {
        ...c,
        address: addressOf(p.address, c.address),
        description: pick('description', p.description),
        email: pick('email', p.email),
        metadata: mergeMetadata(c.metadata, p.metadata),
        name: pick('name', p.name),
        phone: pick('phone', p.phone),
        preferred_locales: pick('preferred_locales', p.preferred_locales),
        tax_exempt: pick('tax_exempt', p.tax_exempt),
        invoice_prefix: pick('invoice_prefix', p.invoice_prefix),
      };
      billing(ctx.world).customers.put(next);
      return expandObject(ctx, next, p.expand);
    },
  },
];

/** A customer of the request's owner named by a parameter, or Stripe's 400 naming it. */
export function requireCustomerParam(ctx: Ctx, id: string, param = 'customer'): Stripe.Customer {
  const c = billing(ctx.world).customers.get(id);
  if (!c || billing(ctx.world).owners.get(id) !== ownerOfCtx(ctx)) throw invalidRequest(`No such customer: '${id}'`, { param, code: 'resource_missing' });
  return c;
}
