// Events through the SDK: each change makes the event Stripe makes for it, with the fields of
// Stripe's fixture, `previous_attributes` of what changed, the request that caused it (or none,
// for the clock), on the account it happened on; `/v1/events` lists and filters them and renders
// each at the reader's API version.
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { recorderOf } from '@/lib/emulator/events/recorder';
import { collect, createCustom, createEnabled, expectStripeError, FIXED_NOW, STRIPE_FIXTURES, emulatorForFile } from './harness';

const h = emulatorForFile();
const DAY = 86400;
const OLD = '2024-06-20';
const ENDIVE = '2026-10-28.endive';

const as = (account: string) => ({ stripeAccount: account });
/** Events of the platform (or of `account`), newest first. */
async function events(params: Stripe.EventListParams = {}, account?: string): Promise<Stripe.Event[]> {
  return collect(h.stripe.events.list({ limit: 100, ...params }, account ? as(account) : {}));
}
const types = (list: Stripe.Event[]) => list.map((e) => e.type);
const one = (list: Stripe.Event[], type: string) => {
  const found = list.filter((e) => e.type === type);
  expect(found, `${type} in ${types(list).join(', ')}`).toHaveLength(1);
  return found[0];
};
/** Moves the emulator's clock and lets it tick (what the timer does every second). */
function advance(seconds: number) {
  h.clock += seconds;
  h.emulator.tick();
}

describe('event objects', () => {
  it('carry every field of Stripe’s fixture, the request that caused them and the account they happened on', async () => {
    const a = await createCustom(h.stripe);
    await h.stripe.accounts.update(a.id, { metadata: { tier: 'gold' } }, { idempotencyKey: 'evt-key-1' });
    const [e] = await events({ type: 'account.updated' }, a.id);
    for (const field of Object.keys(STRIPE_FIXTURES.event)) expect(e, field).toHaveProperty(field);
    expect(e).toMatchObject({ object: 'event', type: 'account.updated', account: a.id, livemode: false, created: FIXED_NOW, pending_webhooks: 0 });
    expect(e.id).toMatch(/^evt_/);
    expect(e.request).toEqual({ id: expect.stringMatching(/^req_/), idempotency_key: 'evt-key-1' });
    expect(e.data.object).toMatchObject({ id: a.id, metadata: { tier: 'gold' } });
    // Stripe names a key that was not there as null.
    expect(e.data.previous_attributes).toEqual({ metadata: { tier: null } });
    // Retrieve gives the same event; the request id is the one the API answered.
    const again = await h.stripe.events.retrieve(e.id, {}, as(a.id));
    expect(again).toEqual(e);
    const log = (await (await fetch(`${h.url}/_emulator/requests`)).json()) as { data: { id: string; idempotency_key: string | null }[] };
    expect(log.data.find((r) => r.idempotency_key === 'evt-key-1')?.id).toBe(e.request?.id);
  });

  it('are not made by a request that fails or by an idempotent replay', async () => {
    const a = await createCustom(h.stripe);
    const before = (await events({}, a.id)).length;
    await expectStripeError(h.stripe.accounts.update(a.id, { metadata: { ['k'.repeat(41)]: 'v' } }), { status: 400 });
    await h.stripe.accounts.update(a.id, { metadata: { a: '1' } }, { idempotencyKey: 'replayed' });
    await h.stripe.accounts.update(a.id, { metadata: { a: '1' } }, { idempotencyKey: 'replayed' });
    await h.stripe.accounts.update(a.id, { metadata: { a: '1' } }); // no change at all
    expect((await events({}, a.id)).length).toBe(before + 1);
  });
});

