// Unit tests for fault rules: path patterns, methods, counts, seeded rates, validation, the
// control API's answers and the environment's start rules.
import { describe, expect, it } from 'vitest';
import { StripeApiError } from './core/errors';
import { faultEnvRules, faultEnvSchema, FaultInjector } from './faults';
import { compilePattern, seededRandom } from './rule-list';

function apiError(fn: () => unknown): StripeApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StripeApiError) return e;
    throw e;
  }
  throw new Error('expected a StripeApiError');
}

const kinds = (f: FaultInjector, method: string, path: string) => f.decide(method, path)?.plan.hits.map((h) => h.kind) ?? [];

describe('compilePattern', () => {
  it('matches literally without wildcards', () => {
    const re = compilePattern('/v1/accounts');
    expect(re.test('/v1/accounts')).toBe(true);
    expect(re.test('/v1/accounts/acct_1')).toBe(false);
    expect(re.test('/v1/account')).toBe(false);
  });

  it('lets * match any run of characters, slashes included', () => {
    const re = compilePattern('/v1/accounts*');
    expect(re.test('/v1/accounts')).toBe(true);
    expect(re.test('/v1/accounts/acct_1')).toBe(true);
    expect(re.test('/v1/accounts/acct_1/persons/person_2')).toBe(true);
    expect(re.test('/v1/account')).toBe(false);
    expect(re.test('/v2/accounts')).toBe(false);
    expect(compilePattern('*').test('/anything/at/all')).toBe(true);
    expect(compilePattern('*/reversals').test('/v1/transfers/tr_1/reversals')).toBe(true);
  });

  it('lets :name match exactly one segment', () => {
    const re = compilePattern('/v1/accounts/:id');
    expect(re.test('/v1/accounts/acct_1')).toBe(true);
    expect(re.test('/v1/accounts/acct_1/persons')).toBe(false);
    expect(re.test('/v1/accounts/')).toBe(false);
  });

  it('treats regex characters as literals', () => {
    const re = compilePattern('/v1/a.b+c');
    expect(re.test('/v1/a.b+c')).toBe(true);
    expect(re.test('/v1/aXbbc')).toBe(false);
  });
});

describe('seededRandom', () => {
  it('repeats for one seed, differs between seeds, stays in [0, 1)', () => {
    const a = seededRandom('demo');
    const b = seededRandom('demo');
    const c = seededRandom('other');
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.4);
    expect(mean).toBeLessThan(0.6);
  });
});

