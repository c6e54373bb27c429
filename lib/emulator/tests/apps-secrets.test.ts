// The Stripe Apps Secret Store through the SDK: set (create or replace), find, delete and list, by
// name within a scope (`account`, or one Dashboard `user`), each account its own store.
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { collect, createCustom, expectStripeError, FIXED_NOW, STRIPE_FIXTURES, emulatorForFile } from './harness';

const FIXTURES = STRIPE_FIXTURES;

const h = emulatorForFile();

const ACCOUNT = { type: 'account' } as const;
const USER = { type: 'user', user: 'usr_123' } as const;
type Scope = Stripe.Apps.SecretCreateParams.Scope;

const set = (name: string, payload = 'secret_key_xxxxxx', scope: Scope = ACCOUNT, extra: Partial<Stripe.Apps.SecretCreateParams> = {}, options?: Stripe.RequestOptions) =>
  h.stripe.apps.secrets.create({ name, payload, scope, ...extra }, options);

describe('set', () => {
  it('answers a secret with every field of Stripe’s sample, without its payload', async () => {
    const s = await set('my-api-key');
    for (const key of Object.keys(FIXTURES['apps.secret'])) expect(s, key).toHaveProperty(key);
    expect(s.id).toMatch(/^appsecret_/);
    expect(s).toMatchObject({ object: 'apps.secret', name: 'my-api-key', scope: { type: 'account' }, created: FIXED_NOW, expires_at: null, livemode: false });
    expect(s).not.toHaveProperty('payload');
    expect((await set('other', 'p', ACCOUNT, { expand: ['payload'] })).payload).toBe('p');
  });

  it('replaces a secret of the same name in the same scope', async () => {
    await set('token', 'first');
    h.clock += 10;
    const second = await set('token', 'second');
    const all = await h.stripe.apps.secrets.list({ scope: ACCOUNT, expand: ['data.payload'] });
    expect(all.data.map((s) => [s.id, s.payload])).toEqual([[second.id, 'second']]);
  });

  it('keeps the account scope and each user’s scope apart', async () => {
    await set('token', 'account-wide');
    await set('token', 'for-usr_123', USER);
    await set('token', 'for-usr_456', { type: 'user', user: 'usr_456' });
    const find = (scope: Scope) => h.stripe.apps.secrets.find({ name: 'token', scope, expand: ['payload'] });
    expect((await find(ACCOUNT)).payload).toBe('account-wide');
    expect(await find(USER)).toMatchObject({ payload: 'for-usr_123', scope: { type: 'user', user: 'usr_123' } });
    expect((await find({ type: 'user', user: 'usr_456' })).payload).toBe('for-usr_456');
    expect((await h.stripe.apps.secrets.list({ scope: ACCOUNT })).data).toHaveLength(1);
  });

  it('holds at most 10 secrets per scope; replacing one at the limit is fine', async () => {
    for (let i = 0; i < 10; i++) await set(`s${i}`);
    await expectStripeError(set('s10'), { status: 400, param: 'name', message: /maximum of 10 secrets/ });
    expect((await set('s3', 'new')).name).toBe('s3');
    expect((await set('s10', 'x', USER)).name).toBe('s10');
  });

  it('takes an expiry in the future, after which the secret is gone', async () => {
    const s = await set('short-lived', 'p', ACCOUNT, { expires_at: FIXED_NOW + 3600 });
    expect(s.expires_at).toBe(FIXED_NOW + 3600);
    h.clock = FIXED_NOW + 3599;
    expect((await h.stripe.apps.secrets.find({ name: 'short-lived', scope: ACCOUNT })).id).toBe(s.id);
    h.clock = FIXED_NOW + 3600;
    await expectStripeError(h.stripe.apps.secrets.find({ name: 'short-lived', scope: ACCOUNT }), { status: 404, code: 'resource_missing' });
    expect((await h.stripe.apps.secrets.list({ scope: ACCOUNT })).data).toEqual([]);
  });

  it('refuses missing, unknown and invalid parameters, naming them', async () => {
    const create = (params: Record<string, unknown>) => h.stripe.apps.secrets.create(params as unknown as Stripe.Apps.SecretCreateParams);
    await expectStripeError(create({ payload: 'p', scope: ACCOUNT }), { status: 400, code: 'parameter_missing', param: 'name' });
    await expectStripeError(create({ name: 'n', scope: ACCOUNT }), { status: 400, code: 'parameter_missing', param: 'payload' });
    await expectStripeError(create({ name: 'n', payload: 'p' }), { status: 400, code: 'parameter_missing', param: 'scope' });
    const noType = await h.raw('POST', '/v1/apps/secrets', { body: 'name=n&payload=p&scope[user]=usr_1' });
    expect(noType.status).toBe(400);
    expect(noType.json.error).toMatchObject({ code: 'parameter_missing', param: 'scope[type]' });
    await expectStripeError(create({ name: 'n', payload: 'p', scope: { type: 'team' } }), { status: 400, param: 'scope[type]', message: /must be one of account, or user/ });
    await expectStripeError(create({ name: 'n', payload: 'p', scope: { type: 'user' } }), { status: 400, code: 'parameter_missing', param: 'scope[user]' });
    await expectStripeError(create({ name: 'n', payload: 'p', scope: { type: 'account', user: 'usr_1' } }), { status: 400, param: 'scope[user]' });
    await expectStripeError(create({ name: 'n', payload: 'p', scope: { type: 'account', team: 'x' } }), { status: 400, code: 'parameter_unknown', param: 'scope[team]' });
    await expectStripeError(create({ name: 'n', payload: 'p', scope: ACCOUNT, metadata: { a: 'b' } }), { status: 400, code: 'parameter_unknown', param: 'metadata' });
    await expectStripeError(create({ name: '', payload: 'p', scope: ACCOUNT }), { status: 400, code: 'parameter_invalid_empty', param: 'name' });
    await expectStripeError(create({ name: 'n', payload: 'p'.repeat(5001), scope: ACCOUNT }), { status: 400, param: 'payload' });
    await expectStripeError(create({ name: 'n', payload: 'p', scope: ACCOUNT, expires_at: FIXED_NOW }), { status: 400, param: 'expires_at', message: /future/ });
    await expectStripeError(create({ name: 'n', payload: 'p', scope: ACCOUNT, expires_at: FIXED_NOW + 101 * 366 * 86400 }), { status: 400, param: 'expires_at' });
    await expectStripeError(create({ name: 'n', payload: 'p', scope: ACCOUNT, expand: ['scope'] }), { status: 400, param: 'expand' });
    expect((await h.stripe.apps.secrets.list({ scope: ACCOUNT })).data).toEqual([]);
  });

  it('replays an idempotent set, and refuses the key with other parameters', async () => {
    const first = await set('k', 'p', ACCOUNT, {}, { idempotencyKey: 'secret-1' });
    const again = await set('k', 'p', ACCOUNT, {}, { idempotencyKey: 'secret-1' });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    await expectStripeError(set('k', 'other', ACCOUNT, {}, { idempotencyKey: 'secret-1' }), { status: 400, type: 'idempotency_error' });
  });
});

