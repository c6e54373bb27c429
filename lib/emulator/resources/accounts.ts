// Connected accounts: create, retrieve, update, list, delete, reject and unreject, with Stripe's
// rules on who may reject or delete what, and each answer rendered for the request's version.
import type Stripe from 'stripe';
import { invalidRequest, StripeApiError } from '../core/errors';
import { makeId } from '../core/ids';
import { balanceOf } from '../core/ledger';
import { expand, EXPAND_ONLY, hash, listParams, mergeMetadata, NO_PARAMS, oneOf, parseParams, rangeFilter } from '../core/params';
import type { Ctx, Route } from '../core/router';
import { atLeast, VERSION } from '../core/versions';
import type { AccountFacts, World } from '../core/world';
import { countrySpec } from '../data/country-specs';
import { createAccountParams, updateAccountParams, type CreateAccountParams, type UpdateAccountParams } from './account-params';
import { applyAccountUpdate, blankAccount, controllerFor, typeFor } from './account-object';
import { addExternalAccount } from './external-accounts';
import { computeAccountState, renderPerson } from './requirements';
import { expandObject, listResponse, registerResolver, requireAccount } from './shared';

/** The account as Stripe answers it: stored fields plus what is derived at read time. */
export function renderAccount(ctx: Ctx, account: Stripe.Account): Stripe.Account {
  const facts = ctx.world.accountFacts.get(account.id)!;
  const state = computeAccountState(ctx.world, account, facts, ctx.now(), ctx.apiVersion);
  const externals = ctx.world.externalAccounts.newestFirstIn(account.id);
  return {
    ...account,
    // The account shows the requested capabilities only (active, inactive or pending), as Stripe does.
    capabilities: Object.fromEntries(Object.entries(state.capabilityStatus).filter(([, s]) => s !== 'unrequested')) as Stripe.Account.Capabilities,
    charges_enabled: state.charges_enabled,
    payouts_enabled: state.payouts_enabled,
    details_submitted: state.details_submitted,
    requirements: state.requirements,
    future_requirements: state.future_requirements,
    external_accounts: {
      object: 'list',
      data: externals.slice(0, 10),
      has_more: externals.length > 10,
      url: `/v1/accounts/${account.id}/external_accounts`,
    },
    ...(account.individual ? { individual: renderPerson(ctx, account.individual) } : {}),
  };
}

registerResolver('acct', (ctx, id) => renderAccount(ctx, requireAccount(ctx, id, 'expand').account));

function newFacts(now: number, capabilities: Iterable<[string, boolean]>): AccountFacts {
  const facts: AccountFacts = {
    deadline: null,
    requireAdditional: false,
    pendingVerification: [],
    errors: [],
    future: { fields: [], deadline: null },
    rejection: null,
    capabilities: new Map(),
    balance: { available: {}, pending: {} },
  };
  setCapabilities(facts, capabilities, now);
  return facts;
}

function setCapabilities(facts: AccountFacts, caps: Iterable<[string, boolean]>, now: number): void {
  for (const [name, requested] of caps) {
    const prior = facts.capabilities.get(name);
    facts.capabilities.set(name, {
      requested,
      requested_at: requested ? (prior?.requested ? prior.requested_at : now) : null,
      created: prior?.created ?? now,
    });
  }
}

function capabilityRequests(p: UpdateAccountParams): [string, boolean][] {
  return Object.entries(p.capabilities ?? {}).flatMap(([name, v]) => (v?.requested === undefined ? [] : [[name, v.requested] as [string, boolean]]));
}

