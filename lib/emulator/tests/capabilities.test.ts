// Capabilities of connected accounts: list, retrieve and update (request / unrequest), with
// statuses that follow from what the account lacks, and `expand[]=account`.
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { createCustom, createEnabled, expectErrorShape, expectStripeError, FIXED_NOW, STRIPE_FIXTURES, emulatorForFile } from './harness';

const FIXTURE = STRIPE_FIXTURES.capability;

const h = emulatorForFile();

describe('list', () => {
  it('lists the requested capabilities as capability objects', async () => {
    const a = await createCustom(h.stripe);
    const list = await h.stripe.accounts.listCapabilities(a.id);
    expect(list).toMatchObject({ object: 'list', has_more: false, url: `/v1/accounts/${a.id}/capabilities` });
    expect(list.data.map((c) => c.id).sort()).toEqual(['card_payments', 'transfers']);
    for (const cap of list.data) {
      for (const key of Object.keys(FIXTURE)) expect(cap, key).toHaveProperty(key);
      expect(cap).toMatchObject({ object: 'capability', account: a.id, requested: true, requested_at: FIXED_NOW, status: 'inactive' });
    }
  });

  it('lists the most recently requested first', async () => {
    const a = await h.stripe.accounts.create({ type: 'custom', capabilities: { transfers: { requested: true } } });
    h.clock += 10;
    await h.stripe.accounts.updateCapability(a.id, 'card_payments', { requested: true });
    h.clock += 10;
    await h.stripe.accounts.updateCapability(a.id, 'us_bank_account_ach_payments', { requested: true });
    const ids = (await h.stripe.accounts.listCapabilities(a.id)).data.map((c) => c.id);
    expect(ids).toEqual(['us_bank_account_ach_payments', 'card_payments', 'transfers']);
  });

  it('gives Standard accounts Stripe’s default capabilities', async () => {
    const a = await h.stripe.accounts.create({ type: 'standard' });
    const ids = (await h.stripe.accounts.listCapabilities(a.id)).data.map((c) => c.id).sort();
    expect(ids).toEqual(['card_payments', 'transfers']);
  });

  it('expands the account inside the list', async () => {
    const a = await createCustom(h.stripe, { email: 'cap@example.com' });
    const list = await h.stripe.accounts.listCapabilities(a.id, { expand: ['data.account'] });
    for (const cap of list.data) {
      const account = cap.account as Stripe.Account;
      expect(account.object).toBe('account');
      expect(account.email).toBe('cap@example.com');
    }
  });

  it('answers an unknown account with 404 and refuses unknown parameters', async () => {
    await expectStripeError(h.stripe.accounts.listCapabilities('acct_1Missing00000000'), { status: 404, code: 'resource_missing' });
    const a = await createCustom(h.stripe);
    expectErrorShape(await h.raw('GET', `/v1/accounts/${a.id}/capabilities`, { body: 'status=active' }), 400, { code: 'parameter_unknown', param: 'status' });
  });
});

describe('retrieve', () => {
  it('answers one capability, with expand[]=account', async () => {
    const a = await createCustom(h.stripe);
    const cap = await h.stripe.accounts.retrieveCapability(a.id, 'transfers');
    expect(cap).toMatchObject({ id: 'transfers', object: 'capability', account: a.id, requested: true, status: 'inactive' });
    const expanded = await h.stripe.accounts.retrieveCapability(a.id, 'transfers', { expand: ['account'] });
    expect((expanded.account as Stripe.Account).id).toBe(a.id);
    await expectStripeError(h.stripe.accounts.retrieveCapability(a.id, 'transfers', { expand: ['status'] }), { status: 400, param: 'expand' });
  });

  it('answers a capability never requested as unrequested', async () => {
    const a = await createCustom(h.stripe);
    const cap = await h.stripe.accounts.retrieveCapability(a.id, 'sepa_debit_payments');
    expect(cap).toMatchObject({ id: 'sepa_debit_payments', requested: false, requested_at: null, status: 'unrequested' });
    expect(cap.requirements?.currently_due).toEqual([]);
    // Reading it does not request it.
    expect((await h.stripe.accounts.listCapabilities(a.id)).data.map((c) => c.id)).not.toContain('sepa_debit_payments');
  });

  it('answers unknown capabilities and accounts with 404 resource_missing', async () => {
    const a = await createCustom(h.stripe);
    await expectStripeError(h.stripe.accounts.retrieveCapability(a.id, 'teleport_payments'), { status: 404, code: 'resource_missing', message: /teleport_payments/ });
    await expectStripeError(h.stripe.accounts.retrieveCapability('acct_1Missing00000000', 'transfers'), { status: 404, code: 'resource_missing' });
  });
});

