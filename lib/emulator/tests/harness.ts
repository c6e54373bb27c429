// The emulator's test harness, shared by its own tests (here) and the app's integration tests
// (tests/integration/): an emulator per file driven by the real Stripe SDK (`emulatorForFile()`), raw
// HTTP for what the SDK cannot send, and builders for accounts that have everything a country asks.
import { readFileSync } from 'node:fs';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '@/lib/emulator/server';

export const TEST_KEY = 'sk_test_integration';
export const LIVE_KEY = 'sk_live_integration';

/** A fixed clock (2026-06-01T00:00:00Z) for files that need repeatable times. */
export const FIXED_NOW = 1_780_272_000;

/** The countries the emulator must support, and each one's default currency. */
export const COUNTRIES = { US: 'usd', GB: 'gbp', DE: 'eur', FR: 'eur', CA: 'cad', AU: 'aud', JP: 'jpy' } as const;
export type Country = keyof typeof COUNTRIES;

export interface Harness extends RunningEmulator {
  /** The SDK with a test-mode key. */
  stripe: Stripe;
  /** The SDK with a live-mode key. */
  live: Stripe;
  /** Another SDK client on this emulator (other key, pinned version, ...). */
  client(key?: string, config?: Stripe.StripeConfig): Stripe;
  /** A raw request, for what the SDK cannot express. */
  raw(method: string, path: string, opts?: RawOptions): Promise<RawResponse>;
  /** Back to the seed (state and request log). */
  reset(): Promise<void>;
}

export function sdk(port: number, key = TEST_KEY, config: Stripe.StripeConfig = {}): Stripe {
  return new Stripe(key, { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0, ...config });
}