/** Creates an account through the same rules as POST /v1/accounts (the demo seeder uses this too). */
export function createAccount(ctx: Ctx, p: CreateAccountParams): Stripe.Account {
  if (p.type && p.controller) throw invalidRequest('You cannot specify both `type` and `controller`: pass one of them.', { param: 'controller' });
  if (!p.type && !p.controller) throw invalidRequest('Missing required param: type.', { param: 'type', code: 'parameter_missing' });
  const country = (p.country ?? 'US').toUpperCase();
  const spec = countrySpec(country);
  if (!spec) throw invalidRequest(`Country '${country}' is unknown, or not supported.`, { param: 'country' });
  const controller = controllerFor(p.type, p.controller);
  const type = p.type ?? typeFor(controller);
  const now = ctx.now();
  const id = makeId('acct');
  const account = blankAccount(id, type, controller, country, spec.default_currency, now);
  applyAccountUpdate(account, p, now);
  account.metadata = mergeMetadata({}, p.metadata);
  // Standard accounts get Stripe's default capabilities; the others get what the platform asks for.
  const defaults: [string, boolean][] = type === 'standard' ? [['card_payments', true], ['transfers', true]] : [];
  ctx.world.accounts.insert(account);
  ctx.world.accountFacts.set(id, newFacts(now, [...defaults, ...capabilityRequests(p)]));
  if (p.external_account !== undefined) {
    try {
      addExternalAccount(ctx.world, id, p.external_account, now, { paramPrefix: 'external_account' });
    } catch (e) {
      deleteAccountData(ctx.world, id);
      throw e;
    }
  }
  return account;
}

function updateAccount(ctx: Ctx, id: string, p: UpdateAccountParams): Stripe.Account {
  const { account, facts } = requireAccount(ctx, id);
  const next = structuredClone(account);
  if (p.individual && next.business_type && next.business_type !== 'individual' && p.business_type !== 'individual') {
    throw invalidRequest("You cannot provide `individual` for an account whose business_type is not 'individual'.", { param: 'individual' });
  }
  applyAccountUpdate(next, p, ctx.now());
  next.metadata = mergeMetadata(account.metadata ?? {}, p.metadata);
  // Stripe: an external_account given on update becomes the default, replacing the old one.
  if (p.external_account !== undefined) addExternalAccount(ctx.world, id, p.external_account, ctx.now(), { paramPrefix: 'external_account', replacesDefault: true });
  setCapabilities(facts, capabilityRequests(p), ctx.now());
  ctx.world.accounts.put(next);
  return next;
}

function deleteAccountData(world: World, id: string): void {
  world.accounts.delete(id);
  world.accountFacts.delete(id);
  for (const p of world.persons.newestFirstIn(id)) world.persons.delete(p.id);
  for (const e of world.externalAccounts.newestFirstIn(id)) world.externalAccounts.delete(e.id);
}

/** Live mode: the platform must carry the losses (not Standard) and every balance must be zero. */
function liveModeGuard(ctx: Ctx, account: Stripe.Account, facts: AccountFacts, action: 'reject' | 'delete'): void {
  if (ctx.mode !== 'live') return;
  if (account.controller?.losses?.payments !== 'application') {
    throw invalidRequest(
      `Live-mode accounts where Stripe is responsible for negative balances, which includes Standard accounts, cannot be ${action === 'reject' ? 'rejected' : 'deleted'}.`,
      { param: 'account' },
    );
  }
  // The balances are the ledger's (the sum of the account's balance transactions); a balance set
  // on the facts alone (without the ledger) still counts.
  const ledger = balanceOf(ctx.world, account.id, ctx.now());
  const merged = (side: 'available' | 'pending') => {
    const out: Record<string, number> = { ...facts.balance[side] };
    for (const [currency, amount] of Object.entries(ledger[side])) if (amount !== 0) out[currency] = amount;
    return Object.entries(out);
  };
  const nonZero = [...merged('available'), ...merged('pending')].filter(([, v]) => v !== 0);
  if (nonZero.length > 0) {
    const list = nonZero.map(([c, v]) => `${v} ${c}`).join(', ');
    throw invalidRequest(`Live-mode accounts can only be ${action === 'reject' ? 'rejected' : 'deleted'} after all balances are zero; this account's balances are ${list}.`, {
      param: 'account',
      code: 'balance_insufficient',
    });
  }
}

const OLD_REASONS = ['fraud', 'terms_of_service', 'other'] as const;
const NEW_REASONS = ['fraud_payment_method_casher', 'fraud_payment_method_tester', 'fraud_no_intent_to_fulfill', 'fraud_other', 'credit', 'terms_of_service', 'other'] as const;

