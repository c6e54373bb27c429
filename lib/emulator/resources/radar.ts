// Radar: early fraud warnings (read-only, raised by card issuers) and reviews (list, retrieve,
// approve). Both hang off a charge, and belong to whoever owns that charge: the platform, or a
// connected account for direct charges (read with the Stripe-Account header).
//
// Stripe gives no API to create either: issuers raise warnings and Radar opens reviews. The
// emulator makes them through `createEarlyFraudWarning` and `openReview` (the demo seeder and
// any charge flow that should raise one call these), under the same rules as Stripe's objects.
import type Stripe from 'stripe';
import { invalidRequest, noSuch, paramError } from '../core/errors';
import { cryptoRandom, makeId, type RandomSource } from '../core/ids';
import { EXPAND_ONLY, hash, listParams, parseParams, rangeFilter, str } from '../core/params';
import type { Ctx, Route } from '../core/router';
import type { World } from '../core/world';
import { expandObject, listResponse, registerExpandable, registerResolver } from './shared';

registerExpandable('radar.early_fraud_warning', ['charge', 'payment_intent']);
registerExpandable('review', ['charge', 'payment_intent']);

export const FRAUD_TYPES = [
  'card_never_received',
  'fraudulent_card_application',
  'made_with_counterfeit_card',
  'made_with_lost_card',
  'made_with_stolen_card',
  'misc',
  'unauthorized_use_of_card',
] as const;
export type FraudType = (typeof FRAUD_TYPES)[number];

export const OPENED_REASONS = ['rule', 'manual'] as const;
export type OpenedReason = (typeof OPENED_REASONS)[number];

const idOf = (v: string | { id: string } | null | undefined): string | null => (v == null ? null : typeof v === 'string' ? v : v.id);

/** Whose objects a charge's warnings and reviews are: 'platform' or the connected account. */
function ownerOfCharge(world: World, chargeId: string): string {
  return world.chargeOwner.get(chargeId) ?? 'platform';
}

const ownerOf = (ctx: Ctx) => ctx.stripeAccount ?? 'platform';

function requireCharge(world: World, id: string): Stripe.Charge {
  const charge = world.charges.get(id);
  if (!charge) throw invalidRequest(`No such charge: '${id}'`, { param: 'charge', code: 'resource_missing' }, 400);
  return charge;
}

// ---------------------------------------------------------------------------------------------
// Early fraud warnings

/**
 * An early fraud warning as Stripe answers it. `actionable` also follows the charge: a warning
 * stops being actionable once its charge is fully refunded or disputed.
 */
export function renderEarlyFraudWarning(world: World, efw: Stripe.Radar.EarlyFraudWarning): Stripe.Radar.EarlyFraudWarning {
  const charge = world.charges.get(idOf(efw.charge) ?? '');
  const settled = charge ? charge.refunded || charge.disputed : false;
  return settled && efw.actionable ? { ...efw, actionable: false } : efw;
}

export interface NewEarlyFraudWarning {
  charge: string;
  fraud_type: FraudType | string;
  /** Defaults to true; must be false for a charge already fully refunded or disputed. */
  actionable?: boolean;
  /** Defaults to the charge's creation time; cannot be earlier. */
  created?: number;
}

