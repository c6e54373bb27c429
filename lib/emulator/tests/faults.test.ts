// Fault injection through the control API, seen by the real Stripe SDK: latency, injected 500/503/429,
// the lost response (applied, then dropped) and what idempotent retries make of it, and the
// request log's account of each. Timing is asserted as lower bounds only.
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import type { FaultRequest, FaultRule } from '@/lib/emulator/faults';
import type { RequestLogEntry } from '@/lib/emulator/server';
import { createCustom, rawRequest, sdk, startHarness, stripeError, emulatorForFile } from './harness';

const h = emulatorForFile({ seed: 'demo', faultSeed: 'faults-test', realTime: true });

async function control(method: string, path: string, body?: unknown) {
  const res = await fetch(`${h.url}${path}`, {
    method,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
  });
  return { status: res.status, json: await res.json() };
}

async function addFault(rule: FaultRequest): Promise<FaultRule[]> {
  const res = await control('POST', '/_emulator/faults', rule);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json.data;
}

/** The request log, oldest first. */
async function requestLog(): Promise<RequestLogEntry[]> {
  const res = await control('GET', '/_emulator/requests');
  expect(res.status).toBe(200);
  return [...res.json.data].reverse();
}

const client = (maxNetworkRetries: number) => sdk(h.port, 'sk_test_x', { maxNetworkRetries });

describe('latency', () => {
  it('delays matching requests by at least ms, and leaves others alone', async () => {
    const stripe = client(0);
    const account = await createCustom(stripe);
    await addFault({ latency: { ms: 300, jitter_ms: 50, path: '/v1/accounts/:id', method: 'GET' } });

    const started = performance.now();
    const got = await stripe.accounts.retrieve(account.id);
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
    expect(got.id).toBe(account.id);

    await stripe.accounts.list({ limit: 1 });
    await stripe.accounts.update(account.id, { metadata: { a: '1' } });

    const log = (await requestLog()).slice(1);
    expect(log.map((e) => `${e.method} ${e.path === `/v1/accounts/${account.id}` ? '/v1/accounts/:id' : e.path}`)).toEqual([
      'GET /v1/accounts/:id',
      'GET /v1/accounts',
      'POST /v1/accounts/:id',
    ]);
    const [hit] = log[0].faults;
    expect(hit).toMatchObject({ rule: 'flt_1', kind: 'latency' });
    expect(hit.delay_ms).toBeGreaterThanOrEqual(300);
    expect(hit.delay_ms).toBeLessThanOrEqual(350);
    expect(log[0].latency_ms).toBeGreaterThanOrEqual(hit.delay_ms!);
    expect(log[1].faults).toEqual([]);
    expect(log[2].faults).toEqual([]);
  });

  it('comes from the start options and returns after a reset', async () => {
    const other = await startHarness({ seed: 'demo', faults: [{ latency: { ms: 150, path: '/v1/account' } }] });
    try {
      const stripe = sdk(other.port, 'sk_test_x');
      for (let round = 0; round < 2; round++) {
        const started = performance.now();
        await stripe.accounts.retrieveCurrent();
        expect(performance.now() - started).toBeGreaterThanOrEqual(145);
        const list = await rawRequest(other.url, 'GET', '/_emulator/faults', { key: null });
        expect(list.json.data).toMatchObject([{ id: 'flt_1', kind: 'latency', ms: 150, source: 'env' }]);
        await other.reset();
      }
    } finally {
      await other.close();
    }
  });
});