describe('accounts', () => {
  it('a new account is told by account.updated and capability.updated for what it requested', async () => {
    const a = await createCustom(h.stripe);
    const list = await events({}, a.id);
    expect(one(list, 'account.updated').data.previous_attributes).toBeUndefined();
    const caps = list.filter((e) => e.type === 'capability.updated').map((e) => (e.data.object as Stripe.Capability).id);
    expect(caps.sort()).toEqual(['card_payments', 'transfers']);
    // The platform's own list holds none of them.
    expect((await events()).filter((e) => e.account === a.id)).toEqual([]);
  });

  it('reject: account.updated with the reason rendered at the reader’s version; unreject; delete deauthorizes', async () => {
    const a = await createEnabled(h.stripe, 'US', 'individual', FIXED_NOW);
    await h.client(undefined, { apiVersion: OLD as Stripe.LatestApiVersion }).accounts.reject(a.id, { reason: 'fraud' });
    const [e] = await events({ type: 'account.updated' }, a.id);
    const old = await h.client(undefined, { apiVersion: OLD as Stripe.LatestApiVersion }).events.retrieve(e.id, {}, as(a.id));
    const endive = await h.client(undefined, { apiVersion: ENDIVE as Stripe.LatestApiVersion }).events.retrieve(e.id, {}, as(a.id));
    expect(old.api_version).toBe(OLD);
    expect(endive.api_version).toBe(ENDIVE);
    expect((old.data.object as Stripe.Account).requirements?.disabled_reason).toBe('rejected.fraud');
    expect((endive.data.object as Stripe.Account).requirements?.disabled_reason).toBe('rejected.platform_fraud');
    expect((endive.data.previous_attributes as Partial<Stripe.Account>).requirements?.disabled_reason).toBeNull();
    expect((endive.data.previous_attributes as Partial<Stripe.Account>).charges_enabled).toBe(true);
    const capEvents = (await events({ type: 'capability.updated' }, a.id)).filter((c) => c.created === FIXED_NOW && (c.data.object as Stripe.Capability).status === 'inactive');
    expect(capEvents.length).toBeGreaterThan(0);

    await h.stripe.accounts.unreject(a.id);
    const [un] = await events({ type: 'account.updated' }, a.id);
    expect((un.data.previous_attributes as Partial<Stripe.Account>).requirements?.disabled_reason).toBe('rejected.platform_fraud');

    const person = await h.stripe.accounts.createPerson(a.id, { first_name: 'Ada', relationship: { owner: true } });
    await h.stripe.accounts.del(a.id);
    // The account is gone, so its events can no longer be listed with its header; they were delivered (webhooks.test.ts).
    const after = h.emulator.worlds.test.events.newestFirst((x) => x.account === a.id).map((x) => ({ type: x.type, data: { object: JSON.parse(x.object[0][1]) as unknown } }) as Stripe.Event);
    const gone = one(after, 'account.application.deauthorized');
    expect(gone.data.object).toMatchObject({ object: 'application', id: expect.stringMatching(/^ca_/) });
    expect(after.filter((x) => x.type === 'person.deleted' && (x.data.object as Stripe.Person).id === person.id)).toEqual([]);
  });

  it('capabilities: requesting one makes capability.updated with what it was', async () => {
    const a = await createCustom(h.stripe, { capabilities: { transfers: { requested: true }, card_payments: { requested: false } } });
    await h.stripe.accounts.updateCapability(a.id, 'card_payments', { requested: true });
    const cap = (await events({ type: 'capability.updated' }, a.id)).find((e) => (e.data.object as Stripe.Capability).id === 'card_payments')!;
    expect(cap.data.object).toMatchObject({ object: 'capability', account: a.id, requested: true });
    expect(cap.data.previous_attributes).toMatchObject({ requested: false });
  });

  it('persons and external accounts: created, updated, deleted', async () => {
    const a = await createCustom(h.stripe);
    const p = await h.stripe.accounts.createPerson(a.id, { first_name: 'Ada' });
    await h.stripe.accounts.updatePerson(a.id, p.id, { last_name: 'Lovelace' });
    await h.stripe.accounts.deletePerson(a.id, p.id);
    const list = await events({ type: 'person.*' }, a.id);
    expect(types(list)).toEqual(['person.deleted', 'person.updated', 'person.created']);
    expect(list[1].data.previous_attributes).toEqual({ last_name: null });

    const ba = await h.stripe.accounts.createExternalAccount(a.id, { external_account: 'btok_us_verified' });
    const ba2 = await h.stripe.accounts.createExternalAccount(a.id, { external_account: 'btok_us_verified' });
    await h.stripe.accounts.updateExternalAccount(a.id, ba2.id, { metadata: { nick: 'second' } });
    await h.stripe.accounts.deleteExternalAccount(a.id, ba2.id);
    const ext = await events({ types: ['account.external_account.created', 'account.external_account.updated', 'account.external_account.deleted'] }, a.id);
    expect(types(ext)).toEqual(['account.external_account.deleted', 'account.external_account.updated', 'account.external_account.created', 'account.external_account.created']);
    expect(ext[1].data.previous_attributes).toEqual({ metadata: { nick: null } });
    expect((ext[3].data.object as Stripe.BankAccount).id).toBe(ba.id);
  });

  it('the clock passing a deadline makes account.updated then, with no request', async () => {
    const a = await createEnabled(h.stripe, 'US', 'individual', FIXED_NOW);
    const facts = h.emulator.worlds.test.accountFacts.get(a.id)!;
    facts.requireAdditional = true;
    facts.deadline = FIXED_NOW + 2 * DAY;
    const before = (await events({ type: 'account.updated' }, a.id)).length;
    advance(DAY);
    expect((await events({ type: 'account.updated' }, a.id)).length).toBe(before);
    advance(2 * DAY);
    const [e] = await events({ type: 'account.updated' }, a.id);
    expect(e.request).toEqual({ id: null, idempotency_key: null });
    expect(e.created).toBe(FIXED_NOW + 3 * DAY);
    expect((e.data.previous_attributes as Partial<Stripe.Account>).requirements?.past_due).toEqual([]);
    expect((e.data.object as Stripe.Account).requirements?.past_due?.length).toBeGreaterThan(0);
  });
});

