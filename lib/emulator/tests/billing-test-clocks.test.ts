// Test clocks with billing: a customer on a clock lives in the clock's time; advancing the clock
// moves its schedules, subscriptions, invoices and charges forward period by period (each period
// start billed, each phase fee collected), with their events; the clock is `advancing` until its
// objects have moved, then `ready`; with subscriptions it advances at most two intervals at once.
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { collect, createEnabled, expectStripeError, FIXED_NOW, emulatorForFile } from './harness';

const h = emulatorForFile();
const DAY = 86400;
const FROZEN = FIXED_NOW - 400 * DAY;
const monthAfter = (ts: number) => {
  const d = new Date(ts * 1000);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.getTime() / 1000;
};

describe('test clocks with subscription schedules', () => {
  it('moves a connected account’s schedule through its phases as the clock advances: invoices, charges, fees and events', async () => {
    const acct = await createEnabled(h.stripe, 'US', 'individual', FIXED_NOW);
    const as = { stripeAccount: acct.id };
    const clock = await h.stripe.testHelpers.testClocks.create({ frozen_time: FROZEN, name: 'Rehearsal' }, as);
    const customer = await h.stripe.customers.create({ name: 'Rehearsal', test_clock: clock.id }, as);
    const price = await h.stripe.prices.create({ product_data: { name: 'Pro' }, currency: 'usd', unit_amount: 5000, recurring: { interval: 'month' } }, as);
    const s = await h.stripe.subscriptionSchedules.create(
      {
        customer: customer.id,
        start_date: FROZEN + DAY,
        end_behavior: 'cancel',
        phases: [
          { items: [{ price: price.id, quantity: 1 }], duration: { interval: 'month' }, application_fee_percent: 10 },
          { items: [{ price: price.id, quantity: 2 }], duration: { interval: 'month', interval_count: 2 }, application_fee_percent: 20 },
        ],
      },
      as,
    );
    // The schedule lives in the clock's time: it starts a day after the clock's frozen time, not now.
    expect(s).toMatchObject({ status: 'not_started', test_clock: clock.id, created: FROZEN });
    expect(customer.created).toBe(FROZEN);
    const events = new Set<string>();
    const note = async () => (await collect(h.stripe.events.list({ limit: 100 }, as))).forEach((e) => events.add(e.type));

    const advancing = await h.stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: FROZEN + 2 * DAY }, as);
    expect(advancing.status).toBe('advancing');
    expect(await h.stripe.testHelpers.testClocks.retrieve(clock.id, {}, as)).toMatchObject({ status: 'ready', frozen_time: FROZEN + 2 * DAY });
    const active = await h.stripe.subscriptionSchedules.retrieve(s.id, {}, as);
    expect(active.status).toBe('active');
    const sub = await h.stripe.subscriptions.retrieve(active.subscription as string, {}, as);
    expect(sub.test_clock).toBe(clock.id);
    expect((await h.stripe.applicationFees.list()).data.map((f) => f.amount)).toEqual([500]);
    await note();

    // At most two intervals (months) at a time while the clock has subscriptions.
    await expectStripeError(h.stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: s.phases[1].end_date }, as), { status: 400, param: 'frozen_time', message: /two intervals/ });
    await h.stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: s.phases[1].start_date + DAY }, as);
    await h.stripe.testHelpers.testClocks.retrieve(clock.id, {}, as);
    expect((await h.stripe.subscriptionSchedules.retrieve(s.id, {}, as)).current_phase?.start_date).toBe(s.phases[1].start_date);
    await note();
    await h.stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: s.phases[1].end_date }, as);
    // Any request after the advance sees the moved objects (the clock finishes at the next tick).
    const done = await h.stripe.subscriptionSchedules.retrieve(s.id, {}, as);
    expect(done).toMatchObject({ status: 'completed', completed_at: s.phases[1].end_date });
    await note();

    const invoices = await collect(h.stripe.invoices.list({ customer: customer.id }, as));
    // Phase 1: one month at 50.00; phase 2: two months at 2 × 50.00.
    expect(invoices.map((i) => [i.total, i.status, i.created])).toEqual([
      [10000, 'paid', monthAfter(s.phases[1].start_date)],
      [10000, 'paid', s.phases[1].start_date],
      [5000, 'paid', s.phases[0].start_date],
    ]);
    expect((await h.stripe.charges.list({}, as)).data.map((c) => c.amount)).toEqual([10000, 10000, 5000]);
    expect((await h.stripe.applicationFees.list()).data.map((f) => f.amount)).toEqual([2000, 2000, 500]);
    expect((await h.stripe.subscriptions.retrieve(sub.id, {}, as)).status).toBe('canceled');
    expect([...events]).toEqual(
      expect.arrayContaining([
        'test_helpers.test_clock.advancing',
        'test_helpers.test_clock.ready',
        'subscription_schedule.updated',
        'subscription_schedule.completed',
        'customer.subscription.created',
        'customer.subscription.deleted',
        'invoice.created',
        'invoice.finalized',
        'invoice.paid',
        'invoice.payment_succeeded',
        'charge.succeeded',
      ]),
    );
    // The platform hears of each fee.
    expect((await h.stripe.events.list({ type: 'application_fee.created' })).data).toHaveLength(3);
  });

  it('leaves objects of other customers (and of no clock) where they are', async () => {
    const clock = await h.stripe.testHelpers.testClocks.create({ frozen_time: FROZEN });
    const onClock = await h.stripe.customers.create({ test_clock: clock.id });
    const offClock = await h.stripe.customers.create({});
    const price = await h.stripe.prices.create({ product_data: { name: 'P' }, currency: 'usd', unit_amount: 1000, recurring: { interval: 'week' } });
    const a = await h.stripe.subscriptionSchedules.create({ customer: onClock.id, phases: [{ items: [{ price: price.id }], duration: { interval: 'week', interval_count: 4 } }] });
    const b = await h.stripe.subscriptionSchedules.create({ customer: offClock.id, phases: [{ items: [{ price: price.id }], duration: { interval: 'week', interval_count: 4 } }] });
    expect(a.current_phase?.start_date).toBe(FROZEN);
    expect(b.current_phase?.start_date).toBe(FIXED_NOW);
    await h.stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: FROZEN + 14 * DAY });
    await h.stripe.testHelpers.testClocks.retrieve(clock.id);
    const invoicesOf = async (c: Stripe.Customer) => (await h.stripe.invoices.list({ customer: c.id })).data.length;
    expect(await invoicesOf(onClock)).toBe(3);
    expect(await invoicesOf(offClock)).toBe(1);
    // A deleted clock's objects stay where it left them; the others follow the emulator's time.
    await h.stripe.testHelpers.testClocks.del(clock.id);
    h.clock += 14 * DAY;
    expect(await invoicesOf(onClock)).toBe(3);
    expect(await invoicesOf(offClock)).toBe(3);
  });
});
