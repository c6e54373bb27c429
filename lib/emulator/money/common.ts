// What the money resources share: whose balance a request acts on, capability checks on the
// accounts money goes to, and recording a movement in the ledger.
import type Stripe from 'stripe';
import { invalidRequest } from '../core/errors';
import { balanceOf, post, PLATFORM, type Owner, type Posting } from '../core/ledger';
import type { Ctx } from '../core/router';
import type { World } from '../core/world';
import { computeAccountState } from '../resources/requirements';
import { moneyId } from './store';

/** The balance a request acts on: the Stripe-Account header's account, or the platform's. */
export const ownerOf = (ctx: Ctx): Owner => ctx.stripeAccount ?? PLATFORM;

/** Records a movement of money (the only way the money resources move it) and returns its balance transaction. */
export function record(world: World, p: Posting): Stripe.BalanceTransaction {
  const bt = post(world, { id: moneyId(world, 'txn'), ...p });
  syncFacts(world, p.owner, p.created);
  return bt;
}

/**
 * Keeps an account's `facts.balance` equal to its ledger balance after every movement, for
 * whoever still reads it (live-mode reject and delete read the ledger itself).
 */
function syncFacts(world: World, owner: Owner, now: number): void {
  if (owner === PLATFORM) return;
  const facts = world.accountFacts.get(owner);
  if (facts) facts.balance = balanceOf(world, owner, now);
}

/** A connected account money may go to, or Stripe's 400 naming `param`. */
export function requireConnected(ctx: Ctx, id: string, param: string, what = 'destination'): Stripe.Account {
  const account = ctx.world.accounts.get(id);
  if (!account || !ctx.world.accountFacts.has(id)) throw invalidRequest(`No such ${what}: '${id}'`, { param, code: 'resource_missing' });
  return account;
}

export function capabilityStatus(ctx: Ctx, accountId: string, name: string): Stripe.Capability.Status | 'unrequested' {
  const account = ctx.world.accounts.get(accountId);
  const facts = ctx.world.accountFacts.get(accountId);
  if (!account || !facts) return 'unrequested';
  return computeAccountState(ctx.world, account, facts, ctx.now(), ctx.apiVersion).capabilityStatus[name] ?? 'unrequested';
}

/** Transfers (and destination charges) need the destination's `transfers` capability active. */
export function requireTransfersCapability(ctx: Ctx, accountId: string, param: string): void {
  if (capabilityStatus(ctx, accountId, 'transfers') === 'active') return;
  throw invalidRequest(
    'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
    { param, code: 'insufficient_capabilities_for_transfer' },
  );
}

/** Charges made on (or on behalf of) a connected account need its `card_payments` capability active. */
export function requireCardPayments(ctx: Ctx, accountId: string, param?: string): void {
  if (capabilityStatus(ctx, accountId, 'card_payments') === 'active') return;
  throw invalidRequest(
    `The account ${accountId} cannot accept card payments: its card_payments capability is not active. Request the capability and provide the information it requires.`,
    { ...(param ? { param } : {}) },
  );
}

/** `a` or `b`, whichever comes later: the moment money in flight becomes available. */
export const later = (a: number, b: number): number => Math.max(a, b);
