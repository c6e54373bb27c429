// The seeds' scenarios: what each connected account's holder has provided (`Provide`) and what
// Stripe made of it (deadlines, errors, verification in progress, rejections), and the machinery
// that makes a world of accounts from a list of scenarios through the emulator's own rules (the
// same parameter checks and the same requirement engine as the API), so that nothing here could not
// exist on Stripe. The requirement engine derives `currently_due`, `past_due`, capability statuses
// and `disabled_reason` from that. The demo seed (`demo.ts`) makes ~240 accounts from them; the
// scale seed (`scale.ts`) the same spread at any size.
import type Stripe from 'stripe';
import { parseSdkParams, type ParseSdkParams } from '../core/params';
import { seededRandom, withSeededIds } from '../core/ids';
import type { Ctx } from '../core/router';
import type { AccountFacts, Rejection, World } from '../core/world';
import { createAccountParams } from '../resources/account-params';
import { createAccount } from '../resources/accounts';
import { addExternalAccount } from '../resources/external-accounts';
import { addPerson } from '../resources/persons';
import { ADDRESS_ERROR, DOCUMENT_ERRORS, EXTRA_CAPABILITIES, KEYED_IDENTITY_ERROR, PLATFORM_REJECT_REASONS, STRIPE_REJECT_REASONS, TAX_ID_ERRORS } from './catalog';
import type { Country } from './names';
import { accountParams, externalAccounts, FULL, personParams, type Provide } from './params';
import { between, makeBusiness, pick, type Business, type Rng } from './profile';
import { DEMO_MONEY, seedMoney, type MoneyPlan } from './money';
import { disputeSome, refundSome } from './disputes';
import { seedPayouts } from './payouts';
import { seedBilling } from './billing';
import { seedMoneyIds } from '../money';

const DAY = 86_400;
const SEED = 20261123;

/** What Stripe made of an account after it was created: `at` is its creation time. */
type Aftermath = (facts: AccountFacts, s: { rng: Rng; now: number; at: number; account: Stripe.Account; lead: string | null; business: Business; n: number }) => void;

export interface Scenario {
  name: string;
  count: number;
  provide: Partial<Provide>;
  /** Newest first? `recent` accounts were made in the last two weeks. */
  recent?: boolean;
  noCapabilities?: boolean;
  after?: Aftermath;
}

/** The field a document error or a pending check is on: the individual's, or the representative's. */
const identityField = (s: { account: Stripe.Account; lead: string | null }, tail: string): string =>
  s.account.business_type === 'individual' ? `individual.${tail}` : `${s.lead ?? 'representative'}.${tail}`;

const futureDeadline = (rng: Rng, now: number, min: number, max: number) => now + between(rng, min, max) * DAY;

/** The test-mode scenarios, with the demo's count of each (240 accounts in all). */
export const SCENARIOS: Scenario[] = [
  { name: 'enabled', count: 100, provide: {} },
  { name: 'enabled, several payout destinations', count: 12, provide: { multiCurrency: true } },
  {
    // Volume thresholds reached: Stripe wants the additional fields by a deadline.
    name: 'currently due with a deadline',
    count: 22,
    provide: { additional: false },
    after: (f, { rng, now }) => {
      f.requireAdditional = true;
      f.deadline = futureDeadline(rng, now, 2, 30);
    },
  },
  {
    name: 'past due: additional fields missed their deadline',
    count: 10,
    provide: { additional: false },
    after: (f, { rng, now }) => {
      f.requireAdditional = true;
      f.deadline = now - between(rng, 1, 60) * DAY;
    },
  },
  {
    name: 'past due: onboarding abandoned',
    count: 16,
    provide: { details: false, additional: false, external: false, ownership: false },
  },
  {
    name: 'identity document failed',
    count: 12,
    provide: { docs: 'uploaded' },
    after: (f, s) => {
      const e = pick(s.rng, DOCUMENT_ERRORS);
      f.errors.push({ requirement: identityField(s, 'verification.document'), code: e.code, reason: e.reason });
      if (s.rng(3) === 0) f.errors.push({ requirement: identityField(s, 'address.line1'), code: ADDRESS_ERROR.code, reason: ADDRESS_ERROR.reason });
      f.deadline = s.rng(2) === 0 ? futureDeadline(s.rng, s.now, 3, 21) : null;
    },
  },
  {
    name: 'identity could not be verified from keyed details',
    count: 4,
    provide: { docs: 'uploaded' },
    after: (f, s) => {
      f.errors.push({ requirement: identityField(s, 'id_number'), code: KEYED_IDENTITY_ERROR.code, reason: KEYED_IDENTITY_ERROR.reason });
      f.deadline = futureDeadline(s.rng, s.now, 5, 14);
    },
  },
  {
    name: 'pending verification',
    count: 10,
    provide: { docs: 'uploaded' },
    after: (f, s) => {
      f.pendingVerification.push(identityField(s, 'verification.document'));
      if (s.account.business_type === 'company') f.pendingVerification.push('company.tax_id');
      // Half are still within their grace period; the others wait with payments paused.
      f.deadline = s.rng(2) === 0 ? futureDeadline(s.rng, s.now, 3, 14) : null;
    },
  },
  {
    name: 'tax id rejected',
    count: 5,
    provide: { docs: 'uploaded' },
    after: (f, s) => {
      if (s.account.business_type !== 'company') return;
      const e = pick(s.rng, TAX_ID_ERRORS);
      f.errors.push({ requirement: 'company.tax_id', code: e.code, reason: e.reason });
      f.deadline = futureDeadline(s.rng, s.now, 7, 30);
    },
  },
  {
    name: 'future requirements announced',
    count: 10,
    provide: {},
    after: (f, s) => {
      const fields = s.account.business_type === 'company' ? ['company.ownership_declaration.date', 'company.ownership_declaration.ip'] : ['individual.political_exposure'];
      f.future = { fields, deadline: futureDeadline(s.rng, s.now, 45, 120) };
    },
  },
  {
    name: 'rejected by the platform',
    count: 14,
    provide: {},
    after: (f, s) => {
      // Every reason at least once.
      f.rejection = rejection(s.rng, 'platform', PLATFORM_REJECT_REASONS[s.n % PLATFORM_REJECT_REASONS.length], s.at, s.now);
    },
  },
  {
    name: 'rejected by Stripe',
    count: 6,
    provide: {},
    after: (f, s) => {
      f.rejection = rejection(s.rng, 'stripe', STRIPE_REJECT_REASONS[s.n % STRIPE_REJECT_REASONS.length], s.at, s.now);
    },
  },
  { name: 'onboarding not started', count: 16, recent: true, provide: { bare: true, details: false, additional: false, tos: false, external: false, ownership: false } },
  { name: 'no capabilities requested', count: 3, noCapabilities: true, provide: {} },
];

