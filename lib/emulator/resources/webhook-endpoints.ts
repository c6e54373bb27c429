// Webhook endpoints (`/v1/webhook_endpoints`): create, retrieve, update, list and delete the URLs
// the emulator POSTs events to (webhooks/dispatcher.ts sends them). The platform's own, per mode:
// no Stripe-Account header. The `whsec_…` signing secret is answered by create only.
//
// Unlike Stripe, which wants a publicly reachable https URL, any http or https URL is taken,
// loopback addresses included: the receivers are local.
import type Stripe from 'stripe';
import { z } from 'zod';
import { invalidRequest, noSuch } from '../core/errors';
import { makeId } from '../core/ids';
import { bool, EXPAND_ONLY, expand, hash, listParams, mergeMetadata, metadata, NO_PARAMS, parseParams, str, unsettableStr } from '../core/params';
import { isValidVersion } from '../core/versions';
import type { Ctx, Route } from '../core/router';
import { isEventType } from '../events/catalog';
import { newEndpointSecret } from '../webhooks/signature';
import { endpointsOf, MAX_ENDPOINTS } from '../webhooks/store';
import { expandObject, listResponse } from './shared';

/** `enabled_events`: `*` or event types Stripe knows (events/catalog.ts), each named by its index when it is not. */
const enabledEvents = () =>
  z
    .array(str({ max: 5000 }))
    .max(500)
    .superRefine((types, ctx) => {
      types.forEach((t, i) => {
        if (t !== '*' && !isEventType(t)) {
          ctx.addIssue({ code: 'custom', path: [i], message: `Invalid enabled_events[${i}]: '${t}' is not an event type. See https://docs.stripe.com/api/events/types for the list.` });
        }
      });
    });

const url = () =>
  str({ max: 5000 }).superRefine((u, ctx) => {
    let parsed: URL | null = null;
    try {
      parsed = new URL(u);
    } catch {
      // reported below
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      ctx.addIssue({ code: 'custom', message: `Invalid URL: ${u}. A webhook endpoint's URL must be an http or https URL.` });
    }
  });

const createParams = hash({
  url: url(),
  enabled_events: enabledEvents(),
  api_version: str()
    .refine(isValidVersion, { message: 'Invalid api_version: must be a Stripe API version such as 2024-06-20 or 2026-10-28.endive.' })
    .optional(),
  connect: bool().optional(),
  description: unsettableStr({ max: 5000 }).optional(),
  metadata: metadata().optional(),
  expand: expand(),
});

const updateParams = hash({
  url: url().optional(),
  enabled_events: enabledEvents().optional(),
  disabled: bool().optional(),
  description: unsettableStr({ max: 5000 }).optional(),
  metadata: metadata().optional(),
  expand: expand(),
});

const listEndpointParams = hash(listParams);

function requireEndpoint(ctx: Ctx, id: string): Stripe.WebhookEndpoint {
  const endpoint = endpointsOf(ctx.world).table.get(id);
  if (!endpoint) throw noSuch('webhook_endpoint', id, 'id');
  return endpoint;
}

export const webhookEndpointRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/webhook_endpoints',
    params: createParams,
    object: 'webhook_endpoint',
    handler: (ctx) => {
      const p = parseParams(createParams, ctx.params);
      const store = endpointsOf(ctx.world);
      if (store.table.size >= MAX_ENDPOINTS) {
        throw invalidRequest(`You have reached the maximum of ${MAX_ENDPOINTS} webhook endpoints on this account. Delete one before adding another.`, { param: 'url' });
      }
      const endpoint: Stripe.WebhookEndpoint = {
        id: makeId('we'),
        object: 'webhook_endpoint',
        api_version: p.api_version ?? null,
        application: null,
        created: ctx.now(),
        description: p.description ?? null,
        enabled_events: p.enabled_events,
        livemode: ctx.mode === 'live',
        metadata: mergeMetadata({}, p.metadata),
        status: 'enabled',
        url: p.url,
      };
      const secret = newEndpointSecret();
      store.table.insert(endpoint);
      store.facts.set(endpoint.id, { secret, connect: p.connect ?? false });
      // The secret is shown once, here.
      return expandObject(ctx, { ...endpoint, secret }, p.expand);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/webhook_endpoints',
    params: listEndpointParams,
    handler: (ctx) => {
      const p = parseParams(listEndpointParams, ctx.params);
      return listResponse(ctx, endpointsOf(ctx.world).table.newestFirst(), p, '/v1/webhook_endpoints');
    },
  },
  {
    method: 'GET',
    pattern: '/v1/webhook_endpoints/:id',
    params: EXPAND_ONLY,
    handler: (ctx, { id }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, requireEndpoint(ctx, id), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/webhook_endpoints/:id',
    params: updateParams,
    object: 'webhook_endpoint',
    handler: (ctx, { id }) => {
      const p = parseParams(updateParams, ctx.params);
      const current = requireEndpoint(ctx, id);
      const store = endpointsOf(ctx.world);
      const next: Stripe.WebhookEndpoint = {
        ...current,
        ...(p.url !== undefined ? { url: p.url } : {}),
        ...(p.enabled_events !== undefined ? { enabled_events: p.enabled_events } : {}),
        ...(p.description !== undefined ? { description: p.description } : {}),
        ...(p.disabled !== undefined ? { status: p.disabled ? 'disabled' : 'enabled' } : {}),
        metadata: mergeMetadata(current.metadata, p.metadata),
      };
      store.table.put(next);
      if (current.status === 'enabled' && next.status === 'disabled') store.stopped(id);
      return expandObject(ctx, next, p.expand);
    },
  },
  {
    method: 'DELETE',
    pattern: '/v1/webhook_endpoints/:id',
    params: NO_PARAMS,
    handler: (ctx, { id }) => {
      parseParams(NO_PARAMS, ctx.params);
      requireEndpoint(ctx, id);
      const store = endpointsOf(ctx.world);
      store.table.delete(id);
      store.facts.delete(id);
      store.stopped(id);
      const deleted: Stripe.DeletedWebhookEndpoint = { id, object: 'webhook_endpoint', deleted: true };
      return deleted;
    },
  },
];
