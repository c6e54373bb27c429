// Test clocks through the SDK: create, retrieve, list, delete and advance (answered `advancing`,
// `ready` at the target from the next request on), test mode only, each account its own clocks.
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { collect, createCustom, expectStripeError, FIXED_NOW, STRIPE_FIXTURES, emulatorForFile } from './harness';

const FIXTURES = STRIPE_FIXTURES;

const h = emulatorForFile();

const DAY = 86400;
/** 2020-01-01T00:00:00Z, the frozen time of Stripe's examples. */
const FROZEN = 1_577_836_800;

const create = (params: Partial<Stripe.TestHelpers.TestClockCreateParams> = {}, options?: Stripe.RequestOptions) =>
  h.stripe.testHelpers.testClocks.create({ frozen_time: FROZEN, ...params }, options);

describe('create', () => {
  it('answers a ready clock with every field of Stripe’s sample', async () => {
    const c = await create({ name: 'Annual renewal' });
    for (const key of Object.keys(FIXTURES['test_helpers.test_clock'])) expect(c, key).toHaveProperty(key);
    expect(c.id).toMatch(/^clock_[A-Za-z0-9]{24}$/);
    expect(c).toMatchObject({
      object: 'test_helpers.test_clock',
      created: FIXED_NOW,
      deletes_after: FIXED_NOW + 7 * DAY,
      frozen_time: FROZEN,
      livemode: false,
      name: 'Annual renewal',
      status: 'ready',
      status_details: {},
    });
    expect((await create()).name).toBeNull();
  });

  it('refuses missing, unknown and invalid parameters, naming them', async () => {
    await expectStripeError(h.stripe.testHelpers.testClocks.create({} as Stripe.TestHelpers.TestClockCreateParams), { status: 400, code: 'parameter_missing', param: 'frozen_time' });
    await expectStripeError(create({ frozen_time: 'soon' as unknown as number }), { status: 400, code: 'parameter_invalid_integer', param: 'frozen_time' });
    await expectStripeError(create({ livemode: true } as Partial<Stripe.TestHelpers.TestClockCreateParams>), { status: 400, code: 'parameter_unknown', param: 'livemode' });
    await expectStripeError(create({ name: 'n'.repeat(301) }), { status: 400, param: 'name', message: /at most 300 characters/ });
    await expectStripeError(create({ customer: 'cus_nope' }), { status: 400, code: 'resource_missing', param: 'customer' });
    await expectStripeError(create({ expand: ['name'] }), { status: 400, param: 'expand' });
    expect((await h.stripe.testHelpers.testClocks.list()).data).toEqual([]);
  });

  it('replays an idempotent create', async () => {
    const first = await create({}, { idempotencyKey: 'clock-1' });
    const again = await create({}, { idempotencyKey: 'clock-1' });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    await expectStripeError(create({ name: 'other' }, { idempotencyKey: 'clock-1' }), { status: 400, type: 'idempotency_error' });
  });
});

describe('retrieve and list', () => {
  it('retrieves a clock, and 404 for an unknown id', async () => {
    const c = await create();
    expect(await h.stripe.testHelpers.testClocks.retrieve(c.id)).toMatchObject({ id: c.id, status: 'ready', frozen_time: FROZEN });
    await expectStripeError(h.stripe.testHelpers.testClocks.retrieve('clock_nope'), { status: 404, code: 'resource_missing', param: 'id', message: /No such test_clock: 'clock_nope'/ });
  });

  it('lists newest first with cursors', async () => {
    const made: Stripe.TestHelpers.TestClock[] = [];
    for (let i = 0; i < 4; i++) {
      h.clock = FIXED_NOW + i;
      made.push(await create({ name: `clock ${i}` }));
    }
    const page = await h.stripe.testHelpers.testClocks.list({ limit: 3 });
    expect(page).toMatchObject({ object: 'list', url: '/v1/test_helpers/test_clocks', has_more: true });
    expect(page.data.map((c) => c.id)).toEqual([made[3].id, made[2].id, made[1].id]);
    expect((await h.stripe.testHelpers.testClocks.list({ starting_after: made[1].id })).data.map((c) => c.id)).toEqual([made[0].id]);
    expect((await h.stripe.testHelpers.testClocks.list({ ending_before: made[1].id })).data.map((c) => c.id)).toEqual([made[3].id, made[2].id]);
    expect((await collect(h.stripe.testHelpers.testClocks.list({ limit: 1 }))).length).toBe(4);
  });

  it('refuses list parameters Stripe does not take', async () => {
    await expectStripeError(h.stripe.testHelpers.testClocks.list({ created: 1 } as Stripe.TestHelpers.TestClockListParams), { status: 400, code: 'parameter_unknown', param: 'created' });
    await expectStripeError(h.stripe.testHelpers.testClocks.list({ limit: 0 }), { status: 400, param: 'limit' });
    await expectStripeError(h.stripe.testHelpers.testClocks.list({ starting_after: 'clock_nope' }), { status: 400, code: 'resource_missing', param: 'starting_after' });
  });

  it('deletes itself once deletes_after passes', async () => {
    const c = await create();
    h.clock = c.deletes_after - 1;
    expect((await h.stripe.testHelpers.testClocks.retrieve(c.id)).id).toBe(c.id);
    h.clock = c.deletes_after;
    await expectStripeError(h.stripe.testHelpers.testClocks.retrieve(c.id), { status: 404, code: 'resource_missing' });
    expect((await h.stripe.testHelpers.testClocks.list()).data).toEqual([]);
  });
});

