// Charges: create (with Stripe's test tokens and the Connect parameters), retrieve, list and
// capture. A charge belongs to the platform, or with the Stripe-Account header to a connected
// account (direct charges, and the `py_` payments transfers make); each sees only its own.
import type Stripe from 'stripe';
import { invalidRequest, noSuch } from '../core/errors';
import { PLATFORM } from '../core/ledger';
import { bool, expand, EXPAND_ONLY, hash, int, listParams, metadata, parseParams, rangeFilter, str } from '../core/params';
import type { Ctx, Route } from '../core/router';
import { captureCharge, createCharge, type NewCharge } from '../money/charges';
import { ownerOf } from '../money/common';
import { renderCharge } from '../money/objects';
import { paymentRefunds } from '../money/store';
import { expandObject, listResponse, registerExpandable, registerResolver } from './shared';

registerExpandable('charge', [
  'application',
  'application_fee',
  'balance_transaction',
  'customer',
  'failure_balance_transaction',
  'on_behalf_of',
  'payment_intent',
  'refunds',
  'review',
  'source_transfer',
  'transfer',
]);
registerExpandable('refund', ['balance_transaction', 'charge', 'payment_intent', 'source_transfer_reversal', 'transfer_reversal']);

/** Any charge or destination payment by id, whoever owns it (for expansion from objects that name it). */
const resolveCharge = (ctx: Ctx, id: string) => {
  const charge = ctx.world.charges.get(id);
  if (!charge) throw noSuch('charge', id, 'expand');
  return renderCharge(ctx.world, charge);
};
registerResolver('ch', resolveCharge);
registerResolver('py', resolveCharge);
registerResolver('pyr', (ctx, id) => {
  const refund = paymentRefunds(ctx.world).get(id);
  if (!refund) throw noSuch('refund', id, 'expand');
  return refund;
});

const optionalStr = (max?: number) => str(max === undefined ? {} : { max }).optional();

const addressParams = hash({
  city: optionalStr(),
  country: optionalStr(),
  line1: optionalStr(),
  line2: optionalStr(),
  postal_code: optionalStr(),
  state: optionalStr(),
});

const createChargeParams = hash({
  amount: int(),
  currency: str(),
  source: optionalStr(),
  customer: optionalStr(),
  description: optionalStr(40000),
  metadata: metadata().optional(),
  application_fee_amount: int({ min: 0 }).optional(),
  /** The deprecated name of application_fee_amount. */
  application_fee: int({ min: 0 }).optional(),
  transfer_data: hash({ destination: str(), amount: int({ min: 1 }).optional(), description: optionalStr(5000) }).optional(),
  /** The deprecated form of transfer_data. */
  destination: hash({ account: str(), amount: int({ min: 1 }).optional() }).optional(),
  on_behalf_of: optionalStr(),
  transfer_group: optionalStr(),
  statement_descriptor: optionalStr(22),
  statement_descriptor_suffix: optionalStr(22),
  receipt_email: optionalStr(800),
  shipping: hash({ address: addressParams, carrier: optionalStr(), name: str(), phone: optionalStr(), tracking_number: optionalStr() }).optional(),
  radar_options: hash({ session: optionalStr() }).optional(),
  capture: bool().optional(),
  expand: expand(),
});

type CreateChargeParams = ReturnType<typeof createChargeParams.parse>;

/** The request's parameters as createCharge takes them (deprecated names folded into the current ones). */
function toNewCharge(p: CreateChargeParams): NewCharge {
  if (p.application_fee !== undefined && p.application_fee_amount !== undefined) {
    throw invalidRequest('You cannot pass both application_fee and application_fee_amount: application_fee is its deprecated name.', { param: 'application_fee' });
  }
  if (p.destination && p.transfer_data) throw invalidRequest('You cannot pass both destination and transfer_data: destination is its deprecated form.', { param: 'destination' });
  if (p.customer !== undefined) throw invalidRequest(`No such customer: '${p.customer}'`, { param: 'customer', code: 'resource_missing' });
  if (p.source === undefined) throw invalidRequest('Must provide source or customer.', { code: 'parameter_missing', param: 'source' });
  const fee = p.application_fee_amount ?? p.application_fee;
  const transfer = p.transfer_data ?? (p.destination ? { destination: p.destination.account, amount: p.destination.amount } : undefined);
  const shipping = p.shipping && {
    address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null, ...p.shipping.address },
    carrier: p.shipping.carrier ?? null,
    name: p.shipping.name,
    phone: p.shipping.phone ?? null,
    tracking_number: p.shipping.tracking_number ?? null,
  };
  return {
    amount: p.amount,
    currency: p.currency,
    source: p.source,
    description: p.description,
    metadata: p.metadata,
    ...(fee !== undefined ? { application_fee_amount: fee } : {}),
    ...(transfer
      ? {
          transfer_data: {
            destination: transfer.destination,
            ...(transfer.amount !== undefined ? { amount: transfer.amount } : {}),
            ...('description' in transfer && transfer.description !== undefined ? { description: transfer.description } : {}),
          },
        }
      : {}),
    on_behalf_of: p.on_behalf_of,
    transfer_group: p.transfer_group,
    statement_descriptor: p.statement_descriptor,
    statement_descriptor_suffix: p.statement_descriptor_suffix,
    receipt_email: p.receipt_email,
    ...(shipping ? { shipping } : {}),
    capture: p.capture,
  };
}

