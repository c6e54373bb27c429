// The emulator's parameter schemas against the `stripe` package's own declarations: every route's
// declared zod schema (Route.params) is read and compared with the params type of the SDK method
// that calls it (tests/schema-drift/sdk-map.ts), read through the TypeScript compiler API. Names,
// nesting, enum values and required-ness must match, except the differences in the allowlist.
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { oneOf, str } from '../core/params';
import { ALLOWED_DRIFT } from './schema-drift/allowlist';
import { compareParams, driftId, type Drift } from './schema-drift/compare';
import { SDK_PARAMS, NO_SDK_METHOD } from './schema-drift/sdk-map';
import { readSdkParams, sdkVersion } from './schema-drift/sdk-params';
import { declaredSchema, emulatorRoutes, PINNED_VERSION, routeKey } from './schema-drift/routes';
import type { ParamNode } from './schema-drift/tree';
import { zodNode } from './schema-drift/zod-params';

const routes = emulatorRoutes();
let sdk: Map<string, ParamNode>;

beforeAll(() => {
  sdk = readSdkParams(Object.values(SDK_PARAMS));
}, 120_000);

const allowed = new Map<string, string>(ALLOWED_DRIFT.flatMap((a) => a.routes.flatMap((route) => a.params.map((p) => [`${route} ${a.kind} ${p}`, a.reason] as const))));

function driftOf(key: string, schema: z.ZodType): Drift[] {
  return compareParams(key, sdk.get(SDK_PARAMS[key])!, zodNode(schema));
}

function allDrift(): Drift[] {
  return routes.flatMap((r) => {
    const key = routeKey(r);
    const schema = declaredSchema(r);
    return key in SDK_PARAMS && schema ? driftOf(key, schema) : [];
  });
}

describe(`schema drift: emulator routes against stripe ${sdkVersion()} at ${PINNED_VERSION}`, () => {
  it('every route declares the schema it parses and is mapped to an SDK params type, or skipped by name', () => {
    const problems = routes.flatMap((r) => {
      const key = routeKey(r);
      const out: string[] = [];
      if (!declaredSchema(r)) out.push(`${key}: declares no params schema (Route.params)`);
      if (!(key in SDK_PARAMS) && !(key in NO_SDK_METHOD)) out.push(`${key}: not in tests/schema-drift/sdk-map.ts (SDK_PARAMS, or NO_SDK_METHOD with a reason)`);
      return out;
    });
    const keys = new Set(routes.map(routeKey));
    for (const key of [...Object.keys(SDK_PARAMS), ...Object.keys(NO_SDK_METHOD)]) if (!keys.has(key)) problems.push(`${key}: mapped in sdk-map.ts but no such route`);
    expect(problems).toEqual([]);
  });

  it('no route accepts, refuses, enumerates or requires differently from the SDK, beyond the allowlist', () => {
    const unexplained = allDrift().filter((d) => !allowed.has(driftId(d)));
    expect(unexplained.map((d) => `${d.route}: ${d.message}   [${driftId(d)}]`), 'drift not in tests/schema-drift/allowlist.ts').toEqual([]);
  });

  it('every allowlist entry still matches a difference (remove the ones that are gone)', () => {
    const found = new Set(allDrift().map(driftId));
    expect([...allowed.keys()].filter((id) => !found.has(id))).toEqual([]);
  });

  it('every allowlist entry gives its reason', () => {
    expect(ALLOWED_DRIFT.filter((a) => a.reason.trim().length < 20).map((a) => a.routes.join(', '))).toEqual([]);
  });
});

describe('schema drift: the comparison sees a change', () => {
  const transferCreate = () => declaredSchema(routes.find((r) => routeKey(r) === 'POST /v1/transfers')!) as z.ZodObject;
  const ids = (drift: Drift[]) => drift.map(driftId);

  it('a parameter added to a route that the SDK does not declare is listed', () => {
    const drift = driftOf('POST /v1/transfers', transferCreate().extend({ surprise: str().optional() }));
    expect(ids(drift)).toContain('POST /v1/transfers undeclared surprise');
  });

  it('a parameter the SDK declares, removed from a route, is listed', () => {
    const drift = driftOf('POST /v1/transfers', transferCreate().omit({ source_transaction: true }));
    expect(ids(drift)).toContain('POST /v1/transfers unaccepted source_transaction');
  });

  it('an enum value added or dropped is listed', () => {
    const drift = driftOf('POST /v1/transfers', transferCreate().extend({ source_type: oneOf(['card', 'fpx', 'wire']).optional() }));
    expect(ids(drift)).toEqual(expect.arrayContaining(['POST /v1/transfers enum-extra source_type=wire', 'POST /v1/transfers enum-missing source_type=bank_account']));
  });

  it('a closed enum of the SDK taken as any string is listed', () => {
    const drift = driftOf('POST /v1/transfers', transferCreate().extend({ source_type: str().optional() }));
    expect(ids(drift)).not.toContain('POST /v1/transfers enum-unchecked source_type');
    const reject = routes.find((r) => routeKey(r) === 'POST /v1/accounts/:account/reject')!;
    const loose = (declaredSchema(reject) as z.ZodObject).extend({ payouts_action: str().optional() });
    expect(ids(driftOf('POST /v1/accounts/:account/reject', loose))).toContain('POST /v1/accounts/:account/reject enum-unchecked payouts_action');
  });

  it('a parameter made required (or optional) is listed', () => {
    const drift = driftOf('POST /v1/transfers', transferCreate().extend({ description: str() }));
    expect(ids(drift)).toContain('POST /v1/transfers required description');
  });

  it('nested hashes are compared key by key', () => {
    const drift = driftOf('POST /v1/transfers', transferCreate().extend({ metadata: str().optional() }));
    expect(ids(drift)).toContain('POST /v1/transfers shape metadata');
  });

  it('a version-dependent schema is read at the pinned version (reject: the endive reasons and payouts_action)', () => {
    const reject = routes.find((r) => routeKey(r) === 'POST /v1/accounts/:account/reject')!;
    expect(typeof reject.params).toBe('function');
    expect(ids(driftOf('POST /v1/accounts/:account/reject', declaredSchema(reject)!))).toEqual([]);
    const old = declaredSchema(reject, '2024-06-20')!;
    expect(ids(driftOf('POST /v1/accounts/:account/reject', old))).toEqual(
      expect.arrayContaining(['POST /v1/accounts/:account/reject enum-extra reason=fraud', 'POST /v1/accounts/:account/reject unaccepted payouts_action']),
    );
  });
});
