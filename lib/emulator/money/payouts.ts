// Payouts: money leaving a balance for a bank account or debit card, on demand (POST /v1/payouts)
// or by the account's payout schedule (`settings.payouts.schedule`), under Stripe's rules as its
// documentation gives them. The life of a payout follows the emulator's clock:
//
// - made `pending` (manual), its `payout` balance transaction (a debit of the available balance) posted at
//   once; `arrival_date` is 00:00 UTC of the second business day after it was made (instant: at once);
// - submitted to the bank (`in_transit`) at the next 00:00 UTC (automatic and instant payouts are made
//   `in_transit`): until then a manual payout can be canceled (`payout_cancel` gives the money back);
// - on `arrival_date` it is `paid`, or, to one of Stripe's failing test bank numbers, `failed` with that
//   number's `failure_code`: a `payout_failure` balance transaction gives the money back, and the bank
//   account turns `errored` (automatic payouts skip it until it is updated);
// - while the account's payouts are paused (rejected with `payouts_action: pause`) a pending payout
//   waits; unpaused within 10 days of its making it goes on (a new arrival date), else it is canceled.
//
// Automatic payouts: at 00:00 UTC of each due day (daily; weekly on `weekly_anchor`; monthly on
// `monthly_anchor`, the month's last day for a shorter month; never for `manual`), each currency's
// whole available balance goes to that currency's default external account, when the account's
// payouts are enabled and the balance reaches the currency's minimum payout.
import type Stripe from 'stripe';
import { invalidRequest, noSuch } from '../core/errors';
import { mergeMetadata } from '../core/params';
import { cryptoRandom, makeId, type RandomSource } from '../core/ids';
import { availableIn, PLATFORM, transactionsOf, type Owner } from '../core/ledger';
import type { Ctx } from '../core/router';
import { DEFAULT_API_VERSION } from '../core/versions';
import { Table, type ExternalAccount, type World } from '../core/world';
import { externalAccountsOf, payoutFailureOf } from '../resources/external-accounts';
import { computeAccountState } from '../resources/requirements';
import type { TestPayoutFailure } from '../resources/tokens';
import { addBusinessDays } from '../resources/topups';
import { ownerOf, record } from './common';
import { checkMaximum, formatAmount, parseCurrency } from './currencies';
import { perWorld } from './store';

const DAY = 86_400;
/** Business days from a standard payout's making to its arrival. */
export const ARRIVAL_BUSINESS_DAYS = 2;
/** A pending payout held by a pause is canceled this long after it was made (Stripe: 10 days). */
export const HOLD_LIMIT = 10 * DAY;
/** At most this many past due days are paid out at one tick (a clock moved years at once). */
const MAX_CATCH_UP_DAYS = 800;

/** What Stripe keeps about a payout that the object does not show. */
export interface PayoutFacts {
  /** Whose balance it left: the platform's, or a connected account's. */
  owner: Owner;
  /** Test mode: the failure its destination's test number stands for (null: it will be paid). */
  failure: TestPayoutFailure | null;
  /** When a pending payout is submitted to the bank (becomes in_transit). */
  submitAt: number;
  /** When a pause was first seen holding it (null: not held). */
  heldSince: number | null;
}

export const payoutFacts = perWorld(() => new Map<string, PayoutFacts>());
/** The payouts, grouped by owner (facts are set before a payout is first stored). */
export const payouts = perWorld((world) => new Table<Stripe.Payout>(world, 'payout', (p) => payoutFacts(world).get(p.id)?.owner ?? PLATFORM));
/** Payouts not yet paid, failed or canceled: what the clock still moves. */
const open = perWorld(() => new Set<string>());

