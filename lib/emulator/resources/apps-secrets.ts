// The Stripe Apps Secret Store: set (create or replace), find, delete and list secrets by name
// within a scope (`account`, or one Dashboard `user`). Each account keeps its own store: the
// platform's, or a connected account's when the app calls with Stripe-Account.
//
// Stripe's rules kept here: a name is unique within its scope, so setting it again replaces the
// secret; a scope holds at most 10 secrets; `expires_at` must lie in the future (at most 100
// years out) and the secret is gone once it passes; `payload` is never answered unless asked
// for with `expand[]=payload` (`expand[]=data.payload` on the list).
import type Stripe from 'stripe';
import { invalidRequest, noSuch, paramError } from '../core/errors';
import { cryptoRandom, makeId, type RandomSource } from '../core/ids';
import { expand, hash, int, listParams, oneOf, parseParams, str } from '../core/params';
import type { Ctx, Route } from '../core/router';
import type { World } from '../core/world';
import { expandObject, listResponse, registerExpandable } from './shared';

/** Secrets one scope may hold. */
export const MAX_SECRETS_PER_SCOPE = 10;
const HUNDRED_YEARS = 100 * 365.25 * 86400;

/** Each secret's owner ('platform' or a connected account) and payload, kept beside the object. */
interface SecretFacts {
  owner: string;
  payload: string;
}
const facts = new WeakMap<World, Map<string, SecretFacts>>();
const factsOf = (world: World) => {
  let m = facts.get(world);
  if (!m) facts.set(world, (m = new Map()));
  return m;
};
const ownerOf = (ctx: Ctx) => ctx.stripeAccount ?? 'platform';

const scopeParam = () => hash({ type: oneOf(['account', 'user']), user: str({ max: 5000 }).optional() });
type Scope = { type: 'account' | 'user'; user?: string };

function checkScope(scope: Scope): Stripe.Apps.Secret.Scope {
  if (scope.type === 'user' && scope.user === undefined) throw paramError('Missing required param: scope[user].', 'scope[user]', 'parameter_missing');
  if (scope.type === 'account' && scope.user !== undefined) {
    throw paramError("Invalid scope[user]: scope[user] can only be given when scope[type] is 'user'.", 'scope[user]');
  }
  return scope.type === 'user' ? { type: 'user', user: scope.user } : { type: 'account' };
}

const sameScope = (a: Stripe.Apps.Secret.Scope, b: Stripe.Apps.Secret.Scope) => a.type === b.type && (a.user ?? null) === (b.user ?? null);

/** Removes secrets whose `expires_at` has passed. */
function purgeExpired(world: World, now: number): void {
  for (const s of world.appSecrets.values()) {
    if (s.expires_at !== null && s.expires_at <= now) {
      world.appSecrets.delete(s.id);
      factsOf(world).delete(s.id);
    }
  }
}

/** The secrets of one account's scope, newest first. */
function inScope(ctx: Ctx, scope: Stripe.Apps.Secret.Scope): Stripe.Apps.Secret[] {
  purgeExpired(ctx.world, ctx.now());
  const owner = ownerOf(ctx);
  return ctx.world.appSecrets.newestFirst((s) => factsOf(ctx.world).get(s.id)?.owner === owner && sameScope(s.scope, scope));
}

/** `expand[]` with `payload` taken out (the emulator answers it itself), and whether it was asked for. */
function splitPayload(paths: string[] | undefined, field: 'payload' | 'data.payload'): { withPayload: boolean; rest: string[] | undefined } {
  if (!paths) return { withPayload: false, rest: undefined };
  return { withPayload: paths.includes(field), rest: paths.filter((p) => p !== field) };
}

function render(world: World, secret: Stripe.Apps.Secret, withPayload: boolean): Stripe.Apps.Secret {
  return withPayload ? { ...secret, payload: factsOf(world).get(secret.id)?.payload ?? null } : secret;
}

const setParams = hash({
  name: str({ max: 5000 }),
  payload: str({ max: 5000 }),
  scope: scopeParam(),
  expires_at: int().optional(),
  expand: expand(),
});
const byNameParams = hash({ name: str({ max: 5000 }), scope: scopeParam(), expand: expand() });
const listSecretParams = hash({ ...listParams, scope: scopeParam() });

