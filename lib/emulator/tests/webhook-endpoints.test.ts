// Webhook endpoints through the SDK: create (the secret answered once), retrieve, update, list,
// delete, Stripe's parameter errors (an unknown event type names its `enabled_events[i]`), the
// platform's own only (no Stripe-Account), and each mode its own.
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '@/lib/emulator/events/catalog';
import { MAX_ENDPOINTS } from '@/lib/emulator/webhooks/store';
import { collect, createCustom, emulatorForFile, expectStripeError, FIXED_NOW, STRIPE_FIXTURES } from './harness';

const h = emulatorForFile();
const URL_A = 'https://example.com/hooks/a';

const create = (params: Partial<Stripe.WebhookEndpointCreateParams> = {}, client = h.stripe) =>
  client.webhookEndpoints.create({ url: URL_A, enabled_events: ['account.updated'], ...params });

describe('create, retrieve, update, list, delete', () => {
  it('create answers every field of Stripe’s fixture and the whsec_ secret; nothing else ever shows the secret again', async () => {
    const e = await create({ enabled_events: ['charge.failed', 'charge.succeeded'], description: 'Sync', metadata: { team: 'ops' }, api_version: '2024-06-20', connect: true });
    for (const field of Object.keys(STRIPE_FIXTURES.webhook_endpoint)) expect(e, field).toHaveProperty(field);
    expect(e).toMatchObject({
      object: 'webhook_endpoint',
      api_version: '2024-06-20',
      application: null,
      created: FIXED_NOW,
      description: 'Sync',
      enabled_events: ['charge.failed', 'charge.succeeded'],
      livemode: false,
      metadata: { team: 'ops' },
      status: 'enabled',
      url: URL_A,
    });
    expect(e.id).toMatch(/^we_[A-Za-z0-9]{24}$/);
    expect(e.secret).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
    // `connect` is not a field of Stripe's object.
    expect(e).not.toHaveProperty('connect');

    const again = await h.stripe.webhookEndpoints.retrieve(e.id);
    expect(again).not.toHaveProperty('secret');
    const { secret: _secret, ...rest } = e;
    expect(again).toEqual(rest);
    const [listed] = (await h.stripe.webhookEndpoints.list()).data;
    expect(listed).toEqual(rest);
    const updated = await h.stripe.webhookEndpoints.update(e.id, { description: 'Sync 2' });
    expect(updated).not.toHaveProperty('secret');
  });

  it('defaults: no api_version (the account’s default), no description, empty metadata; `*` enables every event', async () => {
    const e = await create({ enabled_events: ['*'] });
    expect(e).toMatchObject({ api_version: null, description: null, metadata: {}, enabled_events: ['*'] });
  });

  it('update changes url, enabled_events, description, metadata and status (disabled)', async () => {
    const e = await create({ metadata: { a: '1', b: '2' }, description: 'first' });
    const u = await h.stripe.webhookEndpoints.update(e.id, {
      url: 'http://127.0.0.1:9/hook',
      enabled_events: ['transfer.created', 'account.updated'],
      description: '',
      metadata: { a: '', c: '3' },
      disabled: true,
    });
    expect(u).toMatchObject({ id: e.id, url: 'http://127.0.0.1:9/hook', enabled_events: ['transfer.created', 'account.updated'], description: null, metadata: { b: '2', c: '3' }, status: 'disabled', created: e.created, api_version: null });
    expect((await h.stripe.webhookEndpoints.update(e.id, { disabled: false })).status).toBe('enabled');
    // An empty update changes nothing.
    expect(await h.stripe.webhookEndpoints.update(e.id, {})).toEqual(await h.stripe.webhookEndpoints.retrieve(e.id));
  });

  it('delete answers {id, object, deleted}; the endpoint is then unknown', async () => {
    const e = await create();
    const d = await h.stripe.webhookEndpoints.del(e.id);
    expect(d).toEqual({ id: e.id, object: 'webhook_endpoint', deleted: true });
    expect(Object.keys(d).sort()).toEqual(Object.keys(STRIPE_FIXTURES.deleted_webhook_endpoint).sort());
    await expectStripeError(h.stripe.webhookEndpoints.retrieve(e.id), { status: 404, code: 'resource_missing', param: 'id', message: `No such webhook_endpoint: '${e.id}'` });
    await expectStripeError(h.stripe.webhookEndpoints.del(e.id), { status: 404, code: 'resource_missing' });
    await expectStripeError(h.stripe.webhookEndpoints.update(e.id, { description: 'x' }), { status: 404, code: 'resource_missing' });
    expect((await h.stripe.webhookEndpoints.list()).data).toEqual([]);
  });

  it('list: newest first, limit and cursors, auto-pagination', async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await create({ description: `n${i}` })).id);
    const newest = [...made].reverse();
    const page = await h.stripe.webhookEndpoints.list({ limit: 2 });
    expect(page).toMatchObject({ object: 'list', has_more: true, url: '/v1/webhook_endpoints' });
    expect(page.data.map((e) => e.id)).toEqual(newest.slice(0, 2));
    const next = await h.stripe.webhookEndpoints.list({ limit: 2, starting_after: newest[1] });
    expect(next.data.map((e) => e.id)).toEqual(newest.slice(2, 4));
    const before = await h.stripe.webhookEndpoints.list({ ending_before: newest[2] });
    expect(before.data.map((e) => e.id)).toEqual(newest.slice(0, 2));
    expect((await collect(h.stripe.webhookEndpoints.list({ limit: 2 }))).map((e) => e.id)).toEqual(newest);
    await expectStripeError(h.stripe.webhookEndpoints.list({ starting_after: 'we_nope' }), { status: 400, code: 'resource_missing', param: 'starting_after' });
  });

  it('each mode has its own endpoints', async () => {
    const test = await create();
    const live = await create({}, h.live);
    expect(live.livemode).toBe(true);
    expect((await h.stripe.webhookEndpoints.list()).data.map((e) => e.id)).toEqual([test.id]);
    expect((await h.live.webhookEndpoints.list()).data.map((e) => e.id)).toEqual([live.id]);
    await expectStripeError(h.live.webhookEndpoints.retrieve(test.id), { status: 404, code: 'resource_missing' });
  });

  it(`at most ${MAX_ENDPOINTS} endpoints per account and mode, as on Stripe`, async () => {
    for (let i = 0; i < MAX_ENDPOINTS; i++) await create();
    await expectStripeError(create(), { status: 400, message: /maximum of 16 webhook endpoints/ });
    await create({}, h.live);
  });
});

