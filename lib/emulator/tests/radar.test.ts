// Radar through the SDK: early fraud warnings (list with the charge and payment_intent filters,
// retrieve) and reviews (list, retrieve, approve), on the platform's charges and on connected
// accounts' direct charges (read with Stripe-Account). Issuers and Radar make these objects, not
// the API: most tests raise them with the exported `createEarlyFraudWarning` / `openReview` on
// charges put straight into the emulator's charge table (to shape the charge freely); the last
// ones go through POST /v1/charges with Stripe's Radar test tokens.
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { makeId } from '@/lib/emulator/core/ids';
import type { World } from '@/lib/emulator/core/world';
import { chargeObject } from '@/lib/emulator/money/objects';
import { approveReview, createEarlyFraudWarning, openReview } from '@/lib/emulator/resources/radar';
import { collect, createCustom, createEnabled, expectStripeError, FIXED_NOW, STRIPE_FIXTURES, emulatorForFile } from './harness';

const FIXTURES = STRIPE_FIXTURES;

const h = emulatorForFile();

const world = (mode: 'test' | 'live' = 'test'): World => h.emulator.worlds[mode];

interface ChargeOptions {
  /** 'platform' (the default) or a connected account, for a direct charge. */
  owner?: string;
  created?: number;
  paid?: boolean;
  refunded?: boolean;
  disputed?: boolean;
  paymentIntent?: string;
  method?: 'card' | 'ach_debit';
  zip?: string;
  mode?: 'test' | 'live';
}

/** A card charge in the emulator's charge table, as the charges resource would leave it. */
function insertCharge(o: ChargeOptions = {}): Stripe.Charge {
  const w = world(o.mode);
  const charge = chargeObject({
    id: makeId('ch'),
    amount: 5000,
    currency: 'usd',
    created: o.created ?? FIXED_NOW - 3600,
    livemode: w.mode === 'live',
    succeeded: o.paid ?? true,
    balance_transaction: null,
    payment_method_details: { type: o.method ?? 'card' } as Stripe.Charge.PaymentMethodDetails,
  });
  const full: Stripe.Charge = {
    ...charge,
    refunded: o.refunded ?? false,
    disputed: o.disputed ?? false,
    payment_intent: o.paymentIntent ?? null,
    billing_details: { ...charge.billing_details, address: { ...charge.billing_details.address, postal_code: o.zip ?? null } as Stripe.Address },
  };
  w.charges.insert(full);
  w.chargeOwner.set(full.id, o.owner ?? 'platform');
  return full;
}

const efw = (o: ChargeOptions & { fraud_type?: string; at?: number } = {}) => {
  const charge = insertCharge(o);
  return createEarlyFraudWarning(world(o.mode), { charge: charge.id, fraud_type: o.fraud_type ?? 'made_with_stolen_card', ...(o.at ? { created: o.at } : {}) });
};

const review = (o: ChargeOptions & { at?: number; opened_reason?: string } = {}) => {
  const charge = insertCharge(o);
  return openReview(world(o.mode), { charge: charge.id, opened_reason: o.opened_reason ?? 'rule', ...(o.at ? { created: o.at } : {}) });
};

