// Every console page and the permission that guards it, plus where an object id leads. The
// navigation, the command palette and the generated permission tests all read this one list.
// Pure: imported by client components and tests.
import type { Permission } from '@/lib/auth/permissions';

export type NavItem = {
  href: string;
  label: string;
  permission: Permission;
};

/** The sidebar, in order. */
export const NAV_ITEMS: NavItem[] = [
  { href: '/accounts', label: 'Accounts', permission: 'accounts.read' },
  { href: '/transfers', label: 'Transfers', permission: 'transfers.read' },
  { href: '/application-fees', label: 'Application fees', permission: 'fees.read' },
  { href: '/topups', label: 'Top-ups', permission: 'topups.read' },
  { href: '/risk', label: 'Risk', permission: 'risk.read' },
  { href: '/audit', label: 'Audit', permission: 'audit.read' },
  { href: '/team', label: 'Team', permission: 'operators.manage' },
];

export type ObjectRoute = {
  /** Stripe's id prefix, including the underscore. */
  prefix: string;
  /** What the id names, in words. */
  noun: string;
  /** The route for one object; `[id]` is replaced by the id. */
  pattern: string;
  permission: Permission;
};

/** Object id prefixes the command palette understands. Longer prefixes first: `trr_` before `tr_`. */
export const OBJECT_ROUTES: ObjectRoute[] = [
  { prefix: 'acct_', noun: 'Connected account', pattern: '/accounts/[id]', permission: 'accounts.read' },
  { prefix: 'trr_', noun: 'Transfer reversal', pattern: '/transfers/reversals/[id]', permission: 'transfers.read' },
  { prefix: 'tr_', noun: 'Transfer', pattern: '/transfers/[id]', permission: 'transfers.read' },
  { prefix: 'fee_', noun: 'Application fee', pattern: '/application-fees/[id]', permission: 'fees.read' },
  { prefix: 'fr_', noun: 'Application fee refund', pattern: '/application-fees/refunds/[id]', permission: 'fees.read' },
  { prefix: 'tu_', noun: 'Top-up', pattern: '/topups/[id]', permission: 'topups.read' },
  { prefix: 'ch_', noun: 'Charge', pattern: '/risk/charges/[id]', permission: 'risk.read' },
  { prefix: 'issfr_', noun: 'Early fraud warning', pattern: '/risk/early-fraud-warnings/[id]', permission: 'risk.read' },
  { prefix: 'prv_', noun: 'Review', pattern: '/risk/reviews/[id]', permission: 'risk.read' },
];

/** Ids are Stripe-shaped: a known prefix then letters and digits. */
const ID_BODY = /^[A-Za-z0-9]+$/;

export function objectRouteFor(rawId: string): { route: ObjectRoute; id: string; href: string } | null {
  const id = rawId.trim();
  const route = OBJECT_ROUTES.find((candidate) => id.startsWith(candidate.prefix));
  if (!route || !ID_BODY.test(id.slice(route.prefix.length))) return null;
  return { route, id, href: route.pattern.replace('[id]', encodeURIComponent(id)) };
}

/** True when `id` is a well-formed id of the given prefix (dynamic pages call this). */
export function isObjectId(id: string, prefix: string): boolean {
  return objectRouteFor(id)?.route.prefix === prefix;
}

export type PageRoute = {
  /** The route pattern as in app/(console), e.g. `/accounts/[id]`. */
  pattern: string;
  permission: Permission;
};

/** Every page behind sign-in: the generated tests check each against every role. */
export const PAGE_ROUTES: PageRoute[] = [
  { pattern: '/', permission: 'accounts.read' },
  ...NAV_ITEMS.map((item) => ({ pattern: item.href, permission: item.permission })),
  ...OBJECT_ROUTES.map((route) => ({ pattern: route.pattern, permission: route.permission })),
  { pattern: '/transfers/reversals', permission: 'transfers.read' },
];

export type ApiRoute = {
  /** The route handler's file, relative to the project root. */
  file: string;
  /** A URL that reaches it. */
  path: string;
  permission: Permission;
  /** The dynamic segments of `path`, as Next passes them to the handler. */
  params?: Record<string, string>;
};

/** A demo-seed account the journeys never delete, so the per-account handlers answer 200 in e2e. */
export const SAMPLE_ACCOUNT_ID = 'acct_1EY6QdBHSsebQ80E';

const accountApi = (view: string, permission: Permission): ApiRoute => ({
  file: `app/api/accounts/[id]/${view ? `${view}/` : ''}route.ts`,
  path: `/api/accounts/${SAMPLE_ACCOUNT_ID}${view ? `/${view}` : ''}`,
  permission,
  params: { id: SAMPLE_ACCOUNT_ID },
});