describe('advance', () => {
  it('answers advancing with the target, then the clock is ready at the target', async () => {
    const c = await create();
    const target = FROZEN + 30 * DAY;
    const advancing = await h.stripe.testHelpers.testClocks.advance(c.id, { frozen_time: target });
    expect(advancing).toMatchObject({ id: c.id, status: 'advancing', frozen_time: FROZEN, status_details: { advancing: { target_frozen_time: target } } });
    const ready = await h.stripe.testHelpers.testClocks.retrieve(c.id);
    expect(ready).toMatchObject({ status: 'ready', frozen_time: target, status_details: {} });
    expect((await h.stripe.testHelpers.testClocks.list()).data[0]).toMatchObject({ status: 'ready', frozen_time: target });
  });

  it('moves forward only, at most two years past the frozen time', async () => {
    const c = await create();
    await expectStripeError(h.stripe.testHelpers.testClocks.advance(c.id, { frozen_time: FROZEN }), { status: 400, param: 'frozen_time', message: /only moves forward/ });
    await expectStripeError(h.stripe.testHelpers.testClocks.advance(c.id, { frozen_time: FROZEN - 1 }), { status: 400, param: 'frozen_time' });
    const twoYears = 1_640_995_200; // 2022-01-01T00:00:00Z
    await expectStripeError(h.stripe.testHelpers.testClocks.advance(c.id, { frozen_time: twoYears + 1 }), { status: 400, param: 'frozen_time', message: /two years/ });
    expect((await h.stripe.testHelpers.testClocks.advance(c.id, { frozen_time: twoYears })).status).toBe('advancing');
    expect((await h.stripe.testHelpers.testClocks.retrieve(c.id)).frozen_time).toBe(twoYears);
  });

  it('refuses missing and unknown parameters, and unknown clocks', async () => {
    const c = await create();
    await expectStripeError(h.stripe.testHelpers.testClocks.advance(c.id, {} as Stripe.TestHelpers.TestClockAdvanceParams), { status: 400, code: 'parameter_missing', param: 'frozen_time' });
    await expectStripeError(
      h.stripe.testHelpers.testClocks.advance(c.id, { frozen_time: FROZEN + DAY, name: 'x' } as Stripe.TestHelpers.TestClockAdvanceParams),
      { status: 400, code: 'parameter_unknown', param: 'name' },
    );
    await expectStripeError(h.stripe.testHelpers.testClocks.advance('clock_nope', { frozen_time: FROZEN + DAY }), { status: 404, code: 'resource_missing' });
    await expectStripeError(h.stripe.testHelpers.testClocks.advance(c.id, { frozen_time: FROZEN + DAY, expand: ['status'] }), { status: 400, param: 'expand' });
    expect((await h.stripe.testHelpers.testClocks.retrieve(c.id)).frozen_time).toBe(FROZEN);
  });

  it('replays an idempotent advance without advancing twice', async () => {
    const c = await create();
    await h.stripe.testHelpers.testClocks.advance(c.id, { frozen_time: FROZEN + DAY }, { idempotencyKey: 'adv-1' });
    const again = await h.stripe.testHelpers.testClocks.advance(c.id, { frozen_time: FROZEN + DAY }, { idempotencyKey: 'adv-1' });
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect((await h.stripe.testHelpers.testClocks.retrieve(c.id)).frozen_time).toBe(FROZEN + DAY);
  });
});

describe('delete', () => {
  it('answers the deleted clock, which is then gone', async () => {
    const c = await create();
    expect(await h.stripe.testHelpers.testClocks.del(c.id)).toMatchObject({ id: c.id, object: 'test_helpers.test_clock', deleted: true });
    await expectStripeError(h.stripe.testHelpers.testClocks.retrieve(c.id), { status: 404, code: 'resource_missing' });
    await expectStripeError(h.stripe.testHelpers.testClocks.del(c.id), { status: 404, code: 'resource_missing' });
    await expectStripeError(h.stripe.testHelpers.testClocks.advance(c.id, { frozen_time: FROZEN + DAY }), { status: 404, code: 'resource_missing' });
  });

  it('refuses parameters', async () => {
    const c = await create();
    const res = await h.raw('DELETE', `/v1/test_helpers/test_clocks/${c.id}`, { body: 'force=true' });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'parameter_unknown', param: 'force' });
  });
});

describe('modes and accounts', () => {
  it('exists in test mode only: with a live key the routes are unknown', async () => {
    await expectStripeError(h.live.testHelpers.testClocks.create({ frozen_time: FROZEN }), { status: 404, message: /Unrecognized request URL/ });
    await expectStripeError(h.live.testHelpers.testClocks.list(), { status: 404, message: /Unrecognized request URL/ });
    const c = await create();
    await expectStripeError(h.live.testHelpers.testClocks.retrieve(c.id), { status: 404 });
  });

  it('gives each connected account its own clocks (Stripe-Account)', async () => {
    const account = await createCustom(h.stripe);
    const asAccount = { stripeAccount: account.id };
    const theirs = await create({ name: 'theirs' }, asAccount);
    const ours = await create({ name: 'ours' });
    expect((await h.stripe.testHelpers.testClocks.list({}, asAccount)).data.map((c) => c.id)).toEqual([theirs.id]);
    expect((await h.stripe.testHelpers.testClocks.list()).data.map((c) => c.id)).toEqual([ours.id]);
    await expectStripeError(h.stripe.testHelpers.testClocks.retrieve(theirs.id), { status: 404, code: 'resource_missing' });
    await expectStripeError(h.stripe.testHelpers.testClocks.del(ours.id, {}, asAccount), { status: 404, code: 'resource_missing' });
    expect((await h.stripe.testHelpers.testClocks.del(theirs.id, {}, asAccount)).deleted).toBe(true);
  });
});