describe('money', () => {
  it('charges: succeeded, failed, captured', async () => {
    const ok = await h.stripe.charges.create({ amount: 1000, currency: 'usd', source: 'tok_visa' });
    await expectStripeError(h.stripe.charges.create({ amount: 1000, currency: 'usd', source: 'tok_chargeDeclined' }), { status: 402, type: 'card_error' });
    const held = await h.stripe.charges.create({ amount: 500, currency: 'usd', source: 'tok_visa', capture: false });
    await h.stripe.charges.capture(held.id);
    const list = await events({ type: 'charge.*' });
    expect(types(list)).toEqual(['charge.captured', 'charge.succeeded', 'charge.failed', 'charge.succeeded']);
    expect(list[0].data.previous_attributes).toMatchObject({ captured: false, amount_captured: 0 });
    expect((list[2].data.object as Stripe.Charge).status).toBe('failed');
    expect((list[3].data.object as Stripe.Charge).id).toBe(ok.id);
  });

  it('destination charge: charge, transfer, fee and the connected account’s payment; reversal; fee refund', async () => {
    const a = await createEnabled(h.stripe, 'US', 'individual', FIXED_NOW);
    const charge = await h.stripe.charges.create({ amount: 10_000, currency: 'usd', source: 'tok_bypassPending', transfer_data: { destination: a.id }, application_fee_amount: 1_000 });
    const platform = await events();
    one(platform, 'charge.succeeded');
    const created = one(platform, 'transfer.created');
    const fee = one(platform, 'application_fee.created');
    expect((fee.data.object as Stripe.ApplicationFee).amount).toBe(1_000);
    const transferId = (created.data.object as Stripe.Transfer).id;
    expect(types(await events({ type: 'charge.succeeded' }, a.id))).toEqual(['charge.succeeded']);

    await h.stripe.transfers.createReversal(transferId, { amount: 2_000 });
    const reversed = one(await events(), 'transfer.reversed');
    expect(reversed.data.previous_attributes).toMatchObject({ amount_reversed: 0 });
    expect((reversed.data.object as Stripe.Transfer).reversals.data).toHaveLength(1);
    expect(one(await events({}, a.id), 'charge.refunded').data.previous_attributes).toMatchObject({ amount_refunded: 0 });
    await h.stripe.transfers.update(transferId, { description: 'payout for order 42' });
    expect(one(await events(), 'transfer.updated').data.previous_attributes).toEqual({ description: null });

    const feeId = (fee.data.object as Stripe.ApplicationFee).id;
    const refund = await h.stripe.applicationFees.createRefund(feeId, { amount: 300 });
    const refunded = one(await events(), 'application_fee.refunded');
    expect(refunded.data.previous_attributes).toMatchObject({ amount_refunded: 0 });
    await h.stripe.applicationFees.updateRefund(feeId, refund.id, { metadata: { why: 'goodwill' } });
    const ru = one(await events(), 'application_fee.refund.updated');
    expect(ru.data.object).toMatchObject({ id: refund.id, object: 'fee_refund', metadata: { why: 'goodwill' } });
    expect(ru.data.previous_attributes).toEqual({ metadata: { why: null } });
    expect(charge.id).toMatch(/^ch_/);
  });

  it('top-ups: created, then succeeded by the clock on its date; failed; canceled', async () => {
    const t = await h.stripe.topups.create({ amount: 5_000, currency: 'usd', source: 'btok_us_verified' });
    expect(types(await events({ type: 'topup.*' }))).toEqual(['topup.created']);
    advance(8 * DAY);
    const succeeded = one(await events({ type: 'topup.*' }), 'topup.succeeded');
    expect(succeeded.request).toEqual({ id: null, idempotency_key: null });
    expect(succeeded.data.object).toMatchObject({ id: t.id, status: 'succeeded' });
    expect(succeeded.data.previous_attributes).toEqual({ status: 'pending' });

    const c = await h.stripe.topups.create({ amount: 700, currency: 'usd', source: 'btok_us_verified' });
    await h.stripe.topups.cancel(c.id);
    expect(one(await events({ type: 'topup.*' }), 'topup.canceled').data.previous_attributes).toMatchObject({ status: 'pending' });
    await h.stripe.topups.create({ amount: 700, currency: 'usd', source: 'btok_us_verified_noAccount' });
    advance(8 * DAY);
    expect((one(await events({ type: 'topup.*' }), 'topup.failed').data.object as Stripe.Topup).failure_code).toBe('no_account');
  });

  it('balance.available when pending funds become available', async () => {
    await h.stripe.charges.create({ amount: 2_000, currency: 'usd', source: 'tok_visa' });
    expect(await events({ type: 'balance.available' })).toEqual([]);
    advance(8 * DAY);
    const [e] = await events({ type: 'balance.available' });
    expect(e.data.object).toMatchObject({ object: 'balance' });
    const usd = (e.data.object as Stripe.Balance).available.find((b) => b.currency === 'usd');
    expect(usd?.amount).toBeGreaterThan(0);
  });
});

