// Test clocks (test helpers): create, retrieve, list, delete and advance. Test mode only: with a
// live key the routes do not exist, as on Stripe.
//
// Advancing answers `advancing` (frozen_time unchanged, the target in status_details); at the
// clock's next tick its customers' schedules, subscriptions, invoices and charges are moved to the
// target (billing/engine.ts), and then the clock is `ready` there. A clock deletes itself once `deletes_after` (seven days after creation) passes.
import type Stripe from 'stripe';
import { invalidRequest, noSuch, paramError, unrecognizedUrl } from '../core/errors';
import { cryptoRandom, makeId, type RandomSource } from '../core/ids';
import { expand, EXPAND_ONLY, hash, int, LIST_ONLY, NO_PARAMS, parseParams, str } from '../core/params';
import type { Ctx, Route } from '../core/router';
import type { World } from '../core/world';
import { expandObject, listResponse, registerExpandable } from './shared';

/** How long a clock lives: Stripe's clocks carry `deletes_after` seven days after creation. */
export const TEST_CLOCK_LIFETIME = 7 * 86400;

/** Who made each clock: 'platform' or a connected account (Stripe-Account). */
const owners = new WeakMap<World, Map<string, string>>();
const ownersOf = (world: World) => {
  let m = owners.get(world);
  if (!m) owners.set(world, (m = new Map()));
  return m;
};
const ownerOf = (ctx: Ctx) => ctx.stripeAccount ?? 'platform';

function testModeOnly(ctx: Ctx): void {
  if (ctx.mode !== 'test') throw unrecognizedUrl(ctx.method, ctx.path);
}

/** Who made a clock: null for the platform, else the connected account (for its events). */
export function clockOwner(world: World, id: string): string | null {
  const owner = ownersOf(world).get(id);
  return owner === undefined || owner === 'platform' ? null : owner;
}

/** What billing does with a clock (billing/engine.ts registers it): move its objects, and how far it may go at once. */
export interface ClockBilling {
  /** Moves every object on the clock to `target` (period by period, each billed). */
  advance(world: World, clock: string, target: number): void;
  /** The latest frozen_time the clock may advance to from `from` while it has subscriptions, or null when it has none. */
  limit(world: World, clock: string, from: number): number | null;
}
let clockBilling: ClockBilling | null = null;
export function setClockBilling(b: ClockBilling): void {
  clockBilling = b;
}

/** Finishes advances (the clock's objects are moved first, then it is `ready`) and removes clocks past `deletes_after`. */
export function tick(world: World, now: number): void {
  for (const c of world.testClocks.values()) {
    if (c.deletes_after <= now) {
      world.testClocks.delete(c.id);
      ownersOf(world).delete(c.id);
    } else if (c.status === 'advancing' && c.status_details.advancing) {
      const target = c.status_details.advancing.target_frozen_time;
      clockBilling?.advance(world, c.id, target);
      world.testClocks.put({ ...c, frozen_time: target, status: 'ready', status_details: {} });
    }
  }
}

/**
 * Refuses an `expand[]` path before a request changes anything: one whose first step is not among
 * `expandable` (or that is too deep) would fail only after the change was made.
 */
registerExpandable('test_helpers.test_clock', []);

function requireClock(ctx: Ctx, id: string): Stripe.TestHelpers.TestClock {
  tick(ctx.world, ctx.now());
  const clock = ctx.world.testClocks.get(id);
  if (!clock || ownersOf(ctx.world).get(id) !== ownerOf(ctx)) throw noSuch('test_clock', id);
  return clock;
}

const createParams = hash({
  frozen_time: int(),
  name: str({ max: 300 }).optional(),
  customer: str({ max: 5000 }).optional(),
  expand: expand(),
});

/** Creates a test clock through the same rules as POST /v1/test_helpers/test_clocks. */
export function createTestClock(
  ctx: Ctx,
  p: { frozen_time: number; name?: string; customer?: string },
  opts: { random?: RandomSource } = {},
): Stripe.TestHelpers.TestClock {
  testModeOnly(ctx);
  if (p.customer !== undefined) {
    // A customer joins a clock when the customer is created (POST /v1/customers with test_clock), not here.
    throw invalidRequest(`No such customer: '${p.customer}'`, { param: 'customer', code: 'resource_missing' }, 400);
  }
  const now = ctx.now();
  const clock: Stripe.TestHelpers.TestClock = {
    id: makeId('clock', opts.random ?? cryptoRandom),
    object: 'test_helpers.test_clock',
    created: now,
    deletes_after: now + TEST_CLOCK_LIFETIME,
    frozen_time: p.frozen_time,
    livemode: false,
    name: p.name ?? null,
    status: 'ready',
    status_details: {},
  };
  ctx.world.testClocks.insert(clock);
  ownersOf(ctx.world).set(clock.id, ownerOf(ctx));
  return clock;
}

