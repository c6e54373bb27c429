// Persons of a connected account (`/v1/accounts/:account/persons`, aliased `/people`): create,
// retrieve, update, delete and list, with Stripe's rules: one representative per account,
// secrets kept only as `*_provided` flags, and changes only where the platform collects the
// requirements (Custom accounts). Each answer goes through renderPerson (requirements).
import type Stripe from 'stripe';
import { z } from 'zod';
import { invalidRequest, noSuch, StripeApiError } from '../core/errors';
import { makeId, type RandomSource } from '../core/ids';
import type { FormObject } from '../core/form';
import { bool, emptyableHash, expand, hash, int, listParams, mergeMetadata, metadata, NO_PARAMS, oneOf, parseParams, parseSdkParams, str, unsettableStr, type ParseSdkParams } from '../core/params';
import type { Ctx, Route } from '../core/router';
import type { World } from '../core/world';
import { renderPerson } from './requirements';
import { expandObject, listResponse, registerResolver, requireAccount } from './shared';

// ---------------------------------------------------------------------------------------------
// Parameters

/** A zod issue carrying Stripe's message (the shape core/params turns into a 400). */
function issue(ctx: z.RefinementCtx, message: string, code?: string): void {
  ctx.addIssue({ code: 'custom', message, params: { stripe: { code, message } } });
}

const address = () =>
  hash({
    city: unsettableStr({ max: 100 }).optional(),
    country: unsettableStr({ max: 5000 }).optional(),
    line1: unsettableStr({ max: 200 }).optional(),
    line2: unsettableStr({ max: 200 }).optional(),
    postal_code: unsettableStr({ max: 5000 }).optional(),
    state: unsettableStr({ max: 5000 }).optional(),
  });

const japanAddress = () =>
  hash({
    city: unsettableStr({ max: 5000 }).optional(),
    country: unsettableStr({ max: 5000 }).optional(),
    line1: unsettableStr({ max: 5000 }).optional(),
    line2: unsettableStr({ max: 5000 }).optional(),
    postal_code: unsettableStr({ max: 5000 }).optional(),
    state: unsettableStr({ max: 5000 }).optional(),
    town: unsettableStr({ max: 5000 }).optional(),
  });

/** A file upload id (`file_...`); the emulator keeps no files, so the prefix is what is checked. */
const fileId = () =>
  str({ max: 500 }).superRefine((s, ctx) => {
    if (s !== '' && !s.startsWith('file_')) issue(ctx, `No such file upload: '${s}'`, 'resource_missing');
  });

const documentParams = () => hash({ front: fileId().optional(), back: fileId().optional() });
const filesParam = () => hash({ files: z.array(fileId()).max(10).optional() });

/** `relationship[percent_ownership]`: a decimal 0..100, or '' to unset. */
const percentOwnership = () =>
  z.string().transform((s, ctx) => {
    if (s === '') return null;
    if (!/^\d+(\.\d+)?$/.test(s) && !/^\.\d+$/.test(s)) {
      issue(ctx, `Invalid decimal: ${s}`);
      return z.NEVER;
    }
    const n = Number(s);
    if (n > 100) {
      issue(ctx, 'Invalid relationship[percent_ownership]: must be less than or equal to 100');
      return z.NEVER;
    }
    return n;
  });

const email = () =>
  str({ max: 800 }).superRefine((s, ctx) => {
    if (s !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)) issue(ctx, `Invalid email address: ${s}`, 'email_invalid');
  });

const phone = () =>
  str({ max: 5000 }).superRefine((s, ctx) => {
    const digits = s.replace(/\D/g, '');
    if (s !== '' && (!/^\+?[\d\s().-]+$/.test(s) || digits.length < 7 || digits.length > 15)) issue(ctx, `Invalid phone number: ${s}`);
  });

const ssnLast4 = () =>
  str().superRefine((s, ctx) => {
    if (s !== '' && !/^\d{4}$/.test(s)) issue(ctx, 'Invalid ssn_last_4: must be exactly 4 digits.');
  });

const nationality = () =>
  str({ max: 5 }).superRefine((s, ctx) => {
    if (s !== '' && !/^[A-Za-z]{2}$/.test(s)) issue(ctx, `Invalid nationality: ${s}. It must be a two-letter country code (or XX).`);
  });