describe('FaultInjector matching', () => {
  it('applies nothing without rules (the fast path)', () => {
    const f = new FaultInjector();
    expect(f.active).toBe(false);
    expect(f.decide('GET', '/v1/accounts')).toBeNull();
  });

  it('matches the path pattern and, if given, the method', () => {
    const f = new FaultInjector();
    f.add({ error: { status: 500, path: '/v1/accounts*', method: 'post' } });
    expect(kinds(f, 'POST', '/v1/accounts/acct_1')).toEqual(['error']);
    expect(kinds(f, 'GET', '/v1/accounts/acct_1')).toEqual([]);
    expect(kinds(f, 'POST', '/v1/transfers')).toEqual([]);
    expect(f.list()[0].method).toBe('POST');
  });

  it('treats a missing method or * as any method', () => {
    const f = new FaultInjector();
    f.add({ latency: { ms: 5, path: '/v1/accounts' } });
    f.add({ latency: { ms: 7, path: '/v1/accounts', method: '*' } });
    expect(f.list().map((r) => r.method)).toEqual([null, null]);
    const d = f.decide('DELETE', '/v1/accounts');
    expect(d?.delayMs).toBe(12);
  });

  it('retires a rule after count injections', () => {
    const f = new FaultInjector();
    const [rule] = f.add({ error: { status: 503, count: 2 } });
    expect(rule.remaining).toBe(2);
    expect(f.decide('GET', '/v1/accounts')?.plan.error?.status).toBe(503);
    expect(f.list()[0]).toMatchObject({ remaining: 1, hits: 1 });
    expect(f.decide('GET', '/v1/accounts')?.plan.error?.status).toBe(503);
    expect(f.list()).toEqual([]);
    expect(f.decide('GET', '/v1/accounts')).toBeNull();
  });

  it('counts only requests that match', () => {
    const f = new FaultInjector();
    f.add({ error: { path: '/v1/accounts', count: 1 } });
    expect(kinds(f, 'GET', '/v1/balance')).toEqual([]);
    expect(kinds(f, 'GET', '/v1/balance')).toEqual([]);
    expect(kinds(f, 'GET', '/v1/accounts')).toEqual(['error']);
    expect(kinds(f, 'GET', '/v1/accounts')).toEqual([]);
  });

  it('never fires at rate 0 and always at rate 1', () => {
    const f = new FaultInjector();
    f.add({ error: { rate: 0 } });
    for (let i = 0; i < 200; i++) expect(f.decide('GET', '/v1/accounts')).toBeNull();
    f.clear();
    f.add({ error: { rate: 1 } });
    for (let i = 0; i < 200; i++) expect(kinds(f, 'GET', '/v1/accounts')).toEqual(['error']);
  });

  it('fires at about the rate, the same way for the same seed', () => {
    const run = (seed: string) => {
      const f = new FaultInjector({ seed });
      f.add({ error: { rate: 0.3 } });
      return Array.from({ length: 2000 }, () => f.decide('GET', '/v1/accounts') !== null);
    };
    const a = run('s1');
    expect(run('s1')).toEqual(a);
    expect(run('s2')).not.toEqual(a);
    const share = a.filter(Boolean).length / a.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.35);
  });

  it('replays the same decisions after reset when seeded', () => {
    const f = new FaultInjector({ seed: 42 });
    const take = () => {
      f.add({ latency: { ms: 10, jitter_ms: 100, rate: 0.5 } });
      return Array.from({ length: 50 }, () => f.decide('GET', '/v1/accounts')?.delayMs ?? -1);
    };
    const first = take();
    f.reset();
    expect(take()).toEqual(first);
  });

  it('keeps latency within ms .. ms + jitter_ms', () => {
    const f = new FaultInjector({ seed: 'jitter' });
    f.add({ latency: { ms: 100, jitter_ms: 50 } });
    const delays = Array.from({ length: 500 }, () => f.decide('GET', '/v1/accounts')!.delayMs);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...delays)).toBeLessThanOrEqual(150);
    expect(new Set(delays).size).toBeGreaterThan(10);
  });

  it('lets an injected error take precedence over a lost response, with latency on top', () => {
    const f = new FaultInjector();
    f.add({ latency: { ms: 20 }, error: { status: 500, count: 1 }, lost_response: {} });
    let d = f.decide('POST', '/v1/accounts/acct_1');
    expect(d?.delayMs).toBe(20);
    expect(d?.plan.hits.map((h) => h.kind)).toEqual(['latency', 'error']);
    expect(d?.plan.drop).toBeNull();
    d = f.decide('POST', '/v1/accounts/acct_1');
    expect(d?.plan.hits.map((h) => h.kind)).toEqual(['latency', 'lost_response']);
    expect(d?.plan.error).toBeNull();
    expect(d?.plan.drop?.kind).toBe('lost_response');
  });

  it('refuses the connection before latency, errors or lost responses, for any method by default', () => {
    const f = new FaultInjector();
    f.add({ latency: { ms: 20 }, error: { status: 500 }, unreachable: { path: '/v1/balance', count: 1 } });
    const d = f.decide('GET', '/v1/balance');
    expect(d?.delayMs).toBe(0);
    expect(d?.plan.hits.map((h) => h.kind)).toEqual(['unreachable']);
    expect(d?.plan.refuse?.kind).toBe('unreachable');
    expect(d?.plan.error).toBeNull();
    // Used up: the next request meets the other rules.
    expect(kinds(f, 'GET', '/v1/balance')).toEqual(['latency', 'error']);
  });

  it('drops the next POST by default, once', () => {
    const f = new FaultInjector();
    const [rule] = f.add({ lost_response: {} });
    expect(rule).toMatchObject({ kind: 'lost_response', method: 'POST', path: '*', remaining: 1 });
    expect(kinds(f, 'GET', '/v1/accounts/acct_1')).toEqual([]);
    expect(kinds(f, 'POST', '/v1/accounts/acct_1')).toEqual(['lost_response']);
    expect(kinds(f, 'POST', '/v1/accounts/acct_1')).toEqual([]);
  });

  it('shapes errors as Stripe does', () => {
    const f = new FaultInjector();
    f.add({ error: { status: 429, path: '/a' } });
    f.add({ error: { status: 503, path: '/b', message: 'Down for maintenance' } });
    f.add({ error: { path: '/c' } });
    const rate = f.decide('GET', '/a')!.plan.error!;
    expect(rate.status).toBe(429);
    expect(rate.body).toMatchObject({ type: 'invalid_request_error', code: 'rate_limit' });
    expect(rate.body.message).toMatch(/^Request rate limit exceeded/);
    expect(rate.toJSON('req_1').error.doc_url).toBe('https://stripe.com/docs/error-codes/rate-limit');
    expect(f.decide('GET', '/b')!.plan.error!.body).toEqual({ type: 'api_error', message: 'Down for maintenance' });
    const internal = f.decide('GET', '/c')!.plan.error!;
    expect(internal.status).toBe(500);
    expect(internal.body.type).toBe('api_error');
  });

  it('removes one rule by id, and clears all', () => {
    const f = new FaultInjector();
    const [a, b] = f.add({ latency: { ms: 1 }, error: { rate: 0 } });
    expect([a.id, b.id]).toEqual(['flt_1', 'flt_2']);
    expect(f.remove('flt_1')).toBe(true);
    expect(f.remove('flt_1')).toBe(false);
    expect(f.list().map((r) => r.id)).toEqual(['flt_2']);
    f.clear();
    expect(f.active).toBe(false);
  });

  it('reinstalls start rules on reset and drops run-time ones', () => {
    const f = new FaultInjector({ initial: [{ latency: { ms: 50 } }] });
    f.add({ error: {} });
    expect(f.list().map((r) => [r.kind, r.source])).toEqual([
      ['latency', 'env'],
      ['error', 'api'],
    ]);
    f.reset();
    expect(f.list().map((r) => [r.kind, r.source, r.id])).toEqual([['latency', 'env', 'flt_1']]);
  });
});

