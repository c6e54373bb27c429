// The case actions for real (the server actions, through the action wrapper, with the real SDK)
// against the emulator: approving a review closes it in the emulator, on the platform's charge and
// on a connected account's own (with Stripe-Account), and the index row follows Stripe's answer;
// claim, note, clear, escalate, assign and reject from the case change the case as they say, once
// per request key; a role without risk.decide and bad input change nothing; notes can be neither
// changed nor removed (the database's trigger). On PGlite, and on PostgreSQL when DATABASE_URL is set.
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionOperator } from '@/lib/auth/current-operator';
import { REFUSAL_MESSAGES } from '@/lib/auth/access';
import type { Role } from '@/lib/auth/permissions';
import type { OpenDb } from '@/lib/db/open';
import { auditEntries, indexObjects, riskAccounts, riskCaseNotes, riskCases } from '@/lib/db/schema';
import { testDatabases } from '@/lib/db/testing';
import { startHarness, type Harness } from '@/lib/emulator/tests/harness';
import { DEFAULT_POLICIES } from '@/lib/approvals/policy';
import { savePolicy } from '@/lib/approvals/store';
import { applyObjects, type StripeObject } from '@/lib/index/apply';
import { readCase } from '@/lib/risk/cases';
import { readEvidence } from '@/lib/risk/evidence';
import { emptySignals } from '@/lib/risk/signals';
import { operatorsOfEveryRole, rolesWithout } from './server-checks';

const session = vi.hoisted(() => ({ operator: null as SessionOperator | null, db: null as unknown }));
vi.mock('@/lib/auth/current-operator', () => ({ getCurrentOperator: async () => session.operator }));
vi.mock('@/lib/db/client', () => ({ getDb: async () => session.db }));
vi.mock('@/lib/index/background', () => ({ kickInboxWorker: () => undefined, ensureIndexJobs: () => undefined, kickIndexSync: () => undefined }));

let h: Harness;
let risk: typeof import('@/lib/risk/actions');

beforeAll(async () => {
  h = await startHarness({ seed: 'demo' });
  process.env.STRIPE_API_BASE = h.url;
  delete process.env.STRIPE_SECRET_KEY;
  risk = await import('@/lib/risk/actions');
}, 60_000);
afterAll(() => h?.close());

const key = () => crypto.randomUUID();
const caseId = () => `case_${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`;
const now = () => Math.floor(Date.now() / 1000);

/** Custom accounts the demo seed has, not rejected: one per test that needs its own. */
let spare: Stripe.Account[] = [];
async function freshAccount(cardPayments = false): Promise<Stripe.Account> {
  if (spare.length === 0) {
    spare = (await h.stripe.accounts.list({ limit: 100 }).autoPagingToArray({ limit: 1000 })).filter(
      (a) => a.type === 'custom' && !a.requirements?.disabled_reason && a.capabilities?.transfers === 'active',
    );
  }
  const i = spare.findIndex((a) => !cardPayments || a.capabilities?.card_payments === 'active');
  expect(i, 'the demo seed has a spare account').toBeGreaterThanOrEqual(0);
  return spare.splice(i, 1)[0]!;
}

