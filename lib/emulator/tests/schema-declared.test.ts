// A route's declared schema (Route.params, which the schema-drift test compares with the SDK) is the
// one its handler parses with: each handler is called with empty parameters, with parseParams
// watched, and the first schema it parses with must be the declared one (for a schema made per
// version, one of the same shape; for a declared union, one of its options). Ids in the path are
// unknown ones, except real ones under /v1/accounts/:account/, whose handlers find them before they parse.
import { describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import type { Ctx } from '../core/router';
import { Emulator } from '../server';
import { FIXED_NOW } from './harness';
import { declaredSchema, emulatorRoutes, PINNED_VERSION, routeKey } from './schema-drift/routes';
import { zodNode } from './schema-drift/zod-params';

const seen = vi.hoisted(() => ({ schemas: [] as unknown[] }));

vi.mock('../core/params', async (importOriginal) => {
  const original = await importOriginal<typeof import('../core/params')>();
  return {
    ...original,
    parseParams: (schema: z.ZodType, input: never) => {
      seen.schemas.push(schema);
      return original.parseParams(schema, input);
    },
  };
});

/** A schema's parameter tree as text (maps and sets spelled out), to compare two schemas made apart. */
const shapeOf = (schema: z.ZodType) => JSON.stringify(zodNode(schema), (_, v: unknown) => (v instanceof Map ? Object.fromEntries(v) : v instanceof Set ? [...v] : v));
const sameShape = (a: z.ZodType, b: z.ZodType) => shapeOf(a) === shapeOf(b);

type AnyRoute = ReturnType<typeof emulatorRoutes>[number];

/** The first schema the route's handler parses with, given empty parameters and the path's ids (`known` where given, else unknown ones). */
function firstSchemaParsed(emulator: Emulator, route: AnyRoute, known: Record<string, string>, apiVersion = PINNED_VERSION): unknown {
  const path = Object.fromEntries([...route.pattern.matchAll(/:([a-z_]+)/g)].map(([, name]) => [name, known[name] ?? `${name}_1DoesNotExist0`]));
  const ctx = context(emulator, route, apiVersion);
  seen.schemas.length = 0;
  try {
    route.handler(ctx, path);
  } catch {
    // A 400 for the missing parameters or a 404 for the unknown id: what was parsed is what counts.
  }
  return seen.schemas[0];
}

function context(emulator: Emulator, route: Pick<AnyRoute, 'method' | 'pattern'>, apiVersion: string, params: Ctx['params'] = {}): Ctx {
  return {
    method: route.method,
    path: route.pattern,
    mode: 'test',
    world: emulator.worlds.test,
    apiVersion,
    stripeAccount: null,
    requestId: 'req_schema_declared',
    params,
    baseUrl: 'http://127.0.0.1:1',
    now: () => FIXED_NOW,
  };
}

describe('declared schemas are the ones the handlers parse with', () => {
  const emulator = new Emulator({ seed: 'empty', now: () => FIXED_NOW });
  const routes = emulatorRoutes();
  const make = (key: string, path: Record<string, string>, params: Ctx['params']) => {
    const route = routes.find((r) => routeKey(r) === key)!;
    return (route.handler(context(emulator, route, PINNED_VERSION, params), path) as { id: string }).id;
  };
  /** Real objects, fresh for each route (a route may delete them), for the handlers that find them before they parse. */
  const objectsFor = (route: AnyRoute): Record<string, string> => {
    if (!route.pattern.startsWith('/v1/accounts/:account/')) return {};
    const account = make('POST /v1/accounts', {}, { type: 'custom' });
    const person = make('POST /v1/accounts/:account/persons', { account }, { first_name: 'Jenny' });
    const id = make('POST /v1/accounts/:account/external_accounts', { account }, { external_account: 'btok_us_verified' });
    return { account, person, id };
  };

  it('every route: the first schema its handler parses is its declared one', () => {
    const wrong: string[] = [];
    const unseen: string[] = [];
    for (const route of routes) {
      const key = routeKey(route);
      const declared = declaredSchema(route);
      // Legacy routes (usage records) answer 404 at the pinned version before parsing: the oldest version then.
      const known = objectsFor(route);
      const parsed = (firstSchemaParsed(emulator, route, known) ?? firstSchemaParsed(emulator, route, known, '2024-06-20')) as z.ZodType | undefined;
      if (!declared) continue;
      if (parsed === undefined) {
        unseen.push(key);
        continue;
      }
      const def = declared._zod.def as unknown as { type: string; options?: unknown[] };
      const options = def.type === 'union' ? (def.options ?? []) : [];
      const ok = parsed === declared || options.includes(parsed) || (typeof route.params === 'function' && sameShape(parsed, declared));
      if (!ok) wrong.push(key);
    }
    expect(wrong, 'routes whose handler parses another schema than Route.params').toEqual([]);
    expect(unseen, 'routes not seen parsing (give the handler what it looks up first)').toEqual([]);
  });
});