/** Stripe's failure messages for its failure codes (its payout failure table). */
export const PAYOUT_FAILURE_MESSAGES: Record<TestPayoutFailure, string> = {
  no_account: 'The bank account details on file are probably incorrect. No bank account could be located with those details.',
  account_closed: 'The bank account has been closed.',
  insufficient_funds: 'Your Stripe account has insufficient funds to cover the payout.',
  debit_not_authorized: 'Debit transactions are not approved on the bank account. (Stripe requires bank accounts to be set up for both credit and debit payouts.)',
  invalid_currency: 'The bank was unable to process this payout because of its currency. This is probably because the bank account cannot accept payments in that currency.',
};

/** The platform's own bank account (payouts without Stripe-Account go there): the test bank in test mode. */
export const platformBankId = (world: World): string => (world.mode === 'test' ? 'ba_EmulatorPlatformBank0001' : 'ba_EmulatorPlatformBankLive');

/** Whether the connected account's payouts are paused (rejected with `payouts_action: pause`). */
export function payoutsPaused(world: World, owner: Owner): boolean {
  if (owner === PLATFORM) return false;
  return world.accountFacts.get(owner)?.rejection?.payoutsAction === 'pause';
}

export interface NewPayout {
  amount: number;
  currency: string;
  destination?: string;
  method?: string;
  description?: string | null;
  statement_descriptor?: string | null;
  metadata?: Stripe.Metadata | null;
  source_type?: string;
}

/**
 * The smallest payout per currency, in minor units. Our figures: Stripe's payouts page has a
 * table we could not read here; its cross-border page says the minimum is "typically one base
 * unit" of the local currency (docs.stripe.com/connect/cross-border-payouts/special-requirements),
 * so one unit (1.00) of each, and ¥100 for yen (ours). Other currencies: 100 minor units.
 */
export const MINIMUM_PAYOUT: Readonly<Record<string, number>> = { usd: 100, eur: 100, gbp: 100, cad: 100, aud: 100, jpy: 100 };

export const minimumPayout = (currency: string): number => MINIMUM_PAYOUT[currency] ?? 100;

/** Stripe's answer when the available balance cannot cover a payout (test mode). */
export const PAYOUT_INSUFFICIENT_FUNDS =
  'You have insufficient funds in your Stripe account for this transfer. Your card balance is too low. You can use the /v1/balance endpoint to view your Stripe balance (for more details, see stripe.com/docs/api#balance).';

export interface Destination {
  id: string;
  object: 'bank_account' | 'card';
  instant: boolean;
  failure: TestPayoutFailure | null;
}

/** Where a payout goes: the named external account, or the currency's default one (the platform: its own bank in usd). */
function destinationFor(ctx: Ctx, owner: Owner, currency: string, named: string | undefined): Destination {
  const world = ctx.world;
  if (owner === PLATFORM) {
    const home = world.platform?.default_currency ?? 'usd';
    if (named !== undefined && named !== platformBankId(world)) throw invalidRequest(`No such external account: '${named}'`, { param: 'destination', code: 'resource_missing' });
    if (currency !== home) throw invalidRequest(`You don't have any external accounts in that currency (${currency}).`, { param: 'currency' });
    return { id: platformBankId(world), object: 'bank_account', instant: false, failure: null };
  }
  let ea: ExternalAccount | undefined;
  if (named !== undefined) {
    ea = world.externalAccounts.get(named);
    if (!ea || ea.account !== owner) throw invalidRequest(`No such external account: '${named}'`, { param: 'destination', code: 'resource_missing' });
    if (ea.currency !== currency) {
      throw invalidRequest(`The currency of the external account ${named} (${ea.currency}) does not match the payout's currency (${currency}).`, { param: 'currency' });
    }
  } else {
    ea = externalAccountsOf(world, owner).find((e) => e.currency === currency && e.default_for_currency);
    if (!ea) throw invalidRequest(`You don't have any external accounts in that currency (${currency}).`, { param: 'currency' });
  }
  return { id: ea.id, object: ea.object, instant: (ea.available_payout_methods ?? []).includes('instant'), failure: payoutFailureOf(world, ea.id) };
}