describe.each(testDatabases())('risk cases on $name', ({ open }) => {
  let opened: OpenDb;
  let ops: Record<Role, SessionOperator>;

  beforeAll(async () => {
    opened = await open();
    session.db = opened.db;
    ops = await operatorsOfEveryRole(opened.db);
  }, 60_000);
  afterAll(async () => opened?.close());
  beforeEach(() => {
    session.db = opened.db;
    session.operator = ops.ops;
  });

  const as = (role: Role) => (session.operator = ops[role]);
  const db = () => opened.db;
  const caseRow = async (id: string) => (await db().select().from(riskCases).where(eq(riskCases.id, id)))[0]!;
  const notesOf = async (id: string) => db().select().from(riskCaseNotes).where(eq(riskCaseNotes.caseId, id));

  /** An open case on the account, as the recompute opens it, with its signals in risk_accounts. */
  async function openCase(accountId: string): Promise<string> {
    const id = caseId();
    const signals = { ...emptySignals(), openReviews: { total: 1, byReason: { rule: 1 } } };
    await db()
      .insert(riskAccounts)
      .values({ accountId, score: 20, signals, reasons: [{ kind: 'open_review', points: 20, words: '1 Radar review open: a Radar rule' }], kinds: ['open_review'] })
      .onConflictDoNothing();
    await db().insert(riskCases).values({ id, accountId, status: 'open' });
    return id;
  }

  /** A charge Radar puts in review (tok_riskLevelElevated), indexed with its review, as the webhooks would. */
  async function reviewedCharge(account: string, direct: boolean): Promise<{ charge: Stripe.Charge; review: Stripe.Review }> {
    const options = direct ? { stripeAccount: account } : {};
    const charge = await h.stripe.charges.create(
      { amount: 5_000, currency: 'usd', source: 'tok_riskLevelElevated', ...(direct ? {} : { transfer_data: { destination: account } }) },
      options,
    );
    const review = (await h.stripe.reviews.list({ limit: 100 }, options)).data.find((r) => r.charge === charge.id)!;
    expect(review.open).toBe(true);
    const fetched = { created: now(), fetched: true, account: direct ? account : null };
    // Parent first, as the events come: the review finds its account through its charge's row.
    await applyObjects(db(), [charge as unknown as StripeObject], fetched);
    await applyObjects(db(), [review as unknown as StripeObject], fetched);
    return { charge, review };
  }

  for (const direct of [true, false]) {
    it(`approving a review on ${direct ? "a connected account's own charge" : "the platform's destination charge"} closes it in the emulator and in the index`, async () => {
      const account = await freshAccount(direct);
      const id = await openCase(account.id);
      const { charge, review } = await reviewedCharge(account.id, direct);
      // The evidence shows the charge with why it is there, and its open review.
      const evidence = await readEvidence(db(), account.id);
      expect(evidence.charges.find((c) => c.id === charge.id)).toMatchObject({ riskLevel: 'elevated', outcome: 'manual_review', cardCountry: 'US', why: ['elevated risk', 'review'] });
      expect(evidence.reviews.find((r) => r.id === review.id)).toMatchObject({ open: true, charge: charge.id, reason: 'rule' });
      const idempotencyKey = key();
      const result = await risk.approveReviewAction({ caseId: id, reviewId: review.id, idempotencyKey });
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true, data: { reviewId: review.id, closedReason: 'approved' } });
      const after = await h.stripe.reviews.retrieve(review.id, {}, direct ? { stripeAccount: account.id } : {});
      expect(after).toMatchObject({ open: false, closed_reason: 'approved' });
      const [row] = await db().select().from(indexObjects).where(eq(indexObjects.id, review.id));
      expect(row?.status).toBe('closed');
      // Retried with the same key: Stripe's replay, still one approval.
      expect(await risk.approveReviewAction({ caseId: id, reviewId: review.id, idempotencyKey })).toMatchObject({ ok: true });
      // Another account's case cannot approve it.
      const other = await openCase((await freshAccount()).id);
      expect(await risk.approveReviewAction({ caseId: other, reviewId: review.id, idempotencyKey: key() })).toMatchObject({ ok: false, error: expect.stringMatching(/not one of this account/) });
    });
  }

  it('claims, notes (once per key), escalates and clears a case, recording the signals at the decision', async () => {
    const account = await freshAccount();
    const id = await openCase(account.id);
    expect(await risk.claimCaseAction({ caseId: id, idempotencyKey: key() })).toMatchObject({ ok: true });
    expect(await caseRow(id)).toMatchObject({ status: 'in_progress', assigneeId: ops.ops.id });

    const noteKey = key();
    expect(await risk.addCaseNoteAction({ caseId: id, body: 'Called the owner; no answer.', idempotencyKey: noteKey })).toMatchObject({ ok: true });
    expect(await risk.addCaseNoteAction({ caseId: id, body: 'Called the owner; no answer.', idempotencyKey: noteKey })).toMatchObject({ ok: true });
    expect((await notesOf(id)).map((n) => [n.body, n.authorId])).toEqual([['Called the owner; no answer.', ops.ops.id]]);

    expect(await risk.escalateCaseAction({ caseId: id, note: 'Volume looks like card testing', idempotencyKey: key() })).toMatchObject({ ok: true });
    expect(await caseRow(id)).toMatchObject({ escalatedBy: ops.ops.id, escalationNote: 'Volume looks like card testing', status: 'in_progress' });

    // An admin reassigns to someone who decides risk cases, never to someone who cannot.
    as('admin');
    expect(await risk.assignCaseAction({ caseId: id, assigneeId: ops.admin.id, idempotencyKey: key() })).toMatchObject({ ok: true });
    expect((await caseRow(id)).assigneeId).toBe(ops.admin.id);
    expect(await risk.assignCaseAction({ caseId: id, assigneeId: ops.support.id, idempotencyKey: key() })).toMatchObject({ ok: false, error: expect.stringMatching(/cannot decide risk cases/) });
    expect((await caseRow(id)).assigneeId).toBe(ops.admin.id);

    as('ops');
    expect(await risk.clearCaseAction({ caseId: id, note: 'Refunds explained by a recall', idempotencyKey: key() })).toMatchObject({ ok: true });
    const cleared = await caseRow(id);
    expect(cleared).toMatchObject({ status: 'decided', decision: 'cleared', decidedBy: ops.ops.id });
    expect(cleared.signalsAtDecision?.openReviews.total).toBe(1);
    expect((await notesOf(id)).map((n) => n.body)).toEqual(['Called the owner; no answer.', 'Refunds explained by a recall']);
    // Decided is decided: no second decision, no claim.
    expect(await risk.clearCaseAction({ caseId: id, note: 'Cleared a second time', idempotencyKey: key() })).toMatchObject({ ok: false, error: expect.stringMatching(/already decided/) });
    expect(await risk.claimCaseAction({ caseId: id, idempotencyKey: key() })).toMatchObject({ ok: false });
    expect(await risk.rejectAccountFromCaseAction({ caseId: id, accountId: account.id, reason: 'fraud_other', note: 'Fraud after all, say', confirmation: account.id, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/already decided/),
    });
    expect((await h.stripe.accounts.retrieve(account.id)).requirements?.disabled_reason ?? null).toBeNull();

    // Reopened by a new signal (as the recompute does): the new case is current, the cleared one earlier, with its notes and its signals then in words.
    const next = caseId();
    await db().insert(riskCases).values({ id: next, accountId: account.id, status: 'open', reopenedFrom: id });
    const view = await readCase(db(), account.id);
    expect(view.current).toMatchObject({ id: next, status: 'open', reopenedFrom: id, notes: [] });
    expect(view.earlier).toHaveLength(1);
    expect(view.earlier[0]).toMatchObject({ id, decision: 'cleared', decidedBy: { id: ops.ops.id }, assignee: { id: ops.admin.id }, escalationNote: 'Volume looks like card testing' });
    expect(view.earlier[0]!.notes.map((n) => [n.body, n.author.id])).toEqual([
      ['Called the owner; no answer.', ops.ops.id],
      ['Refunds explained by a recall', ops.ops.id],
    ]);
    expect(view.earlier[0]!.reasonsAtDecision).toEqual([{ kind: 'open_review', points: 20, words: '1 Radar review open: a Radar rule' }]);
  });

  it("rejects the account from the case through the account's own rejection, and decides the case", async () => {
    const account = await freshAccount();
    const id = await openCase(account.id);
    const idempotencyKey = key();
    const input = { caseId: id, accountId: account.id, reason: 'fraud_other', note: 'Card testing on every charge', confirmation: account.id, idempotencyKey };
    expect(await risk.rejectAccountFromCaseAction(input)).toMatchObject({ ok: true, data: { disabledReason: 'rejected.platform_fraud' } });
    expect((await h.stripe.accounts.retrieve(account.id)).requirements?.disabled_reason).toBe('rejected.platform_fraud');
    expect(await caseRow(id)).toMatchObject({ status: 'decided', decision: 'rejected', decidedBy: ops.ops.id });
    const [entry] = await db().select().from(auditEntries).where(eq(auditEntries.idempotencyKey, idempotencyKey));
    expect(entry).toMatchObject({ action: 'account.reject', targetId: account.id, outcome: 'succeeded', params: expect.objectContaining({ caseId: id }) });
    // The same request again (its answer lost, say) is Stripe's replay and leaves the case as it is.
    expect(await risk.rejectAccountFromCaseAction(input)).toMatchObject({ ok: true });
    expect((await notesOf(id)).length).toBe(1);
    // The account page's guards still hold: a case on a Standard account cannot reject it.
    const standard = (await h.stripe.accounts.list({ limit: 100 })).data.find((a) => a.type === 'standard')!;
    const other = await openCase(standard.id);
    const refused = await risk.rejectAccountFromCaseAction({ ...input, caseId: other, accountId: standard.id, confirmation: standard.id, idempotencyKey: key() });
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/Standard/) });
    expect((await caseRow(other)).status).toBe('open');
  });

  it('is held to the rejection\'s four-eyes policy: where it applies, rejecting from the case directly is refused and changes nothing', async () => {
    const account = await freshAccount();
    const id = await openCase(account.id);
    await savePolicy(db(), { ...DEFAULT_POLICIES.account_reject, mode: 'both' }, ops.admin.id);
    try {
      const refused = await risk.rejectAccountFromCaseAction({ caseId: id, accountId: account.id, reason: 'fraud_other', note: 'Card testing on every charge', confirmation: account.id, idempotencyKey: key() });
      expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/approv/i) });
      expect((await h.stripe.accounts.retrieve(account.id)).requirements?.disabled_reason ?? '').not.toMatch(/^rejected/);
      expect((await caseRow(id)).status).toBe('open');
    } finally {
      await savePolicy(db(), DEFAULT_POLICIES.account_reject, ops.admin.id);
    }
  });

  it('refuses every action to a role without risk.decide, and bad input, changing nothing', async () => {
    const account = await freshAccount(true);
    const id = await openCase(account.id);
    const { review } = await reviewedCharge(account.id, true);
    const valid = {
      claimCaseAction: { caseId: id },
      addCaseNoteAction: { caseId: id, body: 'Looks fine to me' },
      clearCaseAction: { caseId: id, note: 'Nothing wrong here at all' },
      escalateCaseAction: { caseId: id, note: 'Needs an admin to decide' },
      approveReviewAction: { caseId: id, reviewId: review.id },
      rejectAccountFromCaseAction: { caseId: id, accountId: account.id, reason: 'fraud_other', note: 'Card testing on every charge', confirmation: account.id },
    } as const;
    const bad = {
      claimCaseAction: { caseId: 'case_x' },
      addCaseNoteAction: { caseId: id, body: '   ' },
      clearCaseAction: { caseId: id, note: 'short' },
      escalateCaseAction: { caseId: id, note: '' },
      approveReviewAction: { caseId: id, reviewId: 'ch_123' },
      rejectAccountFromCaseAction: { ...valid.rejectAccountFromCaseAction, confirmation: 'acct_other' },
    } as const;
    const before = await caseRow(id);
    const refusedRoles = rolesWithout('risk.decide');
    expect(refusedRoles.sort()).toEqual(['finance', 'support', 'viewer']);
    for (const [name, input] of Object.entries(valid)) {
      const action = risk[name as keyof typeof valid] as (input: unknown) => Promise<{ ok: boolean; error?: string; fieldErrors?: unknown }>;
      for (const role of refusedRoles) {
        as(role);
        expect(await action({ ...input, idempotencyKey: key() }), `${name} as ${role}`).toEqual({ ok: false, error: REFUSAL_MESSAGES.forbidden });
      }
      session.operator = null;
      expect(await action({ ...input, idempotencyKey: key() }), `${name} signed out`).toEqual({ ok: false, error: REFUSAL_MESSAGES['signed-out'] });
      as('ops');
      const refused = await action({ ...bad[name as keyof typeof bad], idempotencyKey: key() });
      expect(refused, `${name} with bad input`).toMatchObject({ ok: false, fieldErrors: expect.any(Object) });
    }
    // Ops may not reassign (an admin's call).
    expect(await risk.assignCaseAction({ caseId: id, assigneeId: ops.ops.id, idempotencyKey: key() })).toEqual({ ok: false, error: REFUSAL_MESSAGES.forbidden });
    expect(await caseRow(id)).toEqual(before);
    expect(await notesOf(id)).toEqual([]);
    expect((await h.stripe.reviews.retrieve(review.id, {}, { stripeAccount: account.id })).open).toBe(true);
    expect((await h.stripe.accounts.retrieve(account.id)).requirements?.disabled_reason ?? null).toBeNull();
    // Each refusal of a signed-in role is in the audit log as denied; none succeeded.
    const denied = await db().select().from(auditEntries).where(and(eq(auditEntries.targetId, id), eq(auditEntries.outcome, 'succeeded')));
    expect(denied).toEqual([]);
  });

  it('keeps notes append-only: the database refuses to change or remove one', async () => {
    const id = await openCase((await freshAccount()).id);
    expect(await risk.addCaseNoteAction({ caseId: id, body: 'First look: refunds spike', idempotencyKey: key() })).toMatchObject({ ok: true });
    const [note] = await notesOf(id);
    await expect(opened.db.update(riskCaseNotes).set({ body: 'rewritten' }).where(eq(riskCaseNotes.id, note!.id))).rejects.toThrow();
    await expect(opened.db.delete(riskCaseNotes).where(eq(riskCaseNotes.id, note!.id))).rejects.toThrow();
    expect((await notesOf(id)).map((n) => n.body)).toEqual(['First look: refunds spike']);
  });
});
