// Connected accounts through the SDK: create, retrieve, update, delete, list, reject and
// unreject, per API version and per mode, with Stripe's metadata and list rules.
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { collect, COUNTRIES, type Country, createCustom, createEnabled, expectErrorShape, expectStripeError, FIXED_NOW, LIVE_KEY, STRIPE_FIXTURES, TEST_KEY, emulatorForFile } from './harness';

const FIXTURES = STRIPE_FIXTURES;

const h = emulatorForFile();

const OLD = '2024-06-20';
const DAHLIA = '2026-07-29.dahlia';
const ENDIVE = '2026-09-30.endive';
/** An SDK client pinned to an older API version. */
const at = (version: string, key = TEST_KEY) => h.client(key, { apiVersion: version as Stripe.LatestApiVersion });

function facts(mode: 'test' | 'live', id: string) {
  const f = h.emulator.worlds[mode].accountFacts.get(id);
  if (!f) throw new Error(`no facts for ${id}`);
  return f;
}

describe('create', () => {
  it('answers an account with every field of Stripe’s sample', async () => {
    const account = await createCustom(h.stripe, { country: 'US', email: 'jenny@example.com' });
    expect(account.id).toMatch(/^acct_[A-Za-z0-9]{16}$/);
    expect(account.object).toBe('account');
    for (const key of Object.keys(FIXTURES.account)) expect(account, key).toHaveProperty(key);
    expect(Object.keys(account.business_profile ?? {})).toEqual(expect.arrayContaining(Object.keys(FIXTURES.account.business_profile as object)));
    expect(Object.keys(account.settings ?? {})).toEqual(expect.arrayContaining(Object.keys(FIXTURES.account.settings as object)));
    expect(account).toMatchObject({ type: 'custom', country: 'US', default_currency: 'usd', email: 'jenny@example.com', created: FIXED_NOW, metadata: {}, details_submitted: false });
    expect(account.external_accounts).toMatchObject({ object: 'list', data: [], has_more: false, url: `/v1/accounts/${account.id}/external_accounts` });
  });

  it('sets the controller Stripe reports for each type', async () => {
    const custom = await h.stripe.accounts.create({ type: 'custom' });
    const express = await h.stripe.accounts.create({ type: 'express' });
    const standard = await h.stripe.accounts.create({ type: 'standard' });
    expect(custom.controller).toMatchObject({ requirement_collection: 'application', losses: { payments: 'application' }, stripe_dashboard: { type: 'none' } });
    expect(express.controller).toMatchObject({ requirement_collection: 'stripe', losses: { payments: 'application' }, stripe_dashboard: { type: 'express' } });
    expect(standard.controller).toMatchObject({ requirement_collection: 'stripe', losses: { payments: 'stripe' }, stripe_dashboard: { type: 'full' } });
  });

  it('derives the type from controller properties', async () => {
    const express = await h.stripe.accounts.create({ controller: { stripe_dashboard: { type: 'express' }, fees: { payer: 'application' }, losses: { payments: 'application' } } });
    expect(express.type).toBe('express');
    const custom = await h.stripe.accounts.create({ controller: { stripe_dashboard: { type: 'none' }, requirement_collection: 'application', losses: { payments: 'application' } } });
    expect(custom.type).toBe('custom');
    await expectStripeError(h.stripe.accounts.create({ type: 'custom', controller: { stripe_dashboard: { type: 'none' } } }), { status: 400 });
  });

  it('takes each supported country’s default currency', async () => {
    for (const [country, currency] of Object.entries(COUNTRIES)) {
      const a = await h.stripe.accounts.create({ type: 'custom', country });
      expect(a.country).toBe(country);
      expect(a.default_currency).toBe(currency);
    }
  });

  it('refuses an unsupported country, naming the param', async () => {
    await expectStripeError(h.stripe.accounts.create({ type: 'custom', country: 'ZZ' }), { status: 400, param: 'country' });
  });

  it('refuses a wrong type value and unknown parameters', async () => {
    await expectStripeError(h.stripe.accounts.create({ type: 'platinum' as Stripe.AccountCreateParams.Type }), { status: 400, param: 'type', message: /must be one of custom, express, or standard/ });
    const res = await h.raw('POST', '/v1/accounts', { body: 'type=custom&individual[favourite_colour]=blue' });
    expectErrorShape(res, 400, { code: 'parameter_unknown', param: 'individual[favourite_colour]' });
  });

  it('saves nothing when a create fails', async () => {
    await expectStripeError(h.stripe.accounts.create({ type: 'custom', external_account: 'btok_nope' }), { status: 400, param: 'external_account' });
    expect((await h.stripe.accounts.list()).data).toHaveLength(0);
  });
});