/** Raises an early fraud warning on a charge in `world`, as a card issuer does. One per charge. */
export function createEarlyFraudWarning(world: World, p: NewEarlyFraudWarning, opts: { random?: RandomSource } = {}): Stripe.Radar.EarlyFraudWarning {
  const charge = requireCharge(world, p.charge);
  if (!(FRAUD_TYPES as readonly string[]).includes(p.fraud_type)) {
    throw paramError(`Invalid fraud_type: must be one of ${FRAUD_TYPES.join(', ')}`, 'fraud_type');
  }
  if (charge.payment_method_details && charge.payment_method_details.type !== 'card') {
    throw invalidRequest(`Early fraud warnings exist for card payments only; charge '${charge.id}' was paid with ${charge.payment_method_details.type}.`, { param: 'charge' });
  }
  if (!charge.paid) throw invalidRequest(`Charge '${charge.id}' was not paid: card issuers only warn about payments that went through.`, { param: 'charge' });
  const existing = world.earlyFraudWarnings.values().find((e) => idOf(e.charge) === charge.id);
  if (existing) throw invalidRequest(`Charge '${charge.id}' already has an early fraud warning (${existing.id}).`, { param: 'charge' });
  const created = p.created ?? charge.created;
  if (created < charge.created) throw invalidRequest(`An early fraud warning cannot be created before its charge (${charge.created}).`, { param: 'created' });
  const actionable = p.actionable ?? true;
  if (actionable && (charge.refunded || charge.disputed)) {
    throw invalidRequest(`An early fraud warning on a charge that is fully refunded or disputed is not actionable; pass actionable: false.`, { param: 'actionable' });
  }
  const paymentIntent = idOf(charge.payment_intent);
  const efw: Stripe.Radar.EarlyFraudWarning = {
    id: makeId('issfr', opts.random ?? cryptoRandom),
    object: 'radar.early_fraud_warning',
    actionable,
    charge: charge.id,
    created,
    fraud_type: p.fraud_type,
    livemode: world.mode === 'live',
    ...(paymentIntent ? { payment_intent: paymentIntent } : {}),
  };
  world.earlyFraudWarnings.insert(efw);
  return efw;
}

function requireEfw(ctx: Ctx, id: string): Stripe.Radar.EarlyFraudWarning {
  const efw = ctx.world.earlyFraudWarnings.get(id);
  if (!efw || ownerOfCharge(ctx.world, idOf(efw.charge) ?? '') !== ownerOf(ctx)) throw noSuch('early fraud warning', id);
  return renderEarlyFraudWarning(ctx.world, efw);
}

const listEfwParams = hash({
  ...listParams,
  charge: str({ max: 5000 }).optional(),
  payment_intent: str({ max: 5000 }).optional(),
  created: rangeFilter().optional(),
});

// ---------------------------------------------------------------------------------------------
// Reviews

export interface NewReview {
  charge: string;
  opened_reason: OpenedReason | string;
  /** Why the review is open: for an open review, the same as `opened_reason` (the default). */
  reason?: string;
  /** Defaults to the charge's creation time; cannot be earlier. */
  created?: number;
  ip_address?: string | null;
  ip_address_location?: Stripe.Review.IpAddressLocation | null;
  session?: Stripe.Review.Session | null;
}

/** Opens a review on a charge in `world`, as Radar does (a rule) or a team member (manual). One per charge. */
export function openReview(world: World, p: NewReview, opts: { random?: RandomSource } = {}): Stripe.Review {
  const charge = requireCharge(world, p.charge);
  if (!(OPENED_REASONS as readonly string[]).includes(p.opened_reason)) {
    throw paramError(`Invalid opened_reason: must be one of ${OPENED_REASONS.join(', ')}`, 'opened_reason');
  }
  const reason = p.reason ?? p.opened_reason;
  if (reason !== p.opened_reason) {
    throw invalidRequest(`An open review's reason is the reason it was opened ('${p.opened_reason}'), not '${reason}'.`, { param: 'reason' });
  }
  const existing = world.reviews.values().find((r) => idOf(r.charge) === charge.id) ?? (charge.review ? world.reviews.get(idOf(charge.review) ?? '') : undefined);
  if (existing) throw invalidRequest(`Charge '${charge.id}' already has a review (${existing.id}).`, { param: 'charge' });
  const created = p.created ?? charge.created;
  if (created < charge.created) throw invalidRequest(`A review cannot be opened before its charge (${charge.created}).`, { param: 'created' });
  const paymentIntent = idOf(charge.payment_intent);
  const review: Stripe.Review = {
    id: makeId('prv', opts.random ?? cryptoRandom),
    object: 'review',
    billing_zip: charge.billing_details?.address?.postal_code ?? null,
    charge: charge.id,
    closed_reason: null,
    created,
    ip_address: p.ip_address ?? null,
    ip_address_location: p.ip_address_location ?? { city: null, country: null, latitude: null, longitude: null, region: null },
    livemode: world.mode === 'live',
    open: true,
    opened_reason: p.opened_reason,
    ...(paymentIntent ? { payment_intent: paymentIntent } : {}),
    reason,
    session: p.session ?? { browser: null, device: null, platform: null, version: null },
  };
  world.reviews.insert(review);
  // The charge names its review, as on Stripe.
  world.charges.put({ ...charge, review: review.id });
  return review;
}