/** A charge the request's account owns, or Stripe's 404. */
export function requireCharge(ctx: Ctx, id: string): Stripe.Charge {
  const charge = ctx.world.charges.get(id);
  if (!charge || (ctx.world.chargeOwner.get(id) ?? PLATFORM) !== ownerOf(ctx)) throw noSuch('charge', id);
  return charge;
}

const listChargeParams = hash({
  ...listParams,
  created: rangeFilter().optional(),
  customer: optionalStr(),
  payment_intent: optionalStr(),
  transfer_group: optionalStr(),
});

/** ChargeCaptureParams: the parameters Stripe's capture takes. */
const captureParams = hash({
  amount: int({ min: 0 }).optional(),
  application_fee_amount: int({ min: 0 }).optional(),
  application_fee: int({ min: 0 }).optional(),
  receipt_email: optionalStr(800),
  statement_descriptor: optionalStr(22),
  statement_descriptor_suffix: optionalStr(22),
  transfer_data: hash({ amount: int({ min: 1 }).optional() }).optional(),
  transfer_group: optionalStr(),
  expand: expand(),
});

export const chargeRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/charges',
    params: createChargeParams,
    object: 'charge',
    connect: true,
    handler: (ctx) => {
      const p = parseParams(createChargeParams, ctx.params);
      return expandObject(ctx, renderCharge(ctx.world, createCharge(ctx, toNewCharge(p))), p.expand);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/charges',
    params: listChargeParams,
    connect: true,
    handler: (ctx) => {
      const p = parseParams(listChargeParams, ctx.params);
      const owner = ownerOf(ctx);
      const items = ctx.world.charges
        .newestFirst(
          (c) =>
            (ctx.world.chargeOwner.get(c.id) ?? PLATFORM) === owner &&
            (p.customer === undefined || c.customer === p.customer) &&
            (p.payment_intent === undefined || c.payment_intent === p.payment_intent) &&
            (p.transfer_group === undefined || c.transfer_group === p.transfer_group),
        );
      return listResponse(ctx, items, p, '/v1/charges', (c) => renderCharge(ctx.world, c));
    },
  },
  {
    method: 'GET',
    pattern: '/v1/charges/:charge',
    params: EXPAND_ONLY,
    connect: true,
    handler: (ctx, { charge }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, renderCharge(ctx.world, requireCharge(ctx, charge)), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/charges/:charge/capture',
    params: captureParams,
    object: 'charge',
    connect: true,
    handler: (ctx, { charge }) => {
      const p = parseParams(captureParams, ctx.params);
      const fee = p.application_fee_amount ?? p.application_fee;
      const captured = captureCharge(ctx, charge, {
        ...(p.amount !== undefined ? { amount: p.amount } : {}),
        ...(fee !== undefined ? { application_fee_amount: fee } : {}),
        ...(p.receipt_email !== undefined ? { receipt_email: p.receipt_email } : {}),
        ...(p.statement_descriptor !== undefined ? { statement_descriptor: p.statement_descriptor } : {}),
        ...(p.statement_descriptor_suffix !== undefined ? { statement_descriptor_suffix: p.statement_descriptor_suffix } : {}),
        ...(p.transfer_data?.amount !== undefined ? { transfer_data: { amount: p.transfer_data.amount } } : {}),
        ...(p.transfer_group !== undefined ? { transfer_group: p.transfer_group } : {}),
      });
      return expandObject(ctx, renderCharge(ctx.world, captured), p.expand);
    },
  },
];