describe('retrieve', () => {
  it('answers what create answered', async () => {
    const created = await createCustom(h.stripe, { metadata: { a: '1' }, business_profile: { name: 'Shop' } });
    const { lastResponse: _ignored, ...got } = await h.stripe.accounts.retrieve(created.id);
    const { lastResponse: _ignored2, ...want } = created;
    expect(got).toEqual(want);
  });

  it('answers an unknown id with 404 resource_missing', async () => {
    await expectStripeError(h.stripe.accounts.retrieve('acct_1Missing00000000'), { status: 404, code: 'resource_missing', message: /acct_1Missing00000000/ });
  });

  it('answers the platform itself on GET /v1/account', async () => {
    const platform = await h.stripe.accounts.retrieveCurrent();
    expect(platform.object).toBe('account');
    expect(platform.id).toMatch(/^acct_/);
    expect((await h.stripe.accounts.list()).data.map((a) => a.id)).not.toContain(platform.id);
    const live = await h.live.accounts.retrieveCurrent();
    expect(live.id).not.toBe(platform.id);
  });
});

describe('update', () => {
  it('changes what is given and leaves the rest', async () => {
    const a = await createCustom(h.stripe, { email: 'old@example.com', business_profile: { name: 'Old', url: 'https://old.example.com' } });
    const b = await h.stripe.accounts.update(a.id, { email: 'new@example.com', business_profile: { name: 'New' }, settings: { payouts: { schedule: { interval: 'manual' } } } });
    expect(b.email).toBe('new@example.com');
    expect(b.business_profile).toMatchObject({ name: 'New', url: 'https://old.example.com' });
    expect(b.settings?.payouts?.schedule.interval).toBe('manual');
    expect(b.settings?.payouts?.schedule.delay_days).toBe(a.settings?.payouts?.schedule.delay_days);
    expect(b.created).toBe(a.created);
    expect((await h.stripe.accounts.retrieve(a.id)).email).toBe('new@example.com');
  });

  it("unsets a field given ''", async () => {
    const a = await createCustom(h.stripe, { business_profile: { url: 'https://x.example.com' } });
    const b = await h.stripe.accounts.update(a.id, { business_profile: { url: '' } });
    expect(b.business_profile?.url).toBeNull();
  });

  it('refuses unknown ids, unknown parameters and wrong values', async () => {
    await expectStripeError(h.stripe.accounts.update('acct_nope', { email: 'a@example.com' }), { status: 404, code: 'resource_missing' });
    const a = await createCustom(h.stripe);
    expectErrorShape(await h.raw('POST', `/v1/accounts/${a.id}`, { body: 'nickname=bob' }), 400, { code: 'parameter_unknown', param: 'nickname' });
    // type and country are fixed at creation.
    expectErrorShape(await h.raw('POST', `/v1/accounts/${a.id}`, { body: 'type=express' }), 400, { code: 'parameter_unknown', param: 'type' });
    // settings[dashboard] is read-only on Stripe: the SDK declares no such parameter (found by tests/schema-drift.test.ts).
    expectErrorShape(await h.raw('POST', `/v1/accounts/${a.id}`, { body: 'settings[dashboard][display_name]=Shop' }), 400, { code: 'parameter_unknown', param: 'settings[dashboard]' });
    expectErrorShape(await h.raw('POST', '/v1/accounts', { body: 'type=custom&settings[dashboard][timezone]=Etc/UTC' }), 400, { code: 'parameter_unknown', param: 'settings[dashboard]' });
    await expectStripeError(h.stripe.accounts.update(a.id, { business_type: 'sole_trader' as Stripe.AccountUpdateParams.BusinessType }), { status: 400, param: 'business_type' });
    await expectStripeError(h.stripe.accounts.update(a.id, { settings: { payouts: { schedule: { interval: 'hourly' as 'daily' } } } }), {
      status: 400,
      param: 'settings[payouts][schedule][interval]',
    });
  });
});