const ETHNICITIES = ['cuban', 'hispanic_or_latino', 'mexican', 'not_hispanic_or_latino', 'other_hispanic_or_latino', 'prefer_not_to_answer', 'puerto_rican'] as const;
const RACES = [
  'african_american', 'american_indian_or_alaska_native', 'asian', 'asian_indian', 'black_or_african_american', 'chinese', 'ethiopian', 'filipino',
  'guamanian_or_chamorro', 'haitian', 'jamaican', 'japanese', 'korean', 'native_hawaiian', 'native_hawaiian_or_other_pacific_islander', 'nigerian',
  'other_asian', 'other_black_or_african_american', 'other_pacific_islander', 'prefer_not_to_answer', 'samoan', 'somali', 'vietnamese', 'white',
] as const;

const RELATIONS = ['representative', 'owner', 'director', 'executive', 'legal_guardian', 'authorizer'] as const;
type Relation = (typeof RELATIONS)[number];

const personParams = hash({
  additional_tos_acceptances: hash({
    account: hash({ date: int({ min: 0 }).optional(), ip: str().optional(), user_agent: unsettableStr().optional() }).optional(),
  }).optional(),
  address: address().optional(),
  address_kana: japanAddress().optional(),
  address_kanji: japanAddress().optional(),
  dob: emptyableHash({ day: int({ min: 1, max: 31 }), month: int({ min: 1, max: 12 }), year: int({ min: 1900, max: 9999 }) }).optional(),
  documents: hash({ company_authorization: filesParam().optional(), passport: filesParam().optional(), visa: filesParam().optional() }).optional(),
  email: email().optional(),
  expand: expand(),
  first_name: str({ max: 100 }).optional(),
  first_name_kana: str({ max: 5000 }).optional(),
  first_name_kanji: str({ max: 5000 }).optional(),
  full_name_aliases: z.union([z.literal('').transform((): string[] => []), z.array(str({ max: 300 })).max(10)]).optional(),
  gender: oneOf(['female', 'male']).optional(),
  id_number: str({ max: 5000 }).optional(),
  id_number_secondary: str({ max: 5000 }).optional(),
  last_name: str({ max: 100 }).optional(),
  last_name_kana: str({ max: 5000 }).optional(),
  last_name_kanji: str({ max: 5000 }).optional(),
  maiden_name: str({ max: 5000 }).optional(),
  metadata: metadata().optional(),
  nationality: nationality().optional(),
  person_token: str({ max: 5000 }).optional(),
  phone: phone().optional(),
  political_exposure: oneOf(['existing', 'none']).optional(),
  registered_address: address().optional(),
  relationship: hash({
    authorizer: bool().optional(),
    director: bool().optional(),
    executive: bool().optional(),
    legal_guardian: bool().optional(),
    owner: bool().optional(),
    percent_ownership: percentOwnership().optional(),
    representative: bool().optional(),
    title: str({ max: 5000 }).optional(),
  }).optional(),
  ssn_last_4: ssnLast4().optional(),
  us_cfpb_data: hash({
    ethnicity_details: hash({ ethnicity: z.array(oneOf(ETHNICITIES)).optional(), ethnicity_other: str({ max: 5000 }).optional() }).optional(),
    race_details: hash({ race: z.array(oneOf(RACES)).optional(), race_other: str({ max: 5000 }).optional() }).optional(),
    self_identified_gender: str({ max: 5000 }).optional(),
  }).optional(),
  verification: hash({ document: documentParams().optional(), additional_document: documentParams().optional() }).optional(),
});

export type PersonParams = z.output<typeof personParams>;

const listPersonParams = hash({
  ...listParams,
  relationship: hash(Object.fromEntries(RELATIONS.map((r) => [r, bool().optional()])) as Record<Relation, z.ZodOptional<ReturnType<typeof bool>>>).optional(),
});

// ---------------------------------------------------------------------------------------------
// The stored object

const nullAddress = (): Stripe.Address => ({ city: null, country: null, line1: null, line2: null, postal_code: null, state: null });
const nullJapanAddress = (): Stripe.Person.AddressKana => ({ ...nullAddress(), town: null });
const nullDocument = () => ({ back: null, details: null, details_code: null, front: null });
const emptyRequirements = () => ({ alternatives: [], currently_due: [], errors: [], eventually_due: [], past_due: [], pending_verification: [] });

