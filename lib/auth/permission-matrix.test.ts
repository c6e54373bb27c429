// Generated from the permission matrix: for every page, route handler and server action, a
// signed-out caller and every role without the permission are refused on the server, and every
// role with it is allowed. Pages and handlers are the real modules, called with a faked session
// (the database is PGlite in memory); the Stripe backend is a spy that must not be reached when
// the caller is refused.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { REFUSAL_MESSAGES } from '@/lib/auth/access';
import type { SessionOperator } from '@/lib/auth/current-operator';
import { can, ROLES, type Permission, type Role } from '@/lib/auth/permissions';
import { PAGE_ROUTES } from '@/lib/auth/routes';
import { API_ROUTES, PUBLIC_API_ROUTE_FILES, samplePath } from '@/tests/fixtures/routes';
import { openPglite, type OpenDb } from '@/lib/db/open';
import { createOperator } from '@/lib/operators/store';
import { recordEvent } from '@/lib/index/inbox';
import { saveState } from '@/lib/index/state';
import { insertSavedView } from '@/lib/saved-views/store';
import { riskCases } from '@/lib/db/schema';
import { DEFAULT_POLICIES, type ApprovalAction } from '@/lib/approvals/policy';
import { insertRequest, savePolicy } from '@/lib/approvals/store';
import { approvalRequests } from '@/lib/db/schema';
import { eq } from 'drizzle-orm';

const session = vi.hoisted(() => ({ operator: null as SessionOperator | null, db: null as unknown }));
const stripeSpy = vi.hoisted(() => {
  const account = { id: 'acct_Test123', object: 'account', type: 'custom', country: 'US', capabilities: {}, metadata: {}, requirements: null, controller: { type: 'application' } };
  return {
    getAccount: vi.fn(async () => account),
    listCapabilities: vi.fn(async () => []),
    listPersons: vi.fn(async () => []),
    listExternalAccounts: vi.fn(async () => []),
    getAccountBalance: vi.fn(async () => ({ available: [], pending: [] })),
    listTransfersTo: vi.fn(async () => []),
    listFeesFrom: vi.fn(async () => ({ items: [], scanned: 0, partial: false })),
  };
});
// The account actions' Stripe calls: reached only by callers the matrix allows.
const stripeWrites = vi.hoisted(() => {
  const written = <T>(data: T) => vi.fn(async () => ({ data, requestId: 'req_matrix' }));
  return {
    updateAccount: written({ account: {}, changed: ['email'] }),
    rejectAccount: written({ requirements: { disabled_reason: 'rejected.platform_fraud' } }),
    unrejectAccount: written({ requirements: { disabled_reason: null } }),
    deleteAccount: written({ id: 'acct_Test123', deleted: true }),
    updateCapability: written({ status: 'pending', requested: true }),
    createLoginLink: written({ url: 'https://example.test/login' }),
    createAccountLink: written({ url: 'https://example.test/onboard', expiresAt: 1 }),
  };
});