describe('metadata', () => {
  const keys = (n: number, prefix = 'k') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, `v${i}`]));

  it('merges keys, unsets a key given an empty value, and unsets all with metadata=""', async () => {
    const a = await createCustom(h.stripe, { metadata: { a: '1', b: '2' } });
    expect((await h.stripe.accounts.update(a.id, { metadata: { b: '3', c: '4' } })).metadata).toEqual({ a: '1', b: '3', c: '4' });
    expect((await h.stripe.accounts.update(a.id, { metadata: { a: '' } })).metadata).toEqual({ b: '3', c: '4' });
    expect((await h.stripe.accounts.update(a.id, { email: 'x@example.com' })).metadata).toEqual({ b: '3', c: '4' });
    expect((await h.stripe.accounts.update(a.id, { metadata: '' })).metadata).toEqual({});
    expect((await h.stripe.accounts.retrieve(a.id)).metadata).toEqual({});
  });

  it('takes 50 keys of 40 characters with values of 500', async () => {
    const a = await createCustom(h.stripe, { metadata: keys(49) });
    const b = await h.stripe.accounts.update(a.id, { metadata: { ['x'.repeat(40)]: 'y'.repeat(500) } });
    expect(Object.keys(b.metadata ?? {})).toHaveLength(50);
  });

  it('refuses more than 50 keys, at create and by merging', async () => {
    await expectStripeError(createCustom(h.stripe, { metadata: keys(51) }), { status: 400, param: 'metadata' });
    const a = await createCustom(h.stripe, { metadata: keys(30) });
    await expectStripeError(h.stripe.accounts.update(a.id, { metadata: keys(21, 'other') }), { status: 400, param: 'metadata' });
    expect(Object.keys((await h.stripe.accounts.retrieve(a.id)).metadata ?? {})).toHaveLength(30);
    // Unsetting in the same request makes room.
    const b = await h.stripe.accounts.update(a.id, { metadata: { ...keys(21, 'other'), k0: '' } });
    expect(Object.keys(b.metadata ?? {})).toHaveLength(50);
  });

  it('refuses keys over 40 characters and values over 500', async () => {
    const a = await createCustom(h.stripe);
    const longKey = 'k'.repeat(41);
    await expectStripeError(h.stripe.accounts.update(a.id, { metadata: { [longKey]: 'v' } }), { status: 400, param: `metadata[${longKey}]` });
    await expectStripeError(h.stripe.accounts.update(a.id, { metadata: { note: 'v'.repeat(501) } }), { status: 400, param: 'metadata[note]' });
    expect((await h.stripe.accounts.retrieve(a.id)).metadata).toEqual({});
  });

  it('refuses nested values', async () => {
    const a = await createCustom(h.stripe);
    expectErrorShape(await h.raw('POST', `/v1/accounts/${a.id}`, { body: 'metadata[a][b]=c' }), 400, { param: 'metadata[a]' });
  });
});