describe('injected errors', () => {
  it('answers 500 api_error at rate 1 (StripeAPIError)', async () => {
    const stripe = client(0);
    await addFault({ error: { status: 500, rate: 1, path: '/v1/accounts*' } });
    const e = await stripeError(stripe.accounts.list());
    expect(e).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(e.statusCode).toBe(500);
    expect(e.rawType).toBe('api_error');
    expect(e.message).toMatch(/injected by the emulator's fault rule flt_1/);
    expect(e.requestId).toMatch(/^req_/);
    // Other paths are untouched.
    await expect(stripe.accounts.retrieveCurrent()).resolves.toMatchObject({ object: 'account' });
  });

  it('answers 503 api_error', async () => {
    await addFault({ error: { status: 503, path: '*' } });
    const e = await stripeError(client(0).accounts.list());
    expect(e).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(e.statusCode).toBe(503);
  });

  it('answers 429 rate_limit as Stripe does (StripeRateLimitError)', async () => {
    await addFault({ error: { status: 429, path: '/v1/accounts' } });
    const e = await stripeError(client(0).accounts.list());
    expect(e).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect(e.statusCode).toBe(429);
    expect(e.rawType).toBe('invalid_request_error');
    expect(e.code).toBe('rate_limit');
    expect(e.message).toMatch(/^Request rate limit exceeded/);
    expect(e.doc_url).toBe('https://stripe.com/docs/error-codes/rate-limit');
  });

  it('never fires at rate 0', async () => {
    const stripe = client(0);
    await addFault({ error: { status: 500, rate: 0 } });
    for (let i = 0; i < 20; i++) await stripe.accounts.list({ limit: 1 });
    expect((await requestLog()).every((e) => e.status === 200 && e.faults.length === 0)).toBe(true);
  });

  it('is limited to the method and the next N matching requests', async () => {
    const stripe = client(0);
    const account = await createCustom(stripe);
    await addFault({ error: { status: 500, method: 'POST', path: '/v1/accounts/*', count: 2 } });
    await stripe.accounts.retrieve(account.id);
    for (let i = 0; i < 2; i++) expect((await stripeError(stripe.accounts.update(account.id, { metadata: { n: String(i) } }))).statusCode).toBe(500);
    await expect(stripe.accounts.update(account.id, { metadata: { n: 'ok' } })).resolves.toMatchObject({ metadata: { n: 'ok' } });
    expect((await control('GET', '/_emulator/faults')).json.data).toEqual([]);
    // An injected error runs nothing: the failed updates left no trace.
    expect((await stripe.accounts.retrieve(account.id)).metadata).toEqual({ n: 'ok' });
  });

  it('is retried by the SDK when it allows retries (500, then 200)', async () => {
    await addFault({ error: { status: 500, path: '/v1/accounts', count: 1 } });
    await expect(client(1).accounts.list({ limit: 1 })).resolves.toMatchObject({ object: 'list' });
    expect((await requestLog()).map((e) => [e.status, e.faults.map((f) => f.kind)])).toEqual([
      [500, ['error']],
      [200, []],
    ]);
  });

  it('stops when the faults are cleared', async () => {
    const stripe = client(0);
    await addFault({ error: { status: 503 } });
    expect((await stripeError(stripe.accounts.list())).statusCode).toBe(503);
    expect(await control('DELETE', '/_emulator/faults')).toEqual({ status: 200, json: { ok: true, removed: 1 } });
    await expect(stripe.accounts.list()).resolves.toMatchObject({ object: 'list' });
  });
});

describe('the lost response', () => {
  it('with maxNetworkRetries 2: the retry is replayed and the change applied once', async () => {
    const stripe = client(2);
    const account = await createCustom(stripe);
    await addFault({ lost_response: { path: '/v1/accounts/:id' } });

    const updated = await stripe.accounts.update(account.id, { metadata: { order: '42' } });
    expect(updated.metadata).toEqual({ order: '42' });

    const posts = (await requestLog()).filter((e) => e.method === 'POST' && e.path === `/v1/accounts/${account.id}`);
    expect(posts).toHaveLength(2);
    const [first, second] = posts;
    expect(first.idempotency_key).toMatch(/^stripe-node-retry-/);
    expect(second.idempotency_key).toBe(first.idempotency_key);
    expect(first).toMatchObject({ status: 0, idempotent_replayed: false });
    expect(first.faults).toEqual([expect.objectContaining({ kind: 'lost_response', rule: 'flt_1', withheld_status: 200 })]);
    expect(second).toMatchObject({ status: 200, idempotent_replayed: true, faults: [] });
    expect((await stripe.accounts.retrieve(account.id)).metadata).toEqual({ order: '42' });
  });

  it('creates once when the create is lost and retried', async () => {
    const stripe = client(2);
    const count = async () => (await stripe.accounts.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 })).length;
    const before = await count();
    await addFault({ lost_response: { path: '/v1/accounts', count: 1 } });
    const made = await createCustom(stripe, { metadata: { tag: 'lost-create' } });
    expect(await count()).toBe(before + 1);
    const newest = await stripe.accounts.list({ limit: 10 });
    expect(newest.data.filter((a) => a.metadata?.tag === 'lost-create').map((a) => a.id)).toEqual([made.id]);
  });

  it('with maxNetworkRetries 0: the SDK still retries a closed connection once', async () => {
    // stripe-node retries ECONNRESET/EPIPE once even with retries disabled (the request may not
    // have arrived); with an idempotency key that retry is a replay.
    const stripe = client(0);
    const account = await createCustom(stripe);
    await addFault({ lost_response: { path: '/v1/accounts/:id', count: 1 } });
    await expect(stripe.accounts.update(account.id, { metadata: { once: 'yes' } })).resolves.toMatchObject({ metadata: { once: 'yes' } });
    const posts = (await requestLog()).filter((e) => e.path === `/v1/accounts/${account.id}`);
    expect(posts.map((e) => [e.status, e.idempotent_replayed])).toEqual([
      [0, false],
      [200, true],
    ]);
  });

  it('with maxNetworkRetries 0 and every answer lost: a connection error, yet the change is applied', async () => {
    const stripe = client(0);
    const account = await createCustom(stripe);
    await addFault({ lost_response: { path: '/v1/accounts/:id', count: 2 } });
    const e = await stripeError(stripe.accounts.update(account.id, { metadata: { applied: 'despite-error' } }));
    expect(e).toBeInstanceOf(Stripe.errors.StripeConnectionError);

    // What a client must be ready for: the call failed, the change happened.
    expect((await stripe.accounts.retrieve(account.id)).metadata).toEqual({ applied: 'despite-error' });
    const posts = (await requestLog()).filter((e) => e.method === 'POST' && e.path === `/v1/accounts/${account.id}`);
    expect(posts.map((e) => [e.status, e.idempotent_replayed, e.faults.map((f) => f.kind)])).toEqual([
      [0, false, ['lost_response']],
      [0, true, ['lost_response']],
    ]);
    expect(new Set(posts.map((p) => p.idempotency_key)).size).toBe(1);
  });

  it('only drops the method asked for (POST by default)', async () => {
    const stripe = client(0);
    const account = await createCustom(stripe);
    await addFault({ lost_response: { path: '/v1/accounts/:id' } });
    await stripe.accounts.retrieve(account.id);
    expect((await control('GET', '/_emulator/faults')).json.data).toMatchObject([{ kind: 'lost_response', method: 'POST', remaining: 1 }]);
  });
});

