// Four-eyes approvals through the real server actions against the emulator, on PGlite and
// PostgreSQL: a large reversal sent directly is refused; the requester cannot approve their own
// request (even as admin); an approver needs the action's permission and the policy's role; two
// approvals at the same moment give one execution; a request expires; a transfer changed since
// the request is not reversed; a lost answer during execution, then a retry, gives one reversal
// (the emulator's request log); the audit log links request, decision and execution; every
// refused decision is logged as the refusal it was, in words.
import { AsyncLocalStorage } from 'node:async_hooks';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionOperator } from '@/lib/auth/current-operator';
import type { Role } from '@/lib/auth/permissions';
import type { OpenDb } from '@/lib/db/open';
import { DEFAULT_POLICIES } from '@/lib/approvals/policy';
import { savePolicy } from '@/lib/approvals/store';
import { auditActionLabel } from '@/lib/audit/catalog';
import { approvalRequests, auditEntries } from '@/lib/db/schema';
import { testDatabases } from '@/lib/db/testing';
import { startHarness, type Harness } from '@/lib/emulator/tests/harness';
import { createOperator } from '@/lib/operators/store';
import { controlApi, entriesFor, freshCharge, operatorsOfEveryRole } from './server-checks';

const session = vi.hoisted(() => ({ operator: null as SessionOperator | null, db: null as unknown, as: null as unknown }));
vi.mock('@/lib/auth/current-operator', () => ({
  getCurrentOperator: async () => (session.as as AsyncLocalStorage<SessionOperator> | null)?.getStore() ?? session.operator,
}));
vi.mock('@/lib/db/client', () => ({ getDb: async () => session.db }));

const asOperator = new AsyncLocalStorage<SessionOperator>();
session.as = asOperator;

let h: Harness;
let transfers: typeof import('@/lib/transfers/actions');
let approvals: typeof import('@/lib/approvals/actions');
let api: ReturnType<typeof controlApi>;

beforeAll(async () => {
  h = await startHarness({ seed: 'demo' });
  process.env.STRIPE_API_BASE = h.url;
  delete process.env.STRIPE_SECRET_KEY;
  transfers = await import('@/lib/transfers/actions');
  approvals = await import('@/lib/approvals/actions');
  api = controlApi(h);
}, 60_000);
afterAll(() => h?.close());

const reversalsPath = (transfer: string) => `/v1/transfers/${transfer}/reversals`;
/** A $2,000.00 transfer, and the input of a $1,500.00 reversal of it (above the default $1,000.00 threshold). */
async function bigReversal() {
  const { transfer } = await freshCharge(h, { amount: 200_000, fee: 2_000 });
  const params = { transferId: transfer, full: false, amount: '1500', refundApplicationFee: false, description: 'Chargeback on a large order', metadata: [], expectedReversed: 0, idempotencyKey: crypto.randomUUID() };
  return { transfer, params };
}
const as = <T>(operator: SessionOperator, fn: () => Promise<T>) => asOperator.run(operator, fn);