describe('find', () => {
  it('finds by name and scope; the payload only when expanded', async () => {
    const s = await set('my-api-key', 'sk_third_party');
    const found = await h.stripe.apps.secrets.find({ name: 'my-api-key', scope: ACCOUNT });
    expect(found).toMatchObject({ id: s.id, name: 'my-api-key', scope: { type: 'account' } });
    expect(found).not.toHaveProperty('payload');
    expect((await h.stripe.apps.secrets.find({ name: 'my-api-key', scope: ACCOUNT, expand: ['payload'] })).payload).toBe('sk_third_party');
  });

  it('answers 404 for a name not in that scope, and refuses bad parameters', async () => {
    await set('token', 'p', USER);
    await expectStripeError(h.stripe.apps.secrets.find({ name: 'token', scope: ACCOUNT }), { status: 404, code: 'resource_missing', param: 'name', message: /No such secret: 'token'/ });
    await expectStripeError(h.stripe.apps.secrets.find({ name: 'token', scope: { type: 'user', user: 'usr_other' } }), { status: 404, code: 'resource_missing' });
    await expectStripeError(h.stripe.apps.secrets.find({ scope: ACCOUNT } as Stripe.Apps.SecretFindParams), { status: 400, code: 'parameter_missing', param: 'name' });
    await expectStripeError(h.stripe.apps.secrets.find({ name: 'token' } as Stripe.Apps.SecretFindParams), { status: 400, code: 'parameter_missing', param: 'scope' });
    await expectStripeError(h.stripe.apps.secrets.find({ name: 'token', scope: { type: 'user' } }), { status: 400, code: 'parameter_missing', param: 'scope[user]' });
    await expectStripeError(h.stripe.apps.secrets.find({ name: 'token', scope: USER, payload: 'x' } as Stripe.Apps.SecretFindParams), { status: 400, code: 'parameter_unknown', param: 'payload' });
    await expectStripeError(h.stripe.apps.secrets.find({ name: 'token', scope: USER, expand: ['name'] }), { status: 400, param: 'expand' });
  });
});

