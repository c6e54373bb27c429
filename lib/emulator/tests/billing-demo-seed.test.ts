// The demo seed's billing: a share of merchants with subscription schedules in every status, some
// customers on test clocks, some metered items with usage; their invoices paid by charges whose
// application fees are in the platform's fee list; the same on every start.
import type Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedWorlds } from '@/lib/emulator/seed';
import { billing } from '@/lib/emulator/billing/store';
import { collect, FIXED_NOW, emulatorForFile } from './harness';

const h = emulatorForFile({ seed: 'demo', resetEach: false });
const OLD = '2024-06-20';

/** The merchants with schedules, and their schedules (read through the API, with Stripe-Account). */
let byAccount: Map<string, Stripe.SubscriptionSchedule[]>;

beforeAll(async () => {
  byAccount = new Map();
  const world = h.emulator.worlds.test;
  const b = billing(world);
  for (const owner of new Set(b.schedules.values().map((s) => b.owners.get(s.id)!))) {
    byAccount.set(owner, await collect(h.stripe.subscriptionSchedules.list({ limit: 100 }, { stripeAccount: owner })));
  }
});

const all = () => [...byAccount.values()].flat();

describe('demo seed billing', () => {
  it('gives a share of merchants schedules in every status, none on the platform', async () => {
    expect(byAccount.size).toBeGreaterThanOrEqual(8);
    expect(byAccount.has('platform')).toBe(false);
    expect(new Set(all().map((s) => s.status))).toEqual(new Set(['not_started', 'active', 'completed', 'released', 'canceled']));
    expect((await h.stripe.subscriptionSchedules.list()).data).toEqual([]);
    for (const s of all()) expect(s.phases.every((p) => p.application_fee_percent !== null)).toBe(true);
  });

  it('puts some customers on test clocks behind the present, their schedules in the clock’s time', async () => {
    const onClock = all().filter((s) => s.test_clock !== null);
    expect(onClock.length).toBeGreaterThan(0);
    for (const s of onClock) {
      const owner = [...byAccount].find(([, list]) => list.includes(s))![0];
      const clock = await h.stripe.testHelpers.testClocks.retrieve(s.test_clock as string, {}, { stripeAccount: owner });
      expect(clock.status).toBe('ready');
      expect(clock.frozen_time).toBeLessThan(FIXED_NOW);
      expect(s.phases[0].start_date).toBeLessThanOrEqual(clock.frozen_time);
    }
  });

  it('has metered items with usage, billed on past invoices (read at an old version)', async () => {
    let billed = 0;
    for (const [owner, list] of byAccount) {
      for (const s of list) {
        const subId = (s.subscription ?? s.released_subscription) as string | null;
        if (!subId) continue;
        const sub = await h.stripe.subscriptions.retrieve(subId, {}, { stripeAccount: owner });
        const item = sub.items.data.find((i) => i.price.recurring?.usage_type === 'metered');
        if (!item) continue;
        const summaries = (await h.stripe.rawRequest('GET', `/v1/subscription_items/${item.id}/usage_record_summaries?limit=100`, {}, { apiVersion: OLD, stripeAccount: owner })) as { data: { invoice: string | null; total_usage: number }[] };
        billed += summaries.data.filter((x) => x.invoice !== null && x.total_usage > 0).length;
      }
    }
    expect(billed).toBeGreaterThan(3);
  });

  it('pays each invoice with a charge whose fee is in the platform’s application fees list', async () => {
    const fees = await collect(h.stripe.applicationFees.list({ limit: 100 }));
    const [owner, list] = [...byAccount].find(([, l]) => l.some((s) => s.status === 'active' && s.test_clock === null))!;
    const s = list.find((x) => x.status === 'active' && x.test_clock === null)!;
    const invoices = await collect(h.stripe.invoices.list({ subscription: s.subscription as string, limit: 100 }, { stripeAccount: owner }));
    expect(invoices.length).toBeGreaterThan(1);
    expect(invoices.every((i) => i.status === 'paid')).toBe(true);
    const charges = await collect(h.stripe.charges.list({ limit: 100 }, { stripeAccount: owner }));
    const ids = new Set(fees.filter((f) => f.account === owner).map((f) => f.charge));
    const paying = charges.filter((c) => c.description === 'Subscription creation' || c.description === 'Subscription update');
    expect(paying.length).toBeGreaterThanOrEqual(invoices.length);
    expect(paying.every((c) => ids.has(c.id))).toBe(true);
  });

  it('is the same on every start', () => {
    const ids = (now: number) => {
      const b = billing(seedWorlds('demo', now).test);
      return [b.schedules.values().map((s) => `${s.id}:${s.status}`), b.invoices.values().map((i) => `${i.id}:${i.total}`)];
    };
    expect(ids(FIXED_NOW)).toEqual(ids(FIXED_NOW));
  });
});