vi.mock('@/lib/auth/current-operator', () => ({ getCurrentOperator: async () => session.operator }));
vi.mock('@/lib/db/client', () => ({ getDb: async () => session.db }));
vi.mock('@/lib/accounts/queries', () => stripeSpy);
vi.mock('@/lib/accounts/mutations', () => stripeWrites);
// Approving a review from a risk case: reached only by callers the matrix allows.
const riskWrites = vi.hoisted(() => ({
  approveReview: vi.fn(async () => ({ data: { id: 'prv_Test123', closed_reason: 'approved' }, requestId: 'req_matrix', resultId: 'prv_Test123' })),
}));
vi.mock('@/lib/risk/mutations', () => riskWrites);
// The risk object pages' live reads (a charge, a review, an early fraud warning).
const riskObjectReads = vi.hoisted(() => {
  const place = { accountId: 'acct_Test123', accountName: null, onAccount: true };
  return {
    getChargeDetail: vi.fn(async () => ({ ...place, charge: { id: 'ch_Test123', object: 'charge' }, disputes: [], warnings: [] })),
    getReviewDetail: vi.fn(async () => ({ ...place, review: { id: 'prv_Test123', object: 'review' } })),
    getWarningDetail: vi.fn(async () => ({ ...place, warning: { id: 'issfr_Test123', object: 'radar.early_fraud_warning' } })),
  };
});
vi.mock('@/lib/risk/object-queries', () => riskObjectReads);
// The money pages' reads and the money actions' Stripe calls (fees, transfers, top-ups, balance).
const moneyFakes = vi.hoisted(() => {
  const fee = { id: 'fee_Test123', object: 'application_fee', account: 'acct_Test123', amount: 1000, amount_refunded: 0, currency: 'usd', charge: 'ch_Test123', created: 1, originating_transaction: null, refunded: false, balance_transaction: null };
  const transfer = { id: 'tr_Test123', object: 'transfer', amount: 1000, amount_reversed: 0, currency: 'usd', destination: 'acct_Test123', created: 1, metadata: {}, transfer_group: null, source_transaction: null };
  const topup = { id: 'tu_Test123', object: 'topup', amount: 1000, currency: 'usd', status: 'pending', created: 1, metadata: {}, source: null };
  const written = <T>(data: T) => vi.fn(async () => ({ data, requestId: 'req_matrix' }));
  return {
    fees: {
      listFees: vi.fn(async () => ({ items: [fee], scanned: 1, next: null, prev: null, partial: false, budget: 25, filtered: false })),
      exportFees: vi.fn(async () => ({ items: [fee], complete: true })),
      getFeeDetail: vi.fn(async () => ({ fee, refunds: [] })),
      getFeeRefund: vi.fn(async () => ({ refund: { id: 'fr_Test123', amount: 1, currency: 'usd', fee: fee.id, metadata: {}, created: 1 }, fee })),
    },
    feeWrites: { refundFee: written({ refundId: 'fr_Test123' }), updateFeeRefundMetadata: written({ refundId: 'fr_Test123' }) },
    transfers: {
      listTransfers: vi.fn(async () => ({ items: [transfer], scanned: 1, next: null, prev: null, partial: false, budget: 25, filtered: false })),
      exportTransfers: vi.fn(async () => ({ items: [transfer], complete: true })),
      getTransferDetail: vi.fn(async () => ({ transfer, reversals: [], balanceTransaction: null, sourceCharge: null })),
      getReversal: vi.fn(async () => ({ reversal: { id: 'trr_Test123', amount: 1, currency: 'usd', transfer: transfer.id, metadata: {}, created: 1 }, transfer })),
      listReversalsInPeriod: vi.fn(async () => ({ from: '2026-11-01', to: '2026-11-26', items: [], refusal: null, accountNames: {} })),
      readReversalsReport: vi.fn(async () => ({ from: '2026-11-01', to: '2026-11-26', items: [], refusal: null })),
    },
    transferWrites: { reverse: written({ reversalId: 'trr_Test123' }), updateReversal: written({ reversalId: 'trr_Test123' }) },
    topups: { listTopups: vi.fn(async () => ({ items: [topup], next: null, prev: null })), getTopup: vi.fn(async () => topup) },
    topupWrites: { create: written({ topupId: 'tu_Test123' }), cancel: written({ topupId: 'tu_Test123' }) },
    balance: { getPlatformBalance: vi.fn(async () => ({ available: [], pending: [] })) },
    // Subscription schedules (lib/billing/schedules): the page's and the fee link's reads, cancel and release.
    schedules: {
      getScheduleDetail: vi.fn(async () => ({ schedule: { id: 'sub_sched_Test123', status: 'active', phases: [] }, accountId: 'acct_Test123', invoices: [] })),
      findFeeSource: vi.fn(async () => ({ kind: 'none', reason: 'Not from a subscription.' })),
    },
    scheduleWrites: { cancelSchedule: written({ scheduleId: 'sub_sched_Test123', status: 'canceled' }), releaseSchedule: written({ scheduleId: 'sub_sched_Test123', status: 'released' }) },
    // What the four-eyes policy weighs: an amount typed as '5000' is $5,000.00 (above the default threshold), anything else $10.00.
    approvalReads: {
      assessReversal: vi.fn(async (input: { amount: string }) => ({ targetId: 'tr_Test123', subject: { amount: input.amount === '5000' ? 500_000 : 1000, currency: 'usd' }, summary: 'Reverse', snapshot: {} })),
      assessFeeRefund: vi.fn(async (input: { amount: string }) => ({ targetId: 'fee_Test123', subject: { amount: input.amount === '5000' ? 500_000 : 1000, currency: 'usd' }, summary: 'Refund', snapshot: {} })),
      assessReject: vi.fn(async () => ({ targetId: 'acct_Test123', subject: {}, summary: 'Reject', snapshot: {} })),
      assessDelete: vi.fn(async () => ({ targetId: 'acct_Test123', subject: {}, summary: 'Delete', snapshot: {} })),
      assessCapability: vi.fn(async () => ({ targetId: 'acct_Test123', subject: {}, summary: 'Capability', snapshot: {} })),
      assessScheduleCancel: vi.fn(async () => ({ targetId: 'sub_sched_Test123', subject: {}, summary: 'Cancel', snapshot: {} })),
      assessScheduleRelease: vi.fn(async () => ({ targetId: 'sub_sched_Test123', subject: {}, summary: 'Release', snapshot: {} })),
    },
  };
});
vi.mock('@/lib/fees/queries', async (original) => ({ ...(await original<object>()), ...moneyFakes.fees }));
vi.mock('@/lib/fees/mutations', async (original) => ({ ...(await original<object>()), ...moneyFakes.feeWrites }));
vi.mock('@/lib/transfers/queries', async (original) => ({ ...(await original<object>()), ...moneyFakes.transfers }));
vi.mock('@/lib/transfers/mutations', () => moneyFakes.transferWrites);
vi.mock('@/lib/topups/queries', () => moneyFakes.topups);
vi.mock('@/lib/topups/mutations', () => moneyFakes.topupWrites);
vi.mock('@/lib/balance/queries', () => moneyFakes.balance);
vi.mock('@/lib/billing/schedules/queries', async (original) => ({ ...(await original<object>()), getScheduleDetail: moneyFakes.schedules.getScheduleDetail }));
vi.mock('@/lib/billing/schedules/fee-source', () => ({ findFeeSource: moneyFakes.schedules.findFeeSource }));
vi.mock('@/lib/billing/schedules/mutations', () => ({ ...moneyFakes.scheduleWrites, scheduleReached: vi.fn() }));
vi.mock('@/lib/billing/schedules/approval', () => ({ assessScheduleCancel: moneyFakes.approvalReads.assessScheduleCancel, assessScheduleRelease: moneyFakes.approvalReads.assessScheduleRelease }));
vi.mock('@/lib/transfers/approval', () => ({ assessReversal: moneyFakes.approvalReads.assessReversal }));
vi.mock('@/lib/fees/approval', () => ({ assessFeeRefund: moneyFakes.approvalReads.assessFeeRefund }));
vi.mock('@/lib/accounts/approval', () => ({ assessReject: moneyFakes.approvalReads.assessReject, assessDelete: moneyFakes.approvalReads.assessDelete, assessCapability: moneyFakes.approvalReads.assessCapability }));
// The test clock panel's reads and Stripe calls, and the usage reader.
const billingFakes = vi.hoisted(() => {
  const written = <T>(data: T) => vi.fn(async () => ({ data, requestId: 'req_matrix' }));
  return {
    clockReads: {
      listClocks: vi.fn(async () => []),
      getClockView: vi.fn(async () => ({ clock: { id: 'clock_Test123', name: null, status: 'ready', frozenTime: 1, deletesAfter: 2, advancingTo: null }, rehearsals: [] })),
    },
    clockWrites: {
      createClock: written({ clockId: 'clock_Test123', frozenTime: 1 }),
      createRehearsal: written({ customerId: 'cus_Test123', scheduleId: 'sub_sched_Test123', prices: [] }),
      advanceClock: written({ clockId: 'clock_Test123', status: 'advancing', frozenTime: 1, target: 2 }),
      deleteClock: written({ clockId: 'clock_Test123', deleted: true }),
      reportUsage: written({ usageRecordId: 'mbur_Test123', quantity: 1, timestamp: 1 }),
    },
    usage: { readUsage: vi.fn(async () => ({ status: 'read', apiVersion: '2025-02-24.acacia', summaries: [] })) },
  };
});
vi.mock('@/lib/billing/test-clocks/queries', () => billingFakes.clockReads);
vi.mock('@/lib/billing/test-clocks/mutations', () => billingFakes.clockWrites);
vi.mock('@/lib/billing/usage/queries', () => billingFakes.usage);
// The backend banner's probe: a fixed answer, no Stripe call.
const backendProbe = vi.hoisted(() => ({
  getBackendStatus: vi.fn(async () => ({ reachable: true, backend: 'emulator', supervised: false, apiBase: 'http://127.0.0.1:12111', emulatorPort: 12111, checkedAt: 0 })),
}));
vi.mock('@/lib/stripe/health', () => backendProbe);
// The index's background jobs (the Data sync page's actions wake them): not started here.
const indexJobs = vi.hoisted(() => ({ kickIndexSync: vi.fn(), kickInboxWorker: vi.fn(), kickReconciliation: vi.fn(), ensureIndexJobs: vi.fn() }));
vi.mock('@/lib/index/background', () => indexJobs);
const moneySpies = () => [
  ...[...Object.values(moneyFakes), ...Object.values(billingFakes)].flatMap((group) => Object.values(group) as ReturnType<typeof vi.fn>[]),
  backendProbe.getBackendStatus,
];
// next-auth itself is not under test here (and does not load outside Next).
vi.mock('next-auth', () => {
  class AuthError extends Error {}
  class CredentialsSignin extends AuthError {
    code = 'credentials';
  }
  return { AuthError, CredentialsSignin };
});
vi.mock('@/lib/auth/config', () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn(), CREDENTIALS_PROVIDER_ID: 'credentials', OIDC_PROVIDER_ID: 'oidc' }));

