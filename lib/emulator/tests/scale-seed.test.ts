// The scale seed (EMULATOR_SEED=scale), small here (4,800 accounts: 20 times the demo, so its
// money on one merchant in 20 is the demo's in size): the demo's spread of types,
// countries and states in proportion, the same on every build and the same objects as validating
// every parameter in full, its money in proportion with every balance the sum of its transactions,
// and a list the SDK pages through whole, each account once and in order.
import type Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSdkParams } from '@/lib/emulator/core/params';
import { Table, World } from '@/lib/emulator/core/world';
import { seedWorlds } from '@/lib/emulator/seed';
import { MONEY_EVERY, scaleTestPlan } from '@/lib/emulator/seed/scale';
import { inProportion, SCENARIOS, seedWorld } from '@/lib/emulator/seed/scenarios';
import { FIXED_NOW, collect, emulatorForFile, expectBalancesEqualTransactions } from './harness';

const ACCOUNTS = 4800;
const h = emulatorForFile({ seed: 'scale', scaleAccounts: ACCOUNTS, resetEach: false });
const demo = emulatorForFile({ seed: 'demo', resetEach: false });

let scale: Stripe.Account[];
let demoAccounts: Stripe.Account[];

beforeAll(async () => {
  scale = await collect(h.stripe.accounts.list({ limit: 100 }));
  demoAccounts = await collect(demo.stripe.accounts.list({ limit: 100 }));
});

/** Every table of a world, newest first with each row's order of making, as JSON: what two builds must share. */
function dump(world: World): string {
  const plain = (v: unknown): unknown => {
    if (v instanceof Table) return v.newestFirst().map((o: { id: string }) => [v.seqOf(o.id), o]);
    if (v instanceof Map) return [...v.entries()].map(([k, x]) => [k, plain(x)]);
    if (v instanceof Set) return [...v];
    if (Array.isArray(v)) return v.map(plain);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
    return v;
  };
  return JSON.stringify(plain(world));
}

/** How many of `items` fall in each category, as shares of the whole. */
function shares<T>(items: readonly T[], categories: (t: T) => string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) for (const c of categories(item)) out.set(c, (out.get(c) ?? 0) + 1 / items.length);
  return out;
}

const reason = (a: Stripe.Account) => a.requirements?.disabled_reason ?? 'none';

/** The states an ops reviewer tells apart, one account's. */
function states(a: Stripe.Account): string[] {
  const r = a.requirements;
  const out = [`type ${a.type}`, `country ${a.country}`, `business ${a.business_type ?? 'unset'}`, `reason ${reason(a)}`];
  if (reason(a).startsWith('rejected.')) out.push(reason(a).startsWith('rejected.platform_') ? 'rejected by the platform' : 'rejected by Stripe');
  if (a.charges_enabled && a.payouts_enabled && reason(a) === 'none') out.push('enabled');
  if ((r?.current_deadline ?? 0) > FIXED_NOW && (r?.currently_due?.length ?? 0) > 0) out.push('due with a deadline');
  if ((r?.errors?.length ?? 0) > 0) out.push('verification errors');
  if ((r?.pending_verification?.length ?? 0) > 0) out.push('pending verification');
  if ((a.future_requirements?.currently_due?.length ?? 0) > 0) out.push('future requirements');
  if (!a.details_submitted) out.push('details not submitted');
  if ((a.external_accounts?.data.length ?? 0) > 0) out.push('has a payout destination');
  if (a.external_accounts?.data.some((e) => e.object === 'card')) out.push('has a debit card');
  for (const s of Object.values(a.capabilities ?? {})) out.push(`capability ${s}`);
  return out;
}