describe('the control API', () => {
  it('lists, gets, deletes one rule and clears all', async () => {
    const added = await addFault({ latency: { ms: 200, jitter_ms: 50, path: '/v1/accounts*' }, error: { status: 429, rate: 0.25, method: 'GET' } });
    expect(added.map((r) => r.id)).toEqual(['flt_1', 'flt_2']);
    expect((await control('GET', '/_emulator/faults')).json).toMatchObject({
      object: 'list',
      seeded: true,
      data: [
        { id: 'flt_1', kind: 'latency', ms: 200, jitter_ms: 50, path: '/v1/accounts*', method: null, rate: 1, remaining: null, hits: 0, source: 'api' },
        { id: 'flt_2', kind: 'error', status: 429, rate: 0.25, path: '*', method: 'GET' },
      ],
    });
    expect((await control('GET', '/_emulator/faults/flt_2')).json).toMatchObject({ id: 'flt_2', kind: 'error' });
    expect(await control('DELETE', '/_emulator/faults/flt_1')).toEqual({ status: 200, json: { id: 'flt_1', deleted: true } });
    const missing = await control('DELETE', '/_emulator/faults/flt_1');
    expect(missing.status).toBe(404);
    expect(missing.json.error.message).toMatch(/No such fault rule: 'flt_1'/);
    expect((await control('GET', '/_emulator/faults')).json.data.map((r: FaultRule) => r.id)).toEqual(['flt_2']);
    expect((await control('DELETE', '/_emulator/faults')).json).toEqual({ ok: true, removed: 1 });
    expect((await control('GET', '/_emulator/faults')).json.data).toEqual([]);
  });

  it('answers 400 with the reasons for bad input', async () => {
    const cases: [unknown, RegExp][] = [
      ['not json', /The body must be JSON/],
      [{}, /give at least one of "latency", "error", "lost_response" or "unreachable"/],
      [{ latency: { ms: 'slow' } }, /latency\.ms: /],
      [{ error: { status: 502 } }, /error\.status: must be 500, 503 or 429/],
      [{ error: { rate: -0.1 } }, /error\.rate: must be between 0 and 1/],
      [{ lost_response: { count: 1.5 } }, /lost_response\.count: /],
      [{ error: { rate: 1 }, latency: { ms: 1, path: 'v1' } }, /latency\.path: must start with \/ or \*/],
    ];
    for (const [body, message] of cases) {
      const res = await control('POST', '/_emulator/faults', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.type).toBe('invalid_request_error');
      expect(res.json.error.message).toMatch(message);
    }
    expect((await control('GET', '/_emulator/faults')).json.data).toEqual([]);
  });

  it('is never itself faulted', async () => {
    await addFault({ error: { status: 500, path: '*', method: '*' }, latency: { ms: 5000, path: '*' }, lost_response: { path: '*', method: '*', count: 5 } });
    expect((await control('GET', '/_emulator/health')).status).toBe(200);
    expect((await control('POST', '/_emulator/faults', { latency: { ms: 1, count: 1 } })).status).toBe(200);
    expect((await control('GET', '/_emulator/requests')).json.data).toEqual([]);
    const rules = (await control('GET', '/_emulator/faults')).json.data as FaultRule[];
    expect(rules.map((r) => r.hits)).toEqual([0, 0, 0, 0]);
    expect((await control('DELETE', '/_emulator/faults')).status).toBe(200);
  });

  it('clears run-time faults on reset', async () => {
    await addFault({ error: { status: 500 } });
    await h.reset();
    expect((await control('GET', '/_emulator/faults')).json.data).toEqual([]);
    await expect(client(0).accounts.list()).resolves.toMatchObject({ object: 'list' });
  });

  it('logs errors and drops so they can be told apart', async () => {
    const stripe = client(0);
    const account = await createCustom(stripe);
    await addFault({ error: { status: 503, method: 'GET', count: 1 }, lost_response: { path: '/v1/accounts/:id', count: 2 } });
    await stripeError(stripe.accounts.retrieve(account.id));
    await stripeError(stripe.accounts.update(account.id, { metadata: { x: '1' } }));
    const log = (await requestLog()).slice(1);
    expect(log.map((e) => [e.method, e.status, e.faults.map((f) => f.kind)])).toEqual([
      ['GET', 503, ['error']],
      ['POST', 0, ['lost_response']],
      ['POST', 0, ['lost_response']],
    ]);
    expect(log[1].faults[0].note).toMatch(/applied, then its connection was dropped/);
  });
});

describe('unreachable', () => {
  it('closes the connection before the request runs: the SDK sees a connection error and nothing changes', async () => {
    const stripe = client(0);
    const account = await createCustom(stripe);
    await addFault({ unreachable: { path: '/v1/accounts/:id', method: 'POST' } });

    const error = await stripe.accounts.update(account.id, { metadata: { order: '43' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    // Reads on other paths still answer; the update was never applied.
    await control('DELETE', '/_emulator/faults');
    expect((await stripe.accounts.retrieve(account.id)).metadata).toEqual({});
    const refused = (await requestLog()).filter((e) => e.method === 'POST' && e.path === `/v1/accounts/${account.id}`);
    // The SDK may retry a connection error; every try was refused.
    expect(refused.length).toBeGreaterThan(0);
    for (const entry of refused) expect(entry).toMatchObject({ status: 0, faults: [expect.objectContaining({ kind: 'unreachable' })] });
  });
});
