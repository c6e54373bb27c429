// Top-ups: the platform funds its own balance from a bank account. Create, retrieve, update,
// list and cancel, with Stripe's test bank tokens deciding the outcome in test mode.
//
// Life of a top-up here (see the test-mode recipe below):
// - Created `pending`, with `expected_availability_date` five business days out (00:00 UTC).
//   Its `topup` balance transaction is posted at once on the platform, available on that date,
//   so the amount sits in the platform's *pending* balance meanwhile.
// - When the clock passes `expected_availability_date` it is `succeeded` and the funds are
//   available (the status follows the clock; nothing has to happen for it).
// - While pending it can be canceled: a `topup_reversal` of the same amount, available on the
//   same date, cancels the credit (pending nets to zero and nothing ever becomes available).
// - A failing bank token fails it at once: `failed`, with `failure_code` / `failure_message`,
//   no expected date and no balance transaction (no money ever moved).
//
// Test-mode recipe (Stripe's "Add funds to Stripe balance" test tokens, passed as `source`):
//   (no source) or btok_us_verified          -> pending, then succeeded on expected_availability_date
//   btok_us_verified_noAccount               -> failed, failure_code no_account
//   btok_us_verified_accountClosed           -> failed, failure_code account_closed
//   btok_us_verified_insufficientFunds       -> failed, failure_code insufficient_funds
//   btok_us_verified_debitNotAuthorized      -> failed, failure_code debit_not_authorized
//   btok_us_verified_invalidCurrency         -> failed, failure_code invalid_currency
// Every successful top-up stays pending (and cancelable) until its expected availability date.
import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import type { z } from 'zod';
import { invalidRequest, noSuch, paramError } from '../core/errors';
import { cryptoRandom, makeId, type RandomSource } from '../core/ids';
import { post, PLATFORM } from '../core/ledger';
import { matchesCreated } from '../core/list';
import { expand, EXPAND_ONLY, hash, int, listParams, mergeMetadata, metadata, oneOf, parseParams, rangeFilter, str, unsettableStr } from '../core/params';
import type { Ctx, Route } from '../core/router';
import type { World } from '../core/world';
import { checkMaximum, parseCurrency } from '../money/currencies';
// The balance module registers the `txn_` resolver that `expand[]=balance_transaction` goes through.
import './balance';
import { expandObject, listResponse, registerExpandable, registerResolver } from './shared';

const TOPUP_EXPANDABLE = ['balance_transaction'] as const;
registerExpandable('topup', TOPUP_EXPANDABLE);

/** A top-up by id, for expansion (a balance transaction's `source`): the platform's own, never a connected account's. */
registerResolver('tu', (ctx, id) => {
  const t = ctx.stripeAccount === null ? ctx.world.topups.get(id) : undefined;
  if (!t) throw noSuch('topup', id, 'expand');
  return renderTopup(t, ctx.now());
});

/** Business days between a top-up and its funds (ACH debit), counted from the day it is made. */
export const TOPUP_BUSINESS_DAYS = 5;

type FailureCode = 'no_account' | 'account_closed' | 'insufficient_funds' | 'debit_not_authorized' | 'invalid_currency';

/** Stripe's documented test bank tokens for top-ups: the test account number each stands for, and its outcome. */
const TEST_BANK_TOKENS: Record<string, { accountNumber: string; failure: FailureCode | null }> = {
  btok_us_verified: { accountNumber: '000123456789', failure: null },
  btok_us_verified_noAccount: { accountNumber: '000111111116', failure: 'no_account' },
  btok_us_verified_accountClosed: { accountNumber: '000111111113', failure: 'account_closed' },
  btok_us_verified_insufficientFunds: { accountNumber: '000222222227', failure: 'insufficient_funds' },
  btok_us_verified_debitNotAuthorized: { accountNumber: '000333333335', failure: 'debit_not_authorized' },
  btok_us_verified_invalidCurrency: { accountNumber: '000444444440', failure: 'invalid_currency' },
};

const FAILURE_MESSAGES: Record<FailureCode, string> = {
  no_account: 'The bank account details on file are probably incorrect. No bank account could be located with those details.',
  account_closed: 'The bank account has been closed.',
  insufficient_funds: 'The bank account has insufficient funds to cover the top-up.',
  debit_not_authorized: 'Debit transactions are not approved on the bank account.',
  invalid_currency: 'The bank was unable to process this top-up because of its currency.',
};

const TEST_ROUTING_NUMBER = '110000000';

export const createTopupParams = hash({
  amount: int({ min: 1 }),
  currency: str(),
  description: unsettableStr({ max: 5000 }).optional(),
  metadata: metadata().optional(),
  payment_method: str({ max: 5000 }).optional(),
  payment_method_options: hash({ us_bank_account: hash({ network: oneOf(['ach']) }).optional() }).optional(),
  source: str({ max: 5000 }).optional(),
  statement_descriptor: str({ max: 15 }).optional(),
  transfer_group: str({ max: 5000 }).optional(),
  expand: expand(),
});