process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

const ROOT = process.cwd();
let opened: OpenDb;
const operatorsByRole = new Map<Role, SessionOperator>();

beforeAll(async () => {
  opened = await openPglite();
  session.db = opened.db;
  for (const role of ROLES) operatorsByRole.set(role, await createOperator(opened.db, { email: `${role}@matrix.test`, name: role, role }));
}, 60_000);
afterAll(async () => opened?.close());
beforeEach(() => {
  session.operator = null;
  for (const spy of [...Object.values(stripeSpy), ...Object.values(stripeWrites), ...Object.values(riskWrites), ...Object.values(riskObjectReads)]) spy.mockClear();
  for (const spy of moneySpies()) spy.mockClear();
});

/** No Stripe read or write was made. */
function expectNoBackendCall() {
  for (const [name, spy] of Object.entries({ ...stripeSpy, ...stripeWrites, ...riskWrites, ...riskObjectReads })) expect(spy, name).not.toHaveBeenCalled();
  for (const spy of moneySpies()) expect(spy).not.toHaveBeenCalled();
}

type Caller = { label: string; role: Role | null; allowed: boolean };

function callersFor(permission: Permission | null): Caller[] {
  return [
    { label: 'signed out', role: null, allowed: false },
    ...ROLES.map((role) => ({ label: role, role, allowed: permission === null || can(role, permission) })),
  ];
}

