// Subscription schedules' routes: create, list (with Stripe's filters), retrieve, update, cancel
// and release, on the platform or a connected account (`Stripe-Account`). The rules are
// billing/schedules.ts; what happens over time is billing/engine.ts.
import { invalidRequest } from '../core/errors';
import { matchesCreated } from '../core/list';
import { bool, expand, EXPAND_ONLY, hash, listParams, parseParams, rangeFilter, str } from '../core/params';
import type { Route } from '../core/router';
import { cancelSchedule, createSchedule, createScheduleParams, releaseSchedule, requireSchedule, updateSchedule, updateScheduleParams } from '../billing/schedules';
import { billing, ownedNewestFirst, requireOwned } from '../billing/store';
import { expandObject, listResponse, registerExpandable, registerResolver } from './shared';

registerExpandable('subscription_schedule', ['application', 'customer', 'subscription', 'test_clock']);

const listScheduleParams = hash({
  ...listParams,
  customer: str().optional(),
  scheduled: bool().optional(),
  canceled_at: rangeFilter().optional(),
  completed_at: rangeFilter().optional(),
  released_at: rangeFilter().optional(),
  created: rangeFilter().optional(),
});

registerResolver('sub', (ctx, id) => {
  const b = billing(ctx.world);
  if (id.startsWith('sub_sched_')) return requireOwned(ctx, b.schedules, 'subscription schedule', id, 'expand');
  return requireOwned(ctx, b.subscriptions, 'subscription', id, 'expand');
});
registerResolver('clock', (ctx, id) => {
  const clock = ctx.world.testClocks.get(id);
  if (!clock) throw invalidRequest(`No such test_clock: '${id}'`, { param: 'expand', code: 'resource_missing' }, 404);
  return clock;
});

const cancelScheduleParams = hash({ invoice_now: bool().optional(), prorate: bool().optional(), expand: expand() });
const releaseScheduleParams = hash({ preserve_cancel_date: bool().optional(), expand: expand() });

export const subscriptionScheduleRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/subscription_schedules',
    params: createScheduleParams,
    object: 'subscription_schedule',
    connect: true,
    handler: (ctx) => {
      const p = parseParams(createScheduleParams, ctx.params);
      return expandObject(ctx, createSchedule(ctx, p), p.expand);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/subscription_schedules',
    params: listScheduleParams,
    connect: true,
    handler: (ctx) => {
      const p = parseParams(listScheduleParams, ctx.params);
      const items = ownedNewestFirst(
        ctx,
        billing(ctx.world).schedules,
        (s) =>
          (p.customer === undefined || s.customer === p.customer) &&
          (p.scheduled === undefined || (s.status === 'not_started') === p.scheduled) &&
          (p.canceled_at === undefined || (s.canceled_at !== null && matchesCreated(s.canceled_at, p.canceled_at))) &&
          (p.completed_at === undefined || (s.completed_at !== null && matchesCreated(s.completed_at, p.completed_at))) &&
          (p.released_at === undefined || (s.released_at !== null && matchesCreated(s.released_at, p.released_at))),
      );
      return listResponse(ctx, items, p, '/v1/subscription_schedules');
    },
  },
  {
    method: 'GET',
    pattern: '/v1/subscription_schedules/:schedule',
    params: EXPAND_ONLY,
    connect: true,
    handler: (ctx, { schedule }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, requireSchedule(ctx, schedule), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/subscription_schedules/:schedule',
    params: updateScheduleParams,
    object: 'subscription_schedule',
    connect: true,
    handler: (ctx, { schedule }) => {
      const p = parseParams(updateScheduleParams, ctx.params);
      return expandObject(ctx, updateSchedule(ctx, schedule, p), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/subscription_schedules/:schedule/cancel',
    object: 'subscription_schedule',
    connect: true,
    params: cancelScheduleParams,
    handler: (ctx, { schedule }) => {
      const p = parseParams(cancelScheduleParams, ctx.params);
      return expandObject(ctx, cancelSchedule(ctx, schedule, p), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/subscription_schedules/:schedule/release',
    object: 'subscription_schedule',
    connect: true,
    params: releaseScheduleParams,
    handler: (ctx, { schedule }) => {
      const p = parseParams(releaseScheduleParams, ctx.params);
      return expandObject(ctx, releaseSchedule(ctx, schedule, p), p.expand);
    },
  },
];
