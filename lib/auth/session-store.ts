// One row per signed-in session (`operator_sessions`); the session token carries its id. Signing
// out revokes the row, "sign out everywhere" revokes every row of the operator, and a token whose
// row is revoked, expired, unknown or someone else's is refused by every path (next-auth's jwt
// callback, which also serves /api/auth/session, and lib/auth/current-operator.ts). last_seen_at
// is written at most once per SESSION_TOUCH_SECONDS, not on every request. Takes the database
// and the time, so it is tested on PGlite and PostgreSQL.
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { sessionStillValid } from '@/lib/auth/session-claims';
import { SESSION_TOUCH_SECONDS } from '@/lib/auth/sign-in-limits';
import type { Db } from '@/lib/db/open';
import { operators, operatorSessions, type OperatorSessionRow } from '@/lib/db/schema';
import { publicColumns, type Operator } from '@/lib/operators/store';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
// Expired rows are kept this long (who signed in from where), then deleted at the operator's next sign-in.
const KEEP_EXPIRED_MS = 30 * 24 * 3600 * 1000;

/** `ses_` and 24 random letters and digits. */
export function newSessionId(): string {
  let body = '';
  // 248 is the largest multiple of 62 below 256: bytes above it are skipped, so every letter is equally likely.
  while (body.length < 24) {
    for (const byte of randomBytes(32)) if (byte < 248 && body.length < 24) body += ALPHABET[byte % 62];
  }
  return `ses_${body}`;
}

export async function createOperatorSession(
  db: Db,
  input: { operatorId: string; now: Date; expiresAt: Date; userAgent?: string | null; ipAddress?: string | null },
): Promise<string> {
  const id = newSessionId();
  await db
    .delete(operatorSessions)
    .where(and(eq(operatorSessions.operatorId, input.operatorId), lt(operatorSessions.expiresAt, new Date(input.now.getTime() - KEEP_EXPIRED_MS))));
  await db.insert(operatorSessions).values({
    id,
    operatorId: input.operatorId,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt: input.expiresAt,
    userAgent: input.userAgent ?? null,
    ipAddress: input.ipAddress ?? null,
  });
  return id;
}

export type StoredSession = {
  session: OperatorSessionRow;
  operator: Operator;
};

/** The session and its operator (what decides whether they may still use it, and who they are), in one query. */
export async function getOperatorSession(db: Db, id: string): Promise<StoredSession | null> {
  const [row] = await db
    .select({ session: operatorSessions, operator: publicColumns })
    .from(operatorSessions)
    .innerJoin(operators, eq(operators.id, operatorSessions.operatorId))
    .where(eq(operatorSessions.id, id))
    .limit(1);
  return row ?? null;
}

/**
 * Whether a token naming session `claims.sid` of operator `claims.op` under session version
 * `claims.sv` is still good: the row exists, belongs to that operator, is neither revoked nor
 * expired, and the operator is active with the same session version.
 */
export function sessionIsLive(
  stored: StoredSession | null,
  claims: { sid: string; op: string; sv: unknown },
  now: Date,
  env: { usingEmulator: boolean },
): boolean {
  if (!stored || stored.session.id !== claims.sid || stored.session.operatorId !== claims.op) return false;
  if (stored.session.revokedAt || stored.session.expiresAt <= now) return false;
  return sessionStillValid(stored.operator, claims.sv, env);
}

/** Records activity, at most once per SESSION_TOUCH_SECONDS; returns whether it wrote. */
export async function touchOperatorSession(db: Db, stored: StoredSession, now: Date): Promise<boolean> {
  if (now.getTime() - stored.session.lastSeenAt.getTime() < SESSION_TOUCH_SECONDS * 1000) return false;
  await db
    .update(operatorSessions)
    .set({ lastSeenAt: now })
    .where(and(eq(operatorSessions.id, stored.session.id), isNull(operatorSessions.revokedAt)));
  return true;
}

/** Signing out: this session ends for every copy of its cookie. */
export async function revokeOperatorSession(db: Db, id: string, now: Date): Promise<void> {
  await db.update(operatorSessions).set({ revokedAt: now }).where(and(eq(operatorSessions.id, id), isNull(operatorSessions.revokedAt)));
}

/** "Sign out everywhere": every session of the operator ends. Returns how many were still open. */
export async function revokeAllOperatorSessions(db: Db, operatorId: string, now: Date): Promise<number> {
  const rows = await db
    .update(operatorSessions)
    .set({ revokedAt: now })
    .where(and(eq(operatorSessions.operatorId, operatorId), isNull(operatorSessions.revokedAt)))
    .returning({ id: operatorSessions.id });
  return rows.length;
}