export type CreateTopupParams = z.output<typeof createTopupParams>;

const updateTopupParams = hash({
  description: unsettableStr({ max: 5000 }).optional(),
  metadata: metadata().optional(),
  expand: expand(),
});

const listTopupParams = hash({
  ...listParams,
  amount: rangeFilter().optional(),
  created: rangeFilter().optional(),
  status: oneOf(['canceled', 'failed', 'pending', 'succeeded']).optional(),
});

/** 00:00 UTC of the `n`th business day (Monday to Friday) after the day of `ts`. */
export function addBusinessDays(ts: number, n: number): number {
  const day = new Date(Math.floor(ts / 86400) * 86400 * 1000);
  let left = n;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    const wd = day.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return day.getTime() / 1000;
}

/** A top-up as it stands at `now`: a pending one whose funds have arrived is succeeded. */
export function renderTopup(topup: Stripe.Topup, now: number): Stripe.Topup {
  if (topup.status === 'pending' && topup.expected_availability_date !== null && topup.expected_availability_date <= now) {
    return { ...topup, status: 'succeeded' };
  }
  return topup;
}

/** Writes back the top-ups whose funds have arrived by `now` (their balance transactions already exist). */
export function settleTopups(world: World, now: number): void {
  for (const t of world.topups.values()) {
    const current = renderTopup(t, now);
    if (current !== t) world.topups.put(current);
  }
}

