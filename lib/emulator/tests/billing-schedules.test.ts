// Subscription schedules: create (customer and phases, or from_subscription), retrieve, update,
// list with Stripe's filters, cancel and release (refused once a schedule has ended), and the
// not_started → active → completed / released / canceled transitions driven by the clock; the
// subscription, invoices and charges a schedule makes; a connected account's phase fee arriving
// as an application fee on the platform, refundable there.
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { createEnabled, expectStripeError, FIXED_NOW, STRIPE_FIXTURES, emulatorForFile } from './harness';

const h = emulatorForFile();
const DAY = 86400;

async function monthly(amount = 2000, opts: Stripe.RequestOptions = {}) {
  return h.stripe.prices.create({ product_data: { name: 'Gold' }, currency: 'usd', unit_amount: amount, recurring: { interval: 'month' } }, opts);
}

async function schedule(params: Partial<Stripe.SubscriptionScheduleCreateParams> = {}, opts: Stripe.RequestOptions = {}) {
  const customer = await h.stripe.customers.create({ name: 'Jenny' }, opts);
  const price = await monthly(2000, opts);
  const s = await h.stripe.subscriptionSchedules.create({ customer: customer.id, phases: [{ items: [{ price: price.id, quantity: 1 }], duration: { interval: 'month' } }], ...params } as Stripe.SubscriptionScheduleCreateParams, opts);
  return { customer, price, s };
}

