// Persons of connected accounts: create, retrieve, update, delete, list (with the relationship
// filter), their part in the account's requirements, and who may manage them.
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { collect, createCustom, expectErrorShape, expectStripeError, FIXED_NOW, STRIPE_FIXTURES, emulatorForFile } from './harness';

const FIXTURES = STRIPE_FIXTURES;

const h = emulatorForFile();

const company = () => createCustom(h.stripe, { country: 'US', business_type: 'company' });
const strip = <T extends { lastResponse?: unknown }>(o: T) => {
  const { lastResponse: _ignored, ...rest } = o;
  return rest;
};

describe('create and retrieve', () => {
  it('answers a person with every field of Stripe’s sample', async () => {
    const a = await company();
    const p = await h.stripe.accounts.createPerson(a.id, {
      first_name: 'Jenny',
      last_name: 'Rosen',
      email: 'jenny@example.com',
      relationship: { representative: true, executive: true, title: 'CEO' },
      metadata: { role: 'ceo' },
    });
    expect(p.id).toMatch(/^person_/);
    for (const key of Object.keys(FIXTURES.person)) expect(p, key).toHaveProperty(key);
    expect(p).toMatchObject({
      object: 'person',
      account: a.id,
      created: FIXED_NOW,
      first_name: 'Jenny',
      last_name: 'Rosen',
      email: 'jenny@example.com',
      metadata: { role: 'ceo' },
      relationship: { representative: true, executive: true, title: 'CEO', owner: false, director: false },
    });
    expect(strip(await h.stripe.accounts.retrievePerson(a.id, p.id))).toEqual(strip(p));
  });

  it('keeps secrets as *_provided flags only', async () => {
    const a = await company();
    const p = await h.stripe.accounts.createPerson(a.id, { first_name: 'A', id_number: '123456789', ssn_last_4: '6789' });
    expect(p.id_number_provided).toBe(true);
    expect(p.ssn_last_4_provided).toBe(true);
    const text = JSON.stringify(await h.stripe.accounts.retrievePerson(a.id, p.id));
    expect(text).not.toContain('123456789');
    expect(text).not.toContain('6789');
  });

  it('stores address and date of birth as hashes', async () => {
    const a = await company();
    const p = await h.stripe.accounts.createPerson(a.id, { address: { line1: '1 Main St', city: 'Springfield', state: 'IL', postal_code: '62701' }, dob: { day: 29, month: 2, year: 1988 } });
    expect(p.address).toMatchObject({ line1: '1 Main St', city: 'Springfield', state: 'IL', postal_code: '62701', country: null });
    expect(p.dob).toEqual({ day: 29, month: 2, year: 1988 });
  });

  it('refuses impossible dates, wrong types and unknown parameters', async () => {
    const a = await company();
    await expectStripeError(h.stripe.accounts.createPerson(a.id, { dob: { day: 30, month: 2, year: 1990 } }), { status: 400 });
    await expectStripeError(h.stripe.accounts.createPerson(a.id, { dob: { day: 1, month: 13, year: 1990 } }), { status: 400, param: 'dob[month]' });
    expectErrorShape(await h.raw('POST', `/v1/accounts/${a.id}/persons`, { body: 'relationship[owner]=perhaps' }), 400, { param: 'relationship[owner]' });
    expectErrorShape(await h.raw('POST', `/v1/accounts/${a.id}/persons`, { body: 'nickname=J' }), 400, { code: 'parameter_unknown', param: 'nickname' });
    expectErrorShape(await h.raw('POST', `/v1/accounts/${a.id}/persons`, { body: 'relationship[boss]=true' }), 400, { code: 'parameter_unknown', param: 'relationship[boss]' });
    expect((await h.stripe.accounts.listPersons(a.id)).data).toHaveLength(0);
  });

  it('answers unknown persons and accounts with 404 resource_missing', async () => {
    const a = await company();
    const b = await company();
    const p = await h.stripe.accounts.createPerson(a.id, { first_name: 'A' });
    await expectStripeError(h.stripe.accounts.retrievePerson(a.id, 'person_missing'), { status: 404, code: 'resource_missing' });
    // A person belongs to one account only.
    await expectStripeError(h.stripe.accounts.retrievePerson(b.id, p.id), { status: 404, code: 'resource_missing' });
    await expectStripeError(h.stripe.accounts.createPerson('acct_1Missing00000000', { first_name: 'A' }), { status: 404, code: 'resource_missing' });
  });
});