describe.each(testDatabases())('approvals on $name', ({ open }) => {
  let opened: OpenDb;
  let role: Record<Role, SessionOperator>;
  let finance2: SessionOperator;

  async function request(params: Record<string, unknown>, by: SessionOperator = role.finance) {
    const result = await as(by, () => approvals.requestApprovalAction({ action: 'transfer_reversal', params, note: 'Large chargeback, ticket 42', idempotencyKey: `${String(params.idempotencyKey)}-approval` }));
    if (!result.ok) throw new Error(result.error);
    return result.data.requestId;
  }
  const row = async (id: string) => (await opened.db.select().from(approvalRequests).where(eq(approvalRequests.id, id)))[0]!;
  const approve = (id: string, by: SessionOperator) => as(by, () => approvals.approveRequestAction({ requestId: id, note: 'Checked the ticket', idempotencyKey: crypto.randomUUID() }));
  const ownPosts = async (transfer: string) => (await api.postsTo(reversalsPath(transfer))).filter((p) => !p.idempotent_replayed);

  beforeAll(async () => {
    opened = await open();
    session.db = opened.db;
    role = await operatorsOfEveryRole(opened.db);
    finance2 = { ...(await createOperator(opened.db, { email: `finance2-${crypto.randomUUID().slice(0, 8)}@example.test`, name: 'finance 2', role: 'finance' })), lastSignInAt: null };
  }, 60_000);
  afterAll(async () => opened?.close());
  beforeEach(async () => {
    session.db = opened.db;
    session.operator = null;
    await api.clearFaults();
  });

  it('refuses a large reversal sent directly, records it as denied, and sends nothing to Stripe', async () => {
    const { transfer, params } = await bigReversal();
    const result = await as(role.finance, () => transfers.reverseTransfer(params));
    expect(result).toMatchObject({ ok: false, approvalRequired: true, error: expect.stringContaining('$1,500.00 USD is at or above the $1,000.00 USD threshold') });
    expect(await api.postsTo(reversalsPath(transfer))).toHaveLength(0);
    expect(await entriesFor(opened.db, params.idempotencyKey)).toMatchObject([{ outcome: 'denied', action: 'transfer.reverse' }]);
    // Below the threshold nothing changes.
    const small = await as(role.finance, () => transfers.reverseTransfer({ ...params, amount: '999.99', idempotencyKey: crypto.randomUUID() }));
    expect(small.ok).toBe(true);
  });

  it('never lets the requester approve their own request, even as admin; nor the request be run directly with its key', async () => {
    const { transfer, params } = await bigReversal();
    const id = await request(params, role.admin);
    expect(await approve(id, role.admin)).toMatchObject({ ok: false, error: 'You asked for this yourself: another operator must approve or decline it.' });
    // The approved request's own key sent directly is still refused: only the server's executor runs it.
    expect(await as(role.admin, () => transfers.reverseTransfer(params))).toMatchObject({ ok: false, approvalRequired: true });
    expect(await as(role.admin, () => approvals.declineRequestAction({ requestId: id, note: 'my own', idempotencyKey: crypto.randomUUID() }))).toMatchObject({ ok: false });
    expect(await api.postsTo(reversalsPath(transfer))).toHaveLength(0);
    expect(await row(id)).toMatchObject({ status: 'pending', decidedBy: null });
    // Support may not reverse, so may not approve a reversal; ops neither.
    expect(await approve(id, role.support)).toMatchObject({ ok: false, error: expect.stringContaining('may not make a transfer reversal itself') });
    expect(await approve(id, role.viewer)).toMatchObject({ ok: false, error: 'Your role does not allow this.' });
    expect((await row(id)).status).toBe('pending');
  });

  it('runs an approved reversal once, and the audit log links request, approval and execution', async () => {
    const { transfer, params } = await bigReversal();
    const id = await request(params);
    const result = await approve(id, finance2);
    expect(result).toMatchObject({ ok: true, data: { status: 'executed' } });
    const reversals = (await h.stripe.transfers.listReversals(transfer)).data;
    expect(reversals).toHaveLength(1);
    expect(reversals[0]).toMatchObject({ amount: 150_000, metadata: { console_request: params.idempotencyKey } });
    const done = await row(id);
    expect(done).toMatchObject({ status: 'executed', decidedBy: finance2.id, executionResultId: reversals[0]!.id, executionRequestId: expect.stringMatching(/^req_/) });
    const linked = await opened.db.select().from(auditEntries).where(eq(auditEntries.id, done.executionAuditId!));
    expect(linked[0]).toMatchObject({ action: 'transfer.reverse', outcome: 'succeeded', operatorId: finance2.id, idempotencyKey: params.idempotencyKey, params: expect.objectContaining({ approvalRequestId: id }) });
    const [requested] = await opened.db.select().from(auditEntries).where(eq(auditEntries.id, done.requestAuditId!));
    expect(requested).toMatchObject({ action: 'approval.request', operatorId: role.finance.id, resultId: id, outcome: 'succeeded' });
    const [decided] = await opened.db.select().from(auditEntries).where(eq(auditEntries.id, done.decisionAuditId!));
    expect(decided).toMatchObject({ action: 'approval.approve', operatorId: finance2.id, targetId: id, outcome: 'succeeded' });
    // Approving again does nothing more.
    expect(await approve(id, role.admin)).toMatchObject({ ok: false, error: expect.stringContaining('already approved') });
    expect(await ownPosts(transfer)).toHaveLength(1);
  });

  it('gives exactly one execution when two approvers approve at the same moment', async () => {
    const { transfer, params } = await bigReversal();
    const id = await request(params);
    const results = await Promise.all([approve(id, finance2), approve(id, role.admin)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: expect.stringMatching(/already approved/) });
    expect(await ownPosts(transfer)).toHaveLength(1);
    expect((await h.stripe.transfers.listReversals(transfer)).data).toHaveLength(1);
    expect((await row(id)).status).toBe('executed');
  });

  it('lets a request expire: it can no longer be approved', async () => {
    const { transfer, params } = await bigReversal();
    const id = await request(params);
    await opened.db.update(approvalRequests).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(approvalRequests.id, id));
    expect(await approve(id, finance2)).toMatchObject({ ok: false, error: expect.stringContaining('expired') });
    expect((await row(id)).status).toBe('expired');
    expect(await api.postsTo(reversalsPath(transfer))).toHaveLength(0);
  });

  it('refuses to run a request whose transfer changed since, and says what changed', async () => {
    const { transfer, params } = await bigReversal();
    const id = await request(params);
    await h.stripe.transfers.createReversal(transfer, { amount: 10_000 });
    const result = await approve(id, finance2);
    expect(result).toMatchObject({ ok: true, data: { status: 'failed' } });
    expect(await row(id)).toMatchObject({ status: 'failed', retryable: false, executionError: expect.stringContaining('Left to reverse: $2,000.00 USD then, $1,900.00 USD now') });
    expect(await api.postsTo(reversalsPath(transfer))).toHaveLength(1);
    expect(await as(finance2, () => approvals.retryRequestAction({ requestId: id, idempotencyKey: crypto.randomUUID() }))).toMatchObject({ ok: false });
  });

  it('after a lost answer during execution, a retry with the same key gives one reversal', async () => {
    const { transfer, params } = await bigReversal();
    const id = await request(params);
    // The reversal is made but its answers are lost, and the list that would find it fails meanwhile.
    await api.addFault({ lost_response: { path: reversalsPath(transfer), method: 'POST', count: 10 } });
    await api.addFault({ error: { status: 500, path: reversalsPath(transfer), method: 'GET', count: 30 } });
    const first = await approve(id, finance2);
    expect(first).toMatchObject({ ok: true, data: { status: 'unknown' } });
    expect((await row(id)).status).toBe('unknown');
    await api.clearFaults();
    // Not the requester, even to retry.
    expect(await as(role.finance, () => approvals.retryRequestAction({ requestId: id, idempotencyKey: crypto.randomUUID() }))).toMatchObject({ ok: false });
    const again = await as(finance2, () => approvals.retryRequestAction({ requestId: id, idempotencyKey: crypto.randomUUID() }));
    expect(again).toMatchObject({ ok: true, data: { status: 'executed' } });
    const reversals = (await h.stripe.transfers.listReversals(transfer)).data;
    expect(reversals).toHaveLength(1);
    expect(await ownPosts(transfer)).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'executed', executionResultId: reversals[0]!.id, attempts: 2 });
    for (const entry of await entriesFor(opened.db, params.idempotencyKey)) expect(entry.params).toMatchObject({ approvalRequestId: id });
  });

  it('after a lost answer during execution, the request’s page finds the reversal by reading Stripe, never by sending it again', async () => {
    const queries = await import('@/lib/approvals/queries');
    const { transfer, params } = await bigReversal();
    const id = await request(params);
    // The reversal is made but its answers are lost; once the execution has looked for an earlier
    // reversal (before it makes one), the list that would find it fails.
    await api.addFault({ lost_response: { path: reversalsPath(transfer), method: 'POST', count: 10 } });
    await api.addFault({ latency: { path: reversalsPath(transfer), method: 'POST', ms: 500, count: 1 } });
    const approved = approve(id, finance2);
    await vi.waitFor(async () => expect((await api.requests()).some((r) => r.method === 'GET' && r.path === reversalsPath(transfer))).toBe(true), { timeout: 10_000, interval: 50 });
    await api.addFault({ error: { status: 500, path: reversalsPath(transfer), method: 'GET', count: null } });
    expect(await approved).toMatchObject({ ok: true, data: { status: 'unknown' } });
    expect(await ownPosts(transfer)).toHaveLength(1);
    // Past the grace in which the execution's entry is still its own process's to record.
    const later = (ms: number) => vi.setSystemTime(Date.now() + ms);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      later(21_000);
      // Stripe still cannot be read: still unknown, in the words of a lost answer.
      expect(await queries.getRequestDetail(id, finance2)).toMatchObject({ status: 'unknown', executionError: expect.stringContaining('may or may not have been made') });
      await api.clearFaults();
      const sent = (await api.postsTo(reversalsPath(transfer))).length;
      const detail = await queries.getRequestDetail(id, finance2);
      const reversals = (await h.stripe.transfers.listReversals(transfer)).data;
      expect(reversals).toHaveLength(1);
      expect(detail).toMatchObject({ status: 'executed', executionResultId: reversals[0]!.id, executionError: null, retryable: false });
      expect((await api.postsTo(reversalsPath(transfer))).length).toBe(sent);
    } finally {
      vi.useRealTimers();
    }
    expect(await ownPosts(transfer)).toHaveLength(1);
    const [reversal] = (await h.stripe.transfers.listReversals(transfer)).data;
    expect(await row(id)).toMatchObject({ status: 'executed', attempts: 1, executionResultId: reversal!.id });
    const executions = (await entriesFor(opened.db, params.idempotencyKey)).filter((e) => e.action === 'transfer.reverse');
    expect(executions).toMatchObject([{ outcome: 'succeeded', resultId: reversal!.id }]);
  });

  it('records every refused decision as a refusal, in words about the operator, never as the decision failed', async () => {
    const { params } = await bigReversal();
    const id = await request(params);
    /** The operator's last entry of this action, as the Audit page words it. */
    const logged = async (operator: SessionOperator, action: string) => {
      const entry = (await opened.db.select().from(auditEntries).where(eq(auditEntries.operatorId, operator.id))).filter((e) => e.action === action).sort((a, b) => a.id - b.id).at(-1)!;
      return { line: `${auditActionLabel(entry.action, entry.outcome)}: ${entry.errorMessage}`, outcome: entry.outcome, targetId: entry.targetId };
    };
    const key = () => crypto.randomUUID();

    await approve(id, role.finance);
    expect(await logged(role.finance, 'approval.approve')).toEqual({ line: 'Refused to approve a request: The requester cannot approve their own request.', outcome: 'denied', targetId: id });
    await as(role.finance, () => approvals.declineRequestAction({ requestId: id, note: 'my own', idempotencyKey: key() }));
    expect((await logged(role.finance, 'approval.decline')).line).toBe('Refused to decline a request: The requester cannot decline their own request.');
    await approve(id, role.support);
    expect(await logged(role.support, 'approval.approve')).toMatchObject({ line: 'Refused to approve a request: The Support role may not make a transfer reversal itself, so it may not approve one.', outcome: 'denied' });
    await savePolicy(opened.db, { ...DEFAULT_POLICIES.transfer_reversal, approverRoles: ['admin'] }, role.admin.id);
    try {
      await approve(id, finance2);
      expect((await logged(finance2, 'approval.approve')).line).toBe('Refused to approve a request: The policy lets only Admin approve a transfer reversal; the operator is Finance.');
    } finally {
      await savePolicy(opened.db, DEFAULT_POLICIES.transfer_reversal, role.admin.id);
    }
    await as(finance2, () => approvals.cancelRequestAction({ requestId: id, idempotencyKey: key() }));
    expect((await logged(finance2, 'approval.cancel')).line).toBe('Refused to cancel an approval request: Only the requester may cancel a request.');
    await as(finance2, () => approvals.retryRequestAction({ requestId: id, idempotencyKey: key() }));
    expect((await logged(finance2, 'approval.retry')).line).toBe('Refused to retry an approved request: This request is still waiting for approval.');
    expect((await row(id)).status).toBe('pending');

    // Expired, then no longer pending: refused, and said so.
    await opened.db.update(approvalRequests).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(approvalRequests.id, id));
    await approve(id, finance2);
    expect(await logged(finance2, 'approval.approve')).toMatchObject({ line: expect.stringMatching(/^Refused to approve a request: This request expired before anyone decided it\./), outcome: 'denied' });
    await as(role.finance, () => approvals.cancelRequestAction({ requestId: id, idempotencyKey: key() }));
    expect((await logged(role.finance, 'approval.cancel')).line).toMatch(/^Refused to cancel an approval request: This request expired/);

    // A decision that was made is no refusal, even when the action it ran failed at Stripe.
    const other = await bigReversal();
    const declined = await request(other.params);
    expect(await as(finance2, () => approvals.declineRequestAction({ requestId: declined, note: 'Not this one', idempotencyKey: key() }))).toMatchObject({ ok: true });
    expect(await logged(finance2, 'approval.decline')).toMatchObject({ line: 'Declined a request: null', outcome: 'succeeded' });
  });

  it('lets only the requester cancel a pending request', async () => {
    const { params } = await bigReversal();
    const id = await request(params);
    expect(await as(finance2, () => approvals.cancelRequestAction({ requestId: id, idempotencyKey: crypto.randomUUID() }))).toMatchObject({ ok: false });
    expect(await as(role.finance, () => approvals.cancelRequestAction({ requestId: id, idempotencyKey: crypto.randomUUID() }))).toMatchObject({ ok: true });
    expect(await approve(id, finance2)).toMatchObject({ ok: false, error: expect.stringContaining('cancelled') });
  });
});