/** A person with nothing set: every field of Stripe's sample, null or false. */
function blankPerson(id: string, account: Stripe.Account, now: number): Stripe.Person {
  const person: Stripe.Person = {
    id,
    object: 'person',
    account: account.id,
    additional_tos_acceptances: { account: { date: null, ip: null, user_agent: null } },
    address: nullAddress(),
    created: now,
    dob: { day: null, month: null, year: null },
    email: null,
    first_name: null,
    full_name_aliases: [],
    future_requirements: emptyRequirements(),
    gender: null,
    id_number_provided: false,
    id_number_secondary_provided: false,
    last_name: null,
    maiden_name: null,
    metadata: {},
    nationality: null,
    phone: null,
    political_exposure: 'none',
    registered_address: nullAddress(),
    relationship: {
      authorizer: null,
      director: false,
      executive: false,
      legal_guardian: false,
      owner: false,
      percent_ownership: null,
      representative: false,
      title: null,
    },
    requirements: emptyRequirements(),
    ssn_last_4_provided: false,
    verification: { additional_document: nullDocument(), details: null, details_code: null, document: nullDocument(), status: 'unverified' },
  };
  // Stripe shows the kana and kanji fields on Japanese accounts only.
  if (account.country === 'JP') {
    Object.assign(person, {
      address_kana: nullJapanAddress(),
      address_kanji: nullJapanAddress(),
      first_name_kana: null,
      first_name_kanji: null,
      last_name_kana: null,
      last_name_kanji: null,
    });
  }
  return person;
}

/** Sets the defined keys of `patch` on `target` (null included: '' unsets). */
function patchFields<T extends object>(target: T, patch: object | undefined): T {
  if (!patch) return target;
  const out = { ...target } as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) out[k] = v;
  return out as T;
}

const KEYED_IDENTITY_FAILED =
  'The identity information you entered cannot be verified. Please correct any errors or upload a document that matches the identity fields (e.g., name and date of birth) that you entered.';

/**
 * Stripe's test-mode identity outcomes: ID number 000000000 / 222222222 (or SSN last 4 0000)
 * verifies, 111111111 fails as an identity mismatch; the `file_identity_document_success` file
 * verifies, `file_identity_document_failure` fails the document.
 */
function testVerification(world: World, person: Stripe.Person, p: PersonParams): void {
  if (world.mode !== 'test') return;
  const v = person.verification!;
  if (p.id_number !== undefined || p.ssn_last_4 !== undefined) {
    if (p.id_number === '111111111') Object.assign(v, { status: 'unverified', details_code: 'failed_keyed_identity', details: KEYED_IDENTITY_FAILED });
    else if (p.id_number === '000000000' || p.id_number === '222222222' || (p.id_number === undefined && p.ssn_last_4 === '0000')) {
      Object.assign(v, { status: 'verified', details_code: null, details: null });
    }
  }
  for (const key of ['document', 'additional_document'] as const) {
    const front = p.verification?.[key]?.front;
    if (front === undefined) continue;
    const doc = v[key] as Stripe.Person.Verification.Document;
    if (front === 'file_identity_document_failure') {
      Object.assign(doc, { details_code: 'document_failed_test_mode', details: 'The document failed verification in test mode.' });
      if (key === 'document' && v.status !== 'verified') v.status = 'unverified';
    } else {
      Object.assign(doc, { details_code: null, details: null });
      if (key === 'document' && front === 'file_identity_document_success') Object.assign(v, { status: 'verified', details_code: null, details: null });
    }
  }
}

/**
 * Applies parameters to a copy of `current`: the one place create and update land. `fresh`: a
 * blank `current` made for this person alone, filled in place (no copy needed).
 */
