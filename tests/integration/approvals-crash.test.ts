// A crash between an approval's claim and the record of its execution, on PGlite and PostgreSQL:
// the reconciler's pass (lib/outcomes/reconciler.ts, which runs lib/approvals/sweep.ts under its
// lease) settles a request left "approved, running" from the truth. Died before anything was sent:
// failed and retryable, and the retry makes exactly one reversal (the emulator's request log).
// Died after Stripe made it (the action finished, or even its audit entry stayed open): executed,
// with the reversal's id (and Stripe's request id when the entry had it), never sent twice. A
// claim younger than an execution can take, or a reconciler lease held elsewhere, leaves it be.
import { AsyncLocalStorage } from 'node:async_hooks';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionOperator } from '@/lib/auth/current-operator';
import type { Role } from '@/lib/auth/permissions';
import type { OpenDb } from '@/lib/db/open';
import { approvalRequests } from '@/lib/db/schema';
import { testDatabases } from '@/lib/db/testing';
import { startHarness, type Harness } from '@/lib/emulator/tests/harness';
import { createOperator } from '@/lib/operators/store';
import { controlApi, entriesFor, freshCharge, operatorsOfEveryRole } from './server-checks';

const session = vi.hoisted(() => ({ db: null as unknown, as: null as unknown }));
vi.mock('@/lib/auth/current-operator', () => ({
  getCurrentOperator: async () => (session.as as AsyncLocalStorage<SessionOperator> | null)?.getStore() ?? null,
}));
vi.mock('@/lib/db/client', () => ({ getDb: async () => session.db }));

const asOperator = new AsyncLocalStorage<SessionOperator>();
session.as = asOperator;
const as = <T>(operator: SessionOperator, fn: () => Promise<T>) => asOperator.run(operator, fn);

let h: Harness;
let transfers: typeof import('@/lib/transfers/actions');
let transferWrites: typeof import('@/lib/transfers/mutations');
let approvals: typeof import('@/lib/approvals/actions');
let store: typeof import('@/lib/approvals/store');
let sweep: typeof import('@/lib/approvals/sweep');
let grant: typeof import('@/lib/approvals/grant');
let reconciler: typeof import('@/lib/outcomes/reconciler');
let audit: typeof import('@/lib/audit/store');
let api: ReturnType<typeof controlApi>;

beforeAll(async () => {
  h = await startHarness({ seed: 'demo' });
  process.env.STRIPE_API_BASE = h.url;
  delete process.env.STRIPE_SECRET_KEY;
  transfers = await import('@/lib/transfers/actions');
  transferWrites = await import('@/lib/transfers/mutations');
  approvals = await import('@/lib/approvals/actions');
  store = await import('@/lib/approvals/store');
  sweep = await import('@/lib/approvals/sweep');
  grant = await import('@/lib/approvals/grant');
  reconciler = await import('@/lib/outcomes/reconciler');
  audit = await import('@/lib/audit/store');
  api = controlApi(h);
}, 60_000);
afterAll(() => h?.close());

const reversalsPath = (transfer: string) => `/v1/transfers/${transfer}/reversals`;
/** Later than any execution can take: the sweep may settle a claim made now. */
const afterStale = () => new Date(Date.now() + 21 * 60_000);