describe('list', () => {
  /** Makes `n` accounts, one second apart; returns their ids newest first. */
  async function makeAccounts(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      h.clock = FIXED_NOW + i;
      ids.unshift((await h.stripe.accounts.create({ type: 'custom', metadata: { i: String(i) } })).id);
    }
    return ids;
  }

  it('answers Stripe’s list envelope, newest first, 10 by default', async () => {
    const ids = await makeAccounts(12);
    const page = await h.stripe.accounts.list();
    expect(page).toMatchObject({ object: 'list', url: '/v1/accounts', has_more: true });
    expect(page.data.map((a) => a.id)).toEqual(ids.slice(0, 10));
  });

  it('orders accounts made in the same second by when they were made', async () => {
    const a = await h.stripe.accounts.create({ type: 'custom' });
    const b = await h.stripe.accounts.create({ type: 'custom' });
    const c = await h.stripe.accounts.create({ type: 'custom' });
    expect((await h.stripe.accounts.list()).data.map((x) => x.id)).toEqual([c.id, b.id, a.id]);
  });

  it('pages with limit, starting_after and ending_before', async () => {
    const ids = await makeAccounts(9);
    const first = await h.stripe.accounts.list({ limit: 4 });
    expect(first.data.map((a) => a.id)).toEqual(ids.slice(0, 4));
    expect(first.has_more).toBe(true);
    const second = await h.stripe.accounts.list({ limit: 4, starting_after: ids[3] });
    expect(second.data.map((a) => a.id)).toEqual(ids.slice(4, 8));
    expect(second.has_more).toBe(true);
    const third = await h.stripe.accounts.list({ limit: 4, starting_after: ids[7] });
    expect(third.data.map((a) => a.id)).toEqual(ids.slice(8));
    expect(third.has_more).toBe(false);
    const back = await h.stripe.accounts.list({ limit: 3, ending_before: ids[6] });
    expect(back.data.map((a) => a.id)).toEqual(ids.slice(3, 6));
    expect(back.has_more).toBe(true);
    const top = await h.stripe.accounts.list({ limit: 3, ending_before: ids[2] });
    expect(top.data.map((a) => a.id)).toEqual(ids.slice(0, 2));
    expect(top.has_more).toBe(false);
  });

  it('checks limit (1..100) and the cursors', async () => {
    await makeAccounts(2);
    await expectStripeError(h.stripe.accounts.list({ limit: 0 }), { status: 400, param: 'limit' });
    await expectStripeError(h.stripe.accounts.list({ limit: 101 }), { status: 400, param: 'limit' });
    expect((await h.stripe.accounts.list({ limit: 100 })).data).toHaveLength(2);
    expect((await h.stripe.accounts.list({ limit: 1 })).data).toHaveLength(1);
    await expectStripeError(h.stripe.accounts.list({ starting_after: 'acct_1Unknown000000' }), { status: 400, code: 'resource_missing', param: 'starting_after' });
    await expectStripeError(h.stripe.accounts.list({ ending_before: 'acct_1Unknown000000' }), { status: 400, code: 'resource_missing', param: 'ending_before' });
    const [x, y] = (await h.stripe.accounts.list()).data;
    await expectStripeError(h.stripe.accounts.list({ starting_after: x.id, ending_before: y.id }), { status: 400 });
  });

  it('filters by created with gt, gte, lt, lte and an exact time', async () => {
    const ids = await makeAccounts(6); // created FIXED_NOW+5 (ids[0]) down to FIXED_NOW (ids[5])
    const got = async (created: Stripe.RangeQueryParam | number) => (await h.stripe.accounts.list({ created })).data.map((a) => a.id);
    expect(await got({ gt: FIXED_NOW + 3 })).toEqual(ids.slice(0, 2));
    expect(await got({ gte: FIXED_NOW + 3 })).toEqual(ids.slice(0, 3));
    expect(await got({ lt: FIXED_NOW + 2 })).toEqual(ids.slice(4));
    expect(await got({ lte: FIXED_NOW + 2 })).toEqual(ids.slice(3));
    expect(await got({ gt: FIXED_NOW, lt: FIXED_NOW + 5 })).toEqual(ids.slice(1, 5));
    expect(await got(FIXED_NOW + 4)).toEqual([ids[1]]);
    expect(await got({ gt: FIXED_NOW + 100 })).toEqual([]);
    expectErrorShape(await h.raw('GET', '/v1/accounts', { body: 'created[after]=1' }), 400, { code: 'parameter_unknown', param: 'created[after]' });
    expectErrorShape(await h.raw('GET', '/v1/accounts', { body: 'created[gt]=soon' }), 400, { param: 'created[gt]' });
  });

  it('auto-paginates a whole list exactly once, forward and backward', async () => {
    const ids = await makeAccounts(23);
    const forward = await collect(h.stripe.accounts.list({ limit: 5 }));
    expect(forward.map((a) => a.id)).toEqual(ids);
    const filtered = await collect(h.stripe.accounts.list({ limit: 3, created: { gte: FIXED_NOW + 10 } }));
    expect(filtered.map((a) => a.id)).toEqual(ids.slice(0, 13));
    // Backward from the oldest: every newer account, each once (the SDK yields them oldest first).
    const backward = await collect(h.stripe.accounts.list({ limit: 4, ending_before: ids[ids.length - 1] }));
    expect(backward.map((a) => a.id)).toEqual(ids.slice(0, -1).reverse());
    const some = await h.stripe.accounts.list({ limit: 100 }).autoPagingToArray({ limit: 7 });
    expect(some.map((a) => a.id)).toEqual(ids.slice(0, 7));
  });

  it('expands inside lists with data.<field>, and refuses fields that cannot be expanded', async () => {
    await makeAccounts(2);
    expectErrorShape(await h.raw('GET', '/v1/accounts', { body: 'expand[]=data.email' }), 400, { param: 'expand' });
    await expectStripeError(h.stripe.accounts.retrieve((await h.stripe.accounts.list()).data[0].id, { expand: ['business_profile'] }), { status: 400, param: 'expand' });
  });
});