export interface PayoutSpec {
  owner: Owner;
  amount: number;
  currency: string;
  destination: Destination;
  automatic: boolean;
  instant: boolean;
  created: number;
  description: string | null;
  statementDescriptor: string | null;
  metadata: Stripe.Metadata;
  /** A reversal (payout-reversals.ts): the payout it reverses. Its amount is shown negative and credits the balance. */
  originalPayout?: string;
  /** Its id, when made before it (a reversal's, named by the original first). */
  id?: string;
}

/** Stores a new payout and posts its debit: what every payout (manual, automatic, a reversal) goes through. */
export function makePayout(world: World, f: PayoutSpec, random: RandomSource): Stripe.Payout {
  const id = f.id ?? makeId('po', random);
  const { created } = f;
  const description = f.description ?? (f.automatic ? 'STRIPE PAYOUT' : null);
  const arrival = f.instant ? created : addBusinessDays(created, ARRIVAL_BUSINESS_DAYS);
  const reversal = f.originalPayout !== undefined;
  const bt = record(world, {
    id: makeId('txn', random),
    owner: f.owner,
    currency: f.currency,
    type: 'payout',
    source: id,
    created,
    ...(reversal
      ? // The bank account is debited: the money is back in the balance when the reversal arrives.
        { amount: f.amount, availableOn: arrival, reportingCategory: 'payout_reversal', description: `Payout reversal for ${f.originalPayout}` }
      : { amount: -f.amount, description: description ?? 'STRIPE PAYOUT' }),
  });
  const payout: Stripe.Payout = {
    id,
    object: 'payout',
    amount: reversal ? -f.amount : f.amount,
    application_fee: null,
    application_fee_amount: null,
    arrival_date: arrival,
    automatic: f.automatic,
    balance_transaction: bt.id,
    created,
    currency: f.currency,
    description,
    destination: f.destination.id,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    livemode: world.mode === 'live',
    metadata: f.metadata,
    method: f.instant ? 'instant' : 'standard',
    original_payout: f.originalPayout ?? null,
    payout_method: null,
    reconciliation_status: f.automatic ? 'in_progress' : 'not_applicable',
    reversed_by: null,
    source_type: 'card',
    statement_descriptor: f.statementDescriptor,
    // Automatic and instant payouts go to the bank at once: never pending, so never held or canceled.
    status: f.automatic || f.instant ? 'in_transit' : 'pending',
    trace_id: { status: 'pending', value: null },
    type: f.destination.object,
  };
  const nextCutoff = (Math.floor(created / DAY) + 1) * DAY;
  payoutFacts(world).set(id, { owner: f.owner, failure: f.destination.failure, submitAt: nextCutoff, heldSince: null });
  payouts(world).insert(payout);
  open(world).add(id);
  return payout;
}

/** Creates a payout under every rule of POST /v1/payouts, at `ctx.now()`, from the request's balance. */
export function createPayout(ctx: Ctx, p: NewPayout, opts: { random?: RandomSource } = {}): Stripe.Payout {
  const world = ctx.world;
  const owner = ownerOf(ctx);
  const now = ctx.now();
  const currency = parseCurrency(p.currency);
  checkMaximum(p.amount, currency);
  const minimum = minimumPayout(currency);
  // Stripe's code and param for an amount below a minimum; the wording is ours.
  if (p.amount < minimum) throw invalidRequest(`Payouts must be at least ${formatAmount(minimum, currency)}.`, { param: 'amount', code: 'amount_too_small' });
  if (owner !== PLATFORM) {
    const account = world.accounts.get(owner)!;
    const facts = world.accountFacts.get(owner)!;
    if (!computeAccountState(world, account, facts, now, ctx.apiVersion).payouts_enabled) {
      throw invalidRequest(
        `Cannot create payouts: payouts are not enabled for the account ${owner}${payoutsPaused(world, owner) ? ' (they are paused: the account was rejected)' : ''}. See its payouts_enabled and requirements.`,
      );
    }
  }
  const destination = destinationFor(ctx, owner, currency, p.destination);
  const instant = p.method === 'instant';
  if (instant && !destination.instant) {
    throw invalidRequest(`The destination ${destination.id} does not support instant payouts: its available_payout_methods are standard only.`, { param: 'method' });
  }
  if (p.source_type !== undefined && p.source_type !== 'card') throw invalidRequest(PAYOUT_INSUFFICIENT_FUNDS, { code: 'balance_insufficient' });
  if (availableIn(world, owner, currency, now) < p.amount) throw invalidRequest(PAYOUT_INSUFFICIENT_FUNDS, { code: 'balance_insufficient' });
  return makePayout(
    world,
    { owner, amount: p.amount, currency, destination, automatic: false, instant, created: now, description: p.description ?? null, statementDescriptor: p.statement_descriptor ?? null, metadata: mergeMetadata({}, p.metadata) },
    opts.random ?? cryptoRandom,
  );
}

