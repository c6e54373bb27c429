// Webhook deliveries through the SDK, to a local receiver that checks every signature with the
// SDK's constructEvent: retries with the same event id and `pending_webhooks` counting down,
// disabled and deleted endpoints, Connect and platform endpoints, endpoints pinned to an API
// version, the delivery faults, and the control API (deliveries, retry, the page, reset).
import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryAttempt } from '@/lib/emulator/webhooks/dispatcher';
import { control as controlApi, createCustom, createEnabled, FIXED_NOW, startHarness, STRIPE_FIXTURES, emulatorForFile, webhooksSettled } from './harness';
import { startReceiver, verify, type Receiver } from './receiver';

// Short backoff: 50, 100, 200 ms between the four tries.
const h = emulatorForFile({ webhooks: { retryBaseMs: 50, retryFactor: 2, maxAttempts: 4, timeoutMs: 1000 } });
const OLD = '2024-06-20';
const ENDIVE = '2026-10-28.endive';

let rx: Receiver;
beforeAll(async () => {
  rx = await startReceiver();
});
afterAll(async () => {
  await rx.close();
});
// The emulator is reset before each test (emulatorForFile); so is the receiver.
beforeEach(() => rx.reset());

/** An endpoint on the receiver at `path` (every event unless told), its secret registered there. */
async function endpoint(path: string, params: Partial<Stripe.WebhookEndpointCreateParams> = {}, client = h.stripe): Promise<Stripe.WebhookEndpoint> {
  const e = await client.webhookEndpoints.create({ url: `${rx.url}${path}`, enabled_events: ['*'], ...params });
  rx.secrets.set(path, e.secret!);
  return e;
}

const settled = (ms?: number) => webhooksSettled(h, ms);
const control = (method: string, path: string, body?: unknown) => controlApi(h, method, path, body);

const attempts = async (q = ''): Promise<DeliveryAttempt[]> => (await control('GET', `/_emulator/webhooks/deliveries${q}`)).json.data;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const as = (account: string) => ({ stripeAccount: account });

/** One account.updated on `a` (a metadata change), and its event id. */
async function touch(a: string, value = '1'): Promise<string> {
  await h.stripe.accounts.update(a, { metadata: { n: value } });
  const [e] = (await h.stripe.events.list({ type: 'account.updated', limit: 1 }, as(a))).data;
  expect((e.data.object as Stripe.Account).metadata).toMatchObject({ n: value });
  return e.id;
}