describe('early fraud warnings: retrieve', () => {
  it('answers a warning with every field of Stripe’s sample', async () => {
    const made = efw({ fraud_type: 'misc' });
    const got = await h.stripe.radar.earlyFraudWarnings.retrieve(made.id);
    for (const key of Object.keys(FIXTURES['radar.early_fraud_warning'])) expect(got, key).toHaveProperty(key);
    expect(got.id).toMatch(/^issfr_/);
    expect(got).toMatchObject({ object: 'radar.early_fraud_warning', actionable: true, charge: made.charge, fraud_type: 'misc', livemode: false, created: FIXED_NOW - 3600 });
    expect(got).not.toHaveProperty('payment_intent');
  });

  it('names the payment intent when the charge was made by one', async () => {
    const made = efw({ paymentIntent: 'pi_123' });
    expect((await h.stripe.radar.earlyFraudWarnings.retrieve(made.id)).payment_intent).toBe('pi_123');
  });

  it('stops being actionable once its charge is fully refunded or disputed', async () => {
    const made = efw();
    const charge = world().charges.get(made.charge as string)!;
    world().charges.put({ ...charge, refunded: true });
    expect((await h.stripe.radar.earlyFraudWarnings.retrieve(made.id)).actionable).toBe(false);
    const other = efw();
    const c2 = world().charges.get(other.charge as string)!;
    world().charges.put({ ...c2, disputed: true });
    expect((await h.stripe.radar.earlyFraudWarnings.list({ charge: c2.id })).data[0].actionable).toBe(false);
  });

  it('expands the charge, and what lies under it', async () => {
    const made = efw();
    const got = await h.stripe.radar.earlyFraudWarnings.retrieve(made.id, { expand: ['charge'] });
    expect(got.charge).toMatchObject({ id: made.charge, object: 'charge', amount: 5000 });
    await expectStripeError(h.stripe.radar.earlyFraudWarnings.retrieve(made.id, { expand: ['fraud_type'] }), { status: 400, param: 'expand' });
    await expectStripeError(h.stripe.radar.earlyFraudWarnings.retrieve(made.id, { expand: ['charge.amount'] }), { status: 400, param: 'expand' });
    await expectStripeError(h.stripe.radar.earlyFraudWarnings.retrieve(made.id, { expand: ['charge.a.b.c.d'] }), { status: 400, param: 'expand', message: /more than 4 levels/ });
  });

  it('answers 404 for an unknown id, and refuses unknown parameters', async () => {
    await expectStripeError(h.stripe.radar.earlyFraudWarnings.retrieve('issfr_nope'), { status: 404, code: 'resource_missing', param: 'id', message: /No such early fraud warning: 'issfr_nope'/ });
    const made = efw();
    const res = await h.raw('GET', `/v1/radar/early_fraud_warnings/${made.id}`, { body: 'charge=x' });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'parameter_unknown', param: 'charge' });
  });
});

describe('early fraud warnings: list', () => {
  it('lists newest first with cursors and the created filter', async () => {
    const made = [0, 1, 2, 3].map((i) => efw({ created: FIXED_NOW - 4000 + i * 100 }));
    const page = await h.stripe.radar.earlyFraudWarnings.list({ limit: 3 });
    expect(page).toMatchObject({ object: 'list', url: '/v1/radar/early_fraud_warnings', has_more: true });
    expect(page.data.map((e) => e.id)).toEqual([made[3].id, made[2].id, made[1].id]);
    expect((await h.stripe.radar.earlyFraudWarnings.list({ starting_after: made[2].id })).data.map((e) => e.id)).toEqual([made[1].id, made[0].id]);
    expect((await h.stripe.radar.earlyFraudWarnings.list({ ending_before: made[1].id })).data.map((e) => e.id)).toEqual([made[3].id, made[2].id]);
    expect((await collect(h.stripe.radar.earlyFraudWarnings.list({ limit: 1 }))).length).toBe(4);
    const created = await h.stripe.radar.earlyFraudWarnings.list({ created: { gt: FIXED_NOW - 3900, lte: FIXED_NOW - 3700 } });
    expect(created.data.map((e) => e.id)).toEqual([made[3].id, made[2].id]);
  });

  it('filters by charge and by payment_intent (both: a warning matches both)', async () => {
    const a = efw({ paymentIntent: 'pi_A' });
    const b = efw({ paymentIntent: 'pi_B' });
    efw();
    const ids = async (params: Stripe.Radar.EarlyFraudWarningListParams) => (await h.stripe.radar.earlyFraudWarnings.list(params)).data.map((e) => e.id);
    expect(await ids({ charge: a.charge as string })).toEqual([a.id]);
    expect(await ids({ payment_intent: 'pi_B' })).toEqual([b.id]);
    expect(await ids({ charge: a.charge as string, payment_intent: 'pi_A' })).toEqual([a.id]);
    expect(await ids({ charge: a.charge as string, payment_intent: 'pi_B' })).toEqual([]);
    expect(await ids({ charge: 'ch_nope' })).toEqual([]);
  });

  it('expands data.charge', async () => {
    const made = efw();
    const page = await h.stripe.radar.earlyFraudWarnings.list({ expand: ['data.charge'] });
    expect(page.data[0].charge).toMatchObject({ id: made.charge, object: 'charge' });
  });

  it('refuses unknown parameters and bad values, naming them', async () => {
    await expectStripeError(h.stripe.radar.earlyFraudWarnings.list({ status: 'open' } as Stripe.Radar.EarlyFraudWarningListParams), { status: 400, code: 'parameter_unknown', param: 'status' });
    await expectStripeError(h.stripe.radar.earlyFraudWarnings.list({ limit: 101 }), { status: 400, param: 'limit' });
    await expectStripeError(h.stripe.radar.earlyFraudWarnings.list({ starting_after: 'issfr_nope' }), { status: 400, code: 'resource_missing', param: 'starting_after' });
    await expectStripeError(h.stripe.radar.earlyFraudWarnings.list({ charge: '' }), { status: 400, code: 'parameter_invalid_empty', param: 'charge' });
  });

  it('shows a connected account’s warnings with its Stripe-Account header only', async () => {
    const account = await createCustom(h.stripe);
    const theirs = efw({ owner: account.id });
    const ours = efw();
    const asAccount = { stripeAccount: account.id };
    expect((await h.stripe.radar.earlyFraudWarnings.list({}, asAccount)).data.map((e) => e.id)).toEqual([theirs.id]);
    expect((await h.stripe.radar.earlyFraudWarnings.list()).data.map((e) => e.id)).toEqual([ours.id]);
    expect((await h.stripe.radar.earlyFraudWarnings.retrieve(theirs.id, { expand: ['charge'] }, asAccount)).charge).toMatchObject({ id: theirs.charge });
    await expectStripeError(h.stripe.radar.earlyFraudWarnings.retrieve(theirs.id), { status: 404, code: 'resource_missing' });
    await expectStripeError(h.stripe.radar.earlyFraudWarnings.retrieve(ours.id, {}, asAccount), { status: 404, code: 'resource_missing' });
    await expectStripeError(h.stripe.radar.earlyFraudWarnings.list({}, { stripeAccount: 'acct_1Nope000000000' }), { status: 403, code: 'account_invalid' });
  });

  it('keeps each mode’s warnings apart', async () => {
    const test = efw();
    const live = efw({ mode: 'live' });
    expect((await h.live.radar.earlyFraudWarnings.list()).data.map((e) => e.id)).toEqual([live.id]);
    expect((await h.live.radar.earlyFraudWarnings.retrieve(live.id)).livemode).toBe(true);
    await expectStripeError(h.live.radar.earlyFraudWarnings.retrieve(test.id), { status: 404 });
  });
});