describe('requirements', () => {
  it('a new Custom account with nothing provided is past due and restricted', async () => {
    const a = await createCustom(h.stripe, { country: 'US' });
    const spec = await h.stripe.countrySpecs.retrieve('US');
    const common = spec.verification_fields.individual.minimum.filter((f) => spec.verification_fields.company.minimum.includes(f));
    expect(a.requirements?.disabled_reason).toBe('requirements.past_due');
    expect(a.requirements?.past_due).toEqual(expect.arrayContaining(common));
    expect(a.requirements?.currently_due).toEqual(expect.arrayContaining(common));
    expect(a.requirements?.eventually_due).toEqual(expect.arrayContaining(a.requirements?.currently_due ?? []));
    expect(a.requirements?.current_deadline).toBeNull();
    expect(a.capabilities).toEqual({ card_payments: 'inactive', transfers: 'inactive' });
    expect(a.charges_enabled).toBe(false);
    expect(a.payouts_enabled).toBe(false);
  });

  it('asks to request capabilities when none are', async () => {
    const a = await h.stripe.accounts.create({ type: 'custom', country: 'US' });
    expect(a.requirements?.disabled_reason).toBe('action_required.requested_capabilities');
    expect(a.capabilities).toEqual({});
    expect(a.charges_enabled).toBe(false);
  });

  it.each(Object.keys(COUNTRIES).flatMap((c) => [[c, 'individual'], [c, 'company']]) as [Country, 'individual' | 'company'][])(
    '%s %s: everything the country spec’s minimum asks makes it active',
    async (country, kind) => {
      const a = await createEnabled(h.stripe, country, kind, h.clock);
      expect(a.requirements).toMatchObject({ disabled_reason: null, currently_due: [], past_due: [], errors: [] });
      expect(a.capabilities).toEqual({ card_payments: 'active', transfers: 'active' });
      expect(a.charges_enabled).toBe(true);
      expect(a.payouts_enabled).toBe(true);
      expect(a.details_submitted).toBe(true);
      // What is left is what the spec calls additional, never the minimum.
      const spec = await h.stripe.countrySpecs.retrieve(country);
      for (const field of a.requirements?.eventually_due ?? []) expect(spec.verification_fields[kind].minimum).not.toContain(field);
    },
  );

  it('lists exactly the field still missing', async () => {
    const spec = await h.stripe.countrySpecs.retrieve('GB');
    const minimum = spec.verification_fields.individual.minimum;
    const a = await createEnabled(h.stripe, 'GB', 'individual', h.clock);
    const b = await h.stripe.accounts.update(a.id, { business_profile: { url: '' } });
    expect(minimum).toContain('business_profile.url');
    expect(b.requirements?.past_due).toEqual(['business_profile.url']);
    expect(b.requirements?.disabled_reason).toBe('requirements.past_due');
    expect(b.charges_enabled).toBe(false);
    const c = await h.stripe.accounts.update(a.id, { business_profile: { url: 'https://back.example.com' } });
    expect(c.requirements?.past_due).toEqual([]);
    expect(c.charges_enabled).toBe(true);
  });
});