describe('delete', () => {
  it('deletes by name and scope, answering the deleted secret', async () => {
    const s = await set('token', 'p');
    await set('token', 'q', USER);
    const deleted = await h.stripe.apps.secrets.deleteWhere({ name: 'token', scope: ACCOUNT });
    expect(deleted).toMatchObject({ id: s.id, object: 'apps.secret', name: 'token', deleted: true, scope: { type: 'account' } });
    await expectStripeError(h.stripe.apps.secrets.find({ name: 'token', scope: ACCOUNT }), { status: 404, code: 'resource_missing' });
    expect((await h.stripe.apps.secrets.find({ name: 'token', scope: USER, expand: ['payload'] })).payload).toBe('q');
  });

  it('answers 404 for an unknown name, and refuses unknown parameters', async () => {
    await expectStripeError(h.stripe.apps.secrets.deleteWhere({ name: 'nope', scope: ACCOUNT }), { status: 404, code: 'resource_missing', param: 'name' });
    await set('token');
    await expectStripeError(h.stripe.apps.secrets.deleteWhere({ name: 'token', scope: ACCOUNT, force: true } as Stripe.Apps.SecretDeleteWhereParams), { status: 400, code: 'parameter_unknown', param: 'force' });
    await expectStripeError(h.stripe.apps.secrets.deleteWhere({ name: 'token', scope: ACCOUNT, expand: ['scope'] }), { status: 400, param: 'expand' });
    expect((await h.stripe.apps.secrets.list({ scope: ACCOUNT })).data).toHaveLength(1);
  });

  it('answers the payload of what it deleted when expanded', async () => {
    await set('token', 'p');
    expect((await h.stripe.apps.secrets.deleteWhere({ name: 'token', scope: ACCOUNT, expand: ['payload'] })).payload).toBe('p');
  });
});

describe('list', () => {
  it('lists one scope, newest first, with cursors', async () => {
    const made: Stripe.Apps.Secret[] = [];
    for (let i = 0; i < 4; i++) {
      h.clock = FIXED_NOW + i;
      made.push(await set(`s${i}`, `p${i}`));
    }
    await set('user-only', 'u', USER);
    const page = await h.stripe.apps.secrets.list({ scope: ACCOUNT, limit: 2 });
    expect(page).toMatchObject({ object: 'list', url: '/v1/apps/secrets', has_more: true });
    expect(page.data.map((s) => s.id)).toEqual([made[3].id, made[2].id]);
    expect(page.data[0]).not.toHaveProperty('payload');
    expect((await h.stripe.apps.secrets.list({ scope: ACCOUNT, starting_after: made[2].id })).data.map((s) => s.id)).toEqual([made[1].id, made[0].id]);
    expect((await h.stripe.apps.secrets.list({ scope: ACCOUNT, ending_before: made[1].id })).data.map((s) => s.id)).toEqual([made[3].id, made[2].id]);
    expect((await collect(h.stripe.apps.secrets.list({ scope: ACCOUNT, limit: 1 }))).length).toBe(4);
    expect((await h.stripe.apps.secrets.list({ scope: USER, expand: ['data.payload'] })).data.map((s) => [s.name, s.payload])).toEqual([['user-only', 'u']]);
  });

  it('needs a scope, and refuses unknown parameters', async () => {
    await set('token');
    await expectStripeError(h.stripe.apps.secrets.list({} as Stripe.Apps.SecretListParams), { status: 400, code: 'parameter_missing', param: 'scope' });
    await expectStripeError(h.stripe.apps.secrets.list({ scope: ACCOUNT, created: 1 } as Stripe.Apps.SecretListParams), { status: 400, code: 'parameter_unknown', param: 'created' });
    await expectStripeError(h.stripe.apps.secrets.list({ scope: ACCOUNT, limit: 101 }), { status: 400, param: 'limit' });
    await expectStripeError(h.stripe.apps.secrets.list({ scope: ACCOUNT, expand: ['data.name'] }), { status: 400, param: 'expand' });
  });
});

describe('modes and accounts', () => {
  it('keeps each mode’s store apart', async () => {
    await set('token', 'test');
    const live = await h.live.apps.secrets.create({ name: 'token', payload: 'live', scope: ACCOUNT });
    expect(live.livemode).toBe(true);
    expect((await h.live.apps.secrets.find({ name: 'token', scope: ACCOUNT, expand: ['payload'] })).payload).toBe('live');
    expect((await h.stripe.apps.secrets.find({ name: 'token', scope: ACCOUNT, expand: ['payload'] })).payload).toBe('test');
  });

  it('gives each connected account its own store (Stripe-Account)', async () => {
    const account = await createCustom(h.stripe);
    const asAccount = { stripeAccount: account.id };
    await set('token', 'theirs', ACCOUNT, {}, asAccount);
    await set('token', 'ours');
    expect((await h.stripe.apps.secrets.find({ name: 'token', scope: ACCOUNT, expand: ['payload'] }, asAccount)).payload).toBe('theirs');
    expect((await h.stripe.apps.secrets.find({ name: 'token', scope: ACCOUNT, expand: ['payload'] })).payload).toBe('ours');
    await h.stripe.apps.secrets.deleteWhere({ name: 'token', scope: ACCOUNT }, asAccount);
    expect((await h.stripe.apps.secrets.list({ scope: ACCOUNT }, asAccount)).data).toEqual([]);
    expect((await h.stripe.apps.secrets.list({ scope: ACCOUNT })).data).toHaveLength(1);
  });
});