describe('parameter errors', () => {
  it('an unknown event type is a 400 naming enabled_events[i]', async () => {
    const e = await expectStripeError(create({ enabled_events: ['account.updated', 'account.exploded' as Stripe.WebhookEndpointCreateParams.EnabledEvent] }), {
      status: 400,
      param: 'enabled_events[1]',
      message: /account\.exploded/,
    });
    expect(e.code).toBeUndefined();
    const made = await create();
    await expectStripeError(h.stripe.webhookEndpoints.update(made.id, { enabled_events: ['nope' as Stripe.WebhookEndpointUpdateParams.EnabledEvent] }), { status: 400, param: 'enabled_events[0]' });
    // Nothing was made or changed.
    expect((await h.stripe.webhookEndpoints.list()).data).toHaveLength(1);
    expect((await h.stripe.webhookEndpoints.retrieve(made.id)).enabled_events).toEqual(['account.updated']);
  });

  it('every type of the SDK’s list is accepted at once', async () => {
    const e = await create({ enabled_events: [...EVENT_TYPES] });
    expect(e.enabled_events).toHaveLength(EVENT_TYPES.length);
  });

  it('missing, unknown and malformed parameters', async () => {
    await expectStripeError(h.stripe.webhookEndpoints.create({ enabled_events: ['*'] } as Stripe.WebhookEndpointCreateParams), { status: 400, code: 'parameter_missing', param: 'url' });
    await expectStripeError(h.stripe.webhookEndpoints.create({ url: URL_A } as Stripe.WebhookEndpointCreateParams), { status: 400, code: 'parameter_missing', param: 'enabled_events' });
    await expectStripeError(create({ colour: 'red' } as Partial<Stripe.WebhookEndpointCreateParams>), { status: 400, code: 'parameter_unknown', param: 'colour' });
    await expectStripeError(create({ url: 'ftp://example.com/x' }), { status: 400, param: 'url', message: /Invalid URL/ });
    await expectStripeError(create({ url: 'not a url' }), { status: 400, param: 'url' });
    await expectStripeError(create({ url: '' }), { status: 400, code: 'parameter_invalid_empty', param: 'url' });
    await expectStripeError(create({ api_version: 'yesterday' as Stripe.WebhookEndpointCreateParams.ApiVersion }), { status: 400, param: 'api_version' });
    await expectStripeError(create({ connect: 'maybe' as unknown as boolean }), { status: 400, param: 'connect' });
    const made = await create();
    await expectStripeError(h.stripe.webhookEndpoints.update(made.id, { connect: true } as Stripe.WebhookEndpointUpdateParams), { status: 400, code: 'parameter_unknown', param: 'connect' });
    await expectStripeError(h.stripe.webhookEndpoints.update(made.id, { api_version: '2024-06-20' } as Stripe.WebhookEndpointUpdateParams), { status: 400, code: 'parameter_unknown', param: 'api_version' });
    await expectStripeError(h.stripe.webhookEndpoints.update(made.id, { disabled: 'soon' as unknown as boolean }), { status: 400, param: 'disabled' });
    await expectStripeError(h.stripe.webhookEndpoints.update(made.id, { metadata: { ['k'.repeat(41)]: 'v' } }), { status: 400 });
  });

  it('loopback and plain http URLs are taken (unlike Stripe)', async () => {
    for (const url of ['http://127.0.0.1:3000/api/stripe/webhook', 'http://localhost/hook', 'http://[::1]:8080/x', 'https://hooks.example.com/stripe']) {
      expect((await create({ url })).url).toBe(url);
    }
  });

  it('the platform’s own only: the Stripe-Account header is refused', async () => {
    const a = await createCustom(h.stripe);
    await expectStripeError(create({}, h.stripe).then(() => h.stripe.webhookEndpoints.list({}, { stripeAccount: a.id })), { status: 400, param: 'Stripe-Account' });
    await expectStripeError(h.stripe.webhookEndpoints.create({ url: URL_A, enabled_events: ['*'] }, { stripeAccount: a.id }), { status: 400, param: 'Stripe-Account' });
  });
});