describe('reject', () => {
  it('rejects with the newest reasons and reads them as platform rejections (SDK version)', async () => {
    const cases: [Stripe.AccountRejectParams.Reason, string][] = [
      ['fraud_payment_method_casher', 'rejected.platform_fraud'],
      ['fraud_payment_method_tester', 'rejected.platform_fraud'],
      ['fraud_no_intent_to_fulfill', 'rejected.platform_fraud'],
      ['fraud_other', 'rejected.platform_fraud'],
      ['credit', 'rejected.platform_other'],
      ['terms_of_service', 'rejected.platform_terms_of_service'],
      ['other', 'rejected.platform_other'],
    ];
    for (const [reason, disabled] of cases) {
      const a = await createEnabled(h.stripe, 'US', 'individual', h.clock);
      const r = await h.stripe.accounts.reject(a.id, { reason });
      expect(r.id).toBe(a.id);
      expect(r.requirements?.disabled_reason, reason).toBe(disabled);
      expect(r.charges_enabled).toBe(false);
      expect(r.payouts_enabled).toBe(false);
      expect((await h.stripe.accounts.retrieve(a.id)).requirements?.disabled_reason).toBe(disabled);
    }
  });

  it('refuses fraud from 2026-09-30.endive on, naming reason', async () => {
    const a = await createCustom(h.stripe);
    for (const client of [h.stripe, at(ENDIVE)]) {
      await expectStripeError(client.accounts.reject(a.id, { reason: 'fraud' as Stripe.AccountRejectParams.Reason }), { status: 400, param: 'reason', message: /must be one of/ });
    }
    expect((await h.stripe.accounts.retrieve(a.id)).requirements?.disabled_reason).not.toMatch(/^rejected/);
  });

  it('takes fraud, terms_of_service and other before 2026-09-30.endive, and refuses the new reasons', async () => {
    for (const version of [OLD, DAHLIA]) {
      for (const [reason, disabled] of [['fraud', 'rejected.fraud'], ['terms_of_service', 'rejected.terms_of_service'], ['other', 'rejected.other']]) {
        const a = await createCustom(h.stripe);
        const r = await at(version).accounts.reject(a.id, { reason });
        expect(r.requirements?.disabled_reason, `${version} ${reason}`).toBe(disabled);
      }
      const a = await createCustom(h.stripe);
      await expectStripeError(at(version).accounts.reject(a.id, { reason: 'fraud_other' }), { status: 400, param: 'reason' });
      await expectStripeError(at(version).accounts.reject(a.id, { reason: 'credit' }), { status: 400, param: 'reason' });
    }
  });

  it('uses the default version (2024-06-20) when the request names none', async () => {
    const a = await createCustom(h.stripe);
    expectErrorShape(await h.raw('POST', `/v1/accounts/${a.id}/reject`, { body: 'reason=fraud_other' }), 400, { param: 'reason' });
    const ok = await h.raw('POST', `/v1/accounts/${a.id}/reject`, { body: 'reason=fraud' });
    expect(ok.status).toBe(200);
    expect(ok.json.requirements.disabled_reason).toBe('rejected.fraud');
  });

  it('reads one rejection per the reader’s version', async () => {
    const pairs: [Stripe.AccountRejectParams.Reason, string, string][] = [
      ['fraud_no_intent_to_fulfill', 'rejected.platform_fraud', 'rejected.fraud'],
      ['terms_of_service', 'rejected.platform_terms_of_service', 'rejected.terms_of_service'],
      ['credit', 'rejected.platform_other', 'rejected.other'],
      ['other', 'rejected.platform_other', 'rejected.other'],
    ];
    for (const [reason, newer, older] of pairs) {
      const a = await createCustom(h.stripe);
      await h.stripe.accounts.reject(a.id, { reason });
      expect((await h.stripe.accounts.retrieve(a.id)).requirements?.disabled_reason).toBe(newer);
      expect((await h.stripe.accounts.retrieve(a.id, {}, { apiVersion: ENDIVE })).requirements?.disabled_reason).toBe(newer);
      expect((await h.stripe.accounts.retrieve(a.id, {}, { apiVersion: DAHLIA })).requirements?.disabled_reason).toBe(older);
      expect((await at(OLD).accounts.retrieve(a.id)).requirements?.disabled_reason).toBe(older);
      const listed = (await at(OLD).accounts.list()).data.find((x) => x.id === a.id);
      expect(listed?.requirements?.disabled_reason).toBe(older);
    }
    // And an old-version rejection reads as a platform one to a new reader.
    const b = await createCustom(h.stripe);
    await at(OLD).accounts.reject(b.id, { reason: 'fraud' });
    expect((await h.stripe.accounts.retrieve(b.id)).requirements?.disabled_reason).toBe('rejected.platform_fraud');
  });

  it('makes capabilities inactive', async () => {
    const a = await createEnabled(h.stripe, 'US', 'individual', h.clock);
    const r = await h.stripe.accounts.reject(a.id, { reason: 'other' });
    expect(r.capabilities).toEqual({ card_payments: 'inactive', transfers: 'inactive' });
    const cap = await h.stripe.accounts.retrieveCapability(a.id, 'card_payments');
    expect(cap.status).toBe('inactive');
  });

  it('can leave payouts on with payouts_action=none (2026-07-29.dahlia and later)', async () => {
    const a = await createEnabled(h.stripe, 'US', 'individual', h.clock);
    const r = await h.stripe.accounts.reject(a.id, { reason: 'other', payouts_action: 'none' });
    expect(r.charges_enabled).toBe(false);
    expect(r.payouts_enabled).toBe(true);
    const b = await createCustom(h.stripe);
    await expectStripeError(at(OLD).accounts.reject(b.id, { reason: 'other', payouts_action: 'none' }), { status: 400, code: 'parameter_unknown', param: 'payouts_action' });
  });

  it('refuses to reject twice, an unknown account, and a missing reason', async () => {
    const a = await createCustom(h.stripe);
    await h.stripe.accounts.reject(a.id, { reason: 'other' });
    await expectStripeError(h.stripe.accounts.reject(a.id, { reason: 'other' }), { status: 400 });
    await expectStripeError(h.stripe.accounts.reject('acct_1Missing00000000', { reason: 'other' }), { status: 404, code: 'resource_missing' });
    expectErrorShape(await h.raw('POST', `/v1/accounts/${a.id}/reject`, { headers: { 'Stripe-Version': Stripe.API_VERSION } }), 400, { code: 'parameter_missing', param: 'reason' });
  });
});