describe('createEarlyFraudWarning (what the charges resource calls)', () => {
  it('raises a warning on a paid card charge, one per charge', () => {
    const charge = insertCharge();
    const made = createEarlyFraudWarning(world(), { charge: charge.id, fraud_type: 'unauthorized_use_of_card' });
    expect(made).toMatchObject({ charge: charge.id, actionable: true, created: charge.created });
    expect(() => createEarlyFraudWarning(world(), { charge: charge.id, fraud_type: 'misc' })).toThrow(/already has an early fraud warning/);
  });

  it('keeps Stripe’s rules', () => {
    expect(() => createEarlyFraudWarning(world(), { charge: 'ch_nope', fraud_type: 'misc' })).toThrow(/No such charge/);
    expect(() => createEarlyFraudWarning(world(), { charge: insertCharge().id, fraud_type: 'bogus' })).toThrow(/fraud_type/);
    expect(() => createEarlyFraudWarning(world(), { charge: insertCharge({ paid: false }).id, fraud_type: 'misc' })).toThrow(/not paid/);
    expect(() => createEarlyFraudWarning(world(), { charge: insertCharge({ method: 'ach_debit' }).id, fraud_type: 'misc' })).toThrow(/card payments only/);
    const early = insertCharge();
    expect(() => createEarlyFraudWarning(world(), { charge: early.id, fraud_type: 'misc', created: early.created - 1 })).toThrow(/before its charge/);
    const refunded = insertCharge({ refunded: true });
    expect(() => createEarlyFraudWarning(world(), { charge: refunded.id, fraud_type: 'misc' })).toThrow(/not actionable/);
    expect(createEarlyFraudWarning(world(), { charge: refunded.id, fraud_type: 'misc', actionable: false }).actionable).toBe(false);
  });
});

