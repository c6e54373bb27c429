// The demo seed: enough accounts in every state an ops reviewer meets, made through the API's own
// rules (so every one reads back through the SDK), and the same on every start.
import type Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_ACCOUNT_ID, SAMPLE_MONEY } from '@/tests/fixtures/routes';
import { World } from '@/lib/emulator/core/world';
import { payoutFacts, payouts } from '@/lib/emulator/money/payouts';
import { seedWorlds } from '@/lib/emulator/seed';
import { DEMO_TEST, seedWorld } from '@/lib/emulator/seed/scenarios';
import { FIXED_NOW, emulatorForFile, expectBalancesEqualTransactions } from './harness';

const h = emulatorForFile({ seed: 'demo', resetEach: false });
let accounts: Stripe.Account[];

beforeAll(async () => {
  accounts = [];
  for await (const a of h.stripe.accounts.list({ limit: 100 })) accounts.push(a);
});

const reason = (a: Stripe.Account) => a.requirements?.disabled_reason ?? null;

describe('demo seed', () => {
  it('holds more than 200 test-mode accounts of every type and supported country', () => {
    expect(accounts.length).toBeGreaterThanOrEqual(220);
    expect(new Set(accounts.map((a) => a.type))).toEqual(new Set(['custom', 'express', 'standard']));
    expect(new Set(accounts.map((a) => a.country))).toEqual(new Set(['US', 'GB', 'DE', 'FR', 'CA', 'AU', 'JP']));
    expect(new Set(accounts.map((a) => a.id)).size).toBe(accounts.length);
  });

  it('has every state: enabled, due with a deadline, past due, errors, pending verification, rejected, future requirements, not started', () => {
    const count = (f: (a: Stripe.Account) => boolean) => accounts.filter(f).length;
    expect(count((a) => a.charges_enabled && a.payouts_enabled && reason(a) === null)).toBeGreaterThan(80);
    expect(count((a) => (a.requirements?.current_deadline ?? 0) > FIXED_NOW && (a.requirements?.currently_due?.length ?? 0) > 0)).toBeGreaterThan(10);
    expect(count((a) => reason(a) === 'requirements.past_due')).toBeGreaterThan(10);
    expect(count((a) => (a.requirements?.errors?.length ?? 0) > 0)).toBeGreaterThan(5);
    expect(count((a) => reason(a) === 'requirements.pending_verification')).toBeGreaterThan(0);
    expect(count((a) => (a.requirements?.pending_verification?.length ?? 0) > 0 && reason(a) === null)).toBeGreaterThan(0);
    expect(count((a) => (a.future_requirements?.currently_due?.length ?? 0) > 0)).toBeGreaterThan(3);
    expect(count((a) => a.details_submitted === false)).toBeGreaterThan(10);
    expect(count((a) => reason(a) === 'action_required.requested_capabilities')).toBeGreaterThan(0);
  });

  it('renders platform rejections by the pinned version and Stripe’s own as Stripe does', () => {
    const rejected = new Set(accounts.map((a) => String(reason(a))).filter((r) => r.startsWith('rejected.')));
    expect([...rejected].some((r) => r.startsWith('rejected.platform_'))).toBe(true);
    expect([...rejected].some((r) => !r.startsWith('rejected.platform_'))).toBe(true);
  });

  it('has capabilities in every status', async () => {
    const statuses = new Set(accounts.flatMap((a) => Object.values(a.capabilities ?? {})));
    for (const s of ['active', 'inactive', 'pending']) expect(statuses).toContain(s);
    const unrequested: string[] = [];
    for (const a of accounts.slice(0, 60)) {
      const caps = await h.stripe.accounts.listCapabilities(a.id);
      unrequested.push(...caps.data.filter((c) => c.status === 'unrequested' && !c.requested).map((c) => c.id));
    }
    expect(unrequested.length).toBeGreaterThan(0);
  });

  it('rejects for fraud and for terms of service, by the platform and by Stripe', () => {
    const reasons = new Set(accounts.map((a) => String(reason(a))));
    for (const r of ['rejected.platform_fraud', 'rejected.platform_terms_of_service', 'rejected.platform_other', 'rejected.fraud', 'rejected.terms_of_service', 'rejected.listed']) expect(reasons).toContain(r);
  });

  it('gives companies their persons and most accounts a payout destination', async () => {
    const company = accounts.find((a) => a.type === 'custom' && a.business_type === 'company' && reason(a) === null)!;
    const persons = await h.stripe.accounts.listPersons(company.id, { limit: 100 });
    expect(persons.data.some((p) => p.relationship?.representative)).toBe(true);
    const withBank = accounts.filter((a) => (a.external_accounts?.data.length ?? 0) > 0).length;
    expect(withBank / accounts.length).toBeGreaterThan(0.7);
    expect(accounts.some((a) => a.external_accounts?.data.some((e) => e.object === 'card'))).toBe(true);
  });

  it('spreads creation over two years, newest first', () => {
    const created = accounts.map((a) => a.created ?? 0);
    expect([...created].sort((x, y) => y - x)).toEqual(created);
    expect(FIXED_NOW - Math.min(...created)).toBeGreaterThan(600 * 86_400);
    expect(FIXED_NOW - Math.max(...created)).toBeLessThan(15 * 86_400);
  });

  it('keeps live mode apart: a few accounts of its own', async () => {
    const live = await h.live.accounts.list({ limit: 100 });
    expect(live.data.length).toBeGreaterThanOrEqual(6);
    expect(live.data.length).toBeLessThanOrEqual(10);
    expect(live.data.some((a) => accounts.some((t) => t.id === a.id))).toBe(false);
  });

  it('is the same on every start: same ids, same names', () => {
    const ids = (now: number) => seedWorlds('demo', now).test.accounts.newestFirst().map((a) => `${a.id} ${a.business_profile?.name ?? a.email}`);
    expect(ids(FIXED_NOW)).toEqual(ids(FIXED_NOW));
    expect(ids(FIXED_NOW)).toEqual(accounts.map((a) => `${a.id} ${a.business_profile?.name ?? a.email}`));
  });
});