function requireReview(ctx: Ctx, id: string, param = 'id'): Stripe.Review {
  const review = ctx.world.reviews.get(id);
  if (!review || ownerOfCharge(ctx.world, idOf(review.charge) ?? '') !== ownerOf(ctx)) throw noSuch('review', id, param);
  return review;
}

// A charge's `review` expands in the store the request reads (its Stripe-Account's, or the platform's).
registerResolver('prv', (ctx, id) => requireReview(ctx, id, 'expand'));

/** Approves an open review: it closes, and leaves the list of reviews. */
export function approveReview(world: World, review: Stripe.Review): Stripe.Review {
  if (!review.open) {
    throw invalidRequest(`This review is already closed (closed_reason: ${review.closed_reason ?? 'unknown'}); only an open review can be approved.`);
  }
  const next: Stripe.Review = { ...review, open: false, closed_reason: 'approved', reason: 'approved' };
  world.reviews.put(next);
  return next;
}

const listReviewParams = hash({ ...listParams, created: rangeFilter().optional() });

export const radarRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/radar/early_fraud_warnings',
    params: listEfwParams,
    connect: true,
    handler: (ctx) => {
      const p = parseParams(listEfwParams, ctx.params);
      // Both filters may be given: a warning must then match both.
      const owner = ownerOf(ctx);
      const items = ctx.world.earlyFraudWarnings
        .newestFirst(
          (e) =>
            ownerOfCharge(ctx.world, idOf(e.charge) ?? '') === owner &&
            (p.charge === undefined || idOf(e.charge) === p.charge) &&
            (p.payment_intent === undefined || idOf(e.payment_intent) === p.payment_intent),
        );
      return listResponse(ctx, items, p, '/v1/radar/early_fraud_warnings', (e) => renderEarlyFraudWarning(ctx.world, e));
    },
  },
  {
    method: 'GET',
    pattern: '/v1/radar/early_fraud_warnings/:early_fraud_warning',
    params: EXPAND_ONLY,
    connect: true,
    handler: (ctx, { early_fraud_warning: id }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, requireEfw(ctx, id), p.expand);
    },
  },
  {
    // Stripe lists only the reviews that are open.
    method: 'GET',
    pattern: '/v1/reviews',
    connect: true,
    params: listReviewParams,
    handler: (ctx) => {
      const p = parseParams(listReviewParams, ctx.params);
      const owner = ownerOf(ctx);
      const items = ctx.world.reviews.newestFirst((r) => r.open && ownerOfCharge(ctx.world, idOf(r.charge) ?? '') === owner);
      return listResponse(ctx, items, p, '/v1/reviews');
    },
  },
  {
    method: 'GET',
    pattern: '/v1/reviews/:review',
    params: EXPAND_ONLY,
    connect: true,
    handler: (ctx, { review }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, requireReview(ctx, review), p.expand);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/reviews/:review/approve',
    params: EXPAND_ONLY,
    object: 'review',
    connect: true,
    handler: (ctx, { review }) => {
      const p = parseParams(EXPAND_ONLY, ctx.params);
      return expandObject(ctx, approveReview(ctx.world, requireReview(ctx, review)), p.expand);
    },
  },
];