function signInAs(role: Role | null) {
  session.operator = role ? operatorsByRole.get(role)! : null;
}

function filesNamed(dir: string, name: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...filesNamed(full, name));
    else if (entry === name) out.push(path.relative(ROOT, full));
  }
  return out;
}

/** app/(console)/transfers/reversals/[id]/page.tsx -> /transfers/reversals/[id] */
function patternOf(file: string): string {
  const route = path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .filter((segment) => !segment.startsWith('('))
    .join('/');
  return `/${route}`;
}

/** The first statement of a page module's default-exported function, as written (null if none). */
function firstStatementOfPage(file: string, source: string): string | null {
  const parsed = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const page = parsed.statements.find(
    (node): node is ts.FunctionDeclaration => ts.isFunctionDeclaration(node) && (node.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) ?? false),
  );
  return page?.body?.statements[0]?.getText(parsed) ?? null;
}

function digestOf(error: unknown): string {
  return typeof error === 'object' && error && 'digest' in error ? String((error as { digest: unknown }).digest) : String(error);
}

describe('pages', () => {
  const pageFiles = filesNamed(path.join(ROOT, 'app', '(console)'), 'page.tsx');

  // Load every page module once up front: the first import of a page transforms its whole module
  // graph (seconds on a busy machine), which is no part of what the tests below check.
  beforeAll(async () => {
    for (const file of pageFiles) await import(/* @vite-ignore */ path.join(ROOT, file));
  }, 120_000);

  it('every console page is in the route registry, and the registry has no stale entry', () => {
    expect(pageFiles.map(patternOf).sort()).toEqual(PAGE_ROUTES.map((route) => route.pattern).sort());
  });

  for (const file of pageFiles) {
    const pattern = patternOf(file);
    const permission = PAGE_ROUTES.find((route) => route.pattern === pattern)?.permission ?? null;

    it(`${pattern} asks for ${permission} before anything else`, () => {
      // Order, not presence: the check must be the page's first statement, before it reads its
      // params, the database or Stripe (the render test below only sees what reached the spy).
      const first = firstStatementOfPage(file, readFileSync(path.join(ROOT, file), 'utf8'));
      expect(first).toMatch(new RegExp(`^(const \\w+ = )?await requirePermission\\('${permission?.replace('.', '\\.')}'\\);$`));
    });

    describe.each(callersFor(permission))(`${pattern} as $label`, ({ role, allowed }) => {
      it(allowed ? 'renders' : 'is refused before any backend call', async () => {
        signInAs(role);
        const { default: Page } = (await import(/* @vite-ignore */ path.join(ROOT, file))) as {
          default: (props: unknown) => Promise<unknown>;
        };
        const sample = samplePath(pattern).split('/').at(-1)!;
        const props = { params: Promise.resolve({ id: sample }), searchParams: Promise.resolve({}) };
        if (allowed) {
          await expect(Page(props)).resolves.toBeTruthy();
        } else {
          const error = await Page(props).then(
            () => null,
            (thrown: unknown) => thrown,
          );
          expect(digestOf(error)).toMatch(role === null ? /^NEXT_REDIRECT;.*;\/sign-in;/ : /^NEXT_HTTP_ERROR_FALLBACK;403$/);
          expectNoBackendCall();
        }
      });
    });
  }
});