describe('demo money', () => {
  it('has charges, transfers with partial and full reversals, and fees with partial and full refunds', async () => {
    const transfers = await h.stripe.transfers.list({ limit: 100 }).autoPagingToArray({ limit: 5000 });
    expect(transfers.length).toBeGreaterThan(300);
    expect(transfers.some((t) => t.reversed)).toBe(true);
    expect(transfers.some((t) => !t.reversed && t.amount_reversed > 0)).toBe(true);
    expect(transfers.every((t) => t.amount_reversed <= t.amount)).toBe(true);
    expect(transfers.some((t) => t.source_transaction === null)).toBe(true);
    const fees = await h.stripe.applicationFees.list({ limit: 100 }).autoPagingToArray({ limit: 5000 });
    expect(fees.some((f) => f.refunded)).toBe(true);
    expect(fees.some((f) => !f.refunded && f.amount_refunded > 0)).toBe(true);
    expect(fees.every((f) => f.amount_refunded <= f.amount)).toBe(true);
    const created = transfers.map((t) => t.created);
    expect(FIXED_NOW - Math.min(...created)).toBeGreaterThan(600 * 86_400);
  });

  it('has top-ups in every status the API reaches', async () => {
    const topups = await h.stripe.topups.list({ limit: 100 });
    expect(new Set(topups.data.map((t) => t.status))).toEqual(new Set(['succeeded', 'pending', 'failed', 'canceled']));
  });

  it('has early fraud warnings and open and closed reviews on connected accounts', () => {
    const world = h.emulator.worlds.test;
    expect(world.earlyFraudWarnings.size).toBeGreaterThan(3);
    const reviews = world.reviews.values();
    expect(reviews.some((r) => r.open)).toBe(true);
    expect(reviews.some((r) => !r.open && r.closed_reason === 'approved')).toBe(true);
  });

  it('has charge refunds, partial and full, some reversing the transfer and refunding the fee', async () => {
    const refunds = await h.stripe.refunds.list({ limit: 100 }).autoPagingToArray({ limit: 5000 });
    expect(refunds.length).toBeGreaterThan(40);
    expect(refunds.some((r) => r.transfer_reversal !== null)).toBe(true);
    const charges = await h.stripe.charges.list({ limit: 100 }).autoPagingToArray({ limit: 5000 });
    expect(charges.some((c) => c.refunded)).toBe(true);
    expect(charges.some((c) => !c.refunded && c.amount_refunded > 0)).toBe(true);
    expect(charges.every((c) => c.amount_refunded <= c.amount)).toBe(true);
    const fees = await h.stripe.applicationFees.list({ limit: 100 }).autoPagingToArray({ limit: 5000 });
    expect(fees.some((f) => f.amount_refunded > 0)).toBe(true);
  });

  it('has disputes on risky accounts in several statuses, on direct charges and on the platform’s destination charges', async () => {
    const onPlatform = await h.stripe.disputes.list({ limit: 100 });
    const risky = accounts.filter((a) => a.requirements?.disabled_reason?.startsWith('rejected') || Number(a.metadata?.risk_score ?? 0) >= 55);
    const onAccounts: Stripe.Dispute[] = [];
    for (const a of risky) onAccounts.push(...(await h.stripe.disputes.list({ limit: 100 }, { stripeAccount: a.id })).data);
    expect(onPlatform.data.length).toBeGreaterThan(0);
    expect(onAccounts.length).toBeGreaterThan(onPlatform.data.length);
    const all = [...onPlatform.data, ...onAccounts];
    expect(new Set(all.map((d) => d.status))).toEqual(new Set(['needs_response', 'warning_needs_response', 'under_review', 'won', 'lost', 'warning_closed']));
    for (const d of all) expect(d.balance_transactions.length, `${d.id} ${d.status}`).toBe(d.status.startsWith('warning_') ? 0 : d.status === 'won' ? 2 : 1);
    // Open ones are not yet due: the first tick leaves them standing.
    for (const d of all.filter((x) => x.status.endsWith('needs_response'))) expect(d.evidence_details.due_by!).toBeGreaterThan(FIXED_NOW);
    const withDisputes = [...new Set(onAccounts.map((d) => d.charge as string))].map((c) => h.emulator.worlds.test.chargeOwner.get(c)!);
    await expectBalancesEqualTransactions(h.stripe, [null, ...withDisputes.slice(0, 6)]);
  });

  it('keeps every balance equal to the sum of its balance transactions', async () => {
    await expectBalancesEqualTransactions(h.stripe, [null, ...accounts.filter((a) => a.charges_enabled).slice(0, 8).map((a) => a.id)]);
  });

  it('gives two live accounts a balance, so live-mode reject and delete have something to refuse', async () => {
    const live = await h.live.accounts.list({ limit: 100 });
    let held = 0;
    for (const a of live.data) {
      const e = await h.live.accounts.del(a.id).then(() => null, (err: { message: string }) => err);
      if (e && /balance/i.test(e.message)) held++;
    }
    expect(held).toBeGreaterThanOrEqual(2);
  });
});