describe.each(testDatabases())('approvals after a crash on $name', ({ open }) => {
  let opened: OpenDb;
  let role: Record<Role, SessionOperator>;
  let finance2: SessionOperator;

  const row = async (id: string) => (await opened.db.select().from(approvalRequests).where(eq(approvalRequests.id, id)))[0]!;
  const ownPosts = async (transfer: string) => (await api.postsTo(reversalsPath(transfer))).filter((p) => !p.idempotent_replayed);
  const pass = (now?: Date) => reconciler.reconcileOnce(opened.db, { holder: 'test', now });

  /** A $1,500.00 reversal of a fresh $2,000.00 transfer, requested by finance and claimed by finance2 (the approval's first step). */
  async function claimed() {
    const { transfer } = await freshCharge(h, { amount: 200_000, fee: 2_000 });
    const params = { transferId: transfer, full: false, amount: '1500', refundApplicationFee: false, description: 'Chargeback on a large order', metadata: [], expectedReversed: 0, idempotencyKey: crypto.randomUUID() };
    const asked = await as(role.finance, () => approvals.requestApprovalAction({ action: 'transfer_reversal', params, note: 'Large chargeback, ticket 42', idempotencyKey: `${params.idempotencyKey}-approval` }));
    if (!asked.ok) throw new Error(asked.error);
    const id = asked.data.requestId;
    // The approval's claim, as approveRequestAction makes it; then the process dies.
    expect(await store.claimApproval(opened.db, id, finance2, 'Checked the ticket', null)).toMatchObject({ status: 'approved', claimedAt: expect.any(Date) });
    return { transfer, params, id };
  }

  beforeAll(async () => {
    opened = await open();
    session.db = opened.db;
    role = await operatorsOfEveryRole(opened.db);
    finance2 = { ...(await createOperator(opened.db, { email: `finance2-${crypto.randomUUID().slice(0, 8)}@example.test`, name: 'finance 2', role: 'finance' })), lastSignInAt: null };
  }, 60_000);
  afterAll(async () => opened?.close());
  beforeEach(async () => {
    session.db = opened.db;
    await api.clearFaults();
  });

  it('died before sending: failed and retryable; the retry makes exactly one reversal', async () => {
    const { transfer, params, id } = await claimed();
    // A claim younger than an execution can take may still be running: left alone.
    await pass();
    expect((await row(id)).status).toBe('approved');

    const report = await pass(afterStale());
    expect(report.approvalsSettled).toBeGreaterThanOrEqual(1);
    expect(await row(id)).toMatchObject({ status: 'failed', retryable: true, executionError: sweep.NEVER_SENT, executionAuditId: null });
    expect(await ownPosts(transfer)).toHaveLength(0);

    // Another pass changes nothing.
    await pass(afterStale());
    expect((await row(id)).status).toBe('failed');

    const retried = await as(finance2, () => approvals.retryRequestAction({ requestId: id, idempotencyKey: crypto.randomUUID() }));
    expect(retried).toMatchObject({ ok: true, data: { status: 'executed' } });
    const reversals = (await h.stripe.transfers.listReversals(transfer)).data;
    expect(reversals).toHaveLength(1);
    expect(reversals[0]).toMatchObject({ amount: 150_000, metadata: { console_request: params.idempotencyKey } });
    expect(await ownPosts(transfer)).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'executed', executionResultId: reversals[0]!.id, attempts: 2 });
  });

  it('died after the action ran (its entry recorded, the request not): executed with the right ids, never sent twice', async () => {
    const { transfer, params, id } = await claimed();
    // The executor's call of the action under its grant completes; the process dies before recordExecution.
    const ran = await as(finance2, () => grant.runWithGrant({ requestId: id, auditEntryId: null }, () => transfers.reverseTransfer(params)));
    expect(ran.ok).toBe(true);
    expect((await row(id)).status).toBe('approved');
    const [entry] = (await entriesFor(opened.db, params.idempotencyKey)).filter((e) => e.action === 'transfer.reverse');
    expect(entry).toMatchObject({ outcome: 'succeeded', requestId: expect.stringMatching(/^req_/), params: expect.objectContaining({ approvalRequestId: id }) });

    await pass(afterStale());
    const reversals = (await h.stripe.transfers.listReversals(transfer)).data;
    expect(reversals).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'executed', executionRequestId: entry!.requestId, executionResultId: reversals[0]!.id, executionAuditId: entry!.id, executionError: null });
    // Nothing more can run it: it is done.
    expect(await as(finance2, () => approvals.retryRequestAction({ requestId: id, idempotencyKey: crypto.randomUUID() }))).toMatchObject({ ok: false, error: expect.stringContaining('done') });
    expect(await as(role.admin, () => approvals.approveRequestAction({ requestId: id, note: 'again', idempotencyKey: crypto.randomUUID() }))).toMatchObject({ ok: false });
    expect(await ownPosts(transfer)).toHaveLength(1);
  });

  it('died between Stripe and the audit completion: the entry is found applied and the request executed', async () => {
    const { transfer, params, id } = await claimed();
    const { idempotencyKey, ...input } = params;
    // The wrapper's entry, naming the request, is written; Stripe makes the reversal; the process dies.
    await audit.startAuditEntry(opened.db, {
      operator: { id: finance2.id, email: finance2.email, role: finance2.role },
      action: 'transfer.reverse',
      targetId: transfer,
      params: { ...input, approvalRequestId: id },
      idempotencyKey,
      mode: 'emulator',
    });
    const made = await transferWrites.reverse(input, idempotencyKey, finance2.email);

    await pass(afterStale());
    expect(await row(id)).toMatchObject({ status: 'executed', executionResultId: made.resultId, executionRequestId: null });
    const [entry] = (await entriesFor(opened.db, idempotencyKey)).filter((e) => e.action === 'transfer.reverse');
    expect(entry).toMatchObject({ outcome: 'succeeded', resultId: made.resultId });
    expect((await row(id)).executionAuditId).toBe(entry!.id);
    expect(await ownPosts(transfer)).toHaveLength(1);
  });

  it('an entry that never reached Stripe: failed and retryable with the same key', async () => {
    const { transfer, params, id } = await claimed();
    const { idempotencyKey, ...input } = params;
    await audit.startAuditEntry(opened.db, {
      operator: { id: finance2.id, email: finance2.email, role: finance2.role },
      action: 'transfer.reverse',
      targetId: transfer,
      params: { ...input, approvalRequestId: id },
      idempotencyKey,
      mode: 'emulator',
    });
    await pass(afterStale());
    expect(await row(id)).toMatchObject({ status: 'failed', retryable: true, executionError: expect.stringMatching(/^The console stopped before it recorded the outcome of this request\. It was not done\. Not applied: no reversal of transfer tr_\w+ carries this request's key .* An approver may send it again with the same key\.$/) });
    const retried = await as(finance2, () => approvals.retryRequestAction({ requestId: id, idempotencyKey: crypto.randomUUID() }));
    expect(retried).toMatchObject({ ok: true, data: { status: 'executed' } });
    expect((await h.stripe.transfers.listReversals(transfer)).data).toHaveLength(1);
    expect(await ownPosts(transfer)).toHaveLength(1);
  });

  it('is one instance’s work: while another holds the reconciler’s lease, nothing is settled', async () => {
    const { id } = await claimed();
    const { takeLease, releaseLease } = await import('@/lib/db/leases');
    const now = afterStale();
    expect(await takeLease(opened.db, reconciler.RECONCILER_LEASE, 'other-instance', 60_000, now)).toBe(true);
    expect(await pass(now)).toMatchObject({ ran: false, approvalsSettled: 0 });
    expect((await row(id)).status).toBe('approved');
    await releaseLease(opened.db, reconciler.RECONCILER_LEASE, 'other-instance');
    await pass(now);
    expect((await row(id)).status).toBe('failed');
  });
});