describe('risk and test clocks', () => {
  it('early fraud warnings and reviews: created/opened, updated/closed', async () => {
    const warned = await h.stripe.charges.create({ amount: 1_000, currency: 'usd', source: 'tok_createIssuerFraudRecord' });
    const efw = one(await events(), 'radar.early_fraud_warning.created');
    expect(efw.data.object).toMatchObject({ object: 'radar.early_fraud_warning', charge: warned.id, actionable: true });
    // A refund settles the warning (Stripe's card issuer side): the recorder sees it as the clock would.
    const world = h.emulator.worlds.test;
    recorderOf(world).run({ request: null, now: h.clock }, () => world.charges.put({ ...world.charges.get(warned.id)!, refunded: true, amount_refunded: 1_000 }));
    const updated = one(await events(), 'radar.early_fraud_warning.updated');
    expect(updated.data.previous_attributes).toEqual({ actionable: true });

    await h.stripe.charges.create({ amount: 1_000, currency: 'usd', source: 'tok_riskLevelElevated' });
    const opened = one(await events(), 'review.opened');
    await h.stripe.reviews.approve((opened.data.object as Stripe.Review).id);
    const closed = one(await events(), 'review.closed');
    expect(closed.data.previous_attributes).toMatchObject({ open: true, closed_reason: null });
  });

  it('test clocks: created, advancing, ready, deleted', async () => {
    const c = await h.stripe.testHelpers.testClocks.create({ frozen_time: FIXED_NOW });
    await h.stripe.testHelpers.testClocks.advance(c.id, { frozen_time: FIXED_NOW + DAY });
    advance(1);
    await h.stripe.testHelpers.testClocks.del(c.id);
    expect(types(await events({ type: 'test_helpers.test_clock.*' }))).toEqual([
      'test_helpers.test_clock.deleted',
      'test_helpers.test_clock.ready',
      'test_helpers.test_clock.advancing',
      'test_helpers.test_clock.created',
    ]);
  });
});

