// The Connect scenarios: accounts, persons, capabilities, onboarding links, reject and unreject.
// Test values are Stripe's documented ones (id number 000000000, address_full_match, btok_us_verified).
import type Stripe from 'stripe';
import type { Scenario, ScenarioContext } from './types';

/** A US individual Custom account with everything Stripe asks for at onboarding: charges and payouts enabled. */
export function enabledAccountParams(runId: string): Stripe.AccountCreateParams {
  const now = Math.floor(Date.now() / 1000);
  return {
    type: 'custom',
    country: 'US',
    email: 'parity@example.com',
    business_type: 'individual',
    capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
    business_profile: { mcc: '5734', url: 'https://example.com', product_description: 'Parity run' },
    individual: {
      first_name: 'Jenny',
      last_name: 'Rosen',
      email: 'parity@example.com',
      phone: '+15555550123',
      dob: { day: 1, month: 1, year: 1990 },
      ssn_last_4: '0000',
      id_number: '000000000',
      address: { line1: 'address_full_match', city: 'San Francisco', state: 'CA', postal_code: '94111', country: 'US' },
    },
    tos_acceptance: { date: now - 60, ip: '203.0.113.7' },
    external_account: 'btok_us_verified',
    metadata: { parity_run: runId },
  };
}

/** Makes an account that the scenario deletes at its end. */
export async function accountForScenario(ctx: ScenarioContext, name: string, params: Stripe.AccountCreateParams): Promise<Stripe.Account> {
  const account = await ctx.call(name, () => ctx.stripe.accounts.create(params));
  ctx.cleanup(() => ctx.stripe.accounts.del(account.id));
  return account;
}

const accounts: Scenario = {
  name: 'accounts',
  async run(ctx) {
    const { stripe } = ctx;
    const a = await accountForScenario(ctx, 'create a Custom account (card payments, transfers requested)', {
      type: 'custom',
      country: 'US',
      email: 'parity@example.com',
      capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
      metadata: { parity_run: ctx.runId },
    });
    await ctx.call('retrieve it', () => stripe.accounts.retrieve(a.id));
    await ctx.call('update business profile and metadata', () => stripe.accounts.update(a.id, { business_profile: { url: 'https://example.com', mcc: '5734' }, metadata: { step: 'update' } }));
    await ctx.call('unset a metadata key', () => stripe.accounts.update(a.id, { metadata: { step: '' } }));
    await ctx.refused('update with an unknown parameter', () => stripe.accounts.update(a.id, { nickname: 'x' } as Stripe.AccountUpdateParams));
    await ctx.refused('update with a wrong enum value', () => stripe.accounts.update(a.id, { business_type: 'sole_trader' as Stripe.AccountUpdateParams.BusinessType }));
    await ctx.refused('create with type and controller both', () => stripe.accounts.create({ type: 'custom', controller: { stripe_dashboard: { type: 'none' } } }));
    await ctx.refused('retrieve an account that does not exist', () => stripe.accounts.retrieve('acct_1ParityDoesNotExist'));
    const enabled = await accountForScenario(ctx, 'create an onboarded individual account', enabledAccountParams(ctx.runId));
    await ctx.call('retrieve the onboarded account', () => stripe.accounts.retrieve(enabled.id));
    await ctx.call('list accounts (field set only: the backend holds others)', () => stripe.accounts.list({ limit: 3 }), { compare: 'fields' });
    await ctx.call('delete the first account', () => stripe.accounts.del(a.id));
    await ctx.refused('retrieve the deleted account', () => stripe.accounts.retrieve(a.id));
  },
};

const persons: Scenario = {
  name: 'persons',
  async run(ctx) {
    const { stripe } = ctx;
    const a = await accountForScenario(ctx, 'create a company account', {
      type: 'custom',
      country: 'US',
      business_type: 'company',
      capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
      company: { name: 'Parity Trading' },
    });
    const p = await ctx.call('create a representative', () =>
      stripe.accounts.createPerson(a.id, { first_name: 'Jenny', last_name: 'Rosen', relationship: { representative: true, title: 'CEO' }, email: 'parity@example.com' }),
    );
    await ctx.call('retrieve the person', () => stripe.accounts.retrievePerson(a.id, p.id));
    await ctx.call('update the person (dob, address, id number)', () =>
      stripe.accounts.updatePerson(a.id, p.id, {
        dob: { day: 1, month: 1, year: 1990 },
        address: { line1: 'address_full_match', city: 'San Francisco', state: 'CA', postal_code: '94111', country: 'US' },
        id_number: '000000000',
        phone: '+15555550123',
      }),
    );
    await ctx.call('create an owner', () => stripe.accounts.createPerson(a.id, { first_name: 'Ada', last_name: 'Owner', relationship: { owner: true, percent_ownership: 60 } }));
    await ctx.call('list representatives', () => stripe.accounts.listPersons(a.id, { relationship: { representative: true } }));
    await ctx.call('list every person', () => stripe.accounts.listPersons(a.id));
    await ctx.refused('create a person with an unknown relationship', () =>
      stripe.accounts.createPerson(a.id, { first_name: 'X', relationship: { chancellor: true } as Stripe.AccountCreatePersonParams.Relationship }),
    );
    await ctx.call('delete the representative', () => stripe.accounts.deletePerson(a.id, p.id));
    await ctx.refused('retrieve the deleted person', () => stripe.accounts.retrievePerson(a.id, p.id));
    await ctx.call('the account after the persons', () => stripe.accounts.retrieve(a.id));
  },
};