function applyPersonParams(world: World, account: Stripe.Account, current: Stripe.Person, p: PersonParams, fresh = false): Stripe.Person {
  if (p.person_token !== undefined) throw invalidRequest(`No such token: '${p.person_token}'`, { param: 'person_token', code: 'resource_missing' });
  if (p.dob) {
    const { day, month, year } = p.dob;
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) {
      throw invalidRequest(`Invalid dob: ${year}-${month}-${day} is not a valid date.`, { param: 'dob' });
    }
  }
  const next = (fresh ? current : structuredClone(current)) as Stripe.Person & Record<string, unknown>;
  const simple = [
    'email', 'first_name', 'first_name_kana', 'first_name_kanji', 'gender', 'last_name', 'last_name_kana', 'last_name_kanji',
    'maiden_name', 'phone', 'political_exposure', 'full_name_aliases',
  ] as const;
  for (const k of simple) if (p[k] !== undefined) next[k] = p[k] as never;
  if (p.nationality !== undefined) next.nationality = p.nationality.toUpperCase();
  if (p.address) next.address = patchFields(next.address ?? nullAddress(), p.address);
  if (p.registered_address) next.registered_address = patchFields(next.registered_address ?? nullAddress(), p.registered_address);
  if (p.address_kana) next.address_kana = patchFields(next.address_kana ?? nullJapanAddress(), p.address_kana);
  if (p.address_kanji) next.address_kanji = patchFields(next.address_kanji ?? nullJapanAddress(), p.address_kanji);
  if (p.dob !== undefined) next.dob = p.dob === null ? { day: null, month: null, year: null } : { day: p.dob.day, month: p.dob.month, year: p.dob.year };
  if (p.id_number !== undefined) {
    next.id_number_provided = true;
    // A full US SSN carries its last four digits.
    if (account.country === 'US' && /^\d{3}-?\d{2}-?\d{4}$/.test(p.id_number)) next.ssn_last_4_provided = true;
  }
  if (p.id_number_secondary !== undefined) next.id_number_secondary_provided = true;
  if (p.ssn_last_4 !== undefined) next.ssn_last_4_provided = true;
  if (p.relationship) next.relationship = patchFields(next.relationship!, p.relationship);
  if (p.additional_tos_acceptances?.account) {
    const cur = next.additional_tos_acceptances?.account ?? { date: null, ip: null, user_agent: null };
    next.additional_tos_acceptances = { account: patchFields(cur, p.additional_tos_acceptances.account) };
  }
  if (p.us_cfpb_data) {
    const cur = next.us_cfpb_data ?? { ethnicity_details: null, race_details: null, self_identified_gender: null };
    const u = p.us_cfpb_data;
    next.us_cfpb_data = {
      ethnicity_details: u.ethnicity_details
        ? { ethnicity: u.ethnicity_details.ethnicity ?? cur.ethnicity_details?.ethnicity ?? null, ethnicity_other: u.ethnicity_details.ethnicity_other ?? cur.ethnicity_details?.ethnicity_other ?? null }
        : cur.ethnicity_details,
      race_details: u.race_details
        ? { race: u.race_details.race ?? cur.race_details?.race ?? null, race_other: u.race_details.race_other ?? cur.race_details?.race_other ?? null }
        : cur.race_details,
      self_identified_gender: u.self_identified_gender ?? cur.self_identified_gender,
    };
  }
  if (p.verification) {
    const v = next.verification!;
    if (p.verification.document) v.document = patchFields(v.document ?? nullDocument(), p.verification.document);
    if (p.verification.additional_document) v.additional_document = patchFields(v.additional_document ?? nullDocument(), p.verification.additional_document);
  }
  next.metadata = mergeMetadata(current.metadata ?? {}, p.metadata);
  testVerification(world, next, p);
  return next;
}

/** Only one representative per account: the newest one named takes the role from the others. */
function claimRepresentative(world: World, person: Stripe.Person): void {
  if (person.relationship?.representative !== true) return;
  for (const other of world.persons.newestFirstIn(person.account)) {
    if (other.id === person.id || other.relationship?.representative !== true) continue;
    world.persons.put({ ...other, relationship: { ...other.relationship, representative: false } });
  }
}

// ---------------------------------------------------------------------------------------------
// Shared logic (routes and the demo seeder)

/** The persons of an account, newest first. */
export function personsOf(world: World, accountId: string): Stripe.Person[] {
  return world.persons.newestFirstIn(accountId);
}

export interface AddPersonOptions {
  /** Draws the id from this source (the demo seeder's seeded generator). */
  random?: RandomSource;
  /** How `input` is validated: as a request's would be (the default), or the scale seed's check by shape. */
  parse?: ParseSdkParams;
}

/**
 * Creates a person on an account through the same checks and rules as
 * POST /v1/accounts/:account/persons (not the API's Custom-only permission: the seeder may
 * give any account its persons). `input` is form-shaped or SDK-shaped parameters.
 */
export function addPerson(
  world: World,
  accountId: string,
  input: Stripe.AccountCreatePersonParams | FormObject | PersonParams,
  now: number,
  opts: AddPersonOptions = {},
): Stripe.Person {
  const account = world.accounts.get(accountId);
  if (!account) throw noSuch('account', accountId, 'account');
  const p = (opts.parse ?? parseSdkParams)(personParams, input);
  return createPerson(world, account, p, now, opts);
}