describe('demo payouts', () => {
  it('has two years of automatic and on-demand payouts, each paid by its account’s schedule, with failures on a few accounts', async () => {
    const world = h.emulator.worlds.test;
    const all = payouts(world).values();
    expect(all.length).toBeGreaterThan(500);
    expect(FIXED_NOW - Math.min(...all.map((p) => p.created))).toBeGreaterThan(600 * 86_400);
    const statuses = new Set(all.map((p) => `${p.automatic ? 'automatic' : 'manual'} ${p.status}`));
    for (const s of ['automatic paid', 'automatic in_transit', 'automatic failed', 'manual paid']) expect(statuses).toContain(s);
    const failed = all.filter((p) => p.status === 'failed');
    const failedOn = new Set(failed.map((p) => payoutFacts(world).get(p.id)!.owner));
    expect(failedOn.size).toBeGreaterThanOrEqual(3);
    expect(failedOn.size).toBeLessThanOrEqual(8);
    expect(new Set(failed.map((p) => p.failure_code)).size).toBeGreaterThanOrEqual(2);
    // Each schedule pays out on its own days: weekly accounts on their anchor, monthly ones on theirs.
    const byAccount = (id: string) => all.filter((p) => p.automatic && payoutFacts(world).get(p.id)!.owner === id);
    const weekly = accounts.find((a) => a.settings?.payouts?.schedule?.interval === 'weekly' && byAccount(a.id).length > 0)!;
    const anchor = weekly.settings!.payouts!.schedule!.weekly_anchor!;
    expect(byAccount(weekly.id).every((p) => new Date(p.created * 1000).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' }).toLowerCase() === anchor)).toBe(true);
    const manual = accounts.filter((a) => a.settings?.payouts?.schedule?.interval === 'manual');
    expect(manual.every((a) => byAccount(a.id).length === 0)).toBe(true);
    // Through the API: an account whose payout failed lists it (and its code), and its balance is its transactions' sum.
    const owner = [...failedOn][0];
    const listed = await h.stripe.payouts.list({ status: 'failed' }, { stripeAccount: owner });
    expect(listed.data.length).toBeGreaterThan(0);
    expect(listed.data[0].failure_code).toMatch(/^(no_account|account_closed|debit_not_authorized|insufficient_funds|invalid_currency)$/);
    await expectBalancesEqualTransactions(h.stripe, [owner, weekly.id]);
  });

  it('is the same on every start, and leaves every id the demo had before payouts unchanged', () => {
    const ids = (w: ReturnType<typeof seedWorlds>['test']) => payouts(w).values().map((p) => `${p.id} ${p.amount} ${p.status}`);
    expect(ids(seedWorlds('demo', FIXED_NOW).test)).toEqual(ids(h.emulator.worlds.test));
    const without = new World('test');
    seedWorld(without, FIXED_NOW, { ...DEMO_TEST, payouts: false });
    const world = h.emulator.worlds.test;
    for (const table of ['accounts', 'persons', 'charges', 'transfers', 'transferReversals', 'applicationFees', 'feeRefunds', 'topups', 'reviews'] as const) {
      expect(world[table].values().map((o) => o.id), table).toEqual(without[table].values().map((o) => o.id));
    }
    const txns = new Set(world.balanceTransactions.values().map((t) => t.id));
    expect(without.balanceTransactions.values().every((t) => txns.has(t.id))).toBe(true);
  });
});

describe('the seed objects the permission tests open', () => {
  it('exist in the demo seed (update tests/fixtures/routes.ts when the seed changes)', () => {
    const w = h.emulator.worlds.test;
    expect(w.accounts.has(SAMPLE_ACCOUNT_ID)).toBe(true);
    expect(w.applicationFees.has(SAMPLE_MONEY.fee)).toBe(true);
    expect(w.feeRefunds.has(SAMPLE_MONEY.feeRefund)).toBe(true);
    expect(w.transfers.has(SAMPLE_MONEY.transfer)).toBe(true);
    expect(w.transferReversals.has(SAMPLE_MONEY.reversal)).toBe(true);
    expect(w.topups.has(SAMPLE_MONEY.topup)).toBe(true);
  });
});
