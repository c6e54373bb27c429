// Transfers and transfer reversals: the platform's own objects (no Stripe-Account header).
// Create, retrieve, update (description, metadata), list; the rules live in money/transfers.ts.
import type Stripe from 'stripe';
import { bool, expand, EXPAND_ONLY, hash, int, LIST_ONLY, listParams, mergeMetadata, metadata, oneOf, parseParams, rangeFilter, str, unsettableStr } from '../core/params';
import type { Ctx, Route } from '../core/router';
import { renderTransfer } from '../money/objects';
import { createReversal, createTransfer, INSUFFICIENT_FUNDS, requireReversal, requireTransfer } from '../money/transfers';
import { invalidRequest, noSuch } from '../core/errors';
import { expandObject, listResponse, registerExpandable, registerResolver } from './shared';

registerExpandable('transfer', ['balance_transaction', 'destination', 'destination_payment', 'source_transaction']);
registerExpandable('transfer_reversal', ['balance_transaction', 'destination_payment_refund', 'source_refund', 'transfer']);

registerResolver('tr', (ctx, id) => renderTransfer(ctx.world, requireTransfer(ctx, id, 'expand')));
registerResolver('trr', (ctx, id) => {
  const reversal = ctx.world.transferReversals.get(id);
  if (!reversal) throw noSuch('transfer reversal', id, 'expand');
  return reversal;
});

const createTransferParams = hash({
  amount: int({ min: 1 }),
  currency: str(),
  destination: str(),
  description: str({ max: 5000 }).optional(),
  metadata: metadata().optional(),
  source_transaction: str().optional(),
  source_type: oneOf(['bank_account', 'card', 'fpx']).optional(),
  transfer_group: str({ max: 5000 }).optional(),
  expand: expand(),
});

const updateTransferParams = hash({ description: unsettableStr({ max: 5000 }).optional(), metadata: metadata().optional(), expand: expand() });

const listTransferParams = hash({
  ...listParams,
  created: rangeFilter().optional(),
  destination: str().optional(),
  transfer_group: str().optional(),
});

const createReversalParams = hash({
  amount: int({ min: 1 }).optional(),
  description: str({ max: 5000 }).optional(),
  metadata: metadata().optional(),
  refund_application_fee: bool().optional(),
  expand: expand(),
});

/** Stripe's docs accept description on a reversal update too; the reversal object has no field to show it. */
const updateReversalParams = hash({ description: unsettableStr({ max: 5000 }).optional(), metadata: metadata().optional(), expand: expand() });

function updateTransfer(ctx: Ctx, id: string, p: { description?: string | null; metadata?: Stripe.Metadata | null }): Stripe.Transfer {
  const transfer = requireTransfer(ctx, id);
  const next: Stripe.Transfer = {
    ...transfer,
    ...(p.description !== undefined ? { description: p.description } : {}),
    metadata: mergeMetadata(transfer.metadata, p.metadata),
  };
  ctx.world.transfers.put(next);
  return next;
}

export const transferRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/transfers',
    params: createTransferParams,
    object: 'transfer',
    handler: (ctx) => {
      const p = parseParams(createTransferParams, ctx.params);
      // The platform's funds are all card funds: there is never a bank_account or fpx balance to pay from.
      if (p.source_type !== undefined && p.source_type !== 'card') throw invalidRequest(INSUFFICIENT_FUNDS, { code: 'balance_insufficient' });
      const transfer = createTransfer(ctx, {
        amount: p.amount,
        currency: p.currency,
        destination: p.destination,
        description: p.description,
        metadata: p.metadata,
        source_transaction: p.source_transaction,
        transfer_group: p.transfer_group,
      });
      return expandObject(ctx, renderTransfer(ctx.world, transfer), p.expand);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/transfers',
    params: listTransferParams,
    handler: (ctx) => {
      const p = parseParams(listTransferParams, ctx.params);
      const items = ctx.world.transfers
        .newestFirst((t) => (p.destination === undefined || t.destination === p.destination) && (p.transfer_group === undefined || t.transfer_group === p.transfer_group));
      return listResponse(ctx, items, p, '/v1/transfers', (t) => renderTransfer(ctx.world, t));
    },
  },
  {
    method: 'GET',
    pattern: '/v1/transfers/:transfer',
    params: EXPAND_ONLY,
    handler: (ctx, { transfer }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, renderTransfer(ctx.world, requireTransfer(ctx, transfer)), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/transfers/:transfer',
    params: updateTransferParams,
    object: 'transfer',
    handler: (ctx, { transfer }) => {
      const p = parseParams(updateTransferParams, ctx.params);
      return expandObject(ctx, renderTransfer(ctx.world, updateTransfer(ctx, transfer, p)), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/transfers/:transfer/reversals',
    params: createReversalParams,
    object: 'transfer_reversal',
    handler: (ctx, { transfer }) => {
      const p = parseParams(createReversalParams, ctx.params);
      return expandObject(ctx, createReversal(ctx, transfer, p), p.expand);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/transfers/:transfer/reversals',
    params: LIST_ONLY,
    handler: (ctx, { transfer }) => {
      const p = parseParams(LIST_ONLY, ctx.params);
      requireTransfer(ctx, transfer);
      const items = ctx.world.transferReversals.newestFirstIn(transfer);
      return listResponse(ctx, items, p, `/v1/transfers/${transfer}/reversals`);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/transfers/:transfer/reversals/:id',
    params: EXPAND_ONLY,
    handler: (ctx, { transfer, id }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, requireReversal(ctx, transfer, id), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/transfers/:transfer/reversals/:id',
    params: updateReversalParams,
    object: 'transfer_reversal',
    handler: (ctx, { transfer, id }) => {
      const p = parseParams(updateReversalParams, ctx.params);
      const reversal = requireReversal(ctx, transfer, id);
      const next: Stripe.TransferReversal = { ...reversal, metadata: mergeMetadata(reversal.metadata ?? {}, p.metadata) };
      ctx.world.transferReversals.put(next);
      return expandObject(ctx, next, p.expand);
    },
  },
];
