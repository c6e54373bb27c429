// Billing state the World has no table for, kept beside it (one per World, so per mode, and reset
// with it): customers, products, prices, subscription schedules, subscriptions, invoices and usage
// records, and whose each object is (the platform's, or a connected account's when it was made with
// `Stripe-Account`). Tables are the World's kind (core/world.ts), so the events recorder sees every
// write. Facts Stripe keeps but does not show (a subscription's billing periods, an item's usage)
// live here too, beside the objects.
import type Stripe from 'stripe';
import { noSuch } from '../core/errors';
import { Table, type World } from '../core/world';
import type { Ctx } from '../core/router';

/** Who an object belongs to: 'platform', or the connected account it was made on. */
export const PLATFORM_OWNER = 'platform';
export const ownerOfCtx = (ctx: Ctx): string => ctx.stripeAccount ?? PLATFORM_OWNER;

/** One usage record as reported (its `set`s already applied). */
export interface Usage {
  id: string;
  timestamp: number;
  quantity: number;
}

/** A billing period of a subscription item: what its usage summary covers, and the invoice that billed it. */
export interface ItemPeriod {
  start: number;
  end: number;
  invoice: string | null;
}

export interface BillingState {
  customers: Table<Stripe.Customer>;
  products: Table<Stripe.Product>;
  prices: Table<Stripe.Price>;
  schedules: Table<Stripe.SubscriptionSchedule>;
  subscriptions: Table<Stripe.Subscription>;
  invoices: Table<Stripe.Invoice>;
  /** Object id -> owner ('platform' or acct_...). */
  owners: Map<string, string>;
  /** Subscription item id -> its subscription. */
  itemSubscription: Map<string, string>;
  /** Subscription item id -> usage records, in the order reported. */
  usage: Map<string, Usage[]>;
  /** Subscription item id -> its billing periods, oldest first (the last one is the current). */
  itemPeriods: Map<string, ItemPeriod[]>;
  /** Invoice id -> the charge that paid it. */
  invoiceCharge: Map<string, string>;
}

const states = new WeakMap<World, BillingState>();

export function billing(world: World): BillingState {
  let s = states.get(world);
  if (!s) {
    s = {
      customers: new Table<Stripe.Customer>(world, 'customer'),
      products: new Table<Stripe.Product>(world, 'product'),
      prices: new Table<Stripe.Price>(world, 'price'),
      schedules: new Table<Stripe.SubscriptionSchedule>(world, 'subscription_schedule'),
      subscriptions: new Table<Stripe.Subscription>(world, 'subscription'),
      invoices: new Table<Stripe.Invoice>(world, 'invoice'),
      owners: new Map(),
      itemSubscription: new Map(),
      usage: new Map(),
      itemPeriods: new Map(),
      invoiceCharge: new Map(),
    };
    states.set(world, s);
  }
  return s;
}

/** The owner of a billing object as events see it: null for the platform, else the connected account. */
export function eventOwner(world: World, id: string): string | null {
  const o = billing(world).owners.get(id);
  return o === undefined || o === PLATFORM_OWNER ? null : o;
}

/** An object of `table` that belongs to the request's owner, or Stripe's 404 (`what` names it as Stripe does). */
export function requireOwned<T extends { id: string }>(ctx: Ctx, table: Table<T>, what: string, id: string, param = 'id'): T {
  const obj = table.get(id);
  if (!obj || billing(ctx.world).owners.get(id) !== ownerOfCtx(ctx)) throw noSuch(what, id, param);
  return obj;
}

/** The request owner's objects of `table`, newest first, kept by `filter`. */
export function ownedNewestFirst<T extends { id: string }>(ctx: Ctx, table: Table<T>, filter?: (t: T) => boolean): T[] {
  const owners = billing(ctx.world).owners;
  const owner = ownerOfCtx(ctx);
  return table.newestFirst((t) => owners.get(t.id) === owner && (!filter || filter(t)));
}

export const idOf = (v: string | { id: string } | null | undefined): string | null => (v == null ? null : typeof v === 'string' ? v : v.id);