/** The latest time a clock without subscriptions may be advanced to: two years after its frozen time. */
function twoYearsAfter(ts: number): number {
  const d = new Date(ts * 1000);
  d.setUTCFullYear(d.getUTCFullYear() + 2);
  return Math.floor(d.getTime() / 1000);
}

function advanceClock(ctx: Ctx, id: string, target: number): Stripe.TestHelpers.TestClock {
  const clock = requireClock(ctx, id);
  if (clock.status === 'internal_failure') {
    throw invalidRequest(`The test clock ${id} failed to advance and cannot be advanced again; delete it and create another.`);
  }
  if (target <= clock.frozen_time) {
    throw paramError(
      `The frozen_time (${target}) must be after the test clock's current frozen_time (${clock.frozen_time}): a test clock only moves forward.`,
      'frozen_time',
    );
  }
  const billed = clockBilling?.limit(ctx.world, id, clock.frozen_time) ?? null;
  if (billed !== null && target > billed) {
    throw paramError(
      `The frozen_time (${target}) is too far in the future: a test clock with subscriptions can advance at most two intervals of its shortest subscription interval at a time (up to ${billed}).`,
      'frozen_time',
    );
  }
  const limit = twoYearsAfter(clock.frozen_time);
  if (target > limit) {
    throw paramError(
      `The frozen_time (${target}) is too far in the future: a test clock without subscriptions can advance at most two years past its current frozen_time (up to ${limit}).`,
      'frozen_time',
    );
  }
  const next: Stripe.TestHelpers.TestClock = { ...clock, status: 'advancing', status_details: { advancing: { target_frozen_time: target } } };
  ctx.world.testClocks.put(next);
  return next;
}

const advanceParams = hash({ frozen_time: int(), expand: expand() });

export const testClockRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/test_helpers/test_clocks',
    params: createParams,
    object: 'test_helpers.test_clock',
    connect: true,
    handler: (ctx) => {
      testModeOnly(ctx);
      const p = parseParams(createParams, ctx.params);
      tick(ctx.world, ctx.now());
      return expandObject(ctx, createTestClock(ctx, p), p.expand);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/test_helpers/test_clocks',
    connect: true,
    params: LIST_ONLY,
    handler: (ctx) => {
      testModeOnly(ctx);
      const p = parseParams(LIST_ONLY, ctx.params);
      tick(ctx.world, ctx.now());
      const owner = ownerOf(ctx);
      const items = ctx.world.testClocks.newestFirst((c) => ownersOf(ctx.world).get(c.id) === owner);
      return listResponse(ctx, items, p, '/v1/test_helpers/test_clocks');
    },
  },
  {
    method: 'GET',
    pattern: '/v1/test_helpers/test_clocks/:test_clock',
    params: EXPAND_ONLY,
    connect: true,
    handler: (ctx, { test_clock }) => {
      testModeOnly(ctx);
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, requireClock(ctx, test_clock), p.expand);
    },
  },
  {
    method: 'DELETE',
    pattern: '/v1/test_helpers/test_clocks/:test_clock',
    params: NO_PARAMS,
    connect: true,
    handler: (ctx, { test_clock }): Stripe.TestHelpers.DeletedTestClock => {
      testModeOnly(ctx);
      parseParams(NO_PARAMS, ctx.params);
      const clock = requireClock(ctx, test_clock);
      ctx.world.testClocks.delete(clock.id);
      ownersOf(ctx.world).delete(clock.id);
      return { id: clock.id, object: 'test_helpers.test_clock', deleted: true };
    },
  },
  {
    method: 'POST',
    pattern: '/v1/test_helpers/test_clocks/:test_clock/advance',
    object: 'test_helpers.test_clock',
    connect: true,
    params: advanceParams,
    handler: (ctx, { test_clock }) => {
      testModeOnly(ctx);
      const p = parseParams(advanceParams, ctx.params);
      return expandObject(ctx, advanceClock(ctx, test_clock, p.frozen_time), p.expand);
    },
  },
];