function createPerson(world: World, account: Stripe.Account, p: PersonParams, now: number, opts: AddPersonOptions = {}): Stripe.Person {
  const person = applyPersonParams(world, account, blankPerson(makeId('person', opts.random), account, now), p, true);
  world.persons.insert(person);
  claimRepresentative(world, person);
  return person;
}

/**
 * Stripe's answer where the platform does not collect requirements (Express, Standard): it may
 * prefill persons and external accounts of an Express account until hosted onboarding starts.
 */
export function requireCollection(world: World, account: Stripe.Account): void {
  if (account.controller?.requirement_collection === 'application') return;
  if (account.type === 'express' && !world.onboardingStarted.has(account.id)) return;
  throw new StripeApiError(403, {
    type: 'invalid_request_error',
    message: `This application does not have the required permissions for this endpoint on account '${account.id}'.`,
  });
}

function findPerson(ctx: Ctx, accountId: string, personId: string): Stripe.Person {
  const person = ctx.world.persons.get(personId);
  if (!person || person.account !== accountId) throw noSuch('person', personId, 'person');
  return person;
}

registerResolver('person', (ctx, id) => {
  const person = ctx.world.persons.get(id);
  if (!person) throw noSuch('person', id, 'expand');
  return renderPerson(ctx, person);
});

// ---------------------------------------------------------------------------------------------
// Routes

const retrieveParams = hash({ expand: expand() });

function matchesRelationships(person: Stripe.Person, filter: Partial<Record<Relation, boolean>> | undefined): boolean {
  if (!filter) return true;
  return RELATIONS.every((r) => filter[r] === undefined || (person.relationship?.[r] === true) === filter[r]);
}

function routesAt(collection: 'persons' | 'people'): Route[] {
  const base = `/v1/accounts/:account/${collection}`;
  return [
    {
      method: 'POST',
      pattern: base,
      params: personParams,
      object: 'person',
      handler: (ctx, path) => {
        const { account } = requireAccount(ctx, path.account);
        requireCollection(ctx.world, account);
        const p = parseParams(personParams, ctx.params);
        const person = createPerson(ctx.world, account, p, ctx.now());
        return expandObject(ctx, renderPerson(ctx, person), p.expand);
      },
    },
    {
      method: 'GET',
      pattern: base,
      params: listPersonParams,
      handler: (ctx, path) => {
        const p = parseParams(listPersonParams, ctx.params);
        const { account } = requireAccount(ctx, path.account);
        const items = personsOf(ctx.world, account.id)
          .filter((person) => matchesRelationships(person, p.relationship))
          .map((person) => renderPerson(ctx, person));
        return listResponse(ctx, items, p, `/v1/accounts/${account.id}/${collection}`);
      },
    },
    {
      method: 'GET',
      pattern: `${base}/:person`,
      params: retrieveParams,
      handler: (ctx, path) => {
        const p = parseParams(retrieveParams, ctx.params);
        requireAccount(ctx, path.account);
        return expandObject(ctx, renderPerson(ctx, findPerson(ctx, path.account, path.person)), p.expand);
      },
    },
    {
      method: 'POST',
      pattern: `${base}/:person`,
      params: personParams,
      object: 'person',
      handler: (ctx, path) => {
        const { account } = requireAccount(ctx, path.account);
        requireCollection(ctx.world, account);
        const current = findPerson(ctx, account.id, path.person);
        const p = parseParams(personParams, ctx.params);
        const next = applyPersonParams(ctx.world, account, current, p);
        ctx.world.persons.put(next);
        claimRepresentative(ctx.world, next);
        return expandObject(ctx, renderPerson(ctx, next), p.expand);
      },
    },
    {
      method: 'DELETE',
      pattern: `${base}/:person`,
      params: NO_PARAMS,
      handler: (ctx, path): Stripe.DeletedPerson => {
        const { account } = requireAccount(ctx, path.account);
        requireCollection(ctx.world, account);
        const person = findPerson(ctx, account.id, path.person);
        parseParams(NO_PARAMS, ctx.params);
        ctx.world.persons.delete(person.id);
        return { id: person.id, object: 'person', deleted: true };
      },
    },
  ];
}

export const personRoutes: Route[] = [...routesAt('persons'), ...routesAt('people')];
