// Refunds of charges: create, list, retrieve, update (metadata) and cancel (money/refunds.ts has
// the rules). A refund belongs to whoever owns its charge: the platform, or with the
// Stripe-Account header a connected account (direct charges, and its destination payments'
// refunds, `pyr_`, which transfer reversals make).
import type Stripe from 'stripe';
import { invalidRequest } from '../core/errors';
import { PLATFORM } from '../core/ledger';
import { bool, expand, EXPAND_ONLY, hash, int, listParams, mergeMetadata, metadata, oneOf, parseParams, rangeFilter, str } from '../core/params';
import type { Ctx, Route } from '../core/router';
import { ownerOf } from '../money/common';
import { cancelRefund, createRefund, requireRefund } from '../money/refunds';
import { paymentRefunds } from '../money/store';
import { expandObject, listResponse, registerResolver } from './shared';

registerResolver('re', (ctx, id) => requireRefund(ctx, id, 'expand'));

/** RefundCreateParams. */
const createParams = hash({
  amount: int({ min: 1 }).optional(),
  charge: str().optional(),
  currency: str().optional(),
  customer: str().optional(),
  expand: expand(),
  instructions_email: str().optional(),
  metadata: metadata().optional(),
  origin: oneOf(['customer_balance']).optional(),
  payment_intent: str().optional(),
  reason: oneOf(['duplicate', 'fraudulent', 'requested_by_customer']).optional(),
  refund_application_fee: bool().optional(),
  reverse_transfer: bool().optional(),
});

const updateParams = hash({ metadata: metadata().optional(), expand: expand() });

const listRefundParams = hash({
  ...listParams,
  charge: str().optional(),
  payment_intent: str().optional(),
  created: rangeFilter().optional(),
});

const idOf = (v: string | { id: string } | null | undefined): string | null => (v == null ? null : typeof v === 'string' ? v : v.id);

function create(ctx: Ctx, p: ReturnType<typeof createParams.parse>): Stripe.Refund {
  // Refunds to a customer's cash balance need Customers with balances, which the emulator does not keep.
  if (p.customer !== undefined) throw invalidRequest(`No such customer: '${p.customer}'`, { param: 'customer', code: 'resource_missing' });
  if (p.origin !== undefined) throw invalidRequest('origin can only be used with customer: a refund of a customer balance.', { param: 'origin' });
  if (p.currency !== undefined && p.charge !== undefined) {
    const charge = ctx.world.charges.get(p.charge);
    if (charge && charge.currency !== p.currency.toLowerCase()) {
      throw invalidRequest(`The currency (${p.currency.toLowerCase()}) must be the charge's currency (${charge.currency}).`, { param: 'currency' });
    }
  }
  return createRefund(ctx, {
    ...(p.charge !== undefined ? { charge: p.charge } : {}),
    ...(p.payment_intent !== undefined ? { payment_intent: p.payment_intent } : {}),
    ...(p.amount !== undefined ? { amount: p.amount } : {}),
    ...(p.reason !== undefined ? { reason: p.reason } : {}),
    metadata: p.metadata ?? {},
    refund_application_fee: p.refund_application_fee ?? false,
    reverse_transfer: p.reverse_transfer ?? false,
  });
}

export const refundRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/refunds',
    params: createParams,
    object: 'refund',
    connect: true,
    handler: (ctx) => {
      const p = parseParams(createParams, ctx.params);
      return expandObject(ctx, create(ctx, p), p.expand);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/refunds',
    params: listRefundParams,
    connect: true,
    handler: (ctx) => {
      const p = parseParams(listRefundParams, ctx.params);
      const owner = ownerOf(ctx);
      // No PaymentIntents here: a payment_intent filter finds nothing.
      const items = paymentRefunds(ctx.world).newestFirst(
        (r) =>
          (ctx.world.chargeOwner.get(idOf(r.charge) ?? '') ?? PLATFORM) === owner &&
          (p.charge === undefined || idOf(r.charge) === p.charge) &&
          (p.payment_intent === undefined || idOf(r.payment_intent) === p.payment_intent),
      );
      return listResponse(ctx, items, p, '/v1/refunds');
    },
  },
  {
    method: 'GET',
    pattern: '/v1/refunds/:refund',
    params: EXPAND_ONLY,
    connect: true,
    handler: (ctx, { refund }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, requireRefund(ctx, refund), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/refunds/:refund',
    params: updateParams,
    object: 'refund',
    connect: true,
    handler: (ctx, { refund }) => {
      const p = parseParams(updateParams, ctx.params);
      const current = requireRefund(ctx, refund);
      const next = p.metadata === undefined ? current : paymentRefunds(ctx.world).put({ ...current, metadata: mergeMetadata(current.metadata ?? {}, p.metadata) });
      return expandObject(ctx, next, p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/refunds/:refund/cancel',
    params: EXPAND_ONLY,
    object: 'refund',
    connect: true,
    handler: (ctx, { refund }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, cancelRefund(ctx, refund), p.expand);
    },
  },
];
