// Who is signed in, read fresh from the database on every request: the session token only names
// the operator and the session; their role and whether they are still active come from the
// operators table, whether the session was ended (signed out, "sign out everywhere", expired)
// from operator_sessions and the operator's session version. Cached per request.
import 'server-only';
import { cache } from 'react';
import { auth } from '@/lib/auth/config';
import { sessionStillValid } from '@/lib/auth/session-claims';
import { getOperatorSession, sessionIsLive } from '@/lib/auth/session-store';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { getOperatorById, type Operator } from '@/lib/operators/store';

export type SessionOperator = Operator;

type SessionShape = { operatorId?: unknown; sessionId?: unknown; sessionVersion?: unknown } | null;

export const getCurrentOperator = cache(async (): Promise<SessionOperator | null> => {
  const session = (await auth()) as SessionShape;
  if (!session || typeof session.operatorId !== 'string' || typeof session.sessionId !== 'string') return null;
  const db = await getDb();
  const env = getEnv();
  // next-auth's jwt callback checked the session row already; checked again here so no path
  // depends on that callback alone.
  const [operator, stored] = await Promise.all([getOperatorById(db, session.operatorId), getOperatorSession(db, session.sessionId)]);
  const claims = { op: session.operatorId, sid: session.sessionId, sv: session.sessionVersion };
  if (!sessionIsLive(stored, claims, new Date(), env)) return null;
  return sessionStillValid(operator, session.sessionVersion, env) ? operator : null;
});