describe('GET /v1/events', () => {
  it('filters by type, types[] and created, pages with cursors, and keeps 30 days', async () => {
    const connected = await createCustom(h.stripe);
    await h.stripe.charges.create({ amount: 1_000, currency: 'usd', source: 'tok_visa' });
    advance(DAY);
    await h.stripe.charges.create({ amount: 2_000, currency: 'usd', source: 'tok_visa' });
    const all = await events();
    expect(all.map((e) => e.created)).toEqual([...all.map((e) => e.created)].sort((x, y) => y - x));
    expect(types(await events({ type: 'charge.succeeded' }))).toEqual(['charge.succeeded', 'charge.succeeded']);
    expect((await events({ types: ['charge.succeeded', 'balance.available'] })).every((e) => ['charge.succeeded', 'balance.available'].includes(e.type))).toBe(true);
    expect((await events({ created: { gte: FIXED_NOW + DAY } })).map((e) => e.type)).toContain('charge.succeeded');
    expect((await events({ created: { lt: FIXED_NOW + DAY } })).every((e) => e.created < FIXED_NOW + DAY)).toBe(true);
    const first = await h.stripe.events.list({ limit: 1 });
    const second = await h.stripe.events.list({ limit: 1, starting_after: first.data[0].id });
    expect(second.data[0].id).toBe(all[1].id);
    await expectStripeError(h.stripe.events.list({ type: 'charge.succeeded', types: ['charge.failed'] }), { status: 400, param: 'types' });
    await expectStripeError(h.stripe.events.retrieve('evt_nope'), { status: 404, code: 'resource_missing' });
    // An account's event is not found with the platform's key or another account's header.
    const [accountEvent] = await events({}, connected.id);
    expect(accountEvent.account).toBe(connected.id);
    await expectStripeError(h.stripe.events.retrieve(accountEvent.id), { status: 404 });
    const other = await createCustom(h.stripe);
    await expectStripeError(h.stripe.events.retrieve(accountEvent.id, {}, as(other.id)), { status: 404 });
    expect(all.some((e) => e.account)).toBe(false);

    advance(31 * DAY);
    expect((await events()).filter((e) => e.type === 'charge.succeeded')).toEqual([]);
    await expectStripeError(h.stripe.events.retrieve(all[0].id), { status: 404 });
  });

  it('delivery_success: with no endpoints every event is delivered', async () => {
    await h.stripe.charges.create({ amount: 1_000, currency: 'usd', source: 'tok_visa' });
    expect((await events({ delivery_success: true })).length).toBeGreaterThan(0);
    expect(await events({ delivery_success: false })).toEqual([]);
  });
});
