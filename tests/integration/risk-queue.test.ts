// The risk queue kept by the index, against the emulator with the real SDK: after a backfill of
// the demo every account the API shows with an early fraud warning, an open review, a requirement
// error or a Stripe restriction is flagged with those signals in words; charges made with Radar's
// test cards on a fresh account, delivered by the emulator's webhooks, put it in the queue with the
// right signals and a case; a cleared case reopens when a new warning arrives. On PGlite, and on
// PostgreSQL when DATABASE_URL is set.
import { desc, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { describe, expect, it, vi } from 'vitest';
import { riskAccounts, riskCases } from '@/lib/db/schema';
import { testDatabases } from '@/lib/db/testing';
import { createEnabled } from '@/lib/emulator/tests/harness';
import { createOperator } from '@/lib/operators/store';
import { backfilledDatabase, consoleEmulatorForFile } from './index-fixture';

vi.mock('@/lib/db/client', () => import('./index-fixture').then((f) => f.dbClientMock));
vi.mock('@/lib/index/background', () => import('./index-fixture').then((f) => f.backgroundMock));

const h = consoleEmulatorForFile({ seed: 'demo' }, 60_000);

/** What the API shows of each connected account's Radar objects (its own store, read with Stripe-Account). */
async function radarByAccount(accounts: Stripe.Account[]) {
  const out = new Map<string, { warnings: Stripe.Radar.EarlyFraudWarning[]; reviews: Stripe.Review[] }>();
  for (const a of accounts) {
    const [warnings, reviews] = await Promise.all([
      h.stripe.radar.earlyFraudWarnings.list({ limit: 100 }, { stripeAccount: a.id }),
      h.stripe.reviews.list({ limit: 100 }, { stripeAccount: a.id }),
    ]);
    if (warnings.data.length + reviews.data.length > 0) out.set(a.id, { warnings: warnings.data, reviews: reviews.data });
  }
  return out;
}

describe.each(testDatabases())('the risk queue on $name', ({ open }) => {
  const index = backfilledDatabase(h, open, 'risk-test');

  const row = async (account: string) => (await index.db.select().from(riskAccounts).where(eq(riskAccounts.accountId, account)))[0];
  const lastCase = async (account: string) => (await index.db.select().from(riskCases).where(eq(riskCases.accountId, account)).orderBy(desc(riskCases.openedAt)).limit(1))[0];

  it("flags the demo's accounts with the signals the API shows, each in words, each with a case", async () => {
    const accounts = await h.stripe.accounts.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 });
    const radar = await radarByAccount(accounts);
    expect(radar.size).toBeGreaterThan(0);
    for (const [id, { warnings, reviews }] of radar) {
      const flagged = await row(id);
      expect(flagged?.score, id).toBeGreaterThan(0);
      const words = flagged!.reasons.map((r) => r.words).join(' | ');
      if (warnings.length > 0) {
        const actionable = warnings.filter((w) => w.actionable).length;
        expect(words, id).toContain(`${warnings.length} early fraud warning${warnings.length === 1 ? '' : 's'} from card issuers, ${actionable > 0 ? `${actionable} still actionable` : 'none actionable'}`);
      }
      if (reviews.length > 0) expect(words, id).toContain(`${reviews.length} Radar review${reviews.length === 1 ? '' : 's'} open`);
      expect((await lastCase(id))?.status, id).toBe('open');
    }
    for (const a of accounts.filter((a) => (a.requirements?.errors?.length ?? 0) > 0)) {
      expect((await row(a.id))?.kinds, a.id).toContain('requirement_errors');
    }
    // An account without any signal is not in the queue.
    const quiet = accounts.find((a) => !radar.has(a.id) && a.charges_enabled && !a.requirements?.errors?.length && !a.requirements?.past_due?.length && !a.requirements?.disabled_reason);
    const quietRow = quiet ? await row(quiet.id) : undefined;
    expect(quietRow?.kinds ?? []).not.toContain('early_fraud_warning');
  });

  it('ranks the queue by score, pages it by keyset both ways, filters and counts it', async () => {
    const queue = await import('@/lib/risk/queue');
    const me = 'op_queuetest';
    const walk = async (input: import('@/lib/risk/queue').QueueQueryInput) => {
      const items: import('@/lib/risk/queue').QueueItem[] = [];
      let after: string | undefined;
      for (let i = 0; i < 100; i++) {
        const page = await queue.queryQueue(index.db, { ...input, limit: 7, after }, me);
        items.push(...page.items);
        if (!page.next) return items;
        after = page.next;
      }
      throw new Error('too many pages');
    };
    const all = await walk({ tab: 'all' });
    const rows = await index.db.select().from(riskAccounts);
    expect(all.map((i) => i.accountId).sort()).toEqual(rows.map((r) => r.accountId).sort());
    const scores = all.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // Back one page from the second gives the first.
    const first = await queue.queryQueue(index.db, { tab: 'all', limit: 5 }, me);
    const second = await queue.queryQueue(index.db, { tab: 'all', limit: 5, after: first.next! }, me);
    expect((await queue.queryQueue(index.db, { tab: 'all', limit: 5, before: second.prev! }, me)).items).toEqual(first.items);
    // Ascending is descending reversed.
    expect((await walk({ tab: 'all', order: 'asc' })).map((i) => i.accountId)).toEqual(all.map((i) => i.accountId).reverse());

    const warned = await walk({ tab: 'all', signal: 'early_fraud_warning' });
    expect(warned.length).toBeGreaterThan(0);
    expect(warned.every((i) => i.reasons.some((r) => r.kind === 'early_fraud_warning'))).toBe(true);
    expect(warned.length).toBe(all.filter((i) => i.reasons.some((r) => r.kind === 'early_fraud_warning')).length);
    const country = all[0]!.country!;
    expect((await walk({ tab: 'all', country })).map((i) => i.accountId)).toEqual(all.filter((i) => i.country === country).map((i) => i.accountId));

    const counts = await queue.countQueue(index.db, {}, me);
    expect(counts.all).toBe(all.length);
    expect(counts.waiting).toBe(all.filter((i) => i.caseStatus !== 'decided').length);
    expect(counts.waiting).toBe(counts.open + counts.in_progress);
    expect(await queue.countWaiting(index.db)).toBe(counts.waiting);
    expect((await walk({ assignee: 'me' })).length).toBe(0);
    expect((await walk({ assignee: 'none' })).length).toBe(counts.waiting);
  });

  it("puts an account charged with Radar's test cards in the queue with those signals, live from its webhooks", async () => {
    const account = await createEnabled(h.stripe, 'US');
    const on = { stripeAccount: account.id };
    await h.stripe.charges.create({ amount: 5_000, currency: 'usd', source: 'tok_riskLevelElevated' }, on);
    await h.stripe.charges.create({ amount: 6_000, currency: 'usd', source: 'tok_riskLevelHighest' }, on);
    await h.stripe.charges.create({ amount: 7_000, currency: 'usd', source: 'tok_createIssuerFraudRecord' }, on);
    await expect(h.stripe.charges.create({ amount: 8_000, currency: 'usd', source: 'tok_chargeDeclinedFraudulent' }, on)).rejects.toThrow();
    await h.stripe.charges.create({ amount: 1_000, currency: 'usd', source: 'tok_visa' }, on);
    await index.settle();

    const flagged = await row(account.id);
    expect(flagged).toBeDefined();
    expect(Object.fromEntries(flagged!.reasons.map((r) => [r.kind, r.words]))).toEqual({
      early_fraud_warning: '1 early fraud warning from card issuers, 1 still actionable: stolen card',
      open_review: '1 Radar review open: a Radar rule',
      risky_charges: '2 of 5 charges in the last 90 days rated risky by Radar (40%): 1 highest, 1 elevated',
      blocked_charges: '1 charge blocked by Radar as too risky',
    });
    expect(flagged!.score).toBe(flagged!.reasons.reduce((sum, r) => sum + r.points, 0));
    const opened = await lastCase(account.id);
    expect(opened).toMatchObject({ status: 'open', reopenedFrom: null });
  });

  it('reopens a cleared case when a new early fraud warning arrives, and not before', async () => {
    const account = await createEnabled(h.stripe, 'US');
    const on = { stripeAccount: account.id };
    await h.stripe.charges.create({ amount: 7_000, currency: 'usd', source: 'tok_createIssuerFraudRecord' }, on);
    await index.settle();
    const first = await lastCase(account.id);
    const flagged = await row(account.id);
    expect(first?.status).toBe('open');
    // Cleared as the case page records it: the signals of the moment, a second after the newest one.
    await index.db
      .update(riskCases)
      .set({ status: 'decided', decision: 'cleared', signalsAtDecision: flagged!.signals, decidedAt: new Date(), updatedAt: new Date() })
      .where(eq(riskCases.id, first!.id));
    // The queue follows the case (risk_accounts' copy, kept by the database's triggers).
    const queue = await import('@/lib/risk/queue');
    const tabOf = async (tab: 'waiting' | 'decided') => (await queue.queryQueue(index.db, { tab, limit: 100 }, 'op_x')).items.map((i) => i.accountId);
    expect(await tabOf('decided')).toContain(account.id);
    expect(await tabOf('waiting')).not.toContain(account.id);
    const { recomputeAccounts } = await import('@/lib/risk/recompute');
    // Nothing new: recomputing keeps the case decided.
    await recomputeAccounts(index.db, [account.id]);
    expect((await lastCase(account.id))?.id).toBe(first!.id);

    await new Promise((r) => setTimeout(r, 1_100));
    await h.stripe.charges.create({ amount: 9_000, currency: 'usd', source: 'tok_createIssuerFraudRecord' }, on);
    await index.settle();
    const reopened = await lastCase(account.id);
    expect(reopened).toMatchObject({ status: 'open', reopenedFrom: first!.id });
    expect(await tabOf('waiting')).toContain(account.id);
    // Claimed by an operator: the queue's assignee filter finds it under their name.
    const operator = await createOperator(index.db, { email: `risk-${Date.now()}@example.com`, name: 'Risk Claimer', role: 'ops' });
    await index.db.update(riskCases).set({ assigneeId: operator.id, status: 'in_progress' }).where(eq(riskCases.id, reopened!.id));
    const mine = await queue.queryQueue(index.db, { assignee: 'me' }, operator.id);
    expect(mine.items.map((i) => [i.accountId, i.caseStatus, i.assigneeName])).toEqual([[account.id, 'in_progress', 'Risk Claimer']]);
    expect((await row(account.id))?.reasons.find((r) => r.kind === 'early_fraud_warning')?.words).toBe('2 early fraud warnings from card issuers, 2 still actionable: stolen card (2)');
  });
});
