// Capabilities of a connected account: list, retrieve, and request or unrequest one.
import type Stripe from 'stripe';
import { invalidRequest, noSuch } from '../core/errors';
import { bool, expand, EXPAND_ONLY, hash, parseParams } from '../core/params';
import type { Ctx, Route } from '../core/router';
import { CAPABILITY_NAMES } from './account-params';
import { renderCapability } from './requirements';
import { expandObject, requireAccount } from './shared';

function capability(ctx: Ctx, accountId: string, name: string): Stripe.Capability {
  const { account, facts } = requireAccount(ctx, accountId);
  if (!(CAPABILITY_NAMES as readonly string[]).includes(name)) throw noSuch('capability', name, 'capability');
  if (!facts.capabilities.has(name)) {
    // A capability never requested exists for Stripe as `unrequested`.
    facts.capabilities.set(name, { requested: false, requested_at: null, created: ctx.now() });
    const out = renderCapability(ctx.world, account, facts, name, ctx.now(), ctx.apiVersion);
    facts.capabilities.delete(name);
    return out;
  }
  return renderCapability(ctx.world, account, facts, name, ctx.now(), ctx.apiVersion);
}

const updateCapabilityParams = hash({ requested: bool().optional(), expand: expand() });

export const capabilityRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/accounts/:account/capabilities',
    params: EXPAND_ONLY,
    handler: (ctx, { account }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      const { facts } = requireAccount(ctx, account);
      // Stripe lists every capability at once, most recently created first.
      const names = [...facts.capabilities].sort(([, a], [, b]) => b.created - a.created).map(([n]) => n);
      const list = { object: 'list' as const, data: names.map((n) => capability(ctx, account, n)), has_more: false, url: `/v1/accounts/${account}/capabilities` };
      return expandObject(ctx, list, p.expand);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/accounts/:account/capabilities/:capability',
    params: EXPAND_ONLY,
    handler: (ctx, { account, capability: name }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, capability(ctx, account, name), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/accounts/:account/capabilities/:capability',
    object: 'capability',
    params: updateCapabilityParams,
    handler: (ctx, { account: accountId, capability: name }) => {
      const p = parseParams(updateCapabilityParams, ctx.params);
      const { account, facts } = requireAccount(ctx, accountId);
      if (!(CAPABILITY_NAMES as readonly string[]).includes(name)) throw noSuch('capability', name, 'capability');
      if (p.requested === false && account.type === 'standard') {
        throw invalidRequest('Capabilities of Standard accounts are managed by the account holder and cannot be unrequested by the platform.', { param: 'requested' });
      }
      if (p.requested !== undefined) {
        const prior = facts.capabilities.get(name);
        facts.capabilities.set(name, {
          requested: p.requested,
          requested_at: p.requested ? (prior?.requested ? prior.requested_at : ctx.now()) : null,
          created: prior?.created ?? ctx.now(),
        });
      }
      return expandObject(ctx, capability(ctx, accountId, name), p.expand);
    },
  },
];
