// External accounts of a connected account (`/v1/accounts/:account/external_accounts`): bank
// accounts and debit cards that receive payouts. Created from a token or a hash, checked as
// Stripe checks them (test numbers in test mode, debit cards only), with Stripe's
// `default_for_currency` rules: one default per currency, the first in a currency is it, and
// the default of the account's default currency cannot be deleted.
import type Stripe from 'stripe';
import { z } from 'zod';
import { invalidRequest, noSuch, paramError } from '../core/errors';
import { toForm, type FormObject } from '../core/form';
import { makeId, type RandomSource } from '../core/ids';
import { bool, expand, EXPAND_ONLY, hash, int, listParams, mergeMetadata, metadata, NO_PARAMS, oneOf, parseParams, parseSdkParams, str, unsettableStr, type ParseSdkParams } from '../core/params';
import type { Ctx, Route } from '../core/router';
import type { ExternalAccount, World } from '../core/world';
import { countrySpec } from '../data/country-specs';
import { perWorld } from '../money/store';
import { requireCollection } from './persons';
import { expandObject, listResponse, registerResolver, requireAccount } from './shared';
import { bankToken, cardToken, checkBankAccount, checkCard, COUNTRY_CURRENCY, type BankInput, type CardInput, type TestPayoutFailure } from './tokens';

// ---------------------------------------------------------------------------------------------
// Parameters

const bankHash = hash({
  object: z.literal('bank_account'),
  country: str({ max: 5000 }),
  currency: str({ max: 5000 }).optional(),
  account_holder_name: str({ max: 5000 }).optional(),
  account_holder_type: oneOf(['company', 'individual']).optional(),
  routing_number: str({ max: 5000 }).optional(),
  account_number: str({ max: 5000 }),
});

const cardAddress = {
  address_city: str({ max: 5000 }).optional(),
  address_country: str({ max: 5000 }).optional(),
  address_line1: str({ max: 5000 }).optional(),
  address_line2: str({ max: 5000 }).optional(),
  address_state: str({ max: 5000 }).optional(),
  address_zip: str({ max: 5000 }).optional(),
};

const cardHash = hash({
  object: z.literal('card'),
  number: str({ max: 5000 }),
  exp_month: int(),
  exp_year: int(),
  cvc: str({ max: 5000 }).optional(),
  currency: str({ max: 5000 }).optional(),
  name: str({ max: 5000 }).optional(),
  metadata: metadata().optional(),
  ...cardAddress,
});

const cardTokenHash = hash({
  object: z.literal('card'),
  token: str({ max: 5000 }),
  currency: str({ max: 5000 }).optional(),
});

const createParams = hash({
  external_account: z.union([str({ max: 5000 }), z.record(z.string(), z.unknown())]),
  default_for_currency: bool().optional(),
  expand: expand(),
  metadata: metadata().optional(),
});

const bankUpdateParams = hash({
  account_holder_name: str({ max: 5000 }).optional(),
  account_holder_type: z.union([z.literal('').transform(() => null), oneOf(['company', 'individual'])]).optional(),
  account_type: oneOf(['checking', 'futsu', 'savings', 'toza']).optional(),
  default_for_currency: bool().optional(),
  documents: hash({ bank_account_ownership_verification: hash({ files: z.array(str({ max: 500 })).max(10).optional() }).optional() }).optional(),
  expand: expand(),
  metadata: metadata().optional(),
});

const cardUpdateParams = hash({
  address_city: unsettableStr({ max: 5000 }).optional(),
  address_country: unsettableStr({ max: 5000 }).optional(),
  address_line1: unsettableStr({ max: 5000 }).optional(),
  address_line2: unsettableStr({ max: 5000 }).optional(),
  address_state: unsettableStr({ max: 5000 }).optional(),
  address_zip: unsettableStr({ max: 5000 }).optional(),
  default_for_currency: bool().optional(),
  exp_month: int().optional(),
  exp_year: int().optional(),
  expand: expand(),
  metadata: metadata().optional(),
  name: unsettableStr({ max: 5000 }).optional(),
});