describe('update and delete', () => {
  it('changes what is given and leaves the rest; metadata merges', async () => {
    const a = await company();
    const p = await h.stripe.accounts.createPerson(a.id, { first_name: 'Jenny', last_name: 'Rosen', metadata: { a: '1', b: '2' } });
    const q = await h.stripe.accounts.updatePerson(a.id, p.id, { first_name: 'Jen', metadata: { a: '', c: '3' }, relationship: { owner: true, percent_ownership: 40 } });
    expect(q).toMatchObject({ first_name: 'Jen', last_name: 'Rosen', metadata: { b: '2', c: '3' }, relationship: { owner: true, percent_ownership: 40 } });
    expect((await h.stripe.accounts.retrievePerson(a.id, p.id)).first_name).toBe('Jen');
  });

  it('deletes: {id, object, deleted}, then 404', async () => {
    const a = await company();
    const p = await h.stripe.accounts.createPerson(a.id, { first_name: 'A' });
    const d = strip(await h.stripe.accounts.deletePerson(a.id, p.id));
    expect(d).toEqual({ id: p.id, object: 'person', deleted: true });
    expect(Object.keys(d).sort()).toEqual(Object.keys(FIXTURES.deleted_person).sort());
    await expectStripeError(h.stripe.accounts.retrievePerson(a.id, p.id), { status: 404, code: 'resource_missing' });
    await expectStripeError(h.stripe.accounts.deletePerson(a.id, p.id), { status: 404, code: 'resource_missing' });
  });

  it('keeps one representative per account', async () => {
    const a = await company();
    const first = await h.stripe.accounts.createPerson(a.id, { first_name: 'First', relationship: { representative: true } });
    const second = await h.stripe.accounts.createPerson(a.id, { first_name: 'Second', relationship: { representative: true } });
    expect((await h.stripe.accounts.retrievePerson(a.id, first.id)).relationship?.representative).toBe(false);
    expect((await h.stripe.accounts.retrievePerson(a.id, second.id)).relationship?.representative).toBe(true);
    const reps = await h.stripe.accounts.listPersons(a.id, { relationship: { representative: true } });
    expect(reps.data.map((p) => p.id)).toEqual([second.id]);
  });
});

describe('list', () => {
  it('lists newest first, filters by relationship, and pages', async () => {
    const a = await company();
    const made: Record<string, string> = {};
    const roles: [string, Stripe.AccountCreatePersonParams.Relationship][] = [
      ['rep', { representative: true, executive: true }],
      ['owner1', { owner: true, percent_ownership: 30 }],
      ['owner2', { owner: true, director: true, percent_ownership: 30 }],
      ['director', { director: true }],
      ['nobody', {}],
    ];
    for (const [name, relationship] of roles) {
      h.clock += 1;
      made[name] = (await h.stripe.accounts.createPerson(a.id, { first_name: name, relationship })).id;
    }
    const all = await h.stripe.accounts.listPersons(a.id);
    expect(all).toMatchObject({ object: 'list', has_more: false, url: `/v1/accounts/${a.id}/persons` });
    expect(all.data.map((p) => p.first_name)).toEqual(['nobody', 'director', 'owner2', 'owner1', 'rep']);
    const names = async (relationship: Stripe.AccountListPersonsParams.Relationship) => (await h.stripe.accounts.listPersons(a.id, { relationship })).data.map((p) => p.first_name);
    expect(await names({ owner: true })).toEqual(['owner2', 'owner1']);
    expect(await names({ director: true })).toEqual(['director', 'owner2']);
    expect(await names({ owner: true, director: true })).toEqual(['owner2']);
    expect(await names({ director: false })).toEqual(['nobody', 'owner1', 'rep']);
    expect(await names({ representative: true })).toEqual(['rep']);
    expect(await names({ executive: true, owner: true })).toEqual([]);
    const page = await h.stripe.accounts.listPersons(a.id, { limit: 2 });
    expect(page.has_more).toBe(true);
    expect(page.data.map((p) => p.id)).toEqual([made.nobody, made.director]);
    const next = await h.stripe.accounts.listPersons(a.id, { limit: 2, starting_after: made.director });
    expect(next.data.map((p) => p.id)).toEqual([made.owner2, made.owner1]);
    const every = await collect(h.stripe.accounts.listPersons(a.id, { limit: 2 }));
    expect(every.map((p) => p.id)).toEqual(all.data.map((p) => p.id));
    const owners = await collect(h.stripe.accounts.listPersons(a.id, { limit: 1, relationship: { owner: true } }));
    expect(owners.map((p) => p.first_name)).toEqual(['owner2', 'owner1']);
  });

  it('lists only the account’s own persons', async () => {
    const a = await company();
    const b = await company();
    await h.stripe.accounts.createPerson(a.id, { first_name: 'A' });
    const pb = await h.stripe.accounts.createPerson(b.id, { first_name: 'B' });
    expect((await h.stripe.accounts.listPersons(b.id)).data.map((p) => p.id)).toEqual([pb.id]);
  });

  it('answers the /people alias the same', async () => {
    const a = await company();
    const p = await h.stripe.accounts.createPerson(a.id, { first_name: 'A' });
    const res = await h.raw('GET', `/v1/accounts/${a.id}/people`);
    expect(res.status).toBe(200);
    expect(res.json.data.map((x: { id: string }) => x.id)).toEqual([p.id]);
  });

  it('checks list parameters', async () => {
    const a = await company();
    await expectStripeError(h.stripe.accounts.listPersons(a.id, { limit: 0 }), { status: 400, param: 'limit' });
    await expectStripeError(h.stripe.accounts.listPersons(a.id, { starting_after: 'person_missing' }), { status: 400, param: 'starting_after' });
    expectErrorShape(await h.raw('GET', `/v1/accounts/${a.id}/persons`, { body: 'relationship[boss]=true' }), 400, { code: 'parameter_unknown', param: 'relationship[boss]' });
    await expectStripeError(h.stripe.accounts.listPersons('acct_1Missing00000000'), { status: 404, code: 'resource_missing' });
  });
});