function rejection(rng: Rng, by: Rejection['by'], reason: string, created: number, now: number): Rejection {
  const at = Math.min(now - DAY, created + between(rng, 3, 300) * DAY);
  return { by, reason, at: Math.max(at, created + 60), payoutsAction: by === 'platform' && rng(3) === 0 ? 'pause' : 'none' };
}

const COUNTRY_WEIGHTS: [Country, number][] = [['US', 36], ['GB', 14], ['DE', 12], ['FR', 10], ['CA', 10], ['AU', 10], ['JP', 8]];

function weighted<T>(rng: Rng, items: [T, number][]): T {
  let n = rng(items.reduce((sum, [, w]) => sum + w, 0));
  for (const [item, w] of items) if ((n -= w) < 0) return item;
  return items[0][0];
}

function capabilities(rng: Rng, country: Country, type: string, none: boolean): Record<string, { requested: boolean }> {
  if (none || type === 'standard') return {};
  const out: Record<string, { requested: boolean }> = { card_payments: { requested: true }, transfers: { requested: true } };
  // Some payment methods asked for, and now and then one asked for and given up again (unrequested).
  for (const extra of EXTRA_CAPABILITIES[country]) {
    const roll = rng(8);
    if (roll < 2) out[extra] = { requested: true };
    else if (roll === 2) out[extra] = { requested: false };
  }
  return out;
}

/** The context a request made at `at` would have: the seeder calls the API's own functions with it. */
function seedCtx(world: World, at: number): Ctx {
  return { method: 'POST', path: '/v1/accounts', mode: world.mode, world, apiVersion: '2026-10-28.endive', stripeAccount: null, requestId: 'req_seed', params: {}, baseUrl: 'http://127.0.0.1', now: () => at };
}

interface Made {
  account: Stripe.Account;
  business: Business;
}

function makeAccount(world: World, rng: Rng, scenario: Scenario, i: number, now: number, used: Set<string>, live: boolean, parse: ParseSdkParams): Made {
  const country = live ? pick(rng, ['US', 'US', 'GB', 'CA'] as Country[]) : weighted(rng, COUNTRY_WEIGHTS);
  const kind = rng(3) === 0 ? 'individual' : 'company';
  const type = weighted<'custom' | 'express' | 'standard'>(rng, [['custom', 60], ['express', 25], ['standard', 15]]);
  const provide: Provide = { ...FULL, ...scenario.provide };
  const nowYear = new Date(now * 1000).getUTCFullYear();
  const business = makeBusiness(rng, country, kind, nowYear, used);
  const created = scenario.recent ? now - between(rng, 1, 14 * DAY) : now - between(rng, 15 * DAY, 730 * DAY);
  const params = accountParams(rng, business, {
    type,
    provide,
    capabilities: capabilities(rng, country, type, scenario.noCapabilities === true),
    created,
    internalId: `mer_${String(10_000 + i * 37).padStart(6, '0')}`,
    riskScore: scenario.name.startsWith('rejected') ? between(rng, 70, 99) : between(rng, 1, 60),
  });
  // Stripe accepts the terms of service itself for Standard and Express accounts (hosted onboarding).
  const tos = params.tos_acceptance as Stripe.AccountCreateParams.TosAcceptance | undefined;
  if (type !== 'custom') delete params.tos_acceptance;
  const ctx = seedCtx(world, created);
  const account = createAccount(ctx, parse(createAccountParams, params));
  if (type !== 'custom' && tos) account.tos_acceptance = { date: tos.date ?? null, ip: tos.ip ?? null, user_agent: tos.user_agent ?? null };

  const later = (minutes: number) => created + minutes * 60;
  if (!provide.bare && kind === 'company') {
    business.people.forEach((p, n) => {
      addPerson(world, account.id, personParams(rng, p.human, p.relationship, country, provide), later(5 + n), { parse });
    });
  }
  if (provide.external) {
    const inputs = externalAccounts(rng, business, { multi: provide.multiCurrency, live, nowYear });
    for (const [n, input] of inputs.entries()) addExternalAccount(world, account.id, input, later(30 + n), { metadata: n === 0 ? {} : { added_by: 'account_holder' }, parse });
  }
  return { account, business };
}

