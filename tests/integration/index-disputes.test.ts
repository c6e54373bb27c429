// Disputes in the index, against the emulator with the real SDK: the backfill reads the platform's
// disputes (its own and destination charges', each on the charge's destination) and every
// connected account's own (direct charges', read with its Stripe-Account); a dispute raised and
// then accepted through the API reaches its row by its webhook, the platform's and the Connect
// endpoint's alike; and the risk queue counts them. On PGlite, and on PostgreSQL when DATABASE_URL is set.
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { describe, expect, it, vi } from 'vitest';
import { indexAccounts, indexObjects, riskAccounts } from '@/lib/db/schema';
import { testDatabases } from '@/lib/db/testing';
import { backfilledDatabase, consoleEmulatorForFile } from './index-fixture';

vi.mock('@/lib/db/client', () => import('./index-fixture').then((f) => f.dbClientMock));
vi.mock('@/lib/index/background', () => import('./index-fixture').then((f) => f.backgroundMock));

const h = consoleEmulatorForFile({ seed: 'demo' });

/** Every dispute as the API shows it, with the connected account it concerns. */
async function apiDisputes(): Promise<Map<string, { account: string; dispute: Stripe.Dispute; direct: boolean }>> {
  const out = new Map<string, { account: string; dispute: Stripe.Dispute; direct: boolean }>();
  const platform = await h.stripe.disputes.list({ limit: 100, expand: ['data.charge'] }).autoPagingToArray({ limit: 10_000 });
  for (const dispute of platform) {
    const destination = (dispute.charge as Stripe.Charge).transfer_data?.destination;
    if (destination) out.set(dispute.id, { account: typeof destination === 'string' ? destination : destination.id, dispute, direct: false });
  }
  const accounts = await h.stripe.accounts.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 });
  for (const a of accounts) {
    for (const dispute of await h.stripe.disputes.list({ limit: 100 }, { stripeAccount: a.id }).autoPagingToArray({ limit: 1000 })) out.set(dispute.id, { account: a.id, dispute, direct: true });
  }
  return out;
}

