// The operators' roles and their names in the UI. Apart from the permission matrix
// (permissions.ts) so client code that only names a role does not load the matrix. Pure.

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
  ops: 'Reviews connected accounts: updates, rejects, restores and deletes them; manages capabilities and onboarding links.',
  support: 'Looks things up for account holders and refunds application fees.',
  finance: 'Reverses transfers and tops up the platform balance.',
  viewer: 'Reads everything except the audit log; changes nothing.',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
