// Demo billing: one enabled merchant in BILLING_EVERY sells subscriptions to its own customers
// through subscription schedules made with `Stripe-Account`, the platform taking each phase's
// `application_fee_percent`. Between them the schedules are in every status (not_started, active,
// completed, released, canceled); some customers are on test clocks (rehearsals a few weeks behind
// the present); some items are metered, with usage reported every few days. History is made
// through the API's own functions at backdated moments, period by period, so every invoice,
// charge and application fee is one the emulator would have made at that time.
import type Stripe from 'stripe';
import { parseSdkParams } from '../core/params';
import type { World } from '../core/world';
import { tickBilling } from '../billing/engine';
import { billing } from '../billing/store';
import { moneyCtx } from '../money';
import { capabilityStatus } from '../money/common';
import { createCustomer, createCustomerParams } from '../resources/customers';
import { createPrice, createPriceParams, createProduct, createProductParams } from '../resources/prices';
import { cancelSchedule, createSchedule, createScheduleParams } from '../billing/schedules';
import { createUsageRecord } from '../resources/subscriptions';
import { createTestClock } from '../resources/test-clocks';
import { between, pick, type Rng } from './profile';

const DAY = 86_400;

/** One enabled merchant in this many has subscriptions. */
export const BILLING_EVERY = 6;

const PLANS = [
  { name: 'Starter', amount: 1900 },
  { name: 'Growth', amount: 4900 },
  { name: 'Scale', amount: 14900 },
] as const;

const FIRST_NAMES = ['Ava', 'Liam', 'Mia', 'Noah', 'Zoe', 'Omar', 'Ines', 'Kenji', 'Chloé', 'Felix'];

/** The kinds of schedule the demo makes, in turn: together every status, clocks and metering. */
type Kind = 'active' | 'completed' | 'released' | 'canceled' | 'not_started' | 'clock';
const KINDS: readonly Kind[] = ['active', 'completed', 'released', 'canceled', 'not_started', 'clock'];

const CURRENCY: Record<string, string> = { US: 'usd', GB: 'gbp', DE: 'eur', FR: 'eur', CA: 'cad', AU: 'aud', JP: 'jpy' };