describe('scale seed', () => {
  it('makes the number of accounts asked, the same ids and objects on every build', () => {
    expect(scale).toHaveLength(ACCOUNTS);
    const a = seedWorlds('scale', FIXED_NOW, { scaleAccounts: ACCOUNTS });
    const b = seedWorlds('scale', FIXED_NOW, { scaleAccounts: ACCOUNTS });
    expect(dump(a.test)).toEqual(dump(b.test));
    expect(dump(a.live)).toEqual(dump(b.live));
    expect(a.test.accounts.newestFirst().map((x) => x.id)).toEqual(scale.map((x) => x.id));
  });

  it('scales every scenario in proportion for any size, the counts adding up to the size', () => {
    const whole = SCENARIOS.reduce((sum, x) => sum + x.count, 0);
    for (const total of [1000, 1001, 4799, 33_333, 100_000]) {
      const scaled = inProportion(SCENARIOS, total);
      expect(scaled.reduce((sum, x) => sum + x.count, 0)).toBe(total);
      for (const [i, x] of scaled.entries()) expect(Math.abs(x.count - (SCENARIOS[i].count * total) / whole)).toBeLessThan(1);
    }
  });

  it('makes exactly the objects it would make validating every parameter in full', () => {
    const build = (parse?: typeof parseSdkParams) => {
      const world = new World('test');
      seedWorld(world, FIXED_NOW, scaleTestPlan(1000, parse));
      return dump(world);
    };
    expect(build()).toEqual(build(parseSdkParams));
  });

  it('pages through every account once, newest first, as the unpaged order; and back again', async () => {
    const unpaged = h.emulator.worlds.test.accounts.newestFirst().map((a) => a.id);
    const paged = scale.map((a) => a.id);
    expect(new Set(paged).size).toBe(ACCOUNTS);
    expect(paged).toEqual(unpaged);
    const created = scale.map((a) => a.created ?? 0);
    expect([...created].sort((x, y) => y - x)).toEqual(created);
    // Backward from the oldest, with ending_before, and within a created window.
    const backward: string[] = [];
    let page = await h.stripe.accounts.list({ limit: 100, ending_before: paged[paged.length - 1] });
    for (;;) {
      backward.unshift(...page.data.map((a) => a.id));
      if (!page.has_more) break;
      page = await h.stripe.accounts.list({ limit: 100, ending_before: page.data[0].id });
    }
    expect(backward).toEqual(paged.slice(0, -1));
    const window = { gte: created[2000], lt: created[500] };
    const inWindow = await collect(h.stripe.accounts.list({ limit: 100, created: window }));
    expect(inWindow.map((a) => a.id)).toEqual(scale.filter((a) => (a.created ?? 0) >= window.gte && (a.created ?? 0) < window.lt).map((a) => a.id));
  });

  it('has every type, country and state of the demo, in the demo’s proportions', () => {
    const want = shares(demoAccounts, states);
    const got = shares(scale, states);
    for (const [state, share] of want) {
      // The demo's shares are themselves draws from 240 accounts: close, not equal.
      expect(got.get(state) ?? 0, state).toBeGreaterThan(share * 0.6 - 0.01);
      expect(got.get(state) ?? 0, state).toBeLessThan(share * 1.4 + 0.01);
    }
    for (const r of ['rejected.platform_fraud', 'rejected.platform_terms_of_service', 'rejected.platform_other', 'rejected.fraud', 'rejected.terms_of_service', 'rejected.listed', 'requirements.past_due', 'requirements.pending_verification', 'action_required.requested_capabilities']) {
      expect(got.get(`reason ${r}`) ?? 0, r).toBeGreaterThan(0);
    }
    for (const s of ['active', 'inactive', 'pending']) expect(got.get(`capability ${s}`) ?? 0).toBeGreaterThan(0);
  });

  it('gives companies their persons and accounts their payout destinations in the demo’s share', () => {
    const per = (w: World) => ({ persons: w.persons.size / w.accounts.size, external: w.externalAccounts.size / w.accounts.size });
    const s = per(h.emulator.worlds.test);
    const d = per(demo.emulator.worlds.test);
    expect(s.persons).toBeGreaterThan(d.persons * 0.85);
    expect(s.persons).toBeLessThan(d.persons * 1.15);
    expect(s.external).toBeGreaterThan(d.external * 0.85);
    expect(s.external).toBeLessThan(d.external * 1.15);
  });
});

describe('scale seed money', () => {
  /** The money of a world, per merchant that has a history. */
  function money(w: World) {
    const sellers = new Set(w.charges.values().map((c) => (typeof c.transfer_data?.destination === 'string' ? c.transfer_data.destination : (w.chargeOwner.get(c.id) ?? 'platform'))));
    sellers.delete('platform');
    const transfers = w.transfers.values();
    const fees = w.applicationFees.values();
    return {
      sellers: sellers.size,
      chargesPerSeller: w.charges.size / sellers.size,
      reversedShare: transfers.filter((t) => t.amount_reversed > 0).length / transfers.length,
      refundedShare: fees.filter((f) => f.amount_refunded > 0).length / fees.length,
      warningsPerSeller: w.earlyFraudWarnings.size / sellers.size,
    };
  }

  it('has a history on one merchant in MONEY_EVERY, shaped as the demo’s', () => {
    const s = money(h.emulator.worlds.test);
    const d = money(demo.emulator.worlds.test);
    expect(s.sellers).toBeGreaterThan((d.sellers * (ACCOUNTS / 240) * 0.7) / MONEY_EVERY);
    expect(s.sellers).toBeLessThan((d.sellers * (ACCOUNTS / 240) * 1.3) / MONEY_EVERY);
    for (const k of ['chargesPerSeller', 'reversedShare', 'refundedShare', 'warningsPerSeller'] as const) {
      expect(s[k], k).toBeGreaterThan(d[k] * 0.5);
      expect(s[k], k).toBeLessThan(d[k] * 1.5);
    }
  });

  it('has transfers partly and fully reversed, fees partly and fully refunded, warnings and reviews open and approved, top-ups in every status', async () => {
    const transfers = await collect(h.stripe.transfers.list({ limit: 100 }));
    expect(transfers.some((t) => t.reversed)).toBe(true);
    expect(transfers.some((t) => !t.reversed && t.amount_reversed > 0)).toBe(true);
    expect(transfers.some((t) => t.source_transaction === null)).toBe(true);
    const fees = await collect(h.stripe.applicationFees.list({ limit: 100 }));
    expect(fees.some((f) => f.refunded)).toBe(true);
    expect(fees.some((f) => !f.refunded && f.amount_refunded > 0)).toBe(true);
    const w = h.emulator.worlds.test;
    expect(w.earlyFraudWarnings.size).toBeGreaterThan(0);
    expect(w.reviews.values().some((r) => r.open)).toBe(true);
    expect(w.reviews.values().some((r) => !r.open && r.closed_reason === 'approved')).toBe(true);
    const topups = await collect(h.stripe.topups.list({ limit: 100 }));
    expect(new Set(topups.map((t) => t.status))).toEqual(new Set(['succeeded', 'pending', 'failed', 'canceled']));
  });

  it('keeps every balance equal to the sum of its balance transactions', async () => {
    const w = h.emulator.worlds.test;
    const sellers = [...new Set(w.transfers.values().map((t) => String(t.destination)))].slice(0, 12);
    await expectBalancesEqualTransactions(h.stripe, [null, ...sellers]);
  });
});
