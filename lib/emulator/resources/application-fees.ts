// Application fees the platform collected (list, retrieve) and their refunds (create, retrieve,
// update, list; also the deprecated POST /v1/application_fees/:id/refund). Platform objects only.
import type Stripe from 'stripe';
import { noSuch } from '../core/errors';
import { expand, EXPAND_ONLY, hash, int, LIST_ONLY, listParams, mergeMetadata, metadata, parseParams, rangeFilter, str } from '../core/params';
import type { Route } from '../core/router';
import { refundApplicationFee, requireApplicationFee, requireFeeRefund } from '../money/fee-refunds';
import { renderApplicationFee } from '../money/objects';
import { platformApplication } from '../money/store';
import { expandObject, listResponse, registerExpandable, registerResolver } from './shared';

registerExpandable('application_fee', ['account', 'application', 'balance_transaction', 'charge', 'originating_transaction']);
registerExpandable('fee_refund', ['balance_transaction', 'fee']);
registerExpandable('application', []);

registerResolver('fee', (ctx, id) => renderApplicationFee(ctx.world, requireApplicationFee(ctx, id, 'expand')));
registerResolver('fr', (ctx, id) => {
  const refund = ctx.world.feeRefunds.get(id);
  if (!refund) throw noSuch('fee refund', id, 'expand');
  return refund;
});
registerResolver('ca', (ctx, id) => {
  const app = platformApplication(ctx.world);
  if (app.id !== id) throw noSuch('application', id, 'expand');
  return app;
});

const listFeeParams = hash({ ...listParams, charge: str().optional(), created: rangeFilter().optional() });
const createRefundParams = hash({ amount: int({ min: 1 }).optional(), metadata: metadata().optional(), expand: expand() });
const updateRefundParams = hash({ metadata: metadata().optional(), expand: expand() });

const deprecatedRefundParams = hash({ amount: int({ min: 1 }).optional(), expand: expand() });

export const applicationFeeRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/application_fees',
    params: listFeeParams,
    handler: (ctx) => {
      const p = parseParams(listFeeParams, ctx.params);
      // `charge` names the charge the fee was taken from; a destination charge's own id finds its fee too.
      const items = ctx.world.applicationFees
        .newestFirst((f) => p.charge === undefined || f.charge === p.charge || f.originating_transaction === p.charge);
      return listResponse(ctx, items, p, '/v1/application_fees', (f) => renderApplicationFee(ctx.world, f));
    },
  },
  {
    method: 'GET',
    pattern: '/v1/application_fees/:fee',
    params: EXPAND_ONLY,
    handler: (ctx, { fee }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, renderApplicationFee(ctx.world, requireApplicationFee(ctx, fee)), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/application_fees/:fee/refunds',
    params: createRefundParams,
    object: 'fee_refund',
    handler: (ctx, { fee }) => {
      const p = parseParams(createRefundParams, ctx.params);
      return expandObject(ctx, refundApplicationFee(ctx, fee, p), p.expand);
    },
  },
  {
    // The deprecated form: refunds and answers the application fee.
    method: 'POST',
    pattern: '/v1/application_fees/:fee/refund',
    object: 'application_fee',
    params: deprecatedRefundParams,
    handler: (ctx, { fee }) => {
      const p = parseParams(deprecatedRefundParams, ctx.params);
      refundApplicationFee(ctx, fee, p);
      return expandObject(ctx, renderApplicationFee(ctx.world, requireApplicationFee(ctx, fee)), p.expand);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/application_fees/:fee/refunds',
    params: LIST_ONLY,
    handler: (ctx, { fee }) => {
      const p = parseParams(LIST_ONLY, ctx.params);
      requireApplicationFee(ctx, fee);
      const items = ctx.world.feeRefunds.newestFirstIn(fee);
      return listResponse(ctx, items, p, `/v1/application_fees/${fee}/refunds`);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/application_fees/:fee/refunds/:id',
    params: EXPAND_ONLY,
    handler: (ctx, { fee, id }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, requireFeeRefund(ctx, fee, id), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/application_fees/:fee/refunds/:id',
    params: updateRefundParams,
    object: 'fee_refund',
    handler: (ctx, { fee, id }) => {
      const p = parseParams(updateRefundParams, ctx.params);
      const refund = requireFeeRefund(ctx, fee, id);
      const next: Stripe.FeeRefund = { ...refund, metadata: mergeMetadata(refund.metadata ?? {}, p.metadata) };
      ctx.world.feeRefunds.put(next);
      return expandObject(ctx, next, p.expand);
    },
  },
];