/** Demo-seed money objects (the emulator's seed is deterministic), so the money handlers answer 200 in e2e. */
export const SAMPLE_MONEY = { fee: 'fee_iU1xMRKljvhkKmnMiQAuE7tM', feeRefund: 'fr_8XjbXOAVyKlFltQbkKKYvdjU', transfer: 'tr_EVNwims5vpmzRzK0dhDqowXo', reversal: 'trr_ZotOTsLIYS5Pbcy0cyICH146', topup: 'tu_inMEreVhJ9SKG5WY9wC6BJpy' };

const MONEY_API_ROUTES: ApiRoute[] = [
  { file: 'app/api/fees/route.ts', path: '/api/fees', permission: 'fees.read' },
  { file: 'app/api/fees/export/route.ts', path: '/api/fees/export?created_from=2026-11-01', permission: 'fees.read' },
  { file: 'app/api/fees/[id]/route.ts', path: `/api/fees/${SAMPLE_MONEY.fee}`, permission: 'fees.read', params: { id: SAMPLE_MONEY.fee } },
  { file: 'app/api/fees/refunds/[id]/route.ts', path: `/api/fees/refunds/${SAMPLE_MONEY.feeRefund}`, permission: 'fees.read', params: { id: SAMPLE_MONEY.feeRefund } },
  { file: 'app/api/transfers/route.ts', path: '/api/transfers', permission: 'transfers.read' },
  { file: 'app/api/transfers/export/route.ts', path: '/api/transfers/export?created_from=2026-11-01', permission: 'transfers.read' },
  { file: 'app/api/transfers/[id]/route.ts', path: `/api/transfers/${SAMPLE_MONEY.transfer}`, permission: 'transfers.read', params: { id: SAMPLE_MONEY.transfer } },
  { file: 'app/api/transfers/reversals/route.ts', path: '/api/transfers/reversals', permission: 'transfers.read' },
  { file: 'app/api/transfers/reversals/export/route.ts', path: '/api/transfers/reversals/export', permission: 'transfers.read' },
  {
    file: 'app/api/transfers/reversals/[id]/route.ts',
    path: `/api/transfers/reversals/${SAMPLE_MONEY.reversal}`,
    permission: 'transfers.read',
    params: { id: SAMPLE_MONEY.reversal },
  },
  { file: 'app/api/topups/route.ts', path: '/api/topups', permission: 'topups.read' },
  { file: 'app/api/topups/[id]/route.ts', path: `/api/topups/${SAMPLE_MONEY.topup}`, permission: 'topups.read', params: { id: SAMPLE_MONEY.topup } },
  { file: 'app/api/balance/route.ts', path: '/api/balance', permission: 'topups.read' },
];

/** Every guarded route handler: the generated tests call each with every role. */
export const API_ROUTES: ApiRoute[] = [
  { file: 'app/api/audit/export/route.ts', path: '/api/audit/export', permission: 'audit.read' },
  { file: 'app/api/audit/objects/[id]/route.ts', path: `/api/audit/objects/${SAMPLE_MONEY.fee}`, permission: 'audit.read', params: { id: SAMPLE_MONEY.fee } },
  // A request key no entry has: { found: false } for those allowed, refused for the rest.
  { file: 'app/api/requests/[key]/route.ts', path: '/api/requests/00000000-0000-4000-8000-000000000000', permission: 'audit.read', params: { key: '00000000-0000-4000-8000-000000000000' } },
  ...MONEY_API_ROUTES,
  { file: 'app/api/accounts/route.ts', path: '/api/accounts?type=custom', permission: 'accounts.read' },
  { file: 'app/api/accounts/export/route.ts', path: '/api/accounts/export?country=DE', permission: 'accounts.read' },
  accountApi('', 'accounts.read'),
  accountApi('capabilities', 'accounts.read'),
  accountApi('persons', 'accounts.read'),
  accountApi('external-accounts', 'accounts.read'),
  accountApi('balance', 'accounts.read'),
  accountApi('transfers', 'transfers.read'),
  accountApi('fees', 'fees.read'),
  accountApi('history', 'audit.read'),
];

/** Route handlers that are public by design (next-auth's own sign-in endpoints; the readiness check). */
export const PUBLIC_API_ROUTE_FILES: string[] = ['app/api/auth/[...nextauth]/route.ts', 'app/api/health/route.ts'];

/** A well-formed sample id for a page pattern, for tests and screenshots. */
export function samplePath(pattern: string): string {
  const route = OBJECT_ROUTES.find((candidate) => candidate.pattern === pattern);
  return route ? pattern.replace('[id]', `${route.prefix}Test123`) : pattern;
}
