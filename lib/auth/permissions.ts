// The one permission matrix: which role may do what. Pages, route handlers and server actions ask
// the server-side helpers in lib/auth/session.ts, which read this table; the UI reads it only to
// hide what a role may not do. Pure, so client components and tests can import it.

export const ROLES = ['admin', 'ops', 'support', 'finance', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  ops: 'Operations',
  support: 'Support',
  finance: 'Finance',
  viewer: 'Viewer',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Everything, including managing operators.',
  ops: 'Reviews connected accounts: updates, rejects, unrejects and deletes them; manages capabilities and onboarding links; cancels and releases subscription schedules.',
  support: 'Looks things up for account holders, refunds application fees and rehearses billing with test clocks.',
  finance: 'Reverses transfers, tops up the platform balance and rehearses billing with test clocks.',
  viewer: 'Reads everything except the audit log; changes nothing.',
};

export const PERMISSIONS = {
  'accounts.read': 'Read connected accounts',
  'accounts.update': 'Update connected accounts',
  'accounts.reject': 'Reject connected accounts',
  'accounts.unreject': 'Unreject connected accounts the platform rejected',
  'accounts.delete': 'Delete connected accounts',
  'capabilities.manage': 'Request and remove capabilities',
  'links.create': 'Create onboarding and update links',
  'transfers.read': 'Read transfers and reversals',
  'transfers.reverse': 'Reverse transfers',
  'fees.read': 'Read application fees and fee refunds',
  'fees.refund': 'Refund application fees',
  'topups.read': 'Read top-ups',
  'topups.create': 'Create top-ups',
  'topups.cancel': 'Cancel top-ups',
  'payouts.read': "Read connected accounts' payouts to their banks",
  'billing.read': 'Read subscription schedules, subscriptions and invoices on connected accounts',
  'billing.manage': 'Cancel and release subscription schedules on connected accounts',
  'testclocks.manage': 'Rehearse billing with test clocks (test mode only)',
  'risk.read': 'Read charges, reviews and early fraud warnings',
  'risk.decide': 'Decide risk cases: claim, note, clear, escalate, approve reviews',
  'audit.read': 'Read the audit log',
  'operators.manage': 'Manage operators and their roles',
  'sync.manage': "See how the console's index is kept, retry webhook events and run the backfill",
  'approvals.read': 'See approval requests (deciding one also needs the permission of its action)',
  'policies.manage': 'Change which actions need a second operator’s approval',
} as const;
export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

const READ_EVERYTHING: Permission[] = ['accounts.read', 'transfers.read', 'fees.read', 'topups.read', 'billing.read', 'risk.read', 'payouts.read'];

const MATRIX: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(ALL_PERMISSIONS),
  ops: new Set<Permission>([
    'accounts.read',
    'accounts.update',
    'accounts.reject',
    'accounts.unreject',
    'accounts.delete',
    'capabilities.manage',
    'links.create',
    'transfers.read',
    'fees.read',
    'payouts.read',
    'billing.read',
    'billing.manage',
    'testclocks.manage',
    'risk.read',
    'risk.decide',
    'audit.read',
    'approvals.read',
  ]),
  support: new Set<Permission>(['accounts.read', 'transfers.read', 'fees.read', 'fees.refund', 'payouts.read', 'billing.read', 'testclocks.manage', 'risk.read', 'audit.read', 'approvals.read']),
  finance: new Set<Permission>([
    'accounts.read',
    'transfers.read',
    'transfers.reverse',
    'fees.read',
    'topups.read',
    'topups.create',
    'topups.cancel',
    'payouts.read',
    'billing.read',
    'testclocks.manage',
    'risk.read',
    'audit.read',
    'approvals.read',
  ]),
  viewer: new Set<Permission>(READ_EVERYTHING),
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
  return MATRIX[role].has(permission);
}

export function permissionsOf(role: Role): Permission[] {
  return ALL_PERMISSIONS.filter((permission) => can(role, permission));
}

export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((role) => can(role, permission));
}
