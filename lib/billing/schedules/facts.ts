// Stripe's schedule and price objects turned into the console's phase facts (./phases.ts). The
// schedule's phase items name their prices by id (Stripe expands them only on request, the
// emulator not at all), so the prices come separately, by id. Pure (types only from `stripe`).
import type Stripe from 'stripe';
import { idOf } from '@/lib/stripe/ids';
import type { Interval, PhaseFacts, PriceFacts } from './phases';

export function priceFacts(price: Stripe.Price): PriceFacts {
  const product = typeof price.product === 'object' && price.product && !('deleted' in price.product && price.product.deleted) ? (price.product as Stripe.Product).name : null;
  return {
    id: price.id,
    name: price.nickname ?? product,
    unitAmount: price.unit_amount,
    currency: price.currency,
    interval: (price.recurring?.interval ?? 'month') as Interval,
    intervalCount: price.recurring?.interval_count ?? 1,
    usageType: price.recurring?.usage_type === 'metered' ? 'metered' : 'licensed',
  };
}

/** The ids of every price a schedule's phases name. */
export function schedulePriceIds(schedule: Stripe.SubscriptionSchedule): string[] {
  return [...new Set(schedule.phases.flatMap((phase) => phase.items.map((item) => idOf(item.price as string | { id: string })).filter((id): id is string => id !== null)))];
}

/** The phases with their prices; a price that could not be read is named by its id, with no amount. */
export function phaseFacts(schedule: Stripe.SubscriptionSchedule, prices: Readonly<Record<string, PriceFacts>>): PhaseFacts[] {
  return schedule.phases.map((phase, index) => ({
    index,
    start: phase.start_date,
    end: phase.end_date,
    currency: phase.currency,
    feePercent: phase.application_fee_percent ?? null,
    items: phase.items.map((item) => {
      const id = idOf(item.price as string | { id: string }) ?? 'unknown';
      const price = prices[id] ?? { id, name: null, unitAmount: null, currency: phase.currency, interval: 'month' as const, intervalCount: 1, usageType: 'licensed' as const };
      return { price, quantity: item.quantity ?? null };
    }),
  }));
}