function rejectSchema(version: string) {
  const reason = atLeast(version, VERSION.rejectReasons) ? oneOf(NEW_REASONS) : oneOf(OLD_REASONS);
  return atLeast(version, VERSION.unreject)
    ? hash({ reason, expand: expand(), payouts_action: oneOf(['none', 'pause']).optional() })
    : hash({ reason, expand: expand() });
}

function rejectAccount(ctx: Ctx, id: string): Stripe.Account {
  const p = parseParams(rejectSchema(ctx.apiVersion), ctx.params) as { reason: string; expand?: string[]; payouts_action?: 'none' | 'pause' };
  const { account, facts } = requireAccount(ctx, id);
  if (facts.rejection) throw invalidRequest(`The account ${id} has already been rejected.`, { param: 'account' });
  liveModeGuard(ctx, account, facts, 'reject');
  facts.rejection = { by: 'platform', reason: p.reason, at: ctx.now(), payoutsAction: p.payouts_action ?? 'pause' };
  return expandObject(ctx, renderAccount(ctx, account), p.expand);
}

function unrejectAccount(ctx: Ctx, id: string): Stripe.Account {
  const p = parseParams(EXPAND_ONLY, ctx.params);
  const { account, facts } = requireAccount(ctx, id);
  if (!facts.rejection) throw invalidRequest(`The account ${id} is not rejected.`, { param: 'account' });
  if (facts.rejection.by !== 'platform') {
    throw invalidRequest(`The account ${id} was rejected by Stripe; only rejections made by your platform can be unrejected.`, { param: 'account' });
  }
  facts.rejection = null;
  return expandObject(ctx, renderAccount(ctx, account), p.expand);
}

function deleteAccount(ctx: Ctx, id: string): Stripe.DeletedAccount {
  parseParams(NO_PARAMS, ctx.params);
  const { account, facts } = requireAccount(ctx, id);
  liveModeGuard(ctx, account, facts, 'delete');
  deleteAccountData(ctx.world, id);
  return { id, object: 'account', deleted: true };
}

const listAccountParams = hash({ ...listParams, created: rangeFilter().optional() });

export const accountRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/accounts',
    object: 'account',
    params: createAccountParams,
    handler: (ctx) => {
      const p = parseParams(createAccountParams, ctx.params);
      return expandObject(ctx, renderAccount(ctx, createAccount(ctx, p)), p.expand);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/accounts',
    params: listAccountParams,
    handler: (ctx) => {
      const p = parseParams(listAccountParams, ctx.params);
      return listResponse(ctx, ctx.world.accounts.ordered(), p, '/v1/accounts', (a) => renderAccount(ctx, a));
    },
  },
  {
    method: 'GET',
    pattern: '/v1/accounts/:account',
    params: EXPAND_ONLY,
    handler: (ctx, { account }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, renderAccount(ctx, requireAccount(ctx, account).account), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/accounts/:account',
    object: 'account',
    params: updateAccountParams,
    handler: (ctx, { account }) => {
      const p = parseParams(updateAccountParams, ctx.params);
      return expandObject(ctx, renderAccount(ctx, updateAccount(ctx, account, p)), p.expand);
    },
  },
  { method: 'DELETE', pattern: '/v1/accounts/:account', params: NO_PARAMS, handler: (ctx, { account }) => deleteAccount(ctx, account) },
  { method: 'POST', pattern: '/v1/accounts/:account/reject', object: 'account', params: rejectSchema, handler: (ctx, { account }) => rejectAccount(ctx, account) },
  { method: 'POST', pattern: '/v1/accounts/:account/unreject', object: 'account', since: VERSION.unreject, params: EXPAND_ONLY, handler: (ctx, { account }) => unrejectAccount(ctx, account) },
  {
    // The account the key acts as: the platform, or with Stripe-Account the connected account.
    method: 'GET',
    pattern: '/v1/account',
    connect: true,
    params: EXPAND_ONLY,
    handler: (ctx) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      if (ctx.stripeAccount) return expandObject(ctx, renderAccount(ctx, requireAccount(ctx, ctx.stripeAccount).account), p.expand);
      if (!ctx.world.platform) throw new StripeApiError(404, { type: 'invalid_request_error', message: 'The platform account is not set up.' });
      return expandObject(ctx, ctx.world.platform, p.expand);
    },
  },
];
