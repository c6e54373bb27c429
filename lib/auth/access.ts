// The access decision every guard makes, kept pure so the generated permission tests can check it
// against the matrix without a server: no operator means signed out; a role without the
// permission means forbidden.
import { can, PERMISSIONS, ROLE_LABELS, type Permission, type Role } from '@/lib/auth/permissions';

export type AccessRefusal = 'signed-out' | 'forbidden';

export type AccessDecision<T extends { role: Role }> =
  | { ok: true; operator: T }
  | { ok: false; reason: 'signed-out' }
  | { ok: false; reason: 'forbidden'; operator: T };

export function decideAccess<T extends { role: Role }>(operator: T | null, permission: Permission | null): AccessDecision<T> {
  if (!operator) return { ok: false, reason: 'signed-out' };
  if (permission !== null && !can(operator.role, permission)) return { ok: false, reason: 'forbidden', operator };
  return { ok: true, operator };
}

/** Plain words for a refusal, shown by actions and route handlers. */
export const REFUSAL_MESSAGES: Record<AccessRefusal, string> = {
  'signed-out': 'You are signed out. Sign in again to continue.',
  forbidden: 'Your role does not allow this.',
};

/** The audit log's words for a refusal: the log is read by others, so it names the role and what it lacked. */
export function refusalForAudit(role: Role, permission: Permission | null): string {
  const who = `The ${ROLE_LABELS[role]} role`;
  return permission === null ? `${who} may not do this.` : `${who} does not have the permission to ${PERMISSIONS[permission].toLowerCase()} (${permission}).`;
}

export const REFUSAL_STATUS: Record<AccessRefusal, 401 | 403> = { 'signed-out': 401, forbidden: 403 };