/** A payout of the request's balance (the platform's, or the Stripe-Account's), or Stripe's 404. */
export function requirePayout(ctx: Ctx, id: string): Stripe.Payout {
  const p = payouts(ctx.world).get(id);
  if (!p || payoutFacts(ctx.world).get(id)?.owner !== ownerOf(ctx)) throw noSuch('payout', id);
  return p;
}

/**
 * The balance transactions an automatic payout paid out (`GET /v1/balance_transactions?payout=`):
 * those of its currency that became available after the account's previous automatic payout in
 * that currency and by this one, and the payout's own. Stripe filters on automatic payouts only.
 */
export function paidOutIn(ctx: Ctx, id: string): Stripe.BalanceTransaction[] {
  const world = ctx.world;
  const payout = payouts(world).get(id);
  const owner = ownerOf(ctx);
  if (!payout || payoutFacts(world).get(id)?.owner !== owner) throw invalidRequest(`No such payout: '${id}'`, { param: 'payout', code: 'resource_missing' });
  if (!payout.automatic) throw invalidRequest('Balance transaction history can only be filtered on automatic transfers, not manual.', { param: 'payout' });
  const previous = payouts(world).newestFirstIn(owner, (p) => p.automatic && p.currency === payout.currency && p.created <= payout.created && p.id !== id)[0];
  // A transaction is in a payout when it was available at its making: by its time, or at that very second but made before it.
  const seq = (txn: unknown) => (typeof txn === 'string' ? world.balanceTransactions.seqOf(txn) : 0);
  const availableAt = (bt: Stripe.BalanceTransaction, p: Stripe.Payout) => bt.available_on < p.created || (bt.available_on === p.created && world.balanceTransactions.seqOf(bt.id) < seq(p.balance_transaction));
  return transactionsOf(world, owner).filter(
    (bt) =>
      bt.currency === payout.currency &&
      (bt.source === id ? bt.type === 'payout' : availableAt(bt, payout) && !(previous && availableAt(bt, previous)) && !(bt.type === 'payout' && isAutomatic(world, bt.source))),
  );
}

const isAutomatic = (world: World, source: string | null | { id: string }): boolean => typeof source === 'string' && payouts(world).get(source)?.automatic === true;

/** Gives a payout's amount back to its balance (cancel or failure) and records the payout's end. */
function giveBack(world: World, payout: Stripe.Payout, at: number, type: 'payout_cancel' | 'payout_failure', random: RandomSource): Stripe.BalanceTransaction {
  const owner = payoutFacts(world).get(payout.id)!.owner;
  open(world).delete(payout.id);
  return record(world, {
    id: makeId('txn', random),
    owner,
    amount: payout.amount,
    currency: payout.currency,
    type,
    source: payout.id,
    created: at,
    description: `${type === 'payout_cancel' ? 'Payout cancellation' : 'Payout failure'} for ${payout.id}`,
    reportingCategory: 'payout_reversal',
  });
}