const capabilities: Scenario = {
  name: 'capabilities',
  async run(ctx) {
    const { stripe } = ctx;
    const a = await accountForScenario(ctx, 'create a Custom account asking for transfers only', {
      type: 'custom',
      country: 'US',
      capabilities: { transfers: { requested: true } },
    });
    await ctx.call('list its capabilities', () => stripe.accounts.listCapabilities(a.id));
    await ctx.call('retrieve transfers', () => stripe.accounts.retrieveCapability(a.id, 'transfers'));
    await ctx.call('request card_payments', () => stripe.accounts.updateCapability(a.id, 'card_payments', { requested: true }));
    await ctx.call('unrequest card_payments', () => stripe.accounts.updateCapability(a.id, 'card_payments', { requested: false }));
    await ctx.refused('retrieve a capability that does not exist', () => stripe.accounts.retrieveCapability(a.id, 'teleport_payments'));
  },
};

const links: Scenario = {
  name: 'account links',
  async run(ctx) {
    const { stripe } = ctx;
    const a = await accountForScenario(ctx, 'create a Custom account', { type: 'custom', country: 'US', capabilities: { transfers: { requested: true } } });
    await ctx.call('an onboarding link', () =>
      stripe.accountLinks.create({ account: a.id, type: 'account_onboarding', refresh_url: 'https://example.com/refresh', return_url: 'https://example.com/return' }),
    );
    await ctx.call('an update link', () =>
      stripe.accountLinks.create({ account: a.id, type: 'account_update', refresh_url: 'https://example.com/refresh', return_url: 'https://example.com/return' }),
    );
    await ctx.refused('a link without refresh_url', () => stripe.accountLinks.create({ account: a.id, type: 'account_onboarding', return_url: 'https://example.com/return' }));
    await ctx.refused('a link of an unknown type', () =>
      stripe.accountLinks.create({ account: a.id, type: 'custom_onboarding' as Stripe.AccountLinkCreateParams.Type, refresh_url: 'https://example.com/r', return_url: 'https://example.com/r' }),
    );
    await ctx.refused('a login link for a Custom account', () => stripe.accounts.createLoginLink(a.id));
    const express = await accountForScenario(ctx, 'create an Express account', { type: 'express', country: 'US', capabilities: { transfers: { requested: true } } });
    // The emulator makes one; whether Stripe does before onboarding is what the comparison says.
    await ctx.either('a login link for an Express account that has not onboarded', () => stripe.accounts.createLoginLink(express.id));
  },
};

const rejection: Scenario = {
  name: 'reject and unreject',
  async run(ctx) {
    const { stripe } = ctx;
    const a = await accountForScenario(ctx, 'create an onboarded account', enabledAccountParams(ctx.runId));
    await ctx.refused('reject with an old reason (fraud, gone at endive)', () => stripe.accounts.reject(a.id, { reason: 'fraud' }));
    await ctx.call('reject for other reasons, payouts paused', () => stripe.accounts.reject(a.id, { reason: 'other', payouts_action: 'pause' }));
    await ctx.call('the rejected account', () => stripe.accounts.retrieve(a.id));
    await ctx.refused('reject it again', () => stripe.accounts.reject(a.id, { reason: 'other' }));
    await ctx.call('unreject it', () => stripe.accounts.unreject(a.id));
    await ctx.call('the account after unreject', () => stripe.accounts.retrieve(a.id));
    await ctx.refused('unreject an account that is not rejected', () => stripe.accounts.unreject(a.id));
    await ctx.call('reject for fraud_other', () => stripe.accounts.reject(a.id, { reason: 'fraud_other' }));
  },
};

export const CONNECT_SCENARIOS: readonly Scenario[] = [accounts, persons, capabilities, links, rejection];
