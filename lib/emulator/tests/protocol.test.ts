// Stripe's wire protocol through the emulator: keys and modes, request ids, the error shape,
// idempotency, form parsing end to end, versions and unknown routes.
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { createCustom, expectErrorShape, expectStripeError, startHarness, TEST_KEY, emulatorForFile } from './harness';

const h = emulatorForFile({ realTime: true });

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

describe('authentication', () => {
  it('refuses a request without a key with 401 in Stripe’s error shape', async () => {
    const res = await h.raw('GET', '/v1/accounts', { key: null });
    expectErrorShape(res, 401);
    expect(res.json.error.message).toMatch(/You did not provide an API key/);
  });

  it('refuses keys that are not secret or restricted keys, in either mode', async () => {
    for (const key of ['pk_test_abc', 'pk_live_abc', 'sk_prod_abc', 'sk_test_', 'whsec_abc', 'garbage', 'sk_test_abc def']) {
      const res = await h.raw('GET', '/v1/accounts', { headers: { Authorization: `Bearer ${key}` } });
      expectErrorShape(res, 401);
      expect(res.json.error.message).toMatch(/Invalid API Key provided/);
    }
  });

  it('does not echo a bad key in full', async () => {
    const key = 'sk_nope_0123456789abcdefghij';
    const res = await h.raw('GET', '/v1/accounts', { headers: { Authorization: `Bearer ${key}` } });
    expect(res.status).toBe(401);
    expect(res.text).not.toContain(key);
  });

  it('answers the SDK with an authentication error for a bad key', async () => {
    const e = await expectStripeError(h.client('sk_wrong_123').accounts.list(), { status: 401, message: /Invalid API Key/ });
    expect(e).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it('accepts Bearer and Basic auth, with secret and restricted keys', async () => {
    for (const auth of [`Bearer ${TEST_KEY}`, basic(TEST_KEY), 'Bearer rk_test_restricted1', basic('rk_test_restricted1'), `bearer ${TEST_KEY}`]) {
      const res = await h.raw('GET', '/v1/accounts', { headers: { Authorization: auth } });
      expect(res.status, auth).toBe(200);
      expect(res.json.object).toBe('list');
    }
  });

  it('accepts a Basic password after the key (curl -u key:)', async () => {
    const res = await h.raw('GET', '/v1/accounts', { headers: { Authorization: `Basic ${Buffer.from(`${TEST_KEY}:ignored`).toString('base64')}` } });
    expect(res.status).toBe(200);
  });
});

describe('modes', () => {
  it('keeps test and live data apart', async () => {
    const test = await createCustom(h.stripe);
    const live = await createCustom(h.live);
    await expectStripeError(h.live.accounts.retrieve(test.id), { status: 404, code: 'resource_missing' });
    await expectStripeError(h.stripe.accounts.retrieve(live.id), { status: 404, code: 'resource_missing' });
    expect((await h.stripe.accounts.list()).data.map((a) => a.id)).toEqual([test.id]);
    expect((await h.live.accounts.list()).data.map((a) => a.id)).toEqual([live.id]);
  });

  it('treats restricted keys as their mode', async () => {
    const live = await createCustom(h.live);
    const rkLive = h.client('rk_live_restricted');
    expect((await rkLive.accounts.retrieve(live.id)).id).toBe(live.id);
    await expectStripeError(h.client('rk_test_restricted').accounts.retrieve(live.id), { status: 404, code: 'resource_missing' });
  });

  it('shares data between keys of the same mode', async () => {
    const a = await createCustom(h.client('sk_test_first'));
    expect((await h.client('sk_test_second').accounts.retrieve(a.id)).id).toBe(a.id);
    const res = await h.raw('GET', `/v1/accounts/${a.id}`, { headers: { Authorization: basic('rk_test_third') } });
    expect(res.json.id).toBe(a.id);
  });
});

describe('request ids', () => {
  it('puts a Request-Id on every answer: success, errors, unknown routes, 401s', async () => {
    const answers = await Promise.all([
      h.raw('GET', '/v1/accounts'),
      h.raw('GET', '/v1/accounts/acct_missing'),
      h.raw('GET', '/v1/nowhere'),
      h.raw('GET', '/v1/accounts', { key: null }),
      h.raw('POST', '/v1/accounts', { body: 'type=bogus' }),
    ]);
    const ids = answers.map((r) => r.headers.get('request-id'));
    for (const id of ids) expect(id).toMatch(/^req_[A-Za-z0-9]{8,}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives the SDK the request id on objects and on errors', async () => {
    const account = await createCustom(h.stripe);
    expect(account.lastResponse.requestId).toMatch(/^req_/);
    const e = await expectStripeError(h.stripe.accounts.retrieve('acct_missing'), { status: 404 });
    expect(e.requestId).toMatch(/^req_/);
    expect(e.requestId).not.toBe(account.lastResponse.requestId);
  });

  it('logs each API request under its id in the control API', async () => {
    const account = await createCustom(h.stripe);
    const res = await fetch(`${h.url}/_emulator/requests`);
    const log = (await res.json()) as { data: Array<{ id: string; method: string; path: string; status: number }> };
    expect(log.data[0]).toMatchObject({ id: account.lastResponse.requestId, method: 'POST', path: '/v1/accounts', status: 200 });
  });
});

describe('errors', () => {
  it('answers an unknown id with 404 resource_missing', async () => {
    const res = await h.raw('GET', '/v1/accounts/acct_doesnotexist');
    expectErrorShape(res, 404, { code: 'resource_missing' });
    expect(res.json.error.message).toContain('acct_doesnotexist');
  });

  it('answers unknown routes and methods with 404 Unrecognized request URL', async () => {
    for (const [method, path] of [
      ['GET', '/v1/nowhere'],
      ['PUT', '/v1/accounts'],
      ['DELETE', '/v1/accounts'],
      ['GET', '/v2/accounts'],
      ['POST', '/v1/country_specs'],
    ] as const) {
      const res = await h.raw(method, path);
      expectErrorShape(res, 404);
      expect(res.json.error.message).toContain(`Unrecognized request URL (${method}: ${path})`);
    }
  });

  it('checks the key before the route', async () => {
    const res = await h.raw('GET', '/v1/nowhere', { key: null });
    expect(res.status).toBe(401);
  });

  it('names an unknown parameter with parameter_unknown', async () => {
    const res = await h.raw('POST', '/v1/accounts', { body: 'type=custom&favourite_colour=blue' });
    expectErrorShape(res, 400, { code: 'parameter_unknown', param: 'favourite_colour' });
    expect(res.json.error.message).toBe('Received unknown parameter: favourite_colour');
    const nested = await h.raw('POST', '/v1/accounts', { body: 'type=custom&business_profile[colour]=blue' });
    expectErrorShape(nested, 400, { code: 'parameter_unknown', param: 'business_profile[colour]' });
    const query = await h.raw('GET', '/v1/accounts', { body: 'colour=blue' });
    expectErrorShape(query, 400, { code: 'parameter_unknown', param: 'colour' });
  });

  it('names a wrong enum value', async () => {
    const res = await h.raw('POST', '/v1/accounts', { body: 'type=bogus' });
    expectErrorShape(res, 400, { param: 'type' });
    expect(res.json.error.message).toMatch(/Invalid type: must be one of custom, express, or standard/);
  });

  it('names a wrong type', async () => {
    expectErrorShape(await h.raw('GET', '/v1/accounts', { body: 'limit=ten' }), 400, { param: 'limit' });
    expectErrorShape(await h.raw('POST', '/v1/accounts', { body: 'type=custom&metadata=notahash' }), 400, { param: 'metadata' });
    expectErrorShape(await h.raw('POST', '/v1/accounts', { body: 'type=custom&email[a]=b' }), 400, { param: 'email' });
  });

  it('names a missing required parameter with parameter_missing', async () => {
    const account = await createCustom(h.stripe);
    const res = await h.raw('POST', `/v1/accounts/${account.id}/reject`, { body: '' });
    expectErrorShape(res, 400, { code: 'parameter_missing', param: 'reason' });
    expect(res.json.error.message).toBe('Missing required param: reason.');
  });

  it('maps error types to the SDK’s error classes', async () => {
    const missing = await expectStripeError(h.stripe.accounts.retrieve('acct_missing'), { status: 404 });
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    const idem = await idempotencyConflict();
    expect(idem).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });
});

async function idempotencyConflict() {
  const key = `conflict-${Math.random()}`;
  await h.stripe.accounts.create({ type: 'custom', country: 'US' }, { idempotencyKey: key });
  return expectStripeError(h.stripe.accounts.create({ type: 'custom', country: 'GB' }, { idempotencyKey: key }), { status: 400, type: 'idempotency_error' });
}

describe('idempotency', () => {
  it('replays the first answer for the same key and parameters, making nothing new', async () => {
    const key = 'idem-create-1';
    const first = await h.stripe.accounts.create({ type: 'custom', country: 'US', metadata: { n: '1' } }, { idempotencyKey: key });
    const again = await h.stripe.accounts.create({ type: 'custom', country: 'US', metadata: { n: '1' } }, { idempotencyKey: key });
    expect(again.id).toBe(first.id);
    expect(again).toEqual(first);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect((await h.stripe.accounts.list({ limit: 100 })).data).toHaveLength(1);
  });

  it('refuses the same key with other parameters as idempotency_error', async () => {
    const e = await idempotencyConflict();
    expect(e.statusCode).toBe(400);
    expect(e.message).toMatch(/same parameters/);
  });

  it('refuses the same key on another endpoint', async () => {
    const a = await createCustom(h.stripe);
    await h.stripe.accounts.update(a.id, { metadata: { x: '1' } }, { idempotencyKey: 'shared-key' });
    await expectStripeError(h.stripe.accounts.reject(a.id, { reason: 'other' }, { idempotencyKey: 'shared-key' }), { status: 400, type: 'idempotency_error' });
  });

  it('replays errors that happened while executing', async () => {
    const key = 'idem-404';
    const first = await expectStripeError(h.stripe.accounts.update('acct_missing', { email: 'a@example.com' }, { idempotencyKey: key }), { status: 404, code: 'resource_missing' });
    const res = await h.raw('POST', '/v1/accounts/acct_missing', { body: 'email=a%40example.com', headers: { 'Idempotency-Key': key, 'Stripe-Version': Stripe.API_VERSION } });
    expect(res.status).toBe(404);
    expect(res.headers.get('idempotent-replayed')).toBe('true');
    expect(res.json.error.code).toBe(first.code);
  });

  it('does not save requests that failed validation: the key can be used again', async () => {
    const key = 'idem-invalid';
    await expectStripeError(h.stripe.accounts.create({ type: 'bogus' as Stripe.AccountCreateParams.Type }, { idempotencyKey: key }), { status: 400, param: 'type' });
    const ok = await h.stripe.accounts.create({ type: 'custom' }, { idempotencyKey: key });
    expect(ok.id).toMatch(/^acct_/);
    expect(ok.lastResponse.headers['idempotent-replayed']).toBeUndefined();
  });

  it('keeps keys apart per mode', async () => {
    const key = 'idem-modes';
    const test = await h.stripe.accounts.create({ type: 'custom' }, { idempotencyKey: key });
    const live = await h.live.accounts.create({ type: 'express' }, { idempotencyKey: key });
    expect(live.id).not.toBe(test.id);
    expect(live.type).toBe('express');
  });

  it('runs POSTs without a key every time', async () => {
    await h.stripe.accounts.create({ type: 'custom' });
    await h.stripe.accounts.create({ type: 'custom' });
    expect((await h.stripe.accounts.list()).data).toHaveLength(2);
  });

  it('refuses keys longer than 255 characters', async () => {
    const res = await h.raw('POST', '/v1/accounts', { body: 'type=custom', headers: { 'Idempotency-Key': 'k'.repeat(256) } });
    expectErrorShape(res, 400);
    expect((await h.stripe.accounts.list()).data).toHaveLength(0);
  });

  it('forgets keys on reset', async () => {
    const first = await h.stripe.accounts.create({ type: 'custom' }, { idempotencyKey: 'idem-reset' });
    await h.reset();
    const second = await h.stripe.accounts.create({ type: 'custom' }, { idempotencyKey: 'idem-reset' });
    expect(second.id).not.toBe(first.id);
  });
});

describe('form parsing end to end', () => {
  it('reads nested hashes, percent escapes and + as a space', async () => {
    const body = [
      'type=custom',
      'country=GB',
      'metadata[order_id]=A%2B1',
      'metadata[note]=two+words%20%26+more',
      'business_profile[name]=Caf%C3%A9+%22Bleu%22',
      'business_profile[support_address][city]=London',
      'settings[payouts][schedule][interval]=weekly',
      'settings[payouts][schedule][weekly_anchor]=friday',
    ].join('&');
    const res = await h.raw('POST', '/v1/accounts', { body });
    expect(res.status).toBe(200);
    expect(res.json.country).toBe('GB');
    expect(res.json.metadata).toEqual({ order_id: 'A+1', note: 'two words & more' });
    expect(res.json.business_profile.name).toBe('Café "Bleu"');
    expect(res.json.business_profile.support_address.city).toBe('London');
    expect(res.json.settings.payouts.schedule).toMatchObject({ interval: 'weekly', weekly_anchor: 'friday' });
  });

  it('reads percent-encoded brackets as brackets', async () => {
    const res = await h.raw('POST', '/v1/accounts', { body: 'type=custom&metadata%5Bk%5D=v' });
    expect(res.json.metadata).toEqual({ k: 'v' });
  });

  it('reads arrays given with [] and with [n]', async () => {
    const a = await createCustom(h.stripe);
    for (const q of ['expand[]=data.account', 'expand[0]=data.account']) {
      const res = await h.raw('GET', `/v1/accounts/${a.id}/capabilities`, { body: q });
      expect(res.status, q).toBe(200);
      expect(res.json.data[0].account.id).toBe(a.id);
    }
  });

  it('takes parameters from the query string of a POST too', async () => {
    const res = await h.raw('POST', '/v1/accounts?metadata[from]=query', { body: 'type=custom' });
    expect(res.status).toBe(200);
    expect(res.json.metadata).toEqual({ from: 'query' });
  });

  it('refuses malformed keys, naming them', async () => {
    const res = await h.raw('POST', '/v1/accounts', { body: 'type=custom&metadata[a=1' });
    expectErrorShape(res, 400, { param: 'metadata[a' });
  });

  it('refuses malformed percent encoding', async () => {
    expectErrorShape(await h.raw('POST', '/v1/accounts', { body: 'type=custom&email=%E0%A4%A' }), 400);
  });

  it('answers JSON', async () => {
    const res = await h.raw('GET', '/v1/accounts');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.json).toMatchObject({ object: 'list', url: '/v1/accounts', has_more: false, data: [] });
  });
});

describe('API versions', () => {
  it('echoes the version a request asked for, and the default without one', async () => {
    const pinned = await h.raw('GET', '/v1/accounts', { headers: { 'Stripe-Version': '2026-07-29.dahlia' } });
    expect(pinned.headers.get('stripe-version')).toBe('2026-07-29.dahlia');
    const bare = await h.raw('GET', '/v1/accounts');
    expect(bare.headers.get('stripe-version')).toBe('2024-06-20');
  });

  it('sends the SDK’s pinned version', async () => {
    const list = await h.stripe.accounts.list();
    expect(list.lastResponse.apiVersion).toBe(Stripe.API_VERSION);
  });

  it('refuses a version that does not exist', async () => {
    const res = await h.raw('GET', '/v1/accounts', { headers: { 'Stripe-Version': 'yesterday' } });
    expectErrorShape(res, 400);
    expect(res.json.error.message).toContain('yesterday');
  });

  it('uses the emulator’s configured default for requests without a version', async () => {
    const other = await startHarness({ apiVersion: '2026-09-30.endive' });
    try {
      const res = await other.raw('GET', '/v1/accounts');
      expect(res.headers.get('stripe-version')).toBe('2026-09-30.endive');
      const a = await createCustom(other.stripe);
      const rejected = await other.raw('POST', `/v1/accounts/${a.id}/reject`, { body: 'reason=fraud' });
      expectErrorShape(rejected, 400, { param: 'reason' });
    } finally {
      await other.close();
    }
  });
});

describe('Stripe-Account', () => {
  it('acts as the connected account on GET /v1/account', async () => {
    const a = await createCustom(h.stripe, { email: 'conn@example.com' });
    const viaHeader = await h.stripe.accounts.retrieveCurrent({}, { stripeAccount: a.id });
    expect(viaHeader.id).toBe(a.id);
    expect(viaHeader.email).toBe('conn@example.com');
    const platform = await h.stripe.accounts.retrieveCurrent();
    expect(platform.id).not.toBe(a.id);
    expect(platform.object).toBe('account');
  });

  it('refuses an account the key cannot reach', async () => {
    const live = await createCustom(h.live);
    const e = await expectStripeError(h.stripe.accounts.retrieveCurrent({}, { stripeAccount: live.id }), { status: 403, code: 'account_invalid' });
    expect(e.message).toContain(live.id);
  });
});

describe('control API', () => {
  it('reports health and resets to the seed', async () => {
    const health = await fetch(`${h.url}/_emulator/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, seed: 'empty', api_version: '2024-06-20' });
    await createCustom(h.stripe);
    const reset = await fetch(`${h.url}/_emulator/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
    expect(await reset.json()).toMatchObject({ ok: true, accounts: 0 });
    expect((await h.stripe.accounts.list()).data).toHaveLength(0);
  });

  it('needs no API key, and is no part of the Stripe API surface', async () => {
    expect((await fetch(`${h.url}/_emulator/health`)).status).toBe(200);
    expectErrorShape(await h.raw('GET', '/_emulator/nothing'), 404);
    // The control API's routes are not Stripe routes.
    expectErrorShape(await h.raw('GET', '/v1/_emulator/health'), 404);
  });
});

describe('a bad expand[] on a change', () => {
  it('is refused before anything changes', async () => {
    const account = await createCustom(h.stripe, { metadata: { v: '1' } });
    const e = await expectStripeError(h.stripe.accounts.update(account.id, { metadata: { v: '2' }, expand: ['nope'] }), { status: 400 });
    expect(e.param).toBe('expand');
    expect((await h.stripe.accounts.retrieve(account.id)).metadata).toEqual({ v: '1' });

    const before = (await h.stripe.charges.list({ limit: 100 })).data.length;
    await expectStripeError(h.stripe.charges.create({ amount: 500, currency: 'usd', source: 'tok_visa', expand: ['balance_transaction.a.b.c.d'] }), { status: 400 });
    await expectStripeError(h.stripe.charges.create({ amount: 500, currency: 'usd', source: 'tok_visa', expand: ['not_a_field'] }), { status: 400 });
    expect((await h.stripe.charges.list({ limit: 100 })).data.length).toBe(before);
  });
});