describe('requirements', () => {
  it('names a person’s missing fields on the account (prefixed) and on the person', async () => {
    const a = await company();
    const p = await h.stripe.accounts.createPerson(a.id, { first_name: 'Jenny', relationship: { representative: true } });
    const account = await h.stripe.accounts.retrieve(a.id);
    expect(account.requirements?.currently_due).toContain(`${p.id}.last_name`);
    expect(account.requirements?.currently_due).not.toContain(`${p.id}.first_name`);
    expect(account.requirements?.currently_due).not.toContain('representative.first_name');
    const person = await h.stripe.accounts.retrievePerson(a.id, p.id);
    expect(person.requirements?.currently_due).toContain('last_name');
    expect(person.requirements?.currently_due).not.toContain('first_name');
    await h.stripe.accounts.updatePerson(a.id, p.id, { last_name: 'Rosen' });
    expect((await h.stripe.accounts.retrieve(a.id)).requirements?.currently_due).not.toContain(`${p.id}.last_name`);
  });

  it('asks for a representative until there is one', async () => {
    const a = await company();
    expect((await h.stripe.accounts.retrieve(a.id)).requirements?.currently_due).toContain('representative.first_name');
  });

  it('verifies with Stripe’s test id numbers', async () => {
    const a = await company();
    const ok = await h.stripe.accounts.createPerson(a.id, { first_name: 'A', id_number: '000000000' });
    expect(ok.verification?.status).toBe('verified');
    const bad = await h.stripe.accounts.createPerson(a.id, { first_name: 'B', id_number: '111111111' });
    expect(bad.verification?.status).toBe('unverified');
    expect(bad.verification?.details_code).toBe('failed_keyed_identity');
  });
});

describe('who may manage persons', () => {
  it('lets the platform manage a Custom account’s persons', async () => {
    const a = await company();
    expect((await h.stripe.accounts.createPerson(a.id, { first_name: 'A' })).account).toBe(a.id);
  });

  it('lets the platform prefill an Express account’s persons before onboarding starts', async () => {
    // Stripe: persons of accounts where requirement_collection is stripe cannot be accessed *after*
    // an Account Link or Account Session starts onboarding; before that the platform may prefill them.
    const a = await h.stripe.accounts.create({ type: 'express', country: 'US', business_type: 'company' });
    const p = await h.stripe.accounts.createPerson(a.id, { first_name: 'Prefilled', relationship: { representative: true } });
    expect(p.account).toBe(a.id);
  });

  it('refuses an Express account’s persons once an account link has started onboarding', async () => {
    const a = await h.stripe.accounts.create({ type: 'express', country: 'US', business_type: 'company' });
    await h.stripe.accountLinks.create({ account: a.id, type: 'account_onboarding', refresh_url: 'https://p.example.com/r', return_url: 'https://p.example.com/d' });
    const e = await expectStripeError(h.stripe.accounts.createPerson(a.id, { first_name: 'Late' }), { status: 403 });
    expect(e.message).toContain(a.id);
  });
});