function fingerprint(accountNumber: string): string {
  return createHash('sha256').update(`${TEST_ROUTING_NUMBER}:${accountNumber}`).digest('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 16);
}

/** The Source a test bank token stands for (top-ups still answer their bank as a legacy `ach_debit` source). */
function bankSource(accountNumber: string, currency: string, now: number, livemode: boolean, random: RandomSource): Stripe.Source {
  const id = makeId('src', random);
  return {
    id,
    object: 'source',
    ach_debit: {
      bank_name: 'STRIPE TEST BANK',
      country: 'US',
      fingerprint: fingerprint(accountNumber),
      last4: accountNumber.slice(-4),
      routing_number: TEST_ROUTING_NUMBER,
      type: 'individual',
    },
    allow_redisplay: null,
    amount: null,
    client_secret: `src_client_secret_${makeId('x', random).slice(2)}`,
    created: now,
    currency,
    flow: 'none',
    livemode,
    metadata: {},
    owner: { address: null, email: null, name: null, phone: null, verified_address: null, verified_email: null, verified_name: null, verified_phone: null },
    statement_descriptor: null,
    status: 'chargeable',
    type: 'ach_debit',
    usage: 'reusable',
  };
}

/** What `source` names: null for the platform's own bank account (no source), or a test bank token. */
function resolveSource(ctx: Ctx, source: string | undefined): { token: string; accountNumber: string; failure: FailureCode | null } | null {
  if (source === undefined) return null;
  const known = TEST_BANK_TOKENS[source];
  if (known && ctx.mode === 'test') return { token: source, ...known };
  if (source === 'btok_us' && ctx.mode === 'test') {
    throw invalidRequest("Top-ups need a verified bank account, and 'btok_us' is not verified. In test mode use 'btok_us_verified' (or one of its failing variants).", { param: 'source' });
  }
  const what = source.startsWith('btok_') || source.startsWith('tok_') ? 'token' : 'source';
  throw invalidRequest(`No such ${what}: '${source}'`, { param: 'source', code: 'resource_missing' }, 400);
}

function checkStatementDescriptor(sd: string | undefined): void {
  if (sd === undefined) return;
  if (!/^[\x20-\x7e]*$/.test(sd)) throw paramError('Invalid statement_descriptor: the statement descriptor must contain only ASCII characters.', 'statement_descriptor');
  if (/[<>\\'"*]/.test(sd)) throw paramError("Invalid statement_descriptor: the statement descriptor cannot contain any of the special characters <, >, \\, ', \" or *.", 'statement_descriptor');
  if (!/[A-Za-z]/.test(sd)) throw paramError('Invalid statement_descriptor: the statement descriptor must contain at least one letter.', 'statement_descriptor');
}

/** A currency Stripe knows, and the platform's own: a US platform tops up in usd from its US bank. */
function checkCurrency(ctx: Ctx, value: string): string {
  const currency = parseCurrency(value, 'currency');
  const home = ctx.world.platform?.default_currency ?? 'usd';
  if (currency !== home) {
    throw invalidRequest(`Top-ups can only be made in your account's default currency (${home}); '${currency}' is not supported for top-ups.`, { param: 'currency' });
  }
  return currency;
}

/**
 * Creates a top-up through the same rules as POST /v1/topups (the demo seeder uses this too).
 * `ctx.now()` is when it is made: a seeder passing a past time gets a top-up that has settled.
 */
export function createTopup(ctx: Ctx, p: CreateTopupParams, opts: { random?: RandomSource } = {}): Stripe.Topup {
  const random = opts.random ?? cryptoRandom;
  const currency = checkCurrency(ctx, p.currency);
  checkMaximum(p.amount, currency, 'amount');
  checkStatementDescriptor(p.statement_descriptor);
  if (p.payment_method_options !== undefined && p.payment_method === undefined) {
    throw invalidRequest('payment_method_options can only be used together with payment_method.', { param: 'payment_method_options' });
  }
  if (p.payment_method !== undefined) {
    if (p.source !== undefined) throw invalidRequest('You may only specify one of these parameters: payment_method, source.', { param: 'payment_method' });
    // The emulator keeps no PaymentMethods, so none can be named.
    throw invalidRequest(`No such PaymentMethod: '${p.payment_method}'`, { param: 'payment_method', code: 'resource_missing' }, 400);
  }
  const bank = resolveSource(ctx, p.source);
  const now = ctx.now();
  const livemode = ctx.mode === 'live';
  const id = makeId('tu', random);
  const failure = bank?.failure ?? null;
  const expected = failure ? null : addBusinessDays(now, TOPUP_BUSINESS_DAYS);
  const topup: Stripe.Topup = {
    id,
    object: 'topup',
    amount: p.amount,
    balance_transaction: null,
    created: now,
    currency,
    description: p.description ?? null,
    expected_availability_date: expected,
    failure_code: failure,
    failure_message: failure ? FAILURE_MESSAGES[failure] : null,
    initiated_by: 'user',
    livemode,
    metadata: mergeMetadata({}, p.metadata),
    source: bank ? bankSource(bank.accountNumber, currency, now, livemode, random) : null,
    statement_descriptor: p.statement_descriptor ?? null,
    status: failure ? 'failed' : 'pending',
    transfer_group: p.transfer_group ?? null,
  };
  if (expected !== null) {
    const bt = post(ctx.world, {
      id: makeId('txn', random),
      owner: PLATFORM,
      amount: p.amount,
      currency,
      type: 'topup',
      source: id,
      created: now,
      availableOn: expected,
      description: topup.description,
    });
    topup.balance_transaction = bt.id;
  }
  ctx.world.topups.insert(topup);
  return renderTopup(topup, now);
}

function requireTopup(ctx: Ctx, id: string): Stripe.Topup {
  settleTopups(ctx.world, ctx.now());
  const t = ctx.world.topups.get(id);
  if (!t) throw noSuch('topup', id);
  return t;
}

/** Cancels a pending top-up; its credit is reversed so the balance never receives the funds. */
export function cancelTopup(ctx: Ctx, id: string, opts: { random?: RandomSource } = {}): Stripe.Topup {
  const t = requireTopup(ctx, id);
  if (t.status !== 'pending') {
    throw invalidRequest(`This top-up has status '${t.status}' and cannot be canceled: only pending top-ups can be canceled.`);
  }
  if (t.balance_transaction !== null && t.expected_availability_date !== null) {
    post(ctx.world, {
      id: makeId('txn', opts.random ?? cryptoRandom),
      owner: PLATFORM,
      amount: -t.amount,
      currency: t.currency,
      type: 'topup_reversal',
      source: t.id,
      created: ctx.now(),
      availableOn: t.expected_availability_date,
      description: `REVERSAL for top-up ${t.id}`,
    });
  }
  const next: Stripe.Topup = { ...t, status: 'canceled' };
  ctx.world.topups.put(next);
  return next;
}

function matchesAmount(amount: number, f: number | { gt?: number; gte?: number; lt?: number; lte?: number } | undefined): boolean {
  return matchesCreated(amount, f);
}

export const topupRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/topups',
    params: createTopupParams,
    object: 'topup',
    handler: (ctx) => {
      const p = parseParams(createTopupParams, ctx.params);
      return expandObject(ctx, createTopup(ctx, p), p.expand);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/topups',
    params: listTopupParams,
    handler: (ctx) => {
      const p = parseParams(listTopupParams, ctx.params);
      settleTopups(ctx.world, ctx.now());
      const items = ctx.world.topups.newestFirst((t) => (p.status === undefined || t.status === p.status) && matchesAmount(t.amount, p.amount));
      return listResponse(ctx, items, p, '/v1/topups');
    },
  },
  {
    method: 'GET',
    pattern: '/v1/topups/:topup',
    params: EXPAND_ONLY,
    handler: (ctx, { topup }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, requireTopup(ctx, topup), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/topups/:topup',
    params: updateTopupParams,
    object: 'topup',
    handler: (ctx, { topup }) => {
      const p = parseParams(updateTopupParams, ctx.params);
      const t = requireTopup(ctx, topup);
      const next: Stripe.Topup = {
        ...t,
        description: p.description === undefined ? t.description : p.description,
        metadata: mergeMetadata(t.metadata, p.metadata),
      };
      ctx.world.topups.put(next);
      return expandObject(ctx, next, p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/topups/:topup/cancel',
    params: EXPAND_ONLY,
    object: 'topup',
    handler: (ctx, { topup }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, cancelTopup(ctx, topup), p.expand);
    },
  },
];