describe('reviews: retrieve', () => {
  it('answers an open review with every field of Stripe’s sample, and the charge names it', async () => {
    const made = review({ zip: '94107' });
    const got = await h.stripe.reviews.retrieve(made.id);
    for (const key of Object.keys(FIXTURES.review)) expect(got, key).toHaveProperty(key);
    expect(got.id).toMatch(/^prv_/);
    expect(got).toMatchObject({ object: 'review', open: true, opened_reason: 'rule', reason: 'rule', closed_reason: null, billing_zip: '94107', livemode: false });
    expect(world().charges.get(made.charge as string)?.review).toBe(made.id);
  });

  it('expands the charge', async () => {
    const made = review();
    expect((await h.stripe.reviews.retrieve(made.id, { expand: ['charge'] })).charge).toMatchObject({ id: made.charge, object: 'charge', review: made.id });
    await expectStripeError(h.stripe.reviews.retrieve(made.id, { expand: ['session'] }), { status: 400, param: 'expand' });
  });

  it("expands from its charge, in the store of the charge's account", async () => {
    const account = await createCustom(h.stripe);
    const theirs = review({ owner: account.id });
    const charge = await h.stripe.charges.retrieve(theirs.charge as string, { expand: ['review'] }, { stripeAccount: account.id });
    expect(charge.review).toMatchObject({ id: theirs.id, object: 'review', open: true });
    const ours = review();
    expect((await h.stripe.charges.retrieve(ours.charge as string, { expand: ['review'] })).review).toMatchObject({ id: ours.id });
  });

  it('answers 404 for an unknown id', async () => {
    await expectStripeError(h.stripe.reviews.retrieve('prv_nope'), { status: 404, code: 'resource_missing', param: 'id', message: /No such review: 'prv_nope'/ });
  });
});

describe('reviews: list', () => {
  it('lists the open reviews, newest first, with cursors and the created filter', async () => {
    const made = [0, 1, 2].map((i) => review({ created: FIXED_NOW - 3000 + i * 100 }));
    const closed = review();
    approveReview(world(), closed);
    const page = await h.stripe.reviews.list({ limit: 2 });
    expect(page).toMatchObject({ object: 'list', url: '/v1/reviews', has_more: true });
    expect(page.data.map((r) => r.id)).toEqual([made[2].id, made[1].id]);
    expect((await h.stripe.reviews.list({ starting_after: made[1].id })).data.map((r) => r.id)).toEqual([made[0].id]);
    expect((await h.stripe.reviews.list({ ending_before: made[0].id })).data.map((r) => r.id)).toEqual([made[2].id, made[1].id]);
    expect((await h.stripe.reviews.list({ created: { lt: FIXED_NOW - 2850 } })).data.map((r) => r.id)).toEqual([made[1].id, made[0].id]);
    expect((await h.stripe.reviews.list({ expand: ['data.charge'] })).data[0].charge).toMatchObject({ object: 'charge' });
  });

  it('refuses unknown parameters', async () => {
    await expectStripeError(h.stripe.reviews.list({ open: true } as Stripe.ReviewListParams), { status: 400, code: 'parameter_unknown', param: 'open' });
    await expectStripeError(h.stripe.reviews.list({ created: { after: 1 } } as unknown as Stripe.ReviewListParams), { status: 400, code: 'parameter_unknown', param: 'created[after]' });
  });

  it('shows a connected account’s reviews with its Stripe-Account header only', async () => {
    const account = await createCustom(h.stripe);
    const theirs = review({ owner: account.id });
    const ours = review();
    expect((await h.stripe.reviews.list({}, { stripeAccount: account.id })).data.map((r) => r.id)).toEqual([theirs.id]);
    expect((await h.stripe.reviews.list()).data.map((r) => r.id)).toEqual([ours.id]);
    await expectStripeError(h.stripe.reviews.retrieve(theirs.id), { status: 404, code: 'resource_missing' });
    await expectStripeError(h.stripe.reviews.approve(theirs.id), { status: 404, code: 'resource_missing' });
    expect((await h.stripe.reviews.approve(theirs.id, {}, { stripeAccount: account.id })).closed_reason).toBe('approved');
  });
});

