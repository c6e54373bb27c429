// Events (`/v1/events`): list and retrieve what the recorder made (events/recorder.ts), rendered
// at the reading request's API version. Only the last 30 days are kept, as on Stripe. With the
// Stripe-Account header the list holds that connected account's events; without it, the
// platform's own.
import { z } from 'zod';
import { noSuch, paramError } from '../core/errors';
import { paginate } from '../core/list';
import { bool, expand, EXPAND_ONLY, hash, listParams, parseParams, rangeFilter, str } from '../core/params';
import type { Ctx, Route } from '../core/router';
import { EVENT_RETENTION } from '../events/recorder';
import { renderEvent, type EventRecord } from '../events/store';
import { expandObject } from './shared';

const listEventParams = hash({
  ...listParams,
  created: rangeFilter().optional(),
  type: str().optional(),
  types: z.array(str()).max(20).optional(),
  delivery_success: bool().optional(),
  expand: expand(),
});

/** `account.*` and `*` style patterns, as Stripe's `type` filter takes them. */
function typeMatcher(pattern: string): (type: string) => boolean {
  if (!pattern.includes('*')) return (t) => t === pattern;
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return (t) => re.test(t);
}

const visible = (ctx: Ctx, e: EventRecord) => e.account === ctx.stripeAccount && e.created >= ctx.now() - EVENT_RETENTION;

export const eventRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/events',
    params: listEventParams,
    connect: true,
    handler: (ctx) => {
      const p = parseParams(listEventParams, ctx.params);
      if (p.type !== undefined && p.types !== undefined) throw paramError('You may only specify one of these parameters: type, types.', 'types');
      const matchers = p.types ? p.types.map(typeMatcher) : p.type !== undefined ? [typeMatcher(p.type)] : null;
      const delivered = (e: EventRecord) => e.pending_webhooks === 0 && e.failed_webhooks === 0;
      const items = ctx.world.events.newestFirst(
        (e) => visible(ctx, e) && (!matchers || matchers.some((m) => m(e.type))) && (p.delivery_success === undefined || delivered(e) === p.delivery_success),
      );
      const page = paginate(items, p, '/v1/events');
      const list = { ...page, data: page.data.map((e) => renderEvent(e, ctx.apiVersion, ctx.mode === 'live')) };
      return expandObject(ctx, list, p.expand);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/events/:id',
    connect: true,
    params: EXPAND_ONLY,
    handler: (ctx, { id }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      const e = ctx.world.events.get(id);
      if (!e || !visible(ctx, e)) throw noSuch('event', id, 'id');
      return expandObject(ctx, renderEvent(e, ctx.apiVersion, ctx.mode === 'live'), p.expand);
    },
  },
];
