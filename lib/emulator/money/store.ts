// Money state the World has no table for, kept beside it (one per World, so per mode and reset
// with it): the refunds of destination payments (`pyr_`) that transfer reversals make on the
// connected account, charges authorized but not yet captured, and the random source money ids
// are drawn from (seeded by the demo seeder so its ids repeat). Also the platform's Connect
// application (`ca_`), named on application fees.
import type Stripe from 'stripe';
import { cryptoRandom, makeId, type RandomSource } from '../core/ids';
import { Table, type World } from '../core/world';

export function perWorld<T>(make: (world: World) => T): (world: World) => T {
  const map = new WeakMap<World, T>();
  return (world) => {
    let value = map.get(world);
    if (value === undefined) {
      value = make(world);
      map.set(world, value);
    }
    return value;
  };
}

/**
 * Every refund, by charge: refunds of charges (`re_`, POST /v1/refunds) and refunds of
 * destination payments (`pyr_`: each one the connected side of a transfer reversal).
 */
export const paymentRefunds = perWorld((world) => new Table<Stripe.Refund>(world, 'refund', (r) => (typeof r.charge === 'string' ? r.charge : (r.charge?.id ?? ''))));

/** What capturing an authorized charge needs to know that the charge object does not say. */
export interface Authorization {
  /** The balance the charge's funds go to: 'platform' or the connected account of a direct charge. */
  owner: string;
  bypassPending: boolean;
  transferData: { destination: string; amount: number | null; description: string | null } | null;
  applicationFeeAmount: number | null;
  /** Capturing after this moment fails: the authorization has expired (7 days, as for cards). */
  expiresAt: number;
  /** The test card disputes the charge once it is captured (money/disputes.ts). */
  dispute?: 'fraudulent' | 'product_not_received' | 'inquiry';
}

export const authorizations = perWorld(() => new Map<string, Authorization>());

/** Disputes (`dp_`), by charge (money/disputes.ts). */
export const disputes = perWorld((world) => new Table<Stripe.Dispute>(world, 'dispute', (d) => (typeof d.charge === 'string' ? d.charge : d.charge.id)));

/** What the dispute object does not say: whose balance it debits, and when its evidence was submitted. */
export interface DisputeFacts {
  /** The balance the chargeback is debited from: the charge's owner ('platform' for destination charges). */
  owner: string;
  submittedAt: number | null;
}

/** Facts of the disputes not yet closed (the clock looks at these only). */
export const openDisputes = perWorld(() => new Map<string, DisputeFacts>());

const randoms = new WeakMap<World, RandomSource>();

/** Draws the ids of money objects made in `world` from `random` (the demo seeder's generator). */
export function seedMoneyIds(world: World, random: RandomSource): void {
  randoms.set(world, random);
}

/** A new id for a money object of `world`. */
export const moneyId = (world: World, prefix: string): string => makeId(prefix, randoms.get(world) ?? cryptoRandom);

/** The platform's Connect application: the `application` of its application fees. */
export function platformApplication(world: World): Stripe.Application {
  return {
    id: world.mode === 'test' ? 'ca_EmulatorPlatformApplicatn' : 'ca_EmulatorPlatformApplLive',
    object: 'application',
    name: world.platform?.business_profile?.name ?? 'Platform',
  };
}
