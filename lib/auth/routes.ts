// Every console page and the permission that guards it, plus where an object id leads. The
// navigation, the command palette and the generated permission tests all read this one list.
// Pure: imported by client components, so no test fixture lives here (tests/fixtures/routes.ts).
import type { Permission } from '@/lib/auth/permissions';
import { ID_BODY } from '@/lib/stripe/ids';

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
  { href: '/payouts', label: 'Payouts', permission: 'payouts.read' },
  { href: '/billing', label: 'Billing', permission: 'billing.read' },
  { href: '/risk', label: 'Risk', permission: 'risk.read' },
  { href: '/approvals', label: 'Approvals', permission: 'approvals.read' },
  { href: '/audit', label: 'Audit', permission: 'audit.read' },
  { href: '/team', label: 'Team', permission: 'operators.manage' },
  { href: '/data-sync', label: 'Data sync', permission: 'sync.manage' },
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
  { prefix: 'sub_sched_', noun: 'Subscription schedule', pattern: '/billing/schedules/[id]', permission: 'billing.read' },
  { prefix: 'apr_', noun: 'Approval request', pattern: '/approvals/[id]', permission: 'approvals.read' },
  { prefix: 'ch_', noun: 'Charge', pattern: '/risk/charges/[id]', permission: 'risk.read' },
  { prefix: 'issfr_', noun: 'Early fraud warning', pattern: '/risk/early-fraud-warnings/[id]', permission: 'risk.read' },
  { prefix: 'prv_', noun: 'Review', pattern: '/risk/reviews/[id]', permission: 'risk.read' },
];

export function objectRouteFor(rawId: string): { route: ObjectRoute; id: string; href: string } | null {
  const id = rawId.trim();
  const route = OBJECT_ROUTES.find((candidate) => id.startsWith(candidate.prefix));
  if (!route || !ID_BODY.test(id.slice(route.prefix.length))) return null;
  return { route, id, href: route.pattern.replace('[id]', encodeURIComponent(id)) };
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
  { pattern: '/risk/accounts/[id]', permission: 'risk.read' },
  { pattern: '/approvals/policies', permission: 'policies.manage' },
  { pattern: '/billing/test-clocks', permission: 'testclocks.manage' },
];