describe('unreject', () => {
  it('does not exist before 2026-07-29.dahlia', async () => {
    const a = await createCustom(h.stripe);
    await at(OLD).accounts.reject(a.id, { reason: 'fraud' });
    const e = await expectStripeError(at(OLD).accounts.unreject(a.id), { status: 404, message: /Unrecognized request URL/ });
    expect(e.code).toBeUndefined();
    await expectStripeError(at('2026-07-28.acacia').accounts.unreject(a.id), { status: 404 });
    expectErrorShape(await h.raw('POST', `/v1/accounts/${a.id}/unreject`), 404);
    expect((await h.stripe.accounts.retrieve(a.id)).requirements?.disabled_reason).toBe('rejected.platform_fraud');
  });

  it('restores charges and payouts when nothing else restricts the account', async () => {
    for (const client of [h.stripe, at(DAHLIA)]) {
      const a = await createEnabled(h.stripe, 'US', 'individual', h.clock);
      await h.stripe.accounts.reject(a.id, { reason: 'fraud_other' });
      const u = await client.accounts.unreject(a.id);
      expect(u.requirements?.disabled_reason).toBeNull();
      expect(u.charges_enabled).toBe(true);
      expect(u.payouts_enabled).toBe(true);
      expect(u.capabilities).toEqual({ card_payments: 'active', transfers: 'active' });
    }
  });

  it('leaves the account restricted by what it still lacks', async () => {
    const a = await createCustom(h.stripe);
    await h.stripe.accounts.reject(a.id, { reason: 'terms_of_service' });
    const u = await h.stripe.accounts.unreject(a.id);
    expect(u.requirements?.disabled_reason).toBe('requirements.past_due');
    expect(u.charges_enabled).toBe(false);
    expect(u.payouts_enabled).toBe(false);
  });

  it('can reject again after an unreject', async () => {
    const a = await createEnabled(h.stripe, 'US', 'individual', h.clock);
    await h.stripe.accounts.reject(a.id, { reason: 'other' });
    await h.stripe.accounts.unreject(a.id);
    const again = await h.stripe.accounts.reject(a.id, { reason: 'credit' });
    expect(again.requirements?.disabled_reason).toBe('rejected.platform_other');
  });

  it('refuses accounts that are not rejected, and rejections made by Stripe', async () => {
    const a = await createCustom(h.stripe);
    await expectStripeError(h.stripe.accounts.unreject(a.id), { status: 400 });
    const b = await createEnabled(h.stripe, 'US', 'individual', h.clock);
    facts('test', b.id).rejection = { by: 'stripe', reason: 'fraud', at: h.clock, payoutsAction: 'pause' };
    // Stripe's own rejections read the same for every version.
    expect((await h.stripe.accounts.retrieve(b.id)).requirements?.disabled_reason).toBe('rejected.fraud');
    expect((await at(OLD).accounts.retrieve(b.id)).requirements?.disabled_reason).toBe('rejected.fraud');
    await expectStripeError(h.stripe.accounts.unreject(b.id), { status: 400 });
    expect((await h.stripe.accounts.retrieve(b.id)).charges_enabled).toBe(false);
    await expectStripeError(h.stripe.accounts.unreject('acct_1Missing00000000'), { status: 404, code: 'resource_missing' });
  });
});

