// Payouts (`/v1/payouts`): create, list, retrieve, update (metadata), cancel and reverse, on the
// platform's balance or, with the Stripe-Account header, a connected account's. The rules and the
// life of a payout are in money/payouts.ts, reversals in money/payout-reversals.ts.
import type Stripe from 'stripe';
import { noSuch, paramError } from '../core/errors';
import { matchesCreated } from '../core/list';
import { expand, EXPAND_ONLY, hash, int, listParams, mergeMetadata, metadata, oneOf, parseParams, rangeFilter, str } from '../core/params';
import type { Ctx, Route } from '../core/router';
import { ownerOf } from '../money/common';
import { reversePayout } from '../money/payout-reversals';
import { cancelPayout, createPayout, payoutFacts, payouts, requirePayout, settlePayouts } from '../money/payouts';
// The balance module registers the `txn_` resolver that `expand[]=balance_transaction` goes through.
import './balance';
import { expandObject, listResponse, registerExpandable, registerResolver } from './shared';

registerExpandable('payout', ['balance_transaction', 'destination', 'failure_balance_transaction', 'original_payout', 'reversed_by', 'application_fee']);

/** A payout by id, for expansion (a balance transaction's `source`): the request's own only. */
registerResolver('po', (ctx, id) => {
  const p = payouts(ctx.world).get(id);
  if (!p || payoutFacts(ctx.world).get(id)?.owner !== ownerOf(ctx)) throw noSuch('payout', id, 'expand');
  return p;
});

export const createPayoutParams = hash({
  amount: int({ min: 1 }),
  currency: str(),
  description: str({ max: 5000 }).optional(),
  destination: str().optional(),
  expand: expand(),
  metadata: metadata().optional(),
  method: oneOf(['instant', 'standard']).optional(),
  payout_method: str().optional(),
  source_type: oneOf(['bank_account', 'card', 'fpx']).optional(),
  statement_descriptor: str({ max: 22 }).optional(),
});

const updatePayoutParams = hash({ expand: expand(), metadata: metadata().optional() });
const reversePayoutParams = hash({ expand: expand(), metadata: metadata().optional() });

const listPayoutParams = hash({
  ...listParams,
  arrival_date: rangeFilter().optional(),
  created: rangeFilter().optional(),
  destination: str().optional(),
  status: oneOf(['canceled', 'failed', 'in_transit', 'paid', 'pending']).optional(),
});

function create(ctx: Ctx): Stripe.Payout {
  const p = parseParams(createPayoutParams, ctx.params);
  // v2 FinancialAccounts do not exist here.
  if (p.payout_method !== undefined) throw paramError(`No such payout method: '${p.payout_method}'`, 'payout_method', 'resource_missing');
  if (p.statement_descriptor !== undefined && !/^[\x20-\x7e]*$/.test(p.statement_descriptor)) {
    throw paramError('Invalid statement_descriptor: the statement descriptor must contain only ASCII characters.', 'statement_descriptor');
  }
  return expandObject(ctx, createPayout(ctx, p), p.expand);
}

export const payoutRoutes: Route[] = [
  { method: 'POST', pattern: '/v1/payouts', connect: true, object: 'payout', params: createPayoutParams, handler: (ctx) => create(ctx) },
  {
    method: 'GET',
    pattern: '/v1/payouts',
    params: listPayoutParams,
    connect: true,
    handler: (ctx) => {
      const p = parseParams(listPayoutParams, ctx.params);
      settlePayouts(ctx.world, ctx.now());
      const items = payouts(ctx.world).newestFirstIn(
        ownerOf(ctx),
        (po) => (p.status === undefined || po.status === p.status) && (p.destination === undefined || po.destination === p.destination) && matchesCreated(po.arrival_date, p.arrival_date),
      );
      return listResponse(ctx, items, p, '/v1/payouts');
    },
  },
  {
    method: 'GET',
    pattern: '/v1/payouts/:payout',
    params: EXPAND_ONLY,
    connect: true,
    handler: (ctx, { payout }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      settlePayouts(ctx.world, ctx.now());
      return expandObject(ctx, requirePayout(ctx, payout), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/payouts/:payout',
    params: updatePayoutParams,
    connect: true,
    object: 'payout',
    handler: (ctx, { payout }) => {
      const p = parseParams(updatePayoutParams, ctx.params);
      const current = requirePayout(ctx, payout);
      const next = payouts(ctx.world).put({ ...current, metadata: mergeMetadata(current.metadata ?? {}, p.metadata) });
      return expandObject(ctx, next, p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/payouts/:payout/cancel',
    params: EXPAND_ONLY,
    connect: true,
    object: 'payout',
    handler: (ctx, { payout }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, cancelPayout(ctx, payout), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/payouts/:payout/reverse',
    params: reversePayoutParams,
    connect: true,
    object: 'payout',
    handler: (ctx, { payout }) => {
      const p = parseParams(reversePayoutParams, ctx.params);
      // Settled first: a payout that has arrived by now is paid.
      settlePayouts(ctx.world, ctx.now());
      return expandObject(ctx, reversePayout(ctx, payout, p), p.expand);
    },
  },
];
