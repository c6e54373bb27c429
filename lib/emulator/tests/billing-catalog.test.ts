// Customers, products and prices: create, retrieve, update, list with filters, on the platform and
// on connected accounts (each account has its own), with Stripe's shapes and events, strict params.
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { collect, createEnabled, expectStripeError, FIXED_NOW, STRIPE_FIXTURES, emulatorForFile } from './harness';

const h = emulatorForFile();
const OLD = { apiVersion: '2024-06-20' };

describe('customers, products and prices', () => {
  it('carry every field of Stripe’s samples', async () => {
    const customer = await h.stripe.customers.create({ email: 'jenny@example.com', name: 'Jenny' });
    const product = await h.stripe.products.create({ name: 'Gold' });
    const price = await h.stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 2000, recurring: { interval: 'month' } });
    for (const key of Object.keys(STRIPE_FIXTURES.customer)) expect(customer, key).toHaveProperty(key);
    for (const key of Object.keys(STRIPE_FIXTURES.product)) expect(product, key).toHaveProperty(key);
    for (const key of Object.keys(STRIPE_FIXTURES.price)) expect(price, key).toHaveProperty(key);
    expect(price).toMatchObject({ type: 'recurring', recurring: { interval: 'month', interval_count: 1, usage_type: 'licensed', meter: null }, unit_amount: 2000 });
    expect(String(price.unit_amount_decimal)).toBe('2000');
    expect((await h.stripe.products.retrieve(product.id)).default_price).toBe(price.id);
  });

  it('updates and lists with their filters', async () => {
    const a = await h.stripe.customers.create({ email: 'a@example.com' });
    h.clock += 10;
    const b = await h.stripe.customers.create({ email: 'b@example.com', metadata: { tier: 'gold' } });
    expect((await h.stripe.customers.list()).data.map((c) => c.id)).toEqual([b.id, a.id]);
    expect((await h.stripe.customers.list({ email: 'a@example.com' })).data.map((c) => c.id)).toEqual([a.id]);
    const updated = await h.stripe.customers.update(b.id, { name: 'Bee', metadata: { tier: '', region: 'eu' } });
    expect(updated).toMatchObject({ name: 'Bee', metadata: { region: 'eu' } });

    const product = await h.stripe.products.create({ name: 'Plan' });
    const monthly = await h.stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 1000, recurring: { interval: 'month' } });
    const once = await h.stripe.prices.create({ product_data: { name: 'Setup' }, currency: 'usd', unit_amount: 5000 });
    expect(once).toMatchObject({ type: 'one_time', recurring: null });
    expect((await h.stripe.prices.list({ type: 'one_time' })).data.map((p) => p.id)).toEqual([once.id]);
    expect((await h.stripe.prices.list({ product: product.id })).data.map((p) => p.id)).toEqual([monthly.id]);
    expect((await h.stripe.prices.list({ recurring: { interval: 'month' } })).data.map((p) => p.id)).toEqual([monthly.id]);
    await h.stripe.prices.update(monthly.id, { active: false, nickname: 'Old' });
    expect((await h.stripe.prices.list({ active: true })).data.map((p) => p.id)).toEqual([once.id]);
    await h.stripe.products.update(product.id, { active: false });
    expect((await collect(h.stripe.products.list({ active: false }))).map((p) => p.id)).toEqual([product.id]);
  });

  it('keeps each connected account’s objects apart from the platform’s', async () => {
    const acct = await createEnabled(h.stripe, 'US', 'individual', FIXED_NOW);
    const theirs = await h.stripe.customers.create({ name: 'Theirs' }, { stripeAccount: acct.id });
    await h.stripe.customers.create({ name: 'Ours' });
    expect((await h.stripe.customers.list({}, { stripeAccount: acct.id })).data.map((c) => c.id)).toEqual([theirs.id]);
    await expectStripeError(h.stripe.customers.retrieve(theirs.id), { status: 404, code: 'resource_missing', message: `No such customer: '${theirs.id}'` });
    const product = await h.stripe.products.create({ name: 'P' }, { stripeAccount: acct.id });
    await expectStripeError(h.stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 1 }), { status: 400, param: 'product', code: 'resource_missing' });
  });

  it('puts a customer on a test clock of the same owner, at most three', async () => {
    const clock = await h.stripe.testHelpers.testClocks.create({ frozen_time: FIXED_NOW });
    const c = await h.stripe.customers.create({ test_clock: clock.id });
    expect(c.test_clock).toBe(clock.id);
    expect((await h.stripe.customers.list({ test_clock: clock.id })).data.map((x) => x.id)).toEqual([c.id]);
    await h.stripe.customers.create({ test_clock: clock.id });
    await h.stripe.customers.create({ test_clock: clock.id });
    await expectStripeError(h.stripe.customers.create({ test_clock: clock.id }), { status: 400, param: 'test_clock' });
    await expectStripeError(h.stripe.customers.create({ test_clock: 'clock_nope' }), { status: 400, param: 'test_clock', code: 'resource_missing' });
  });

  it('makes metered prices only before 2025-03-31.basil (legacy usage-based billing)', async () => {
    const product = await h.stripe.products.create({ name: 'API calls' });
    const metered = await h.stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 5, recurring: { interval: 'month', usage_type: 'metered' } }, OLD);
    expect(metered.recurring).toMatchObject({ usage_type: 'metered', meter: null });
    await expectStripeError(h.stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 5, recurring: { interval: 'month', usage_type: 'metered' } }), {
      status: 400,
      param: 'recurring[meter]',
      message: /2025-03-31\.basil/,
    });
  });

  it('refuses unknown parameters, naming them', async () => {
    await expectStripeError(h.stripe.customers.create({ nope: 1 } as unknown as Stripe.CustomerCreateParams), { status: 400, code: 'parameter_unknown', param: 'nope' });
    await expectStripeError(h.stripe.prices.create({ currency: 'usd', unit_amount: 1, product_data: { name: 'x', color: 'red' } } as unknown as Stripe.PriceCreateParams), {
      status: 400,
      code: 'parameter_unknown',
      param: 'product_data[color]',
    });
  });

  it('makes customer, product and price events', async () => {
    const c = await h.stripe.customers.create({ name: 'E' });
    await h.stripe.customers.update(c.id, { name: 'F' });
    await h.stripe.prices.create({ product_data: { name: 'P' }, currency: 'usd', unit_amount: 100 });
    const types = (await h.stripe.events.list({ limit: 20 })).data.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['customer.created', 'customer.updated', 'product.created', 'price.created']));
  });
});
