// Who is signed in, read fresh from the database on every request: the session token only names
// the operator and the session; their role and whether they are still active come from the
// operators table, whether the session was ended (signed out, "sign out everywhere", expired)
// from operator_sessions and the operator's session version. Cached per request.
//
// Pages, route handlers and actions only read the session: the token is decrypted here (with
// next-auth's own decoder, secret and cookie name) and checked, then one query reads the session
// row with its operator. Going through next-auth's `auth()` instead ran its jwt callback (a
// second read of the same row) and encrypted a renewed token that a server component cannot
// send anyway, on every request. The cookie is renewed where it can be sent: next-auth's session
// endpoint, which the keepalive (components/shell/session-keepalive.tsx) calls while the operator
// is active, and whose jwt callback makes the same checks.
import 'server-only';
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { resolveAuthSecret } from '@/lib/auth/secret';
import { checkClaims, nowInSeconds, readClaims } from '@/lib/auth/session-claims';
import { getOperatorSession, sessionIsLive, touchOperatorSession } from '@/lib/auth/session-store';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import type { Operator } from '@/lib/operators/store';

export type SessionOperator = Operator;

/** next-auth's session cookie names (over HTTPS, then plain HTTP); the name is also the token's salt. */
const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

/** The session token's claims from the request's cookie (whole, or in next-auth's numbered chunks), or null. */
async function readSessionToken(): Promise<Record<string, unknown> | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const chunks = jar
      .getAll()
      .filter((c) => c.name.startsWith(`${name}.`))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
    const token = jar.get(name)?.value ?? (chunks.length > 0 ? chunks.map((c) => c.value).join('') : undefined);
    if (!token) continue;
    try {
      return (await decode({ token, secret: resolveAuthSecret(getEnv()), salt: name })) as Record<string, unknown> | null;
    } catch {
      // Not ours, tampered with or expired: signed out.
      return null;
    }
  }
  return null;
}

export const getCurrentOperator = cache(async (): Promise<SessionOperator | null> => {
  const claims = readClaims(await readSessionToken());
  const env = getEnv();
  const now = nowInSeconds();
  // Idle too long, or past the session's total length: the same rule as next-auth's jwt callback.
  if (!claims || checkClaims(claims, now, env.auth) !== 'ok') return null;
  const db = await getDb();
  const stored = await getOperatorSession(db, claims.sid);
  const at = new Date(now * 1000);
  if (!stored || !sessionIsLive(stored, claims, at, env)) return null;
  // last_seen_at, at most once a minute (session-store.ts): the sessions page shows it.
  await touchOperatorSession(db, stored, at);
  return stored.operator;
});