describe('delete', () => {
  it('answers {id, object, deleted}, then the account is gone', async () => {
    const a = await createCustom(h.stripe);
    const d = await h.stripe.accounts.del(a.id);
    const { lastResponse: _ignored, ...body } = d;
    expect(body).toEqual({ id: a.id, object: 'account', deleted: true });
    expect(Object.keys(body).sort()).toEqual(Object.keys(FIXTURES.deleted_account).sort());
    await expectStripeError(h.stripe.accounts.retrieve(a.id), { status: 404, code: 'resource_missing' });
    await expectStripeError(h.stripe.accounts.del(a.id), { status: 404, code: 'resource_missing' });
    expect((await h.stripe.accounts.list()).data.map((x) => x.id)).not.toContain(a.id);
  });

  it('takes the account’s persons and external accounts with it', async () => {
    const a = await createEnabled(h.stripe, 'US', 'company', h.clock);
    const persons = await h.stripe.accounts.listPersons(a.id);
    const externals = await h.stripe.accounts.listExternalAccounts(a.id);
    expect(persons.data.length).toBeGreaterThan(0);
    expect(externals.data.length).toBeGreaterThan(0);
    await h.stripe.accounts.del(a.id);
    await expectStripeError(h.stripe.accounts.listPersons(a.id), { status: 404 });
    expect(h.emulator.worlds.test.persons.values().filter((p) => p.account === a.id)).toEqual([]);
    expect(h.emulator.worlds.test.externalAccounts.values().filter((e) => e.account === a.id)).toEqual([]);
  });

  it('refuses parameters', async () => {
    const a = await createCustom(h.stripe);
    expectErrorShape(await h.raw('DELETE', `/v1/accounts/${a.id}?reason=x`), 400, { code: 'parameter_unknown', param: 'reason' });
  });
});

describe('live mode', () => {
  it('rejects and deletes Custom and Express accounts whose balances are zero', async () => {
    for (const type of ['custom', 'express'] as const) {
      const a = await h.live.accounts.create({ type, country: 'US' });
      const r = await h.live.accounts.reject(a.id, { reason: 'other' });
      expect(r.requirements?.disabled_reason).toBe('rejected.platform_other');
      const b = await h.live.accounts.create({ type, country: 'US' });
      expect((await h.live.accounts.del(b.id)).deleted).toBe(true);
    }
  });

  it('refuses to reject or delete while any balance is not zero', async () => {
    const a = await h.live.accounts.create({ type: 'custom', country: 'US' });
    facts('live', a.id).balance = { available: { usd: 0 }, pending: { usd: 1250 } };
    await expectStripeError(h.live.accounts.reject(a.id, { reason: 'other' }), { status: 400, message: /balance/ });
    await expectStripeError(h.live.accounts.del(a.id), { status: 400, message: /balance/ });
    expect((await h.live.accounts.retrieve(a.id)).requirements?.disabled_reason).not.toMatch(/^rejected/);
    facts('live', a.id).balance = { available: { usd: -300 }, pending: {} };
    await expectStripeError(h.live.accounts.del(a.id), { status: 400 });
    facts('live', a.id).balance = { available: { usd: 0, eur: 0 }, pending: { usd: 0 } };
    expect((await h.live.accounts.reject(a.id, { reason: 'other' })).requirements?.disabled_reason).toBe('rejected.platform_other');
    expect((await h.live.accounts.del(a.id)).deleted).toBe(true);
  });

  it('never rejects or deletes Standard accounts', async () => {
    const a = await h.live.accounts.create({ type: 'standard', country: 'US' });
    await expectStripeError(h.live.accounts.reject(a.id, { reason: 'other' }), { status: 400 });
    await expectStripeError(h.live.accounts.del(a.id), { status: 400 });
    expect((await h.live.accounts.retrieve(a.id)).id).toBe(a.id);
  });

  it('lets test mode reject and delete anything, balances or not', async () => {
    const standard = await h.stripe.accounts.create({ type: 'standard', country: 'US' });
    facts('test', standard.id).balance = { available: { usd: 5000 }, pending: { usd: 10 } };
    expect((await h.stripe.accounts.reject(standard.id, { reason: 'other' })).requirements?.disabled_reason).toBe('rejected.platform_other');
    expect((await h.stripe.accounts.del(standard.id)).deleted).toBe(true);
    const custom = await createCustom(h.stripe);
    facts('test', custom.id).balance = { available: { usd: 5000 }, pending: {} };
    expect((await h.stripe.accounts.del(custom.id)).deleted).toBe(true);
  });

  it('uses live keys of both kinds', async () => {
    const a = await h.client('rk_live_ops').accounts.create({ type: 'custom' });
    expect((await h.client(LIVE_KEY).accounts.retrieve(a.id)).id).toBe(a.id);
  });
});