/** What an update accepts: a bank account's parameters or a card's, by the object the id names. */
const updateParams = z.union([bankUpdateParams, cardUpdateParams]);

const listExternalParams = hash({ ...listParams, object: oneOf(['bank_account', 'card']).optional() });

// ---------------------------------------------------------------------------------------------
// Shared logic (routes, account create/update, the demo seeder)

/** The external accounts of an account, newest first (the account embeds the first ten). */
export function externalAccountsOf(world: World, accountId: string): ExternalAccount[] {
  return world.externalAccounts.newestFirstIn(accountId);
}

/** Test mode: the failure code payouts to a bank account end with (its test number says so; the object shows only last4). */
const payoutFailures = perWorld(() => new Map<string, TestPayoutFailure>());

/** The failure code a payout to this external account ends with in test mode, or null when it pays. */
export function payoutFailureOf(world: World, externalAccountId: string): TestPayoutFailure | null {
  return payoutFailures(world).get(externalAccountId) ?? null;
}

const noRequirements = (): Stripe.BankAccount.Requirements => ({ currently_due: [], errors: [], past_due: [], pending_verification: [] });

export interface AddExternalAccountOptions {
  /** The parameter problems are reported on: `external_account` (the default). */
  paramPrefix?: string;
  /** `default_for_currency` as asked. */
  defaultForCurrency?: boolean;
  /** `metadata` given beside the external account. */
  metadata?: Record<string, string> | null;
  /**
   * Account create/update semantics (`external_account` on POST /v1/accounts/:id): the new
   * account becomes the default for its currency and the old default is deleted.
   */
  replacesDefault?: boolean;
  /** Draws the id from this source (the demo seeder's seeded generator). */
  random?: RandomSource;
  /** How a hash is validated: as a request's would be (the default), or the scale seed's check by shape. */
  parse?: ParseSdkParams;
}

/** A hash schema under its parameter name (`external_account[...]`), made once per name: zod compiles a schema on its first use. */
const under = <S extends z.ZodType>(schema: S) => {
  type Under = z.ZodType<Record<string, z.output<S>>>;
  const made = new Map<string, Under>();
  return (prefix: string): Under => {
    let s = made.get(prefix);
    if (!s) made.set(prefix, (s = hash({ [prefix]: schema }) as unknown as Under));
    return s;
  };
};
const bankHashUnder = under(bankHash);
const cardHashUnder = under(cardHash);
const cardTokenHashUnder = under(cardTokenHash);

type Made = { kind: 'bank'; input: BankInput; metadata?: Record<string, string> | null } | { kind: 'card'; input: CardInput; currency: string | null; metadata?: Record<string, string> | null };