describe.each(testDatabases())('disputes in the index on $name', ({ open }) => {
  const index = backfilledDatabase(h, open, 'disputes-test');

  it('the backfill fills a row per dispute, direct and destination, on the account it concerns, with its charge', async () => {
    const all = await apiDisputes();
    // The demo disputes direct and destination charges, open and closed.
    expect(new Set([...all.values()].map((d) => d.direct))).toEqual(new Set([true, false]));
    expect([...all.values()].some((d) => d.dispute.status === 'lost')).toBe(true);
    const rows = await index.db.select().from(indexObjects).where(and(eq(indexObjects.type, 'dispute'), eq(indexObjects.deleted, false)));
    expect(rows.map((r) => r.id).sort()).toEqual([...all.keys()].sort());
    for (const row of rows) {
      const { account, dispute } = all.get(row.id)!;
      const charge = typeof dispute.charge === 'string' ? dispute.charge : dispute.charge.id;
      expect(row, row.id).toMatchObject({ account, parent: charge, status: dispute.status, amount: dispute.amount, currency: dispute.currency, created: dispute.created });
      expect(row.data.reason, row.id).toBe(dispute.reason);
      // The disputed charge is indexed too (the case page links it), on the same account.
      expect((await index.rowOf(charge))?.account, charge).toBe(account);
    }
  });

  it("the risk queue counts each account's open and lost disputes, with the open ones' reasons in words", async () => {
    const all = [...(await apiDisputes()).values()];
    const open = ['needs_response', 'under_review', 'warning_needs_response', 'warning_under_review'];
    for (const account of new Set(all.map((d) => d.account))) {
      const mine = all.filter((d) => d.account === account).map((d) => d.dispute);
      const [row] = await index.db.select().from(riskAccounts).where(eq(riskAccounts.accountId, account));
      const live = (await index.db.select({ deleted: indexAccounts.deleted }).from(indexAccounts).where(eq(indexAccounts.id, account)))[0];
      if (!live || live.deleted) continue;
      expect(row, account).toBeDefined();
      const openCount = mine.filter((d) => open.includes(d.status)).length;
      const lost = mine.filter((d) => d.status === 'lost').length;
      expect(row!.signals.disputes, account).toMatchObject({ open: openCount, lost });
      expect(row!.kinds.includes('open_disputes'), account).toBe(openCount > 0);
      expect(row!.kinds.includes('lost_disputes'), account).toBe(lost > 0);
      const words = row!.reasons.find((r) => r.kind === 'open_disputes')?.words;
      if (openCount > 0) expect(words, account).toMatch(/^\d+ disputes? open on its charges: /);
    }
  });

  it("the case page's evidence and the account page list an account's disputes, a due date for those awaiting a response, and their charges", async () => {
    const { readEvidence } = await import('@/lib/risk/evidence');
    const all = [...(await apiDisputes()).values()];
    const waiting = all.find((d) => d.dispute.status === 'needs_response')!;
    const evidence = await readEvidence(index.db, waiting.account);
    const mine = all.filter((d) => d.account === waiting.account);
    expect(evidence.disputes.map((d) => d.id).sort()).toEqual(mine.map((d) => d.dispute.id).sort());
    const shown = evidence.disputes.find((d) => d.id === waiting.dispute.id)!;
    expect(shown).toMatchObject({ status: 'needs_response', reason: waiting.dispute.reason, amount: waiting.dispute.amount, dueBy: waiting.dispute.evidence_details.due_by });
    for (const d of evidence.disputes.filter((e) => e.status === 'won' || e.status === 'lost')) expect(d.dueBy, d.id).toBeNull();
    expect(evidence.charges.find((c) => c.id === shown.charge)?.why).toContain('dispute');
    // The account page's Disputes section reads the same rows, newest first.
    const { listDisputesOf } = await import('@/lib/accounts/disputes');
    expect(await listDisputesOf(waiting.account)).toEqual(evidence.disputes.slice(0, 10));
  });

  it("a destination charge's dispute applied before its charge takes the charge's account when the charge comes", async () => {
    const { applyObjects } = await import('@/lib/index/apply');
    const at = { created: 1_800_000_000, fetched: false };
    await applyObjects(index.db, [{ id: 'dp_early_test', object: 'dispute', charge: 'ch_late_test', status: 'needs_response', amount: 900, currency: 'usd', created: at.created }], at);
    expect((await index.rowOf('dp_early_test'))?.account).toBeNull();
    await applyObjects(index.db, [{ id: 'ch_late_test', object: 'charge', status: 'succeeded', amount: 900, currency: 'usd', created: at.created, transfer_data: { destination: 'acct_late_test' } }], at);
    expect((await index.rowOf('dp_early_test'))?.account).toBe('acct_late_test');
  });

  it("a dispute raised and accepted through the API reaches its row by the platform's and the Connect endpoint's webhooks", async () => {
    const [target] = await index.db
      .select({ id: indexAccounts.id })
      .from(indexAccounts)
      .where(and(eq(indexAccounts.chargesEnabled, true), eq(indexAccounts.deleted, false), eq(indexAccounts.status, 'enabled')))
      .limit(1);
    const account = target!.id;
    const direct = await h.stripe.charges.create({ amount: 4200, currency: 'usd', source: 'tok_createDispute' }, { stripeAccount: account });
    const destination = await h.stripe.charges.create({ amount: 5100, currency: 'usd', source: 'tok_createDisputeProductNotReceived', transfer_data: { destination: account } });
    await index.settle();
    const [directDispute] = (await h.stripe.disputes.list({ charge: direct.id }, { stripeAccount: account })).data;
    const [destinationDispute] = (await h.stripe.disputes.list({ charge: destination.id })).data;
    expect(await index.rowOf(directDispute!.id)).toMatchObject({ account, parent: direct.id, status: 'needs_response', amount: 4200 });
    expect(await index.rowOf(destinationDispute!.id)).toMatchObject({ account, parent: destination.id, status: 'needs_response', amount: 5100 });

    await h.stripe.disputes.close(directDispute!.id, {}, { stripeAccount: account });
    await h.stripe.disputes.update(destinationDispute!.id, { evidence: { uncategorized_text: 'Tracking shows the parcel was delivered.' } });
    await index.settle();
    expect((await index.rowOf(directDispute!.id))?.status).toBe('lost');
    expect((await index.rowOf(destinationDispute!.id))?.status).toBe('under_review');
    // The account's risk followed the webhook: one more lost dispute among its signals.
    const [risk] = await index.db.select().from(riskAccounts).where(eq(riskAccounts.accountId, account));
    expect(risk!.kinds).toContain('lost_disputes');
    expect(risk!.signals.disputes.lost).toBeGreaterThanOrEqual(1);
  });
});
