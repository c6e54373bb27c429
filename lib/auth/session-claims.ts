// What the session token carries and when it stops being valid. The token names the operator, its
// session row (lib/auth/session-store.ts: signing out revokes it) and the session version it was
// issued under; the role is never taken from it (the database is read on every request). Pure, so
// the idle and absolute expiry rules are unit-tested.

export type SessionClaims = {
  /** The operator's id (`op_...`). */
  op: string;
  /** The session's row in operator_sessions (`ses_...`); revoked at sign-out. */
  sid: string;
  /** The operator's session version at sign-in; bumping it in the database ends the session. */
  sv: number;
  /** Sign-in time, seconds since the epoch: bounds the session's total length. */
  auth: number;
  /** Last activity, seconds since the epoch: bounds the idle time. */
  seen: number;
};

export type SessionLimits = { idleTimeoutSeconds: number; maxSessionHours: number };

export type ClaimsVerdict = 'ok' | 'invalid' | 'idle' | 'expired';

export function readClaims(token: Record<string, unknown> | null | undefined): SessionClaims | null {
  if (!token) return null;
  const { op, sid, sv, auth, seen } = token;
  if (typeof op !== 'string' || !op.startsWith('op_')) return null;
  // Tokens issued before sessions had rows carry no id: they are refused, and the operator signs in again.
  if (typeof sid !== 'string' || !sid.startsWith('ses_')) return null;
  if (typeof sv !== 'number' || typeof auth !== 'number' || typeof seen !== 'number') return null;
  return { op, sid, sv, auth, seen };
}

export function checkClaims(claims: SessionClaims | null, nowSeconds: number, limits: SessionLimits): ClaimsVerdict {
  if (!claims) return 'invalid';
  if (nowSeconds - claims.seen > limits.idleTimeoutSeconds) return 'idle';
  if (nowSeconds - claims.auth > limits.maxSessionHours * 3600) return 'expired';
  return 'ok';
}

export function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

type StoredOperator = { active: boolean; sessionVersion: number; isDemo: boolean };

/** Whether a stored operator may use a session issued under `sessionVersion`. */
export function sessionStillValid<T extends StoredOperator>(
  operator: T | null,
  sessionVersion: unknown,
  { usingEmulator }: { usingEmulator: boolean },
): operator is T {
  if (!operator || !operator.active) return false;
  if (operator.sessionVersion !== sessionVersion) return false;
  // Demo operators have published passwords: they exist for the emulator only.
  return !operator.isDemo || usingEmulator;
}