describe('route handlers', () => {
  const routeFiles = filesNamed(path.join(ROOT, 'app', 'api'), 'route.ts');

  it('every route handler is either guarded (in API_ROUTES) or public by design', () => {
    const known = [...API_ROUTES.map((route) => route.file), ...PUBLIC_API_ROUTE_FILES].sort();
    expect(routeFiles.sort()).toEqual(known);
  });

  for (const route of API_ROUTES) {
    describe.each(callersFor(route.permission))(`GET ${route.path} as $label`, ({ role, allowed }) => {
      it(allowed ? 'answers 200' : 'is refused with 401/403', async () => {
        signInAs(role);
        const { GET } = (await import(/* @vite-ignore */ path.join(ROOT, route.file))) as {
          GET: (request: Request, context: unknown) => Promise<Response>;
        };
        const response = await GET(new Request(`http://localhost${route.path}`), { params: Promise.resolve(route.params ?? {}) });
        expect(response.status).toBe(allowed ? (route.allowedStatus ?? 200) : role === null ? 401 : 403);
        if (!allowed) expectNoBackendCall();
        await response.body?.cancel();
      });
    });
  }
});

describe('server actions', () => {
  // A valid input per action; a new action without one fails here until it gets one.
  const sampleInputs: Record<string, () => Promise<Record<string, unknown>>> = {
    changeOperatorRole: async () => {
      const target = await createOperator(opened.db, { email: `t-${Math.random()}@matrix.test`, name: 'T', role: 'viewer' });
      return { operatorId: target.id, role: 'support' };
    },
    revokeOperatorSessions: async () => {
      const target = await createOperator(opened.db, { email: `r-${Math.random()}@matrix.test`, name: 'R', role: 'viewer' });
      return { operatorId: target.id };
    },
    signOutEverywhere: async () => ({}),
    updateAccount: async () => ({
      accountId: 'acct_Test123',
      email: 'new@example.test',
      businessProfile: { name: 'Shop', url: '', supportEmail: '', supportPhone: '', productDescription: '' },
      metadata: [{ key: 'tier', value: 'gold' }],
    }),
    rejectAccount: async () => ({ accountId: 'acct_Test123', reason: 'fraud_other', note: 'Card testing seen in the logs', confirmation: 'acct_Test123' }),
    unrejectAccount: async () => ({ accountId: 'acct_Test123', note: 'Rejected by mistake, reviewed again' }),
    deleteAccount: async () => {
      // The approval samples may have made deletions need approval in this mode: back to the default.
      await savePolicy(opened.db, DEFAULT_POLICIES.account_delete, operatorsByRole.get('admin')!.id);
      return { accountId: 'acct_Test123', note: 'Duplicate test account, never used', confirmation: 'acct_Test123' };
    },
    updateCapability: async () => ({ accountId: 'acct_Test123', capability: 'card_payments', requested: true }),
    createLoginLink: async () => ({ accountId: 'acct_Test123' }),
    createAccountLink: async () => ({ accountId: 'acct_Test123', type: 'account_onboarding' }),
    refundApplicationFee: async () => ({ feeId: 'fee_Test123', full: true, amount: '', reason: 'Overcharged', ticket: '', expectedRefunded: 0 }),
    updateFeeRefund: async () => ({ feeId: 'fee_Test123', refundId: 'fr_Test123', metadata: [{ key: 'ticket', value: 'SUP-1' }] }),
    reverseTransfer: async () => ({ transferId: 'tr_Test123', full: true, amount: '', refundApplicationFee: false, description: 'Order cancelled', metadata: [], expectedReversed: 0 }),
    updateTransferReversal: async () => ({ transferId: 'tr_Test123', reversalId: 'trr_Test123', description: 'Order cancelled', metadata: [] }),
    createTopup: async () => ({ amount: '100.00', description: 'Funding', statementDescriptor: '', source: '' }),
    cancelTopup: async () => ({ topupId: 'tu_Test123' }),
    cancelSchedule: async () => ({ scheduleId: 'sub_sched_Test123', accountId: 'acct_Test123', invoiceNow: true, prorate: false, confirmation: 'sub_sched_Test123' }),
    releaseSchedule: async () => ({ scheduleId: 'sub_sched_Test123', accountId: 'acct_Test123', preserveCancelDate: false, confirmation: 'sub_sched_Test123' }),
    // An event the inbox could not apply, one per call (an allowed retry puts it back to pending).
    retryWebhookEventAction: async () => {
      const id = `evt_Matrix${Math.random().toString(36).slice(2)}`;
      await recordEvent(opened.db, { id, type: 'account.updated', created: 1, account: null, data: { object: { id: 'acct_Test123', object: 'account' } } });
      return { eventId: id };
    },
    runBackfillAction: async () => ({}),
    runReconciliationAction: async () => {
      // Allowed once a backfill has finished: the matrix's database has none, so one is recorded.
      await saveState(opened.db, 'backfill:last_finished', { status: 'done', finishedAt: new Date() });
      return {};
    },
    saveViewAction: async () => ({ list: 'accounts', name: `View ${Math.random()}`, shared: false, query: '?tab=rejected&country=US' }),
    // A view of the caller's own (the action deletes only those); for a refused caller, any well-formed id.
    deleteViewAction: async () => {
      const owner = session.operator?.id;
      if (!owner) return { viewId: 'view_0000000000000000' };
      return { viewId: await insertSavedView(opened.db, { list: 'accounts', name: `Del ${Math.random()}`, ownerId: owner, shared: false, query: '' }) };
    },
  };
  // Risk case actions: an open case of their own per call (a decided case refuses a second decision).
  // (At most one undecided case per account: each on an account of its own.)
  const token = () => Math.random().toString(36).slice(2).padEnd(20, '0').slice(0, 20);
  const openCase = async (accountId = `acct_${token()}`) => {
    const id = `case_${token()}`;
    await opened.db.insert(riskCases).values({ id, accountId, status: 'open' });
    return id;
  };
  Object.assign(sampleInputs, {
    claimCase: async () => ({ caseId: await openCase() }),
    assignCase: async () => ({ caseId: await openCase(), assigneeId: operatorsByRole.get('ops')!.id }),
    addCaseNote: async () => ({ caseId: await openCase(), body: 'Looked at the charges' }),
    clearCase: async () => ({ caseId: await openCase(), note: 'Explained by a product recall' }),
    escalateCase: async () => ({ caseId: await openCase(), note: 'Needs an admin to decide' }),
    approveReview: async () => ({ caseId: await openCase(), reviewId: 'prv_Test123' }),
    rejectAccountFromCase: async () => {
      const accountId = `acct_${token()}`;
      return { caseId: await openCase(accountId), accountId, reason: 'fraud_other', note: 'Card testing seen in the logs', confirmation: accountId };
    },
  });
  // Approvals: a request of an action the caller's role may make (support refunds fees, ops deletes accounts, the others reverse transfers).
  const approvalParams: Record<ApprovalAction, Record<string, unknown>> = {
    transfer_reversal: { transferId: 'tr_Test123', full: false, amount: '5000', refundApplicationFee: false, description: 'Order cancelled', metadata: [], expectedReversed: 0 },
    fee_refund: { feeId: 'fee_Test123', full: false, amount: '5000', reason: 'Overcharged', ticket: '', expectedRefunded: 0 },
    account_delete: { accountId: 'acct_Test123', note: 'Duplicate test account, never used', confirmation: 'acct_Test123' },
    topup_create: {},
    account_reject: {},
    capability_change: {},
    schedule_cancel: {},
    schedule_release: {},
  };
  async function approvalSample(): Promise<{ action: ApprovalAction; params: Record<string, unknown> }> {
    const role = session.operator?.role;
    const action: ApprovalAction = role === 'support' ? 'fee_refund' : role === 'ops' ? 'account_delete' : 'transfer_reversal';
    // Deletions need approval in live mode only by default; here in every mode.
    if (action === 'account_delete') await savePolicy(opened.db, { ...DEFAULT_POLICIES.account_delete, mode: 'both' }, operatorsByRole.get('admin')!.id);
    return { action, params: { ...approvalParams[action], idempotencyKey: crypto.randomUUID() } };
  }
  /** A request the caller may decide (made by another operator), or their own; in the given status. */
  async function approvalRequest(mine: boolean, status: 'pending' | 'failed' = 'pending'): Promise<{ requestId: string }> {
    if (!session.operator) return { requestId: 'apr_0000000000000000' };
    const { action, params } = await approvalSample();
    const { approvable } = await import('@/lib/approvals/registry');
    const parsed = approvable(action).parse(params);
    if (!parsed.ok) throw new Error(`bad sample for ${action}`);
    const requester = mine ? session.operator : await createOperator(opened.db, { email: `req-${Math.random()}@matrix.test`, name: 'Requester', role: 'admin' });
    const request = await insertRequest(opened.db, {
      action,
      params: { ...parsed.input, idempotencyKey: parsed.idempotencyKey },
      executionKey: parsed.idempotencyKey,
      assessment: { targetId: null, subject: { amount: 500_000, currency: 'usd' }, summary: 'Sample', snapshot: {} },
      mode: 'emulator',
      note: 'Sample request',
      requester,
      validityHours: 24,
      requestAuditId: null,
    });
    if (status === 'failed') await opened.db.update(approvalRequests).set({ status: 'failed', retryable: true }).where(eq(approvalRequests.id, request!.id));
    return { requestId: request!.id };
  }
  Object.assign(sampleInputs, {
    requestApprovalAction: async () => ({ ...(await approvalSample()), note: 'A large one, ticket 42' }),
    approveRequestAction: async () => ({ ...(await approvalRequest(false)), note: 'Checked' }),
    declineRequestAction: async () => ({ ...(await approvalRequest(false)), note: 'Not this one' }),
    cancelRequestAction: () => approvalRequest(true),
    retryRequestAction: () => approvalRequest(false, 'failed'),
    updatePolicyAction: async () => DEFAULT_POLICIES.capability_change,
  });
  // The test clock panel (test mode: the matrix runs on the emulator).
  const onClock = { account: 'acct_Test123', clockId: 'clock_Test123' };
  Object.assign(sampleInputs, {
    createTestClockAction: async () => ({ account: 'acct_Test123', name: 'Rehearsal', frozenTime: '2026-01-01T00:00' }),
    createRehearsalAction: async () => ({
      ...onClock,
      customerName: 'Rehearsal',
      productName: 'Plan',
      currency: 'usd',
      usageType: 'licensed',
      interval: 'month',
      endBehavior: 'cancel',
      phases: [{ intervals: 1, unitAmount: '10', quantity: 1, feePercent: '10' }],
    }),
    advanceTestClockAction: async () => ({ ...onClock, fromFrozenTime: 1, toFrozenTime: 2 }),
    deleteTestClockAction: async () => ({ ...onClock, confirmation: 'clock_Test123' }),
    reportUsageAction: async () => ({ ...onClock, subscriptionItem: 'si_Test123', quantity: 1 }),
  });
  // Public by design: signing in and out.
  const PUBLIC_ACTIONS = ['signInWithPasswordAction', 'signInWithSsoAction', 'signOutAction'];

  const actionFiles = [...filesNamed(path.join(ROOT, 'lib'), 'actions.ts'), ...filesNamed(path.join(ROOT, 'app'), 'actions.ts')];

  it('finds the action modules', () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(2);
  });

  for (const file of actionFiles) {
    it(`${file}: every export is a guarded safe action (or public by design), each matrix-checked`, async () => {
      const { actionMetadata } = await import('@/lib/actions/safe-action');
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
      for (const [exportName, action] of Object.entries(mod)) {
        if (PUBLIC_ACTIONS.includes(exportName)) continue;
        const meta = actionMetadata(action);
        expect(meta, `${file} exports ${exportName}, which is not made with defineAction`).toBeDefined();
        const sample = sampleInputs[meta!.name];
        expect(sample, `no sample input for action ${meta!.name}`).toBeDefined();
        for (const caller of callersFor(meta!.permission)) {
          signInAs(caller.role);
          const input = { ...(await sample!()), idempotencyKey: `key-${caller.label.replace(/\W/g, '')}-${Math.random().toString(36).slice(2)}` };
          const result = (await (action as (input: unknown) => Promise<{ ok: boolean; error?: string }>)(input)) as {
            ok: boolean;
            error?: string;
          };
          const refusal = caller.role === null ? REFUSAL_MESSAGES['signed-out'] : REFUSAL_MESSAGES.forbidden;
          if (caller.allowed) expect(result, `${meta!.name} as ${caller.label}`).toMatchObject({ ok: true });
          else expect(result, `${meta!.name} as ${caller.label}`).toEqual({ ok: false, error: refusal });
        }
      }
    });
  }
});