describe('update', () => {
  it('requests a capability, which then appears on the account', async () => {
    const a = await createCustom(h.stripe);
    h.clock += 60;
    const cap = await h.stripe.accounts.updateCapability(a.id, 'us_bank_account_ach_payments', { requested: true });
    expect(cap).toMatchObject({ id: 'us_bank_account_ach_payments', requested: true, requested_at: FIXED_NOW + 60, status: 'inactive' });
    const account = await h.stripe.accounts.retrieve(a.id);
    expect(account.capabilities?.us_bank_account_ach_payments).toBe('inactive');
  });

  it('keeps requested_at when a requested capability is requested again', async () => {
    const a = await createCustom(h.stripe);
    h.clock += 100;
    const cap = await h.stripe.accounts.updateCapability(a.id, 'card_payments', { requested: true });
    expect(cap.requested_at).toBe(FIXED_NOW);
  });

  it('activates a capability requested on an enabled account', async () => {
    const a = await createEnabled(h.stripe, 'US', 'individual', h.clock);
    const cap = await h.stripe.accounts.updateCapability(a.id, 'us_bank_account_ach_payments', { requested: true });
    expect(cap.status).toBe('active');
    expect(cap.requirements).toMatchObject({ currently_due: [], past_due: [], disabled_reason: null });
  });

  it('unrequests a capability: unrequested, and no longer in the account’s capabilities', async () => {
    const a = await createCustom(h.stripe);
    const cap = await h.stripe.accounts.updateCapability(a.id, 'card_payments', { requested: false });
    expect(cap).toMatchObject({ requested: false, requested_at: null, status: 'unrequested' });
    const account = await h.stripe.accounts.retrieve(a.id);
    // Account capabilities are the requested ones: active, inactive or pending.
    expect(account.capabilities).toEqual({ transfers: 'inactive' });
    expect(account.charges_enabled).toBe(false);
  });

  it('also requests through the account update', async () => {
    const a = await h.stripe.accounts.create({ type: 'custom' });
    const b = await h.stripe.accounts.update(a.id, { capabilities: { transfers: { requested: true } } });
    expect(b.capabilities).toEqual({ transfers: 'inactive' });
    expect(b.requirements?.disabled_reason).toBe('requirements.past_due');
  });

  it('refuses to unrequest a Standard account’s capabilities', async () => {
    const a = await h.stripe.accounts.create({ type: 'standard' });
    await expectStripeError(h.stripe.accounts.updateCapability(a.id, 'card_payments', { requested: false }), { status: 400, param: 'requested' });
    expect((await h.stripe.accounts.retrieveCapability(a.id, 'card_payments')).requested).toBe(true);
  });

  it('refuses unknown capabilities, wrong types and unknown parameters', async () => {
    const a = await createCustom(h.stripe);
    await expectStripeError(h.stripe.accounts.updateCapability(a.id, 'teleport_payments', { requested: true }), { status: 404, code: 'resource_missing' });
    expectErrorShape(await h.raw('POST', `/v1/accounts/${a.id}/capabilities/transfers`, { body: 'requested=maybe' }), 400, { param: 'requested' });
    expectErrorShape(await h.raw('POST', `/v1/accounts/${a.id}/capabilities/transfers`, { body: 'status=active' }), 400, { code: 'parameter_unknown', param: 'status' });
  });
});

describe('statuses follow the account', () => {
  it('carries the account’s requirements on each requested capability', async () => {
    const a = await createCustom(h.stripe);
    const cap = await h.stripe.accounts.retrieveCapability(a.id, 'card_payments');
    const account = await h.stripe.accounts.retrieve(a.id);
    expect(cap.requirements?.past_due).toEqual(account.requirements?.past_due);
    expect(cap.requirements?.currently_due).toEqual(account.requirements?.currently_due);
    expect(cap.requirements?.disabled_reason).toBe('requirements.fields_needed');
  });

  it('goes inactive on rejection, with rejected.other, and active again on unreject', async () => {
    const a = await createEnabled(h.stripe, 'US', 'individual', h.clock);
    expect((await h.stripe.accounts.retrieveCapability(a.id, 'card_payments')).status).toBe('active');
    await h.stripe.accounts.reject(a.id, { reason: 'fraud_other' });
    const rejected = await h.stripe.accounts.retrieveCapability(a.id, 'card_payments');
    expect(rejected.status).toBe('inactive');
    expect(rejected.requirements?.disabled_reason).toBe('rejected.other');
    await h.stripe.accounts.unreject(a.id);
    const back = await h.stripe.accounts.retrieveCapability(a.id, 'card_payments');
    expect(back.status).toBe('active');
    expect(back.requirements?.disabled_reason).toBeNull();
  });

  it('is pending while Stripe verifies what was provided', async () => {
    const a = await createEnabled(h.stripe, 'US', 'individual', h.clock);
    const f = h.emulator.worlds.test.accountFacts.get(a.id);
    if (!f) throw new Error('no facts');
    f.pendingVerification = ['individual.id_number'];
    const cap = await h.stripe.accounts.retrieveCapability(a.id, 'transfers');
    expect(cap.status).toBe('pending');
    expect(cap.requirements?.pending_verification).toEqual(['individual.id_number']);
    const account = await h.stripe.accounts.retrieve(a.id);
    expect(account.capabilities).toEqual({ card_payments: 'pending', transfers: 'pending' });
    expect(account.requirements?.disabled_reason).toBe('requirements.pending_verification');
  });
});
