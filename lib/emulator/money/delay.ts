// When card funds become available: `settings.payouts.schedule.delay_days` after the payment, on
// the balance of whoever the funds land on (a direct charge's account; a destination charge's
// destination, for its payment). Stripe: "The number of days charge funds are held before being
// paid out. May also be set to `minimum`, representing the lowest available value for the account
// country. Default is `minimum`." (the SDK's AccountUpdateParams; docs.stripe.com/connect/manage-payout-schedule).
import { PLATFORM, type Owner } from '../core/ledger';
import type { World } from '../core/world';

const DAY = 86_400;

/**
 * `delay_days` when not set, and what `minimum` stands for: 2 days, the US's (Stripe's US
 * standard). Taken for every country here (our model; Stripe's minimum varies by country).
 */
export const MINIMUM_DELAY_DAYS = 2;

/** Seconds from a card payment to its funds being available on `owner`'s balance (the platform: two days). */
export function cardFundsDelay(world: World, owner: Owner): number {
  if (owner === PLATFORM) return MINIMUM_DELAY_DAYS * DAY;
  const days = world.accounts.get(owner)?.settings?.payouts?.schedule?.delay_days;
  return (typeof days === 'number' ? days : MINIMUM_DELAY_DAYS) * DAY;
}