describe('FaultInjector validation', () => {
  const bad = (input: unknown) => apiError(() => new FaultInjector().add(input));

  it.each([
    [{}, /at least one of "latency", "error", "lost_response" or "unreachable"/],
    [{ latency: { ms: -1 } }, /latency\.ms: /],
    [{ latency: { jitter_ms: 5 } }, /latency\.ms: /],
    [{ latency: { ms: 10, extra: 1 } }, /latency: Unrecognized key: "extra"/],
    [{ error: { status: 404 } }, /error\.status: must be 500, 503 or 429/],
    [{ error: { rate: 1.5 } }, /error\.rate: must be between 0 and 1/],
    [{ error: { count: 0 } }, /error\.count: must be a positive integer/],
    [{ error: { method: 'PATCH' } }, /error\.method: must be GET, POST, DELETE or \*/],
    [{ error: { path: 'v1/accounts' } }, /error\.path: must start with \/ or \*/],
    [{ error: { path: '/v1/accounts?limit=1' } }, /error\.path: matches the path only/],
    [{ chaos: true }, /Unrecognized key: "chaos"/],
    [[{ latency: { ms: 1 } }], /Invalid fault rule/],
  ])('refuses %j', (input, message) => {
    const e = bad(input);
    expect(e.status).toBe(400);
    expect(e.body.type).toBe('invalid_request_error');
    expect(e.message).toMatch(message);
  });
});