/** Sets a secret through the same rules as POST /v1/apps/secrets: creates it, or replaces the one of that name. */
export function setSecret(
  ctx: Ctx,
  p: { name: string; payload: string; scope: Scope; expires_at?: number },
  opts: { random?: RandomSource } = {},
): Stripe.Apps.Secret {
  const scope = checkScope(p.scope);
  const now = ctx.now();
  if (p.expires_at !== undefined) {
    if (p.expires_at <= now) throw paramError('Invalid expires_at: the expiration time must be in the future.', 'expires_at');
    if (p.expires_at > now + HUNDRED_YEARS) throw paramError('Invalid expires_at: the expiration time cannot be more than 100 years in the future.', 'expires_at');
  }
  const current = inScope(ctx, scope);
  const prior = current.find((s) => s.name === p.name);
  if (!prior && current.length >= MAX_SECRETS_PER_SCOPE) {
    throw invalidRequest(
      `This scope already holds the maximum of ${MAX_SECRETS_PER_SCOPE} secrets. Delete a secret before setting a new one.`,
      { param: 'name' },
    );
  }
  if (prior) {
    ctx.world.appSecrets.delete(prior.id);
    factsOf(ctx.world).delete(prior.id);
  }
  const secret: Stripe.Apps.Secret = {
    id: makeId('appsecret', opts.random ?? cryptoRandom),
    object: 'apps.secret',
    created: now,
    expires_at: p.expires_at ?? null,
    livemode: ctx.mode === 'live',
    name: p.name,
    scope,
  };
  ctx.world.appSecrets.insert(secret);
  factsOf(ctx.world).set(secret.id, { owner: ownerOf(ctx), payload: p.payload });
  return secret;
}

/**
 * Refuses an `expand[]` path before a request changes anything: one whose first step is not among
 * `expandable` (or that is too deep) would fail only after the change was made.
 */
registerExpandable('apps.secret', ['payload']);

function findSecret(ctx: Ctx, name: string, scope: Scope): Stripe.Apps.Secret {
  const found = inScope(ctx, checkScope(scope)).find((s) => s.name === name);
  if (!found) throw noSuch('secret', name, 'name');
  return found;
}

/** Applies `expand[]` to a secret: `payload` here, anything else the shared way (Stripe refuses it). */
function answer(ctx: Ctx, secret: Stripe.Apps.Secret, paths: string[] | undefined): Stripe.Apps.Secret {
  const { withPayload, rest } = splitPayload(paths, 'payload');
  return expandObject(ctx, render(ctx.world, secret, withPayload), rest);
}

export const appSecretRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/apps/secrets',
    params: setParams,
    object: 'apps.secret',
    connect: true,
    handler: (ctx) => {
      const p = parseParams(setParams, ctx.params);
      return answer(ctx, setSecret(ctx, p), p.expand);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/apps/secrets/find',
    params: byNameParams,
    connect: true,
    handler: (ctx) => {
      const p = parseParams(byNameParams, ctx.params);
      return answer(ctx, findSecret(ctx, p.name, p.scope), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/apps/secrets/delete',
    params: byNameParams,
    object: 'apps.secret',
    connect: true,
    handler: (ctx) => {
      const p = parseParams(byNameParams, ctx.params);
      const secret = findSecret(ctx, p.name, p.scope);
      const out = answer(ctx, secret, p.expand);
      ctx.world.appSecrets.delete(secret.id);
      factsOf(ctx.world).delete(secret.id);
      return { ...out, deleted: true };
    },
  },
  {
    method: 'GET',
    pattern: '/v1/apps/secrets',
    params: listSecretParams,
    connect: true,
    handler: (ctx) => {
      const p = parseParams(listSecretParams, ctx.params);
      const items = inScope(ctx, checkScope(p.scope));
      const { withPayload, rest } = splitPayload(p.expand, 'data.payload');
      return listResponse(
        ctx,
        items.map((s) => render(ctx.world, s, withPayload)),
        { ...p, expand: rest },
        '/v1/apps/secrets',
      );
    },
  },
];