/** Starts an emulator for one test file (call in beforeAll, close in afterAll). */
export async function startHarness(opts: EmulatorOptions = {}): Promise<Harness> {
  const running = await startEmulator({ seed: 'empty', ...opts });
  return {
    ...running,
    stripe: sdk(running.port, TEST_KEY),
    live: sdk(running.port, LIVE_KEY),
    client: (key = TEST_KEY, config = {}) => sdk(running.port, key, config),
    raw: (method, path, o) => rawRequest(running.url, method, path, o),
    reset: async () => {
      const res = await fetch(`${running.url}/_emulator/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
      expect(res.status).toBe(200);
    },
  };
}

export interface RawOptions {
  /** The API key, sent as Bearer; null sends no Authorization header. */
  key?: string | null;
  /** A form body (already encoded) or a query string for GET. */
  body?: string;
  headers?: Record<string, string>;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of any shape; tests assert on it
  json: any;
  text: string;
}

export async function rawRequest(base: string, method: string, path: string, opts: RawOptions = {}): Promise<RawResponse> {
  const headers: Record<string, string> = { ...opts.headers };
  const key = opts.key === undefined ? TEST_KEY : opts.key;
  if (key !== null && !Object.keys(headers).some((h) => h.toLowerCase() === 'authorization')) headers.Authorization = `Bearer ${key}`;
  let url = `${base}${path}`;
  let body: string | undefined;
  if (opts.body !== undefined) {
    if (method === 'GET') url += `${path.includes('?') ? '&' : '?'}${opts.body}`;
    else {
      body = opts.body;
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
  }
  const res = await fetch(url, { method, headers, body });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** The Stripe error a call fails with (fails the test when the call succeeds). */
export async function stripeError(call: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await call;
  } catch (e) {
    if (e instanceof Stripe.errors.StripeError) return e;
    throw e;
  }
  throw new Error('expected the call to fail with a Stripe error, but it succeeded');
}

export interface ExpectedError {
  status: number;
  type?: string;
  code?: string | undefined;
  param?: string | undefined;
  message?: RegExp | string;
}

/** Asserts a failed SDK call's status, Stripe error type, code, param and message. */
export async function expectStripeError(call: Promise<unknown>, want: ExpectedError): Promise<Stripe.errors.StripeError> {
  const e = await stripeError(call);
  expect(e.statusCode, e.message).toBe(want.status);
  expect(e.rawType).toBe(want.type ?? 'invalid_request_error');
  if ('code' in want) expect(e.code).toBe(want.code);
  if ('param' in want) expect(e.param).toBe(want.param);
  if (want.message !== undefined) expect(e.message).toMatch(want.message);
  expect(e.requestId).toMatch(/^req_/);
  return e;
}

/** Asserts a raw response is Stripe's error shape. */
export function expectErrorShape(res: RawResponse, status: number, want: { type?: string; code?: string; param?: string } = {}): void {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  expect(res.headers.get('request-id')).toMatch(/^req_[A-Za-z0-9]+$/);
  expect(res.json).toHaveProperty('error');
  expect(typeof res.json.error.message).toBe('string');
  expect(res.json.error.message.length).toBeGreaterThan(0);
  expect(res.json.error.type).toBe(want.type ?? 'invalid_request_error');
  if (want.code !== undefined) expect(res.json.error.code).toBe(want.code);
  if (want.param !== undefined) expect(res.json.error.param).toBe(want.param);
}

/** Every item of a list, through the SDK's auto-pagination. */
export async function collect<T>(list: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of list) out.push(item);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Accounts that have what a country asks for.

type Json = Record<string, unknown>;

/** A value for each verification field, by its last segment (what Stripe's test data accepts). */
function valueFor(path: string[], now: number): unknown {
  const leaf = path[path.length - 1];
  const parent = path[path.length - 2];
  if (parent === 'dob') return { day: 14, month: 3, year: 1985 }[leaf];
  if (parent === 'tos_acceptance') return leaf === 'date' ? now - 60 : leaf === 'ip' ? '203.0.113.7' : 'Mozilla/5.0';
  if (parent === 'verification') return { front: 'file_identity_document_success' };
  const values: Record<string, unknown> = {
    city: 'Springfield',
    line1: '1 Main Street',
    line2: 'Suite 2',
    postal_code: '10001',
    state: 'NY',
    town: 'Chiyoda',
    email: 'owner@example.com',
    first_name: 'Jenny',
    last_name: 'Rosen',
    first_name_kana: 'ジェニー',
    first_name_kanji: '珍',
    last_name_kana: 'ローゼン',
    last_name_kanji: '薔薇',
    name: 'Acme Trading',
    name_kana: 'アクメ',
    name_kanji: '亜久目',
    phone: '+15555550123',
    ssn_last_4: '0000',
    id_number: '000000000',
    tax_id: '000000000',
    vat_id: 'DE123456789',
    registration_number: '12345678',
    mcc: '5734',
    url: 'https://acme.example.com',
    product_description: 'Software for small shops',
    support_phone: '+15555550124',
    owners_provided: true,
    directors_provided: true,
    executives_provided: true,
    title: 'CEO',
    executive: true,
    representative: true,
    owner: true,
    director: true,
    percent_ownership: 100,
    nationality: 'US',
    full_name_aliases: ['J. Rosen'],
  };
  if (!(leaf in values)) throw new Error(`helpers: no test value for verification field '${path.join('.')}'`);
  return values[leaf];
}

function setPath(target: Json, path: string[], value: unknown): void {
  let node = target;
  for (const part of path.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Json;
  }
  node[path[path.length - 1]] = value;
}

/** The external account for a country: Stripe's magic test token, or test bank details. */
export function testExternalAccount(country: string): string | Stripe.AccountUpdateParams['external_account'] {
  if (country === 'US') return 'btok_us_verified';
  if (country === 'JP') {
    return { object: 'bank_account', country: 'JP', currency: 'jpy', routing_number: '1100000', account_number: '0001234', account_holder_name: 'Jenny Rosen' } as unknown as string;
  }
  return `btok_${country.toLowerCase()}`;
}

const PERSON_GROUPS = ['representative', 'owners', 'directors', 'executives'];

/**
 * Turns a list of verification fields (as a country spec lists them) into account update
 * parameters and the parameters of one person who fills every person role asked for.
 */
export function paramsForFields(fields: readonly string[], country: string, businessType: 'individual' | 'company', now: number) {
  const account: Json = { business_type: businessType };
  const person: Json = {};
  const roles = new Set<string>();
  for (const field of fields) {
    const path = field.split('.');
    if (field === 'business_type') continue;
    if (field === 'external_account') account.external_account = testExternalAccount(country);
    else if (PERSON_GROUPS.includes(path[0])) {
      roles.add(path[0]);
      setPath(person, path.slice(1), valueFor(path, now));
    } else setPath(account, path, valueFor(path, now));
  }
  if (roles.size > 0) {
    const relationship = (person.relationship ?? {}) as Json;
    if (roles.has('representative')) relationship.representative = true;
    if (roles.has('owners')) relationship.owner = true;
    if (roles.has('directors')) relationship.director = true;
    if (roles.has('executives')) relationship.executive = true;
    person.relationship = relationship;
  }
  return { account: account as Stripe.AccountUpdateParams, person: roles.size > 0 ? (person as Stripe.AccountCreatePersonParams) : null };
}

/** Gives an account every field of `fields` (a person too, when the fields ask for one). */
export async function provideFields(stripe: Stripe, account: Stripe.Account, fields: readonly string[], businessType: 'individual' | 'company', now: number): Promise<Stripe.Account> {
  const { account: params, person } = paramsForFields(fields, account.country ?? 'US', businessType, now);
  if (person) await stripe.accounts.createPerson(account.id, person);
  return stripe.accounts.update(account.id, params);
}

/** A Custom account asking for card payments and transfers, nothing else provided. */
export function createCustom(stripe: Stripe, params: Stripe.AccountCreateParams = {}): Promise<Stripe.Response<Stripe.Account>> {
  return stripe.accounts.create({
    type: 'custom',
    country: 'US',
    capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
    ...params,
  });
}

/** A Custom account with everything its country's `minimum` asks for: enabled. */
export async function createEnabled(stripe: Stripe, country: Country = 'US', businessType: 'individual' | 'company' = 'individual', now = Math.floor(Date.now() / 1000)) {
  const spec = await stripe.countrySpecs.retrieve(country);
  const account = await createCustom(stripe, { country });
  return provideFields(stripe, account, spec.verification_fields[businessType].minimum, businessType, now);
}

/**
 * Stripe's own sample object for every resource (stripe/openapi's fixtures3.json, kept in
 * tests/fixtures): the emulator's objects must carry the same fields with the same types.
 */
export const STRIPE_FIXTURES = JSON.parse(readFileSync(new URL('../../../tests/fixtures/stripe-fixtures3.json', import.meta.url), 'utf8')).resources as Record<string, Record<string, unknown>>;

/**
 * Every balance of each owner (null: the platform; else a connected account, through
 * Stripe-Account) equals the sum of its balance transactions' nets, read through the SDK.
 */
export async function expectBalancesEqualTransactions(stripe: Stripe, owners: readonly (string | null)[]): Promise<void> {
  for (const owner of owners) {
    const opts = owner ? { stripeAccount: owner } : {};
    const balance = await stripe.balance.retrieve({}, opts);
    const txns = await stripe.balanceTransactions.list({ limit: 100 }, opts).autoPagingToArray({ limit: 10_000 });
    const sums: Record<string, { available: number; pending: number }> = {};
    for (const t of txns) {
      sums[t.currency] ??= { available: 0, pending: 0 };
      sums[t.currency][t.status === 'available' ? 'available' : 'pending'] += t.net;
    }
    for (const b of balance.available) expect(b.amount, `${owner ?? 'platform'} ${b.currency} available`).toBe(sums[b.currency]?.available ?? 0);
    for (const b of balance.pending) expect(b.amount, `${owner ?? 'platform'} ${b.currency} pending`).toBe(sums[b.currency]?.pending ?? 0);
  }
}

/** The emulator of a test file, with its clock: `h.clock` is the emulator's time, moved by tests. */
export type TestEmulator = Harness & { clock: number };

/**
 * One emulator for a test file: started before its tests, closed after them, and before each test
 * reset to its seed with the clock back at FIXED_NOW (`resetEach: false` keeps state across the
 * file's tests). The emulator's time is `h.clock` (`h.clock += DAY` moves it); `realTime: true`
 * leaves it on the wall clock. Call at the top of the file: `const h = emulatorForFile();`.
 */
export function emulatorForFile(opts: EmulatorOptions & { resetEach?: boolean; realTime?: boolean } = {}): TestEmulator {
  const { resetEach = true, realTime = false, ...emulatorOptions } = opts;
  const h = { clock: FIXED_NOW } as TestEmulator;
  beforeAll(async () => {
    Object.assign(h, await startHarness({ ...(realTime ? {} : { now: () => h.clock }), ...emulatorOptions }));
  });
  afterAll(async () => {
    await h.close?.();
  });
  if (resetEach) {
    beforeEach(async () => {
      h.clock = FIXED_NOW;
      await h.reset();
    });
  }
  return h;
}

/** A control-API call (`/_emulator/...`) with a JSON body, and its JSON answer. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of any shape; tests assert on it
export async function control(h: RunningEmulator, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${h.url}${path}`, { method, headers: body === undefined && method !== 'POST' ? {} : { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

/** Resolves once the emulator owes no webhook delivery (each delivered, given up or dropped). */
export async function webhooksSettled(h: RunningEmulator, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (h.emulator.webhooks.owedCount > 0) {
    if (Date.now() > until) throw new Error(`${h.emulator.webhooks.owedCount} deliveries still owed after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