export function seedBilling(world: World, rng: Rng, now: number): void {
  const merchants = world.accounts
    .newestFirst((a) => a.type !== 'standard' && (a.created ?? now) < now - 400 * DAY)
    .reverse()
    .filter((a) => capabilityStatus(moneyCtx(world, now), a.id, 'card_payments') === 'active' && !world.accountFacts.get(a.id)!.rejection)
    .filter((_, n) => n % BILLING_EVERY === 0);
  let k = 0;
  for (const account of merchants) {
    const as = (t: number) => moneyCtx(world, t, { stripeAccount: account.id });
    const currency = CURRENCY[account.country ?? 'US'] ?? 'usd';
    const opened = Math.max((account.created ?? now) + 30 * DAY, now - 360 * DAY);
    const product = createProduct(as(opened), parseSdkParams(createProductParams, { name: `${account.business_profile?.name ?? 'Shop'} membership` }));
    const prices = PLANS.map((p) =>
      createPrice(as(opened), parseSdkParams(createPriceParams, { product: product.id, currency, unit_amount: currency === 'jpy' ? Math.round(p.amount / 10) * 10 : p.amount, nickname: p.name, recurring: { interval: 'month' } })),
    );
    const metered = createPrice(as(opened), parseSdkParams(createPriceParams, { product_data: { name: 'API calls' }, currency, unit_amount: currency === 'jpy' ? 3 : 2, nickname: 'API calls', recurring: { interval: 'month', usage_type: 'metered' } }));
    for (let c = 0; c < 2; c++, k++) {
      const kind = KINDS[k % KINDS.length];
      const name = `${pick(rng, FIRST_NAMES)} ${String.fromCharCode(65 + rng(26))}.`;
      const fee = pick(rng, [5, 8, 10, 12]);
      const withUsage = k % 3 === 0;
      const items = (plan: Stripe.Price, quantity: number) => [{ price: plan.id, quantity }, ...(withUsage ? [{ price: metered.id }] : [])];
      const starter = prices[rng(2)];
      const upgrade = prices[2];
      if (kind === 'clock') {
        // A rehearsal: a test clock a few weeks behind, its customer on it, its schedule moved to the clock's time.
        const frozen = now - between(rng, 60, 90) * DAY;
        const clock = createTestClock(as(now), { frozen_time: frozen, name: `Rehearsal: ${name}` });
        const customer = createCustomer(as(now), parseSdkParams(createCustomerParams, { name, email: `rehearsal+${k}@example.com`, test_clock: clock.id }));
        const s = createSchedule(
          as(now),
          parseSdkParams(createScheduleParams, { customer: customer.id, end_behavior: 'release', phases: [{ items: items(starter, 1), iterations: 1, application_fee_percent: fee }, { items: items(upgrade, 1), iterations: 3, application_fee_percent: fee }] }),
        );
        const target = frozen + between(rng, 35, 55) * DAY;
        if (withUsage) recordUsage(world, account.id, s, frozen, target, rng);
        moveClock(world, clock.id, target);
        continue;
      }
      const start = kind === 'not_started' ? now + between(rng, 3, 20) * DAY : between(rng, opened, now - 150 * DAY);
      const made = Math.min(start, now) - between(rng, 1, 5) * DAY;
      const customer = createCustomer(as(made - DAY), parseSdkParams(createCustomerParams, { name, email: `customer+${k}@example.com` }));
      const phases =
        kind === 'completed' || kind === 'released'
          ? [{ items: items(starter, 1), iterations: 2, application_fee_percent: fee }, { items: items(upgrade, 1), iterations: 2, application_fee_percent: fee - 2 }]
          : [
              { items: items(starter, between(rng, 1, 3)), iterations: 3, application_fee_percent: fee },
              { items: items(upgrade, 1), iterations: 12, application_fee_percent: fee - 2 },
            ];
      const s = createSchedule(
        as(made),
        parseSdkParams(createScheduleParams, { customer: customer.id, start_date: start, end_behavior: kind === 'completed' ? 'cancel' : 'release', metadata: { plan: 'membership' }, phases }),
      );
      if (kind === 'not_started') continue;
      const end = kind === 'canceled' ? between(rng, start + 40 * DAY, now - 10 * DAY) : now;
      if (withUsage) recordUsage(world, account.id, s, start, end, rng);
      tickBilling(world, end);
      if (kind === 'canceled') cancelSchedule(as(end), s.id, { invoice_now: true });
    }
  }
  tickBilling(world, now);
}

/** A test clock's objects moved to `t`, and the clock with them (as an advance does). */
function moveClock(world: World, clock: string, t: number): void {
  tickBilling(world, t, clock);
  world.testClocks.put({ ...world.testClocks.get(clock)!, frozen_time: t });
}

/** The metered item of a schedule's subscription now, if it has one. */
function meteredItem(world: World, scheduleId: string): string | null {
  const b = billing(world);
  const s = b.schedules.get(scheduleId);
  const sub = s?.subscription ?? s?.released_subscription;
  const subscription = sub ? b.subscriptions.get(typeof sub === 'string' ? sub : sub.id) : undefined;
  return subscription?.items.data.find((i) => i.price.recurring?.usage_type === 'metered')?.id ?? null;
}

/** Usage every few days from `from` to `to`, billing moved along with it (records must fall in the current period). */
function recordUsage(world: World, account: string, s: Stripe.SubscriptionSchedule, from: number, to: number, rng: Rng): void {
  const clock = typeof s.test_clock === 'string' ? s.test_clock : undefined;
  for (let t = from + DAY; t < to; t += between(rng, 2, 6) * DAY) {
    if (clock) moveClock(world, clock, t);
    else tickBilling(world, t);
    const item = meteredItem(world, s.id);
    if (!item) continue;
    const sub = billing(world).subscriptions.get(billing(world).itemSubscription.get(item)!);
    if (!sub || sub.status === 'canceled') continue;
    createUsageRecord(moneyCtx(world, t, { stripeAccount: account }), item, { quantity: between(rng, 50, 2000), timestamp: t });
  }
}
