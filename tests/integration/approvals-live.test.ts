// Four-eyes approvals in live mode, for real: the console runs with a `sk_live_` key (against the
// emulator, which keeps a live-mode world of its own and answers `livemode: true`), so its mode is
// derived from the key, not simulated by widening a policy. With the default policies (no policy
// row in the database), an ops deletion or rejection of a live account is refused and sent nowhere;
// requested, a decline leaves the account as it was, and an approval by a second operator deletes
// it exactly once. On PGlite and PostgreSQL.
import { AsyncLocalStorage } from 'node:async_hooks';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionOperator } from '@/lib/auth/current-operator';
import type { Role } from '@/lib/auth/permissions';
import type { OpenDb } from '@/lib/db/open';
import { approvalPolicies, approvalRequests } from '@/lib/db/schema';
import { testDatabases } from '@/lib/db/testing';
import { startHarness, type Harness } from '@/lib/emulator/tests/harness';
import { controlApi, operatorsOfEveryRole } from './server-checks';

const session = vi.hoisted(() => ({ db: null as unknown, as: null as unknown }));
vi.mock('@/lib/auth/current-operator', () => ({
  getCurrentOperator: async () => (session.as as AsyncLocalStorage<SessionOperator> | null)?.getStore() ?? null,
}));
vi.mock('@/lib/db/client', () => ({ getDb: async () => session.db }));

const asOperator = new AsyncLocalStorage<SessionOperator>();
session.as = asOperator;
const as = <T>(operator: SessionOperator, fn: () => Promise<T>) => asOperator.run(operator, fn);

const LIVE_ENV = {
  STRIPE_SECRET_KEY: 'sk_live_console_integration',
  AUTH_SECRET: 'a-session-secret-for-the-live-mode-test-0123456789',
  AUDIT_CHAIN_KEY: 'an-audit-chain-key-for-the-live-mode-test-0123456789',
  AUTH_CREDENTIALS: 'on',
};
const saved: Record<string, string | undefined> = {};

let h: Harness;
let accounts: typeof import('@/lib/accounts/actions');
let approvals: typeof import('@/lib/approvals/actions');
let client: typeof import('@/lib/stripe/client');
let api: ReturnType<typeof controlApi>;

beforeAll(async () => {
  h = await startHarness({ seed: 'demo' });
  for (const [name, value] of Object.entries({ ...LIVE_ENV, STRIPE_API_BASE: h.url })) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
  accounts = await import('@/lib/accounts/actions');
  approvals = await import('@/lib/approvals/actions');
  client = await import('@/lib/stripe/client');
  api = controlApi(h);
}, 60_000);
afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await h?.close();
});

describe.each(testDatabases())('approvals in live mode on $name', ({ open }) => {
  let opened: OpenDb;
  let role: Record<Role, SessionOperator>;

  beforeAll(async () => {
    opened = await open();
    session.db = opened.db;
    role = await operatorsOfEveryRole(opened.db);
  }, 60_000);
  afterAll(async () => opened?.close());

  const row = async (id: string) => (await opened.db.select().from(approvalRequests).where(eq(approvalRequests.id, id)))[0]!;
  const deletes = async (account: string) => (await api.requests()).filter((r) => r.method === 'DELETE' && r.path === `/v1/accounts/${account}`);
  /** A new live Custom account the platform is liable for, with nothing in its balance: Stripe lets the platform delete it. */
  const liveAccount = async () => (await client.getStripe().accounts.create({ type: 'custom', country: 'US', capabilities: { transfers: { requested: true } } })).id;
  const deletion = (accountId: string) => ({ accountId, note: 'Duplicate account opened by mistake', confirmation: accountId, idempotencyKey: crypto.randomUUID() });

  it('runs in live mode because of the key, with the default policies', async () => {
    expect(client.stripeMode()).toBe('live');
    expect(await opened.db.select().from(approvalPolicies)).toEqual([]);
    // Stripe's account object carries no `livemode`; the balance does.
    expect((await client.getStripe().balance.retrieve()).livemode).toBe(true);
  });

  it('refuses an ops deletion or rejection of a live account sent directly, and sends nothing', async () => {
    const accountId = await liveAccount();
    const deleted = await as(role.ops, () => accounts.deleteAccountAction(deletion(accountId)));
    expect(deleted).toMatchObject({ ok: false, approvalRequired: true, error: expect.stringContaining("An account deletion in live mode needs a second operator's approval.") });
    const rejected = await as(role.ops, () => accounts.rejectAccountAction({ accountId, reason: 'fraud_payment_method_tester', note: 'Card testing seen on this account', confirmation: accountId, idempotencyKey: crypto.randomUUID() }));
    expect(rejected).toMatchObject({ ok: false, approvalRequired: true, error: expect.stringContaining('An account rejection in live mode') });
    expect(await deletes(accountId)).toHaveLength(0);
    expect((await client.getStripe().accounts.retrieve(accountId)).requirements?.disabled_reason ?? null).not.toMatch(/^rejected/);
  });

  it('a declined request leaves the live account as it was; an approved one deletes it once', async () => {
    const accountId = await liveAccount();
    const ask = async () => {
      const params = deletion(accountId);
      const asked = await as(role.ops, () => approvals.requestApprovalAction({ action: 'account_delete', params, note: params.note, idempotencyKey: `${params.idempotencyKey}-approval` }));
      if (!asked.ok) throw new Error(asked.error);
      return asked.data.requestId;
    };
    const declined = await ask();
    expect(await row(declined)).toMatchObject({ status: 'pending', mode: 'live' });
    expect(await as(role.admin, () => approvals.declineRequestAction({ requestId: declined, note: 'The holder still uses it', idempotencyKey: crypto.randomUUID() }))).toMatchObject({ ok: true });
    expect(await deletes(accountId)).toHaveLength(0);
    expect((await client.getStripe().accounts.retrieve(accountId)).id).toBe(accountId);

    const approved = await ask();
    expect(await as(role.admin, () => approvals.approveRequestAction({ requestId: approved, note: 'Checked: a duplicate', idempotencyKey: crypto.randomUUID() }))).toMatchObject({ ok: true, data: { status: 'executed' } });
    expect(await deletes(accountId)).toHaveLength(1);
    expect(await row(approved)).toMatchObject({ status: 'executed', mode: 'live', executionRequestId: expect.stringMatching(/^req_/) });
    await expect(client.getStripe().accounts.retrieve(accountId)).rejects.toMatchObject({ statusCode: 404 });
  });
});