describe('subscription schedules', () => {
  it('starts at once when it starts now: active, its subscription made and the first period paid', async () => {
    const { customer, s } = await schedule();
    expect(s).toMatchObject({ status: 'active', customer: customer.id, current_phase: { start_date: FIXED_NOW } });
    for (const key of Object.keys(STRIPE_FIXTURES.subscription_schedule)) expect(s, key).toHaveProperty(key);
    const sub = await h.stripe.subscriptions.retrieve(s.subscription as string);
    for (const key of Object.keys(STRIPE_FIXTURES.subscription)) expect(sub, key).toHaveProperty(key);
    expect(sub).toMatchObject({ status: 'active', schedule: s.id, customer: customer.id });
    const item = sub.items.data[0];
    expect(item.id).toMatch(/^si_/);
    for (const key of Object.keys(STRIPE_FIXTURES.subscription_item)) expect(item, key).toHaveProperty(key);
    expect(item).toMatchObject({ current_period_start: FIXED_NOW, quantity: 1 });
    expect((await h.stripe.subscriptionItems.retrieve(item.id)).id).toBe(item.id);
    const invoice = await h.stripe.invoices.retrieve(sub.latest_invoice as string);
    for (const key of Object.keys(STRIPE_FIXTURES.invoice)) expect(invoice, key).toHaveProperty(key);
    expect(invoice).toMatchObject({ status: 'paid', total: 2000, amount_paid: 2000, billing_reason: 'subscription_create', customer: customer.id });
    expect(invoice.lines.data[0]).toMatchObject({ amount: 2000, quantity: 1 });
    for (const key of Object.keys(STRIPE_FIXTURES.line_item)) expect(invoice.lines.data[0], key).toHaveProperty(key);
    // Expansions name the customer, the subscription and its latest invoice.
    const expanded = await h.stripe.subscriptionSchedules.retrieve(s.id, { expand: ['customer', 'subscription.latest_invoice'] });
    expect((expanded.customer as Stripe.Customer).id).toBe(customer.id);
    expect(((expanded.subscription as Stripe.Subscription).latest_invoice as Stripe.Invoice).id).toBe(invoice.id);
    await expectStripeError(h.stripe.subscriptionSchedules.retrieve(s.id, { expand: ['phases'] }), { status: 400, param: 'expand' });
    const charges = await h.stripe.charges.list();
    expect(charges.data.map((c) => c.amount)).toEqual([2000]);
  });

  it('waits in not_started until its start_date, then the clock makes it active, then released at the end', async () => {
    const { s } = await schedule({ start_date: FIXED_NOW + 10 * DAY });
    expect(s).toMatchObject({ status: 'not_started', subscription: null, current_phase: null });
    expect((await h.stripe.subscriptionSchedules.list({ scheduled: true })).data.map((x) => x.id)).toEqual([s.id]);
    h.clock += 10 * DAY;
    const active = await h.stripe.subscriptionSchedules.retrieve(s.id);
    expect(active).toMatchObject({ status: 'active', current_phase: { start_date: FIXED_NOW + 10 * DAY } });
    h.clock = active.phases[0].end_date;
    const released = await h.stripe.subscriptionSchedules.retrieve(s.id);
    expect(released).toMatchObject({ status: 'released', released_at: active.phases[0].end_date, released_subscription: active.subscription, subscription: null });
    // The released subscription renews on its own.
    const sub = await h.stripe.subscriptions.retrieve(active.subscription as string);
    expect(sub).toMatchObject({ status: 'active', schedule: null });
    expect((await h.stripe.invoices.list({ subscription: sub.id })).data).toHaveLength(2);
    expect((await h.stripe.subscriptionSchedules.list({ released_at: { gte: FIXED_NOW } })).data.map((x) => x.id)).toEqual([s.id]);
  });

  it('moves through its phases and completes with end_behavior cancel, the subscription canceled', async () => {
    const customer = await h.stripe.customers.create({});
    const basic = await monthly(1000);
    const gold = await monthly(3000);
    const s = await h.stripe.subscriptionSchedules.create({
      customer: customer.id,
      end_behavior: 'cancel',
      phases: [
        { items: [{ price: basic.id, quantity: 2 }], duration: { interval: 'month', interval_count: 2 } },
        { items: [{ price: gold.id }], duration: { interval: 'month' } },
      ],
    });
    expect(s.phases.map((p) => [p.start_date, p.end_date])).toEqual([
      [FIXED_NOW, s.phases[0].end_date],
      [s.phases[0].end_date, s.phases[1].end_date],
    ]);
    const types = new Set<string>();
    const note = async () => (await h.stripe.events.list({ limit: 100 })).data.forEach((e) => types.add(e.type));
    await note();
    h.clock = s.phases[1].start_date;
    const second = await h.stripe.subscriptionSchedules.retrieve(s.id);
    await note();
    expect(second.current_phase).toEqual({ start_date: s.phases[1].start_date, end_date: s.phases[1].end_date });
    const sub = await h.stripe.subscriptions.retrieve(s.subscription as string);
    expect(sub.items.data.map((i) => i.price.id)).toEqual([gold.id]);
    h.clock = s.phases[1].end_date;
    const done = await h.stripe.subscriptionSchedules.retrieve(s.id);
    await note();
    expect(done).toMatchObject({ status: 'completed', completed_at: s.phases[1].end_date });
    expect(await h.stripe.subscriptions.retrieve(sub.id)).toMatchObject({ status: 'canceled', ended_at: s.phases[1].end_date });
    const invoices = await h.stripe.invoices.list({ subscription: sub.id });
    expect(invoices.data.map((i) => i.total)).toEqual([3000, 2000, 2000]);
    expect((await h.stripe.subscriptionSchedules.list({ completed_at: { gt: 0 } })).data.map((x) => x.id)).toEqual([s.id]);
    await expectStripeError(h.stripe.subscriptionSchedules.cancel(s.id), { status: 400, message: /currently in the `completed` status/ });
    await expectStripeError(h.stripe.subscriptionSchedules.release(s.id), { status: 400, message: /cannot release a subscription schedule that is currently in the `completed` status/ });
    expect([...types]).toEqual(expect.arrayContaining(['subscription_schedule.created', 'subscription_schedule.updated', 'subscription_schedule.completed', 'customer.subscription.created', 'customer.subscription.updated', 'customer.subscription.deleted', 'invoice.created', 'invoice.paid']));
  });

  it('cancels (not_started and active) and releases, and refuses both once the schedule has ended', async () => {
    const waiting = (await schedule({ start_date: FIXED_NOW + DAY })).s;
    const canceled = await h.stripe.subscriptionSchedules.cancel(waiting.id);
    expect(canceled).toMatchObject({ status: 'canceled', canceled_at: FIXED_NOW });
    const active = (await schedule()).s;
    const c2 = await h.stripe.subscriptionSchedules.cancel(active.id, { invoice_now: false, prorate: false });
    expect(c2.status).toBe('canceled');
    expect((await h.stripe.subscriptions.retrieve(active.subscription as string)).status).toBe('canceled');
    const third = (await schedule()).s;
    const released = await h.stripe.subscriptionSchedules.release(third.id, { preserve_cancel_date: true });
    expect(released).toMatchObject({ status: 'released', released_subscription: third.subscription, subscription: null });
    for (const [id, status] of [[canceled.id, 'canceled'], [released.id, 'released']]) {
      const msg = `You cannot cancel a subscription schedule that is currently in the \`${status}\` status. It must be in \`not_started\` or \`active\`.`;
      await expectStripeError(h.stripe.subscriptionSchedules.cancel(id), { status: 400, message: msg });
      await expectStripeError(h.stripe.subscriptionSchedules.release(id), { status: 400, message: msg.replace('cancel', 'release') });
      await expectStripeError(h.stripe.subscriptionSchedules.update(id, { metadata: { a: 'b' } }), { status: 400, message: /You cannot update/ });
    }
    expect((await h.stripe.subscriptionSchedules.list({ canceled_at: { gte: FIXED_NOW } })).data.map((x) => x.id).sort()).toEqual([canceled.id, c2.id].sort());
  });

  it('is made from a subscription (from_subscription), which it then manages', async () => {
    const { s } = await schedule();
    await h.stripe.subscriptionSchedules.release(s.id);
    const subId = s.subscription as string;
    const migrated = await h.stripe.subscriptionSchedules.create({ from_subscription: subId });
    expect(migrated).toMatchObject({ status: 'active', subscription: subId, end_behavior: 'release' });
    expect(migrated.phases).toHaveLength(1);
    expect((await h.stripe.subscriptions.retrieve(subId)).schedule).toBe(migrated.id);
    await expectStripeError(h.stripe.subscriptionSchedules.create({ from_subscription: subId }), { status: 400, param: 'from_subscription', message: /already attached to a schedule/ });
    await expectStripeError(h.stripe.subscriptionSchedules.create({ from_subscription: subId, customer: 'cus_x' }), { status: 400, param: 'customer' });
  });

  it('takes iterations before 2025-09-30.clover and duration from 2025-07-30.basil', async () => {
    const customer = await h.stripe.customers.create({});
    const price = await monthly();
    const old = { apiVersion: '2025-03-31.basil' };
    const params = { customer: customer.id, phases: [{ items: [{ price: price.id }], iterations: 2 }] } as unknown as Stripe.SubscriptionScheduleCreateParams;
    const s = await h.stripe.subscriptionSchedules.create(params, old);
    expect(s.phases[0].end_date - s.phases[0].start_date).toBeGreaterThan(58 * DAY);
    await expectStripeError(h.stripe.subscriptionSchedules.create(params), { status: 400, code: 'parameter_unknown', param: 'phases[0][iterations]' });
    await expectStripeError(h.stripe.subscriptionSchedules.create({ customer: customer.id, phases: [{ items: [{ price: price.id }], duration: { interval: 'month' } }] }, old), {
      status: 400,
      code: 'parameter_unknown',
      param: 'phases[0][duration]',
    });
  });

  it('updates an active schedule’s later phases, keeping the current phase’s start; lists by customer', async () => {
    const { s, price, customer } = await schedule({ end_behavior: 'release' });
    h.clock += 3 * DAY;
    const dearer = await monthly(5000);
    const next = await h.stripe.subscriptionSchedules.update(s.id, {
      phases: [
        { items: [{ price: price.id, quantity: 1 }], end_date: s.phases[0].end_date },
        { items: [{ price: dearer.id, quantity: 1 }], duration: { interval: 'month' } },
      ],
    });
    expect(next.phases.map((p) => p.start_date)).toEqual([FIXED_NOW, s.phases[0].end_date]);
    await expectStripeError(
      h.stripe.subscriptionSchedules.update(s.id, { phases: [{ items: [{ price: price.id }], start_date: FIXED_NOW + DAY, duration: { interval: 'month' } }] }),
      { status: 400, param: 'phases[0][start_date]', message: /current phase/ },
    );
    h.clock = s.phases[0].end_date;
    const sub = await h.stripe.subscriptions.retrieve(s.subscription as string);
    expect(sub.items.data.map((i) => i.price.id)).toEqual([dearer.id]);
    expect((await h.stripe.subscriptionSchedules.list({ customer: customer.id })).data.map((x) => x.id)).toEqual([s.id]);
    expect((await h.stripe.subscriptionSchedules.list({ customer: 'cus_other' })).data).toEqual([]);
  });

  it('updates phases, end_behavior, default_settings and metadata', async () => {
    const { s, price } = await schedule({ start_date: FIXED_NOW + DAY });
    const next = await h.stripe.subscriptionSchedules.update(s.id, {
      end_behavior: 'cancel',
      default_settings: { description: 'Gold plan' },
      metadata: { plan: 'gold' },
      proration_behavior: 'none',
      phases: [{ items: [{ price: price.id, quantity: 3 }], duration: { interval: 'month', interval_count: 3 } }],
    });
    expect(next).toMatchObject({ end_behavior: 'cancel', metadata: { plan: 'gold' }, default_settings: { description: 'Gold plan' } });
    expect(next.phases[0].items[0].quantity).toBe(3);
    expect(next.phases[0].start_date).toBe(FIXED_NOW + DAY);
  });

  it('on a connected account, bills each period with the phase’s fee as an application fee on the platform, refundable', async () => {
    const acct = await createEnabled(h.stripe, 'US', 'individual', FIXED_NOW);
    const as = { stripeAccount: acct.id };
    const customer = await h.stripe.customers.create({ name: 'Shopper' }, as);
    const price = await monthly(10000, as);
    const s = await h.stripe.subscriptionSchedules.create(
      { customer: customer.id, phases: [{ items: [{ price: price.id }], duration: { interval: 'month' }, application_fee_percent: 10 }, { items: [{ price: price.id }], duration: { interval: 'month' }, application_fee_percent: 5 }] },
      as,
    );
    expect(s.application).toBe('ca_EmulatorPlatformApplicatn');
    const fees = await h.stripe.applicationFees.list();
    expect(fees.data).toHaveLength(1);
    const fee = fees.data[0];
    for (const key of Object.keys(STRIPE_FIXTURES.application_fee)) expect(fee, key).toHaveProperty(key);
    expect(fee).toMatchObject({ amount: 1000, account: acct.id, originating_transaction: null });
    const charge = await h.stripe.charges.retrieve(fee.charge as string, {}, as);
    expect(charge).toMatchObject({ amount: 10000, application_fee: fee.id });
    // From the fee back to its schedule: the account's invoice payments name the charge.
    const payments = await h.stripe.invoicePayments.list({}, as);
    const payment = payments.data.find((x) => x.payment.charge === fee.charge)!;
    for (const key of Object.keys(STRIPE_FIXTURES.invoice_payment)) expect(payment, key).toHaveProperty(key);
    const paid = await h.stripe.invoices.retrieve(payment.invoice as string, { expand: ['payments'] }, as);
    expect(paid.payments?.data.map((x) => x.id)).toEqual([payment.id]);
    const paidSub = await h.stripe.subscriptions.retrieve(paid.parent?.subscription_details?.subscription as string, {}, as);
    expect(paidSub.schedule).toBe(s.id);
    expect((await h.stripe.invoicePayments.retrieve(payment.id, {}, as)).invoice).toBe(paid.id);
    const refund = await h.stripe.applicationFees.createRefund(fee.id, { amount: 400 });
    expect(refund.amount).toBe(400);
    h.clock = s.phases[1].start_date;
    expect((await h.stripe.applicationFees.list()).data.map((f) => f.amount)).toEqual([500, 1000]);
    // The platform's own schedules take no fee.
    const own = await h.stripe.customers.create({});
    await expectStripeError(
      h.stripe.subscriptionSchedules.create({ customer: own.id, phases: [{ items: [{ price: (await monthly()).id }], application_fee_percent: 10 }] }),
      { status: 400, param: 'phases[0][application_fee_percent]' },
    );
  });

  it('refuses unknown parameters, naming them, and unknown ids', async () => {
    const c = await h.stripe.customers.create({});
    await expectStripeError(h.stripe.subscriptionSchedules.create({ customer: c.id, phases: [{ items: [{ price: 'price_x', colour: 'red' }] }] } as unknown as Stripe.SubscriptionScheduleCreateParams), {
      status: 400,
      code: 'parameter_unknown',
      param: 'phases[0][items][0][colour]',
    });
    await expectStripeError(h.stripe.subscriptionSchedules.create({ customer: c.id, phases: [{ items: [{ price: 'price_x' }] }] }), { status: 400, code: 'resource_missing', param: 'phases[0][items][0][price]' });
    const price = await monthly();
    await expectStripeError(h.stripe.subscriptionSchedules.create({ customer: c.id, phases: [{ items: [{ price: price.id }], application_fee_percent: 'lots' as unknown as number }] }), {
      status: 400,
      param: 'phases[0][application_fee_percent]',
      message: 'Invalid decimal: lots',
    });
    await expectStripeError(h.stripe.subscriptionSchedules.create({ customer: 'cus_nope', phases: [{ items: [{ price: price.id }] }] }), { status: 400, code: 'resource_missing', param: 'customer' });
    await expectStripeError(h.stripe.subscriptionSchedules.retrieve('sub_sched_nope'), { status: 404, code: 'resource_missing', message: "No such subscription schedule: 'sub_sched_nope'" });
    await expectStripeError(h.stripe.subscriptionSchedules.cancel('sub_sched_nope', { nope: true } as Stripe.SubscriptionScheduleCancelParams), { status: 400, code: 'parameter_unknown', param: 'nope' });
  });
});