describe('signed deliveries', () => {
  it('POSTs each event as JSON with a Stripe-Signature constructEvent accepts; a tampered body or another secret is refused', async () => {
    const a = await createCustom(h.stripe);
    const e = await endpoint('/hook', { connect: true });
    const id = await touch(a.id);
    await rx.waitFor((r) => r.length === 1);
    const [got] = rx.received;
    expect(got.error).toBeNull();
    expect(got.event?.id).toBe(id);
    expect(got.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(got.headers['user-agent']).toBe('Stripe/1.0 (+https://stripe.com/docs/webhooks)');
    expect(got.headers['stripe-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    // The wall clock signs (receivers compare it with theirs), whatever the emulator's clock says.
    const t = Number(/t=(\d+)/.exec(String(got.headers['stripe-signature']))![1]);
    expect(Math.abs(t - Date.now() / 1000)).toBeLessThan(60);

    const event = got.event!;
    for (const field of Object.keys(STRIPE_FIXTURES.event)) expect(event, field).toHaveProperty(field);
    expect(event).toMatchObject({ object: 'event', type: 'account.updated', account: a.id, created: FIXED_NOW, livemode: false, api_version: OLD, data: { previous_attributes: { metadata: { n: null } } } });
    // The same event /v1/events answers at that version (but for what is owed at each moment).
    const read = await h.client(undefined, { apiVersion: OLD as Stripe.LatestApiVersion }).events.retrieve(id, {}, as(a.id));
    expect({ ...event, pending_webhooks: 0 }).toEqual({ ...read, pending_webhooks: 0 });

    const header = String(got.headers['stripe-signature']);
    expect(verify(got.body.replace('"n": "1"', '"n": "2"'), header, e.secret).error).toMatch(/signature/i);
    expect(verify(got.body, header, 'whsec_someoneelse').error).toMatch(/signature/i);
    expect(verify(got.body, header, e.secret).event?.id).toBe(id);
  });

  it('signs with the secret the control API sets (a restarted emulator keeps its receiver’s secret); a bad secret or unknown endpoint changes nothing', async () => {
    const a = await createCustom(h.stripe);
    const e = await endpoint('/kept', { connect: true });
    const kept = 'whsec_theReceiverKnowsThis123';
    expect((await control('POST', `/_emulator/webhooks/endpoints/${e.id}/secret`, { secret: 'not-a-secret' })).status).toBe(400);
    expect((await control('POST', '/_emulator/webhooks/endpoints/we_NoSuchEndpoint000/secret', { secret: kept })).status).toBe(404);
    await touch(a.id, '1');
    await rx.waitFor((r) => r.length === 1);
    expect(rx.received[0]!.error).toBeNull();

    const set = await control('POST', `/_emulator/webhooks/endpoints/${e.id}/secret`, { secret: kept });
    expect(set).toMatchObject({ status: 200, json: { ok: true, id: e.id } });
    rx.secrets.set('/kept', kept);
    const id = await touch(a.id, '2');
    await rx.waitFor((r) => r.length === 2);
    expect(rx.received[1]!.error).toBeNull();
    expect(rx.received[1]!.event?.id).toBe(id);
    expect(verify(rx.received[1]!.body, String(rx.received[1]!.headers['stripe-signature']), e.secret!).error).toMatch(/signature/i);
  });

  it('health names the data: a new instance id after a reset', async () => {
    const before = (await control('GET', '/_emulator/health')).json as { instance: string };
    expect(before.instance).toMatch(/^emu_[A-Za-z0-9]+$/);
    expect((await control('GET', '/_emulator/health')).json).toMatchObject({ instance: before.instance });
    await control('POST', '/_emulator/reset', {});
    expect(((await control('GET', '/_emulator/health')).json as { instance: string }).instance).not.toBe(before.instance);
  });

  it('every event of a flow reaches a `*` endpoint once, each verified', async () => {
    await endpoint('/all', { connect: true });
    const a = await createEnabled(h.stripe, 'US', 'individual', FIXED_NOW);
    await h.stripe.accounts.update(a.id, { metadata: { x: '1' } });
    await settled();
    const made = (await h.stripe.events.list({ limit: 100 }, as(a.id))).data.map((e) => e.id).sort();
    expect(made.length).toBeGreaterThan(3);
    expect(rx.received.every((r) => r.error === null)).toBe(true);
    expect(rx.events('/all').map((e) => e.id).sort()).toEqual(made);
  });
});

describe('retries', () => {
  it('a delivery answered 500 twice is retried with the same event id until it succeeds; pending_webhooks goes 1 -> 0', async () => {
    const a = await createCustom(h.stripe);
    await endpoint('/flaky', { connect: true, enabled_events: ['account.updated'] });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    rx.answer = async (_r, nth) => {
      if (nth === 1) await held;
      return nth <= 2 ? 500 : 200;
    };
    const id = await touch(a.id);
    await rx.waitFor((r) => r.length === 1);
    // While the first attempt is out, the delivery is owed.
    expect((await h.stripe.events.retrieve(id, {}, as(a.id))).pending_webhooks).toBe(1);
    expect((await h.stripe.events.list({ delivery_success: false }, as(a.id))).data.map((e) => e.id)).toEqual([id]);
    release();
    await rx.waitFor((r) => r.length === 3);
    await settled();
    expect(rx.received.map((r) => r.event?.id)).toEqual([id, id, id]);
    expect((await h.stripe.events.retrieve(id, {}, as(a.id))).pending_webhooks).toBe(0);
    expect((await h.stripe.events.list({ delivery_success: false }, as(a.id))).data).toEqual([]);
    const log = (await attempts(`?event=${id}`)).reverse();
    expect(log.map((x) => [x.attempt, x.status, x.outcome])).toEqual([
      [1, 500, 'will_retry'],
      [2, 500, 'will_retry'],
      [3, 200, 'delivered'],
    ]);
    // The waits grow: 50 ms, then 100 ms (each from the end of the failed attempt).
    expect(log[1].at - log[0].at).toBeGreaterThanOrEqual(50);
    expect(log[2].at - log[1].at).toBeGreaterThanOrEqual(100);
  });

  it('an answer that does not come within the timeout is a failure, and the delivery is retried', async () => {
    const a = await createCustom(h.stripe);
    await endpoint('/slow', { connect: true, enabled_events: ['account.updated'] });
    rx.answer = async (_r, nth) => {
      if (nth === 1) await sleep(1500);
      return 200;
    };
    const id = await touch(a.id);
    await settled();
    const log = (await attempts(`?event=${id}`)).reverse();
    expect(log.map((x) => [x.attempt, x.status, x.outcome])).toEqual([
      [1, null, 'will_retry'],
      [2, 200, 'delivered'],
    ]);
    expect(log[0].error).toBe('no answer within 1000 ms');
  });

  it('gives up after the last try: failed_webhooks, and delivery_success=false lists it', async () => {
    const a = await createCustom(h.stripe);
    await endpoint('/down', { connect: true, enabled_events: ['account.updated'] });
    rx.answer = () => 503;
    const id = await touch(a.id);
    await settled();
    expect(rx.received).toHaveLength(4);
    const log = await attempts(`?event=${id}`);
    expect(log[0]).toMatchObject({ attempt: 4, status: 503, outcome: 'gave_up' });
    expect((await h.stripe.events.retrieve(id, {}, as(a.id))).pending_webhooks).toBe(0);
    expect((await h.stripe.events.list({ delivery_success: false }, as(a.id))).data.map((e) => e.id)).toEqual([id]);
    await sleep(300);
    expect(rx.received).toHaveLength(4);
  });

  it('a receiver that is not there (connection refused) is retried like any failure', async () => {
    const a = await createCustom(h.stripe);
    const closed = await startReceiver();
    const url = closed.url;
    await closed.close();
    await h.stripe.webhookEndpoints.create({ url: `${url}/gone`, enabled_events: ['account.updated'], connect: true });
    const id = await touch(a.id);
    await settled();
    const log = await attempts(`?event=${id}`);
    expect(log).toHaveLength(4);
    expect(log.every((x) => x.status === null && /ECONNREFUSED/.test(x.error ?? ''))).toBe(true);
  });
});

describe('which endpoints receive what', () => {
  it('a disabled endpoint and a deleted one receive nothing', async () => {
    const a = await createCustom(h.stripe);
    const disabled = await endpoint('/disabled', { connect: true });
    const deleted = await endpoint('/deleted', { connect: true });
    await endpoint('/live', { connect: true });
    await h.stripe.webhookEndpoints.update(disabled.id, { disabled: true });
    await h.stripe.webhookEndpoints.del(deleted.id);
    const id = await touch(a.id);
    await rx.waitFor((r) => r.some((x) => x.event?.id === id));
    await settled();
    expect(rx.received.map((r) => r.path)).toEqual(['/live']);
    // Enabled again, it receives what happens from then on.
    await h.stripe.webhookEndpoints.update(disabled.id, { disabled: false });
    const next = await touch(a.id, '2');
    await settled();
    expect(rx.events('/disabled').map((e) => e.id)).toEqual([next]);
  });

  it('what is still owed to an endpoint is dropped when it is disabled or deleted (not counted as failed)', async () => {
    const a = await createCustom(h.stripe);
    const e1 = await endpoint('/one', { connect: true, enabled_events: ['account.updated'] });
    const e2 = await endpoint('/two', { connect: true, enabled_events: ['account.updated'] });
    rx.answer = () => 500;
    const id = await touch(a.id);
    await rx.waitFor((r) => r.filter((x) => x.event?.id === id).length >= 2);
    expect((await h.stripe.events.retrieve(id, {}, as(a.id))).pending_webhooks).toBe(2);
    await h.stripe.webhookEndpoints.update(e1.id, { disabled: true });
    expect((await h.stripe.events.retrieve(id, {}, as(a.id))).pending_webhooks).toBe(1);
    await h.stripe.webhookEndpoints.del(e2.id);
    const event = await h.stripe.events.retrieve(id, {}, as(a.id));
    expect(event.pending_webhooks).toBe(0);
    expect(h.emulator.webhooks.owedCount).toBe(0);
    const count = rx.received.length;
    await sleep(400);
    expect(rx.received.length).toBe(count);
    expect((await h.stripe.events.list({ delivery_success: true }, as(a.id))).data.map((x) => x.id)).toContain(id);
  });

  it('an endpoint receives only the types it enabled', async () => {
    await endpoint('/caps', { connect: true, enabled_events: ['capability.updated'] });
    const a = await createCustom(h.stripe);
    await h.stripe.accounts.update(a.id, { metadata: { x: '1' } });
    await settled();
    const types = (await h.stripe.events.list({ limit: 100 }, as(a.id))).data.filter((e) => e.created >= FIXED_NOW).map((e) => e.type);
    expect(types).toContain('account.updated');
    expect(rx.events().length).toBeGreaterThan(0);
    expect(new Set(rx.events().map((e) => e.type))).toEqual(new Set(['capability.updated']));
  });

  it('a Connect endpoint gets exactly the connected accounts’ events, a platform endpoint exactly the platform’s', async () => {
    await endpoint('/connect', { connect: true });
    await endpoint('/platform');
    const a = await createEnabled(h.stripe, 'US', 'individual', FIXED_NOW);
    await h.stripe.charges.create({ amount: 5000, currency: 'usd', source: 'tok_bypassPending' });
    await h.stripe.transfers.create({ amount: 1000, currency: 'usd', destination: a.id });
    await h.stripe.accounts.update(a.id, { metadata: { x: '1' } });
    await settled();
    const platform = (await h.stripe.events.list({ limit: 100 })).data;
    const connected = (await h.stripe.events.list({ limit: 100 }, as(a.id))).data;
    expect(platform.map((e) => e.type)).toContain('transfer.created');
    expect(connected.map((e) => e.type)).toContain('account.updated');
    expect(rx.events('/platform').map((e) => e.id).sort()).toEqual(platform.map((e) => e.id).sort());
    expect(rx.events('/connect').map((e) => e.id).sort()).toEqual(connected.map((e) => e.id).sort());
    expect(rx.events('/platform').every((e) => e.account === undefined)).toBe(true);
    expect(rx.events('/connect').every((e) => e.account === a.id)).toBe(true);
  });

  it('each mode delivers its own events to its own endpoints (livemode true in live mode)', async () => {
    await endpoint('/test', { connect: true });
    await endpoint('/live', { connect: true }, h.live);
    const a = await h.live.accounts.create({ type: 'custom', country: 'US', capabilities: { transfers: { requested: true } } });
    await settled();
    expect(rx.events('/test')).toEqual([]);
    expect(rx.events('/live').length).toBeGreaterThan(0);
    expect(rx.events('/live').every((e) => e.livemode && e.account === a.id)).toBe(true);
  });
});

describe('API versions', () => {
  it('an endpoint pinned to 2024-06-20 gets rejected.fraud, one pinned to 2026-10-28.endive rejected.platform_fraud; none pinned: the default version', async () => {
    const a = await createEnabled(h.stripe, 'US', 'individual', FIXED_NOW);
    await endpoint('/old', { connect: true, enabled_events: ['account.updated'], api_version: OLD });
    await endpoint('/endive', { connect: true, enabled_events: ['account.updated'], api_version: ENDIVE });
    await endpoint('/default', { connect: true, enabled_events: ['account.updated'] });
    await h.client(undefined, { apiVersion: OLD as Stripe.LatestApiVersion }).accounts.reject(a.id, { reason: 'fraud' });
    await settled();
    const reason = (path: string) => rx.events(path).map((e) => (e.data.object as Stripe.Account).requirements?.disabled_reason);
    expect(reason('/old')).toEqual(['rejected.fraud']);
    expect(reason('/endive')).toEqual(['rejected.platform_fraud']);
    expect(rx.events('/old')[0].api_version).toBe(OLD);
    expect(rx.events('/endive')[0].api_version).toBe(ENDIVE);
    expect(rx.events('/default')[0].api_version).toBe(h.emulator.defaultVersion);
    expect(rx.events('/old')[0].id).toBe(rx.events('/endive')[0].id);
  });
});

describe('delivery faults', () => {
  async function setup(): Promise<{ a: Stripe.Account; e: Stripe.WebhookEndpoint }> {
    const a = await createCustom(h.stripe);
    const e = await endpoint('/f', { connect: true, enabled_events: ['account.updated'] });
    return { a, e };
  }
  const addRule = async (rule: unknown) => {
    const res = await control('POST', '/_emulator/webhooks/faults', rule);
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    return res.json.data as { id: string }[];
  };

  it('duplicate: the delivery is sent twice, both signed', async () => {
    const { a, e } = await setup();
    const [rule] = await addRule({ duplicate: { endpoint: e.id } });
    const id = await touch(a.id);
    await rx.waitFor((r) => r.length === 2);
    await settled();
    expect(rx.events().map((x) => x.id)).toEqual([id, id]);
    const log = (await attempts(`?event=${id}`)).reverse();
    expect(log.map((x) => [x.attempt, x.status, x.outcome, x.faults.map((f) => f.kind)])).toEqual([
      [1, 200, 'delivered', ['duplicate']],
      [1, 200, 'duplicate', ['duplicate']],
    ]);
    expect(log[0].faults[0].rule).toBe(rule.id);
  });

  it('delay: the delivery is held for the given time', async () => {
    const { a } = await setup();
    await addRule({ delay: { ms: 400, event_type: 'account.*' } });
    const t0 = Date.now();
    const id = await touch(a.id);
    await sleep(200);
    expect(rx.received).toEqual([]);
    expect((await h.stripe.events.retrieve(id, {}, as(a.id))).pending_webhooks).toBe(1);
    await rx.waitFor((r) => r.length === 1);
    expect(rx.received[0].at - t0).toBeGreaterThanOrEqual(400);
    expect((await attempts(`?event=${id}`))[0].faults).toEqual([expect.objectContaining({ kind: 'delay', ms: 400 })]);
  });

  it('reorder: deliveries gathered for a window go out newest first', async () => {
    const { a } = await setup();
    await addRule({ reorder: { window_ms: 500 } });
    const ids = [await touch(a.id, '1'), await touch(a.id, '2'), await touch(a.id, '3')];
    await rx.waitFor((r) => r.length === 3);
    expect(rx.events().map((x) => x.id)).toEqual([...ids].reverse());
    expect(rx.events().map((x) => (x.data.object as Stripe.Account).metadata?.n)).toEqual(['3', '2', '1']);
  });

  it('drop_first: the first attempt is recorded but not sent, then the backoff retries it', async () => {
    const { a } = await setup();
    await addRule({ drop_first: {} });
    const id = await touch(a.id);
    await settled();
    expect(rx.events().map((x) => x.id)).toEqual([id]);
    const log = (await attempts(`?event=${id}`)).reverse();
    expect(log.map((x) => [x.attempt, x.status, x.outcome, x.faults.map((f) => f.kind)])).toEqual([
      [1, null, 'will_retry', ['drop_first']],
      [2, 200, 'delivered', []],
    ]);
    expect(log[0].error).toMatch(/dropped/);
  });

  it('rules apply only to their endpoint and event type; count retires a rule; rate 0 never fires', async () => {
    const { a, e } = await setup();
    await addRule({ duplicate: { event_type: 'capability.*' }, drop_first: { endpoint: 'we_someotherendpoint' }, delay: { ms: 5000, rate: 0 } });
    await addRule({ duplicate: { endpoint: e.id, count: 1 } });
    const first = await touch(a.id, '1');
    const second = await touch(a.id, '2');
    await settled();
    await sleep(50);
    expect(rx.events().map((x) => x.id).sort()).toEqual([first, first, second].sort());
    const rules = (await control('GET', '/_emulator/webhooks/faults')).json.data as { kind: string; hits: number }[];
    expect(rules.map((r) => [r.kind, r.hits])).toEqual([
      ['duplicate', 0],
      ['delay', 0],
      ['drop_first', 0],
    ]);
  });

  it('the control API: list, one rule, delete one or all, refuse bad rules', async () => {
    const made = await addRule({ duplicate: {}, reorder: { window_ms: 200 } });
    expect(made.map((r) => r.id)).toEqual(['whf_1', 'whf_2']);
    const one = await control('GET', '/_emulator/webhooks/faults/whf_2');
    expect(one.json).toMatchObject({ id: 'whf_2', kind: 'reorder', window_ms: 200, endpoint: null, event_type: '*', rate: 1, remaining: null, hits: 0 });
    expect((await control('DELETE', '/_emulator/webhooks/faults/whf_1')).json).toEqual({ id: 'whf_1', deleted: true });
    expect((await control('DELETE', '/_emulator/webhooks/faults/whf_1')).status).toBe(404);
    expect((await control('DELETE', '/_emulator/webhooks/faults')).json).toEqual({ ok: true, removed: 1 });
    for (const bad of [{}, { delay: {} }, { delay: { ms: -1 } }, { duplicate: { rate: 2 } }, { duplicate: { endpoint: 'acct_1' } }, { explode: {} }]) {
      const res = await control('POST', '/_emulator/webhooks/faults', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.json.error.message).toMatch(/^Invalid delivery fault rule: /);
    }
    expect((await control('GET', '/_emulator/webhooks/faults')).json.data).toEqual([]);
  });
});

describe('the control API', () => {
  it('reset drops endpoints, owed deliveries, the attempts and the delivery faults', async () => {
    const a = await createCustom(h.stripe);
    await endpoint('/r', { connect: true });
    await control('POST', '/_emulator/webhooks/faults', { delay: { ms: 60_000 } });
    await touch(a.id);
    expect(h.emulator.webhooks.owedCount).toBeGreaterThan(0);
    await h.reset();
    expect(h.emulator.webhooks.owedCount).toBe(0);
    expect((await h.stripe.webhookEndpoints.list()).data).toEqual([]);
    expect((await control('GET', '/_emulator/webhooks/faults')).json.data).toEqual([]);
    expect(await attempts()).toEqual([]);
  });

  it('GET /_emulator/ lists the attempts newest first, every value escaped', async () => {
    const a = await createCustom(h.stripe);
    const e = await h.stripe.webhookEndpoints.create({ url: `${rx.url}/<b>x</b>?q="1"&r='2'`, enabled_events: ['account.updated'], connect: true });
    const first = await touch(a.id, '1');
    await settled();
    const second = await touch(a.id, '2');
    await settled();
    const res = await fetch(`${h.url}/_emulator/`);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain(`${e.id} ${rx.url}/&lt;b&gt;x&lt;/b&gt;?q=&quot;1&quot;&amp;r=&#39;2&#39;`);
    expect(html.indexOf(second)).toBeGreaterThan(-1);
    expect(html.indexOf(second)).toBeLessThan(html.indexOf(first));
    expect(html).toContain('account.updated');
  });

  it('GET /_emulator (no slash) redirects to the page instead of answering the API 401', async () => {
    const res = await fetch(`${h.url}/_emulator`, { redirect: 'manual' });
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe('/_emulator/');
    const followed = await fetch(`${h.url}/_emulator`);
    expect(followed.status).toBe(200);
    expect(followed.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('POST /_emulator/webhooks/retry sends what waits for its retry now', async () => {
    const slow = await startHarness({ webhooks: { retryBaseMs: 600_000 } });
    try {
      const a = await createCustom(slow.stripe);
      const e = await slow.stripe.webhookEndpoints.create({ url: `${rx.url}/later`, enabled_events: ['account.updated'], connect: true });
      rx.secrets.set('/later', e.secret!);
      rx.answer = (_r, nth) => (nth === 1 ? 500 : 200);
      await slow.stripe.accounts.update(a.id, { metadata: { n: '1' } });
      await rx.waitFor((r) => r.length === 1);
      await sleep(50);
      expect(slow.emulator.webhooks.owedCount).toBe(1);
      const res = await fetch(`${slow.url}/_emulator/webhooks/retry`, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
      expect(await res.json()).toEqual({ ok: true, retried: 1 });
      await rx.waitFor((r) => r.length === 2);
      expect(rx.received[1].event?.id).toBe(rx.received[0].event?.id);
      await sleep(50);
      expect(slow.emulator.webhooks.owedCount).toBe(0);
    } finally {
      await slow.close();
    }
  });
});