/** Reads `external_account` (a token, or a bank/card hash) into what it describes. */
function readExternalAccount(world: World, value: unknown, now: number, prefix: string, parse: ParseSdkParams): Made {
  if (typeof value === 'string') {
    if (value === '') throw paramError(`You passed an empty string for '${prefix}'. We assume empty values are an attempt to unset a parameter; however '${prefix}' cannot be unset. You should remove '${prefix}' from your request or supply a non-empty value.`, prefix, 'parameter_invalid_empty');
    const bank = bankToken(value, world.mode);
    if (bank) return { kind: 'bank', input: bank };
    const card = cardToken(value, world.mode, now);
    if (card) return { kind: 'card', input: card, currency: null };
    throw invalidRequest(`No such token: '${value}'`, { param: prefix, code: 'resource_missing' });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw paramError(`Invalid ${prefix}: must be a token or a hash`, prefix);
  const form = toForm(value) as FormObject;
  const object = form.object;
  if (object === undefined) throw paramError(`Missing required param: ${prefix}[object].`, `${prefix}[object]`, 'parameter_missing');
  if (object === 'bank_account') {
    const b = parse(bankHashUnder(prefix), { [prefix]: value })[prefix];
    return {
      kind: 'bank',
      input: {
        country: b.country,
        currency: b.currency ?? null,
        account_number: b.account_number,
        routing_number: b.routing_number ?? null,
        account_holder_name: b.account_holder_name ?? null,
        account_holder_type: b.account_holder_type ?? null,
      },
    };
  }
  if (object === 'card' && 'token' in form) {
    const t = parse(cardTokenHashUnder(prefix), { [prefix]: value })[prefix];
    const card = cardToken(t.token, world.mode, now);
    if (!card) throw invalidRequest(`No such token: '${t.token}'`, { param: `${prefix}[token]`, code: 'resource_missing' });
    return { kind: 'card', input: card, currency: t.currency ?? null };
  }
  if (object === 'card') {
    const c = parse(cardHashUnder(prefix), { [prefix]: value })[prefix];
    return {
      kind: 'card',
      currency: c.currency ?? null,
      metadata: c.metadata,
      input: {
        number: c.number,
        exp_month: c.exp_month,
        exp_year: c.exp_year,
        cvc: c.cvc ?? null,
        name: c.name ?? null,
        address_city: c.address_city ?? null,
        address_country: c.address_country ?? null,
        address_line1: c.address_line1 ?? null,
        address_line2: c.address_line2 ?? null,
        address_state: c.address_state ?? null,
        address_zip: c.address_zip ?? null,
      },
    };
  }
  throw paramError(`Invalid ${prefix}[object]: must be one of bank_account, or card`, `${prefix}[object]`);
}

/** The account's default currency (its country's when not set). */
function defaultCurrencyOf(account: Stripe.Account): string {
  return (account.default_currency ?? countrySpec(account.country ?? 'US')?.default_currency ?? COUNTRY_CURRENCY[account.country ?? 'US'] ?? 'usd').toLowerCase();
}

/** Stripe's currency and bank-country rules for an account's country (its country spec). */
function checkSupported(account: Stripe.Account, currency: string, bankCountry: string | null, param: string): void {
  const spec = countrySpec(account.country ?? 'US');
  if (!spec) return;
  const supported = spec.supported_bank_account_currencies;
  const where = supported[currency];
  if (!where) {
    throw invalidRequest(
      `Invalid currency for an external account of an account in ${account.country}: ${currency}. Supported currencies are: ${Object.keys(supported).join(', ')}.`,
      { param },
    );
  }
  if (bankCountry && !where.includes(bankCountry)) {
    throw invalidRequest(`Bank accounts in ${currency} for an account in ${account.country} must be located in: ${where.join(', ')}; this one is in ${bankCountry}.`, { param });
  }
}

/**
 * Attaches an external account to an account, through the same checks and default rules as
 * POST /v1/accounts/:account/external_accounts (not the API's Custom-only permission: account
 * creation and the seeder attach them to any account). `input` is the `external_account` value:
 * a token, or a bank/card hash (form-shaped or SDK-shaped).
 */
export function addExternalAccount(world: World, accountId: string, input: unknown, now: number, opts: AddExternalAccountOptions = {}): ExternalAccount {
  const account = world.accounts.get(accountId);
  if (!account) throw noSuch('account', accountId, 'account');
  const prefix = opts.paramPrefix ?? 'external_account';
  const made = readExternalAccount(world, input, now, prefix, opts.parse ?? parseSdkParams);
  const hashGiven = typeof input === 'object';
  const paramOf = (field: string) => (field === '' || !hashGiven ? prefix : `${prefix}[${field}]`);
  const meta = mergeMetadata(mergeMetadata({}, made.metadata), opts.metadata);
  let obj: ExternalAccount;

  if (made.kind === 'bank') {
    const d = checkBankAccount(made.input, world.mode, paramOf);
    checkSupported(account, d.currency, d.country, hashGiven ? paramOf(made.input.currency ? 'currency' : 'country') : prefix);
    const bank: Stripe.BankAccount = {
      id: makeId('ba', opts.random),
      object: 'bank_account',
      account: account.id,
      account_holder_name: d.account_holder_name,
      account_holder_type: d.account_holder_type,
      account_type: null,
      available_payout_methods: ['standard'],
      bank_name: d.bank_name,
      country: d.country,
      currency: d.currency,
      customer: null,
      default_for_currency: false,
      fingerprint: d.fingerprint,
      future_requirements: noRequirements(),
      last4: d.last4,
      metadata: meta,
      requirements: noRequirements(),
      routing_number: d.routing_number,
      status: 'new',
    };
    obj = bank;
    if (d.payout_failure) payoutFailures(world).set(bank.id, d.payout_failure);
  } else {
    const c = checkCard(made.input, world.mode, now, paramOf);
    const currency = (made.currency ?? defaultCurrencyOf(account)).toLowerCase();
    if (!/^[a-z]{3}$/.test(currency)) throw invalidRequest(`Invalid currency: ${made.currency}`, { param: paramOf('currency') });
    checkSupported(account, currency, null, hashGiven ? paramOf('currency') : prefix);
    const i = made.input;
    const card: Stripe.Card = {
      id: makeId('card', opts.random),
      object: 'card',
      account: account.id,
      address_city: i.address_city,
      address_country: i.address_country,
      address_line1: i.address_line1,
      address_line1_check: i.address_line1 ? 'pass' : null,
      address_line2: i.address_line2,
      address_state: i.address_state,
      address_zip: i.address_zip,
      address_zip_check: i.address_zip ? 'pass' : null,
      available_payout_methods: c.available_payout_methods,
      brand: c.brand,
      country: c.country,
      currency,
      customer: null,
      cvc_check: i.cvc ? 'pass' : null,
      default_for_currency: false,
      dynamic_last4: null,
      exp_month: i.exp_month,
      exp_year: i.exp_year < 100 ? 2000 + i.exp_year : i.exp_year,
      fingerprint: c.fingerprint,
      funding: c.funding,
      last4: c.last4,
      metadata: meta,
      name: i.name,
      regulated_status: null,
      status: 'new',
      tokenization_method: null,
    };
    obj = card;
  }

  const currency = obj.currency!;
  const sameCurrency = externalAccountsOf(world, account.id).filter((e) => e.currency === currency);
  const previousDefault = sameCurrency.find((e) => e.default_for_currency === true);
  const becomesDefault = !previousDefault || opts.defaultForCurrency === true || opts.replacesDefault === true;
  obj.default_for_currency = becomesDefault;
  world.externalAccounts.insert(obj);
  if (becomesDefault && previousDefault) {
    if (opts.replacesDefault) world.externalAccounts.delete(previousDefault.id);
    else world.externalAccounts.put({ ...previousDefault, default_for_currency: false } as ExternalAccount);
  }
  return obj;
}

function findExternalAccount(ctx: Ctx, accountId: string, id: string): ExternalAccount {
  const ea = ctx.world.externalAccounts.get(id);
  if (!ea || ea.account !== accountId) throw noSuch('external account', id, 'id');
  return ea;
}

/** Makes `ea` the default for its currency, taking the flag from the previous default. */
function makeDefault(world: World, ea: ExternalAccount): ExternalAccount {
  for (const other of externalAccountsOf(world, ea.account as string)) {
    if (other.id !== ea.id && other.currency === ea.currency && other.default_for_currency) {
      world.externalAccounts.put({ ...other, default_for_currency: false } as ExternalAccount);
    }
  }
  return { ...ea, default_for_currency: true } as ExternalAccount;
}

function updateExternalAccount(ctx: Ctx, current: ExternalAccount): { obj: ExternalAccount; expand?: string[] } {
  if (current.object === 'bank_account') {
    const p = parseParams(bankUpdateParams, ctx.params);
    if (p.default_for_currency === false && current.default_for_currency) throw defaultCannotBeUnset(current);
    if (p.account_type !== undefined) {
      const japanese = current.country === 'JP';
      const allowed = japanese ? ['futsu', 'toza'] : ['checking', 'savings'];
      if (!allowed.includes(p.account_type)) {
        throw invalidRequest(`Invalid account_type: must be one of ${allowed.join(', or ')} for a bank account in ${current.country}`, { param: 'account_type' });
      }
    }
    let next: Stripe.BankAccount = {
      ...current,
      account_holder_name: p.account_holder_name ?? current.account_holder_name,
      account_holder_type: p.account_holder_type !== undefined ? p.account_holder_type : current.account_holder_type,
      account_type: p.account_type ?? current.account_type,
      metadata: mergeMetadata(current.metadata ?? {}, p.metadata),
      // An update re-enables a bank account whose payouts failed, as on Stripe.
      status: current.status === 'errored' ? 'new' : current.status,
    };
    if (p.default_for_currency) next = makeDefault(ctx.world, next) as Stripe.BankAccount;
    return { obj: next, expand: p.expand };
  }
  const p = parseParams(cardUpdateParams, ctx.params);
  if (p.default_for_currency === false && current.default_for_currency) throw defaultCannotBeUnset(current);
  const expMonth = p.exp_month ?? current.exp_month;
  const expYear = p.exp_year !== undefined ? (p.exp_year < 100 ? 2000 + p.exp_year : p.exp_year) : current.exp_year;
  if (p.exp_month !== undefined && (expMonth < 1 || expMonth > 12)) throw invalidRequest("Your card's expiration month is invalid.", { param: 'exp_month', code: 'invalid_expiry_month' });
  const d = new Date(ctx.now() * 1000);
  if (p.exp_year !== undefined && (expYear < d.getUTCFullYear() || expYear > d.getUTCFullYear() + 50)) {
    throw invalidRequest("Your card's expiration year is invalid.", { param: 'exp_year', code: 'invalid_expiry_year' });
  }
  if ((p.exp_month !== undefined || p.exp_year !== undefined) && expYear === d.getUTCFullYear() && expMonth < d.getUTCMonth() + 1) {
    throw invalidRequest("Your card's expiration month is invalid.", { param: 'exp_month', code: 'invalid_expiry_month' });
  }
  let next: Stripe.Card = {
    ...current,
    address_city: p.address_city !== undefined ? p.address_city : current.address_city,
    address_country: p.address_country !== undefined ? p.address_country : current.address_country,
    address_line1: p.address_line1 !== undefined ? p.address_line1 : current.address_line1,
    address_line1_check: p.address_line1 !== undefined ? (p.address_line1 ? 'pass' : null) : current.address_line1_check,
    address_line2: p.address_line2 !== undefined ? p.address_line2 : current.address_line2,
    address_state: p.address_state !== undefined ? p.address_state : current.address_state,
    address_zip: p.address_zip !== undefined ? p.address_zip : current.address_zip,
    address_zip_check: p.address_zip !== undefined ? (p.address_zip ? 'pass' : null) : current.address_zip_check,
    exp_month: expMonth,
    exp_year: expYear,
    metadata: mergeMetadata(current.metadata ?? {}, p.metadata),
    name: p.name !== undefined ? p.name : current.name,
  };
  if (p.default_for_currency) next = makeDefault(ctx.world, next) as Stripe.Card;
  return { obj: next, expand: p.expand };
}

function defaultCannotBeUnset(ea: ExternalAccount) {
  return invalidRequest(
    `You cannot set default_for_currency to false on the default external account for ${ea.currency}. Make another external account in ${ea.currency} the default by setting default_for_currency to true on it instead.`,
    { param: 'default_for_currency' },
  );
}

/**
 * Stripe's rule for deleting a default external account: refused when its currency is the
 * account's default currency, or when another external account shares its currency (that one
 * must be made the default first).
 */
function deleteExternalAccount(ctx: Ctx, account: Stripe.Account, ea: ExternalAccount): Stripe.DeletedBankAccount | Stripe.DeletedCard {
  if (ea.default_for_currency) {
    if (ea.currency === defaultCurrencyOf(account)) {
      throw invalidRequest(
        'You cannot delete the default external account for your default currency. Please make another external account the default using the `default_for_currency` param, and then delete this one.',
        { param: 'id' },
      );
    }
    const others = externalAccountsOf(ctx.world, account.id).filter((e) => e.id !== ea.id && e.currency === ea.currency);
    if (others.length > 0) {
      throw invalidRequest(
        `You cannot delete the default external account for ${ea.currency} while other external accounts in ${ea.currency} exist. Please make another external account the default using the \`default_for_currency\` param, and then delete this one.`,
        { param: 'id' },
      );
    }
  }
  ctx.world.externalAccounts.delete(ea.id);
  return ea.object === 'bank_account'
    ? { id: ea.id, object: 'bank_account', currency: ea.currency, deleted: true }
    : { id: ea.id, object: 'card', currency: ea.currency ?? null, deleted: true };
}

const resolveExternal = (ctx: Ctx, id: string) => {
  const ea = ctx.world.externalAccounts.get(id);
  if (!ea) throw noSuch('external account', id, 'expand');
  return ea;
};
registerResolver('ba', resolveExternal);
registerResolver('card', resolveExternal);

// ---------------------------------------------------------------------------------------------
// Routes

const base = '/v1/accounts/:account/external_accounts';

export const externalAccountRoutes: Route[] = [
  {
    method: 'POST',
    pattern: base,
    params: createParams,
    object: 'bank_account',
    handler: (ctx, path) => {
      const { account } = requireAccount(ctx, path.account);
      requireCollection(ctx.world, account);
      const p = parseParams(createParams, ctx.params);
      const obj = addExternalAccount(ctx.world, account.id, p.external_account, ctx.now(), {
        paramPrefix: 'external_account',
        defaultForCurrency: p.default_for_currency,
        metadata: p.metadata,
      });
      return expandObject(ctx, obj, p.expand);
    },
  },
  {
    method: 'GET',
    pattern: base,
    params: listExternalParams,
    handler: (ctx, path) => {
      const p = parseParams(listExternalParams, ctx.params);
      const { account } = requireAccount(ctx, path.account);
      const items = externalAccountsOf(ctx.world, account.id).filter((e) => p.object === undefined || e.object === p.object);
      return listResponse(ctx, items, p, `/v1/accounts/${account.id}/external_accounts`);
    },
  },
  {
    method: 'GET',
    pattern: `${base}/:id`,
    params: EXPAND_ONLY,
    handler: (ctx, path) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      requireAccount(ctx, path.account);
      return expandObject(ctx, findExternalAccount(ctx, path.account, path.id), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: `${base}/:id`,
    object: 'bank_account',
    params: updateParams,
    handler: (ctx, path) => {
      const { account } = requireAccount(ctx, path.account);
      requireCollection(ctx.world, account);
      const current = findExternalAccount(ctx, account.id, path.id);
      const { obj, expand: paths } = updateExternalAccount(ctx, current);
      ctx.world.externalAccounts.put(obj);
      return expandObject(ctx, obj, paths);
    },
  },
  {
    method: 'DELETE',
    pattern: `${base}/:id`,
    params: NO_PARAMS,
    handler: (ctx, path) => {
      const { account } = requireAccount(ctx, path.account);
      requireCollection(ctx.world, account);
      const ea = findExternalAccount(ctx, account.id, path.id);
      parseParams(NO_PARAMS, ctx.params);
      return deleteExternalAccount(ctx, account, ea);
    },
  },
];
