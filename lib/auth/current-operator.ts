// Who is signed in, read fresh from the database on every request: the session token only names
// the operator; their role, whether they are still active and whether the session was revoked
// ("sign out everywhere") come from the operators table. Cached per request.
import 'server-only';
import { cache } from 'react';
import { auth } from '@/lib/auth/config';
import { sessionStillValid } from '@/lib/auth/session-claims';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { getOperatorById, type Operator } from '@/lib/operators/store';

export type SessionOperator = Operator;

type SessionShape = { operatorId?: unknown; sessionVersion?: unknown } | null;

export const getCurrentOperator = cache(async (): Promise<SessionOperator | null> => {
  const session = (await auth()) as SessionShape;
  if (!session || typeof session.operatorId !== 'string') return null;
  const operator = await getOperatorById(await getDb(), session.operatorId);
  return sessionStillValid(operator, session.sessionVersion, getEnv()) ? operator : null;
});