describe('reviews: approve', () => {
  it('closes an open review as approved; it leaves the list but can still be retrieved', async () => {
    const made = review({ opened_reason: 'manual' });
    const approved = await h.stripe.reviews.approve(made.id);
    expect(approved).toMatchObject({ id: made.id, open: false, closed_reason: 'approved', reason: 'approved', opened_reason: 'manual' });
    expect((await h.stripe.reviews.list()).data).toEqual([]);
    expect(await h.stripe.reviews.retrieve(made.id)).toMatchObject({ open: false, closed_reason: 'approved' });
  });

  it('approves only an open review', async () => {
    const made = review();
    await h.stripe.reviews.approve(made.id);
    await expectStripeError(h.stripe.reviews.approve(made.id), { status: 400, message: /already closed/ });
  });

  it('expands on approve, refuses unknown parameters and unknown ids', async () => {
    const made = review();
    await expectStripeError(h.stripe.reviews.approve(made.id, { reason: 'ok' } as Stripe.ReviewApproveParams), { status: 400, code: 'parameter_unknown', param: 'reason' });
    await expectStripeError(h.stripe.reviews.approve(made.id, { expand: ['session'] }), { status: 400, param: 'expand' });
    expect((await h.stripe.reviews.retrieve(made.id)).open).toBe(true);
    expect((await h.stripe.reviews.approve(made.id, { expand: ['charge'] })).charge).toMatchObject({ id: made.charge });
    await expectStripeError(h.stripe.reviews.approve('prv_nope'), { status: 404, code: 'resource_missing' });
  });

  it('replays an idempotent approve', async () => {
    const made = review();
    const first = await h.stripe.reviews.approve(made.id, {}, { idempotencyKey: 'approve-1' });
    const again = await h.stripe.reviews.approve(made.id, {}, { idempotencyKey: 'approve-1' });
    expect(again).toMatchObject({ id: first.id, closed_reason: 'approved' });
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
  });

  it('keeps each mode’s reviews apart', async () => {
    const test = review();
    const live = review({ mode: 'live' });
    expect((await h.live.reviews.list()).data.map((r) => r.id)).toEqual([live.id]);
    await expectStripeError(h.live.reviews.approve(test.id), { status: 404 });
  });
});

describe('openReview (what the charges resource calls)', () => {
  it('keeps Stripe’s rules', () => {
    const charge = insertCharge();
    openReview(world(), { charge: charge.id, opened_reason: 'rule' });
    expect(() => openReview(world(), { charge: charge.id, opened_reason: 'manual' })).toThrow(/already has a review/);
    expect(() => openReview(world(), { charge: 'ch_nope', opened_reason: 'rule' })).toThrow(/No such charge/);
    expect(() => openReview(world(), { charge: insertCharge().id, opened_reason: 'because' })).toThrow(/opened_reason/);
    expect(() => openReview(world(), { charge: insertCharge().id, opened_reason: 'rule', reason: 'approved' })).toThrow(/reason/);
    const early = insertCharge();
    expect(() => openReview(world(), { charge: early.id, opened_reason: 'rule', created: early.created - 1 })).toThrow(/before its charge/);
  });
});

describe('through charges made with Stripe’s Radar test cards', () => {
  it('raises a warning for tok_createIssuerFraudRecord and opens a review for tok_riskLevelElevated', async () => {
    const flagged = await h.stripe.charges.create({ amount: 2000, currency: 'usd', source: 'tok_createIssuerFraudRecord' });
    const warnings = await h.stripe.radar.earlyFraudWarnings.list({ charge: flagged.id, expand: ['data.charge'] });
    expect(warnings.data).toHaveLength(1);
    expect(warnings.data[0]).toMatchObject({ actionable: true, fraud_type: expect.any(String), charge: { id: flagged.id, paid: true } });
    const risky = await h.stripe.charges.create({ amount: 3000, currency: 'usd', source: 'tok_riskLevelElevated' });
    const reviews = await h.stripe.reviews.list();
    expect(reviews.data.map((r) => r.charge)).toEqual([risky.id]);
    expect((await h.stripe.charges.retrieve(risky.id)).review).toBe(reviews.data[0].id);
    await h.stripe.reviews.approve(reviews.data[0].id);
    expect((await h.stripe.reviews.list()).data).toEqual([]);
    const plain = await h.stripe.charges.create({ amount: 1000, currency: 'usd', source: 'tok_visa' });
    expect((await h.stripe.radar.earlyFraudWarnings.list({ charge: plain.id })).data).toEqual([]);
  });

  it('keeps a direct charge’s warning and review on the connected account', async () => {
    const account = await createEnabled(h.stripe, 'US', 'individual', FIXED_NOW);
    const asAccount = { stripeAccount: account.id };
    const flagged = await h.stripe.charges.create({ amount: 2000, currency: 'usd', source: 'tok_createIssuerFraudRecord' }, asAccount);
    const risky = await h.stripe.charges.create({ amount: 2000, currency: 'usd', source: 'tok_riskLevelElevated' }, asAccount);
    expect((await h.stripe.radar.earlyFraudWarnings.list({}, asAccount)).data.map((e) => e.charge)).toEqual([flagged.id]);
    expect((await h.stripe.reviews.list({}, asAccount)).data.map((r) => r.charge)).toEqual([risky.id]);
    expect((await h.stripe.radar.earlyFraudWarnings.list()).data).toEqual([]);
    expect((await h.stripe.reviews.list()).data).toEqual([]);
  });
});