describe('FaultInjector control API', () => {
  const parse = (a: { status: number; body: string } | null) => ({ status: a!.status, json: JSON.parse(a!.body) });

  it('adds from JSON, lists, removes one, clears all', () => {
    const f = new FaultInjector();
    const added = parse(f.control('POST', '/_emulator/faults', JSON.stringify({ latency: { ms: 200, jitter_ms: 50, path: '/v1/accounts*' } })));
    expect(added.status).toBe(200);
    expect(added.json.data[0]).toMatchObject({ id: 'flt_1', kind: 'latency', ms: 200, jitter_ms: 50, path: '/v1/accounts*', rate: 1, remaining: null });
    f.control('POST', '/_emulator/faults', JSON.stringify({ error: { status: 429, rate: 0.5 } }));
    expect(parse(f.control('GET', '/_emulator/faults', '')).json.data.map((r: { id: string }) => r.id)).toEqual(['flt_1', 'flt_2']);
    expect(parse(f.control('GET', '/_emulator/faults/flt_2', '')).json).toMatchObject({ kind: 'error', status: 429 });
    expect(parse(f.control('DELETE', '/_emulator/faults/flt_1', '')).json).toEqual({ id: 'flt_1', deleted: true });
    expect(apiError(() => f.control('DELETE', '/_emulator/faults/flt_1', '')).status).toBe(404);
    expect(parse(f.control('DELETE', '/_emulator/faults', '')).json).toEqual({ ok: true, removed: 1 });
    expect(parse(f.control('GET', '/_emulator/faults', '')).json.data).toEqual([]);
  });

  it('answers 400 for a body that is not JSON', () => {
    const e = apiError(() => new FaultInjector().control('POST', '/_emulator/faults', 'latency=200'));
    expect(e.status).toBe(400);
    expect(e.message).toMatch(/The body must be JSON/);
  });

  it('leaves other paths and methods to the caller', () => {
    const f = new FaultInjector();
    expect(f.control('GET', '/_emulator/requests', '')).toBeNull();
    expect(f.control('PUT', '/_emulator/faults', '')).toBeNull();
  });
});

describe('faults from the environment', () => {
  const rules = (env: Record<string, string>) => faultEnvRules(faultEnvSchema.parse(env));

  it('installs nothing when no variable is set', () => {
    expect(rules({})).toEqual([]);
    expect(rules({ EMULATOR_ERROR_RATE: '0' })).toEqual([]);
  });

  it('builds latency and error rules scoped by path and method', () => {
    expect(
      rules({
        EMULATOR_LATENCY_MS: '200',
        EMULATOR_LATENCY_JITTER_MS: '50',
        EMULATOR_ERROR_RATE: '0.1',
        EMULATOR_ERROR_STATUS: '503',
        EMULATOR_FAULT_PATH: '/v1/accounts*',
        EMULATOR_FAULT_METHOD: 'get',
      }),
    ).toEqual([
      { latency: { ms: 200, jitter_ms: 50, path: '/v1/accounts*', method: 'GET' } },
      { error: { rate: 0.1, status: 503, path: '/v1/accounts*', method: 'GET' } },
    ]);
    expect(rules({ EMULATOR_ERROR_RATE: '1' })).toEqual([{ error: { rate: 1, status: 500, path: '*' } }]);
  });

  it.each([
    [{ EMULATOR_LATENCY_MS: 'slow' }, 'EMULATOR_LATENCY_MS'],
    [{ EMULATOR_ERROR_RATE: '2' }, 'EMULATOR_ERROR_RATE'],
    [{ EMULATOR_ERROR_STATUS: '404' }, 'EMULATOR_ERROR_STATUS'],
    [{ EMULATOR_FAULT_PATH: 'v1' }, 'EMULATOR_FAULT_PATH'],
    [{ EMULATOR_FAULT_METHOD: 'PUT' }, 'EMULATOR_FAULT_METHOD'],
  ])('refuses %j', (env, key) => {
    const parsed = faultEnvSchema.safeParse(env);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual([key]);
  });

  it('gives rules that the injector accepts', () => {
    const f = new FaultInjector({ initial: rules({ EMULATOR_LATENCY_MS: '5', EMULATOR_ERROR_RATE: '0.5', EMULATOR_ERROR_STATUS: '429' }) });
    expect(f.list().map((r) => [r.kind, r.source])).toEqual([
      ['latency', 'env'],
      ['error', 'env'],
    ]);
  });
});