/** Cancels a pending manual payout: the money goes back to the available balance. */
export function cancelPayout(ctx: Ctx, id: string, opts: { random?: RandomSource } = {}): Stripe.Payout {
  const payout = requirePayout(ctx, id);
  if (payout.automatic) throw invalidRequest(`Payout ${id} was made by the payout schedule: automatic payouts cannot be canceled.`);
  if (payout.original_payout) throw invalidRequest(`Payout ${id} reverses payout ${String(payout.original_payout)}: a payout reversal cannot be canceled.`);
  if (payout.status !== 'pending') throw invalidRequest(`Payout ${id} has status '${payout.status}': only pending payouts can be canceled.`);
  const bt = giveBack(ctx.world, payout, ctx.now(), 'payout_cancel', opts.random ?? cryptoRandom);
  return payouts(ctx.world).put({ ...payout, status: 'canceled', failure_balance_transaction: bt.id, trace_id: { status: 'unsupported', value: null } });
}

/** Moves one open payout to where the clock says it stands at `now`. */
function advance(world: World, id: string, now: number, random: RandomSource): void {
  const table = payouts(world);
  const facts = payoutFacts(world).get(id)!;
  const before = table.get(id)!;
  let p = before;
  if (p.status === 'pending') {
    if (payoutsPaused(world, facts.owner)) {
      if (now >= p.created + HOLD_LIMIT) {
        const bt = giveBack(world, p, p.created + HOLD_LIMIT, 'payout_cancel', random);
        table.put({ ...p, status: 'canceled', failure_balance_transaction: bt.id, trace_id: { status: 'unsupported', value: null } });
      } else facts.heldSince ??= now;
      return;
    }
    if (now < facts.submitAt) return;
    let arrival = p.arrival_date;
    if (facts.heldSince !== null) {
      // Resumed after a pause: submitted now, so it arrives later than first said.
      arrival = Math.max(arrival, addBusinessDays(now, ARRIVAL_BUSINESS_DAYS));
      facts.heldSince = null;
    }
    p = { ...p, status: 'in_transit', arrival_date: arrival };
  }
  if (p.status === 'in_transit' && now >= p.arrival_date) {
    if (facts.failure) {
      const bt = giveBack(world, p, p.arrival_date, 'payout_failure', random);
      p = { ...p, status: 'failed', failure_balance_transaction: bt.id, failure_code: facts.failure, failure_message: PAYOUT_FAILURE_MESSAGES[facts.failure], trace_id: { status: 'unsupported', value: null } };
      const dest = typeof p.destination === 'string' ? world.externalAccounts.get(p.destination) : undefined;
      if (dest?.object === 'bank_account' && dest.status !== 'errored') world.externalAccounts.put({ ...dest, status: 'errored' });
    } else {
      open(world).delete(id);
      const traced = p.type === 'bank_account';
      p = { ...p, status: 'paid', reconciliation_status: p.automatic ? 'completed' : p.reconciliation_status, trace_id: { status: traced ? 'supported' : 'unsupported', value: traced ? `TRC${id.slice(3, 15).toUpperCase()}` : null } };
    }
  }
  if (p !== before) table.put(p);
}

/** Moves every open payout to where it stands at `now` (the clock's tick; also before reads). */
export function settlePayouts(world: World, now: number, random: RandomSource = cryptoRandom): void {
  for (const id of [...open(world)]) advance(world, id, now, random);
}

type Schedule = { interval?: string; weekly_anchor?: string; monthly_anchor?: number };
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Whether a schedule pays out on the day starting at `day` (00:00 UTC). */
export function isDue(schedule: Schedule | undefined, day: number): boolean {
  const interval = schedule?.interval ?? 'daily';
  if (interval === 'daily') return true;
  // 1970-01-01 was a Thursday.
  if (interval === 'weekly') return WEEKDAYS[(Math.floor(day / DAY) + 4) % 7] === (schedule?.weekly_anchor ?? 'monday');
  if (interval === 'monthly') {
    const d = new Date(day * 1000);
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    return d.getUTCDate() === Math.min(schedule?.monthly_anchor ?? 1, last);
  }
  return false;
}