/** Live mode's few accounts: enabled, one due with a deadline, one rejected by the platform. */
const LIVE_SCENARIOS: Scenario[] = [
  { name: 'enabled', count: 6, provide: {} },
  { name: 'currently due with a deadline', count: 1, provide: { additional: false }, after: SCENARIOS[2].after },
  { name: 'rejected by the platform', count: 1, provide: {}, after: SCENARIOS[10].after },
];

/** What a world is made of: its scenarios (with their counts) and, in test mode, its money. */
export interface WorldPlan {
  live: boolean;
  scenarios: readonly Scenario[];
  /** Test mode: how much money history (see seedMoney). */
  money?: MoneyPlan;
  /** Test mode: subscriptions on a share of merchants (see seed/billing.ts). */
  billing?: boolean;
  /** Test mode: two years of payouts on the merchants (see seed/payouts.ts). */
  payouts?: boolean;
  /** How the accounts' parameters are validated: in full, as a request's (the default), or by shape (the scale seed). */
  parse?: ParseSdkParams;
}

/** The demo's worlds: the test-mode scenarios as listed, with money for every merchant; live mode's few. */
export const DEMO_TEST: WorldPlan = { live: false, scenarios: SCENARIOS, money: DEMO_MONEY, billing: true, payouts: true };
export const DEMO_LIVE: WorldPlan = { live: true, scenarios: LIVE_SCENARIOS };

export function seedWorld(world: World, now: number, plan: WorldPlan): void {
  const { live, scenarios } = plan;
  const rng = seededRandom(live ? SEED + 1 : SEED);
  const used = new Set<string>();
  withSeededIds(rng, () => {
    let i = 0;
    for (const scenario of scenarios) {
      for (let n = 0; n < scenario.count; n++, i++) {
        const { account, business } = makeAccount(world, rng, scenario, i, now, used, live, plan.parse ?? parseSdkParams);
        const facts = world.accountFacts.get(account.id)!;
        const lead = world.persons.newestFirstIn(account.id).find((p) => p.relationship?.representative)?.id ?? null;
        scenario.after?.(facts, { rng, now, at: account.created ?? now, account, lead, business, n });
      }
    }
    if (live) {
      // Live mode takes no test cards: two accounts hold funds (as their balance facts), so Stripe's
      // live-mode rule "reject or delete only at zero balance" has something to refuse.
      const enabled = world.accounts.newestFirst((a) => a.type !== 'standard' && !world.accountFacts.get(a.id)!.rejection).slice(0, 2);
      for (const a of enabled) world.accountFacts.get(a.id)!.balance = { available: { usd: between(rng, 1000, 90000) }, pending: { usd: between(rng, 0, 20000) } };
    } else {
      seedMoneyIds(world, rng);
      seedMoney(world, rng, now, plan.money ?? DEMO_MONEY);
      const sales = world.charges.values();
      if (plan.billing) seedBilling(world, rng, now);
      refundSome(world, rng, sales, now);
      disputeSome(world, rng, now, plan.money ?? DEMO_MONEY, 12 * (plan.money ?? DEMO_MONEY).factor);
    }
    // Last, with ids of their own: payouts pay out what the history above left available.
    if (!live && plan.payouts) seedPayouts(world, now);
  });
}

/** The scenarios in proportion for `total` accounts: the counts scaled, rounded by largest remainder so they add up to `total`. */
export function inProportion(scenarios: readonly Scenario[], total: number): Scenario[] {
  const whole = scenarios.reduce((sum, s) => sum + s.count, 0);
  const exact = scenarios.map((s) => (s.count * total) / whole);
  const counts = exact.map(Math.floor);
  const byRemainder = exact.map((_, i) => i).sort((a, b) => exact[b] - counts[b] - (exact[a] - counts[a]) || a - b);
  const left = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < left; k++) counts[byRemainder[k]]++;
  return scenarios.map((s, i) => ({ ...s, count: counts[i] }));
}