export interface AutomaticOptions {
  /** Only these accounts (default: every connected account). */
  accounts?: Iterable<string>;
  /** Whether the account's payouts were enabled at `at` (default: its state now, as the API renders it). */
  enabled?: (world: World, account: Stripe.Account, at: number) => boolean;
  random?: RandomSource;
}

const enabledByState = (world: World, account: Stripe.Account, at: number): boolean =>
  computeAccountState(world, account, world.accountFacts.get(account.id)!, at, DEFAULT_API_VERSION).payouts_enabled;

/** An account paid out automatically: its schedule and its default external account per currency (as they stand when a run starts). */
interface Payee {
  account: Stripe.Account;
  schedule: Schedule | undefined;
  defaults: { currency: string; id: string }[];
}

function payee(world: World, account: Stripe.Account): Payee | null {
  const schedule = (account.settings?.payouts?.schedule ?? undefined) as Schedule | undefined;
  if ((schedule?.interval ?? 'daily') === 'manual') return null;
  const defaults = externalAccountsOf(world, account.id).flatMap((e) => (e.default_for_currency && e.currency ? [{ currency: e.currency, id: e.id }] : []));
  return defaults.length > 0 ? { account, schedule, defaults } : null;
}

/** One account's automatic payouts on the due day `day`: each currency's available balance to its default external account. */
function payOutAccount(world: World, p: Payee, day: number, enabled: NonNullable<AutomaticOptions['enabled']>, random: RandomSource): void {
  if (!isDue(p.schedule, day) || (p.account.created ?? 0) > day) return;
  let allowed: boolean | null = null;
  for (const { currency, id } of p.defaults) {
    const amount = availableIn(world, p.account.id, currency, day);
    // A balance below the currency's minimum payout waits for more.
    if (amount < minimumPayout(currency)) continue;
    const ea = world.externalAccounts.get(id);
    // A bank account whose payouts failed gets none until it is updated.
    if (!ea || ea.status === 'errored') continue;
    allowed ??= enabled(world, p.account, day);
    if (!allowed) return;
    const destination: Destination = { id: ea.id, object: ea.object, instant: false, failure: payoutFailureOf(world, ea.id) };
    makePayout(world, { owner: p.account.id, amount, currency, destination, automatic: true, instant: false, created: day, description: null, statementDescriptor: null, metadata: {} }, random);
  }
}

/**
 * Makes the automatic payouts of every due day (00:00 UTC) in (`from`, `to`], oldest first, and
 * moves them (and every open payout) to where they stand at `to`.
 */
export function payOutDue(world: World, from: number, to: number, opts: AutomaticOptions = {}): void {
  const random = opts.random ?? cryptoRandom;
  const enabled = opts.enabled ?? enabledByState;
  let day = (Math.floor(from / DAY) + 1) * DAY;
  day = Math.max(day, (Math.floor(to / DAY) - MAX_CATCH_UP_DAYS) * DAY);
  if (day > to) return settlePayouts(world, to, random);
  const payees: Payee[] = [];
  for (const id of opts.accounts ?? world.accountFacts.keys()) {
    const account = world.accounts.get(id);
    const p = account ? payee(world, account) : null;
    if (p) payees.push(p);
  }
  for (; day <= to; day += DAY) {
    settlePayouts(world, day, random);
    for (const p of payees) payOutAccount(world, p, day, enabled, random);
  }
  settlePayouts(world, to, random);
}

/** The clock's part: automatic payouts of the due days since the last tick, then every open payout moved to `now`. */
export function tickPayouts(world: World, last: number, now: number): void {
  if (Math.floor(now / DAY) > Math.floor(last / DAY)) payOutDue(world, last, now);
  else settlePayouts(world, now);
}
