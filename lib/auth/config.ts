// next-auth, configured lazily from the environment at the first request (so `next build` needs
// no secrets): password sign-in for operators stored in our database, OpenID Connect when
// configured, JWT sessions that end after an idle time, at sign-out (the token names a row in
// operator_sessions, revoked then) or when the operator's session version changes. Pages never
// read the session from here: they call lib/auth/guard.ts.
import 'server-only';
import { headers } from 'next/headers';
import NextAuth, { type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { recordAuditEvent } from '@/lib/audit/store';
import { safeRedirectUrl } from '@/lib/auth/callback-url';
import { clientAddress, userAgentOf } from '@/lib/auth/client-address';
import { signInWithPassword } from '@/lib/auth/password-sign-in';
import { resolveAuthSecret } from '@/lib/auth/secret';
import { SignInBusyError, SignInPausedError } from '@/lib/auth/sign-in-errors';
import { checkClaims, nowInSeconds, readClaims, type SessionClaims } from '@/lib/auth/session-claims';
import { createOperatorSession, getOperatorSession, revokeOperatorSession, sessionIsLive, touchOperatorSession } from '@/lib/auth/session-store';
import { isAllowedSsoEmail } from '@/lib/auth/sso';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { findOrCreateSsoOperator, getOperatorById, recordSignIn, type Operator } from '@/lib/operators/store';
import { stripeMode } from '@/lib/stripe/client';

export const OIDC_PROVIDER_ID = 'oidc';
export const CREDENTIALS_PROVIDER_ID = 'credentials';

/** The sign-in request's headers (a server action or next-auth's callback route), when there is one. */
async function signInHeaders(): Promise<Headers | null> {
  try {
    return new Headers(await headers());
  } catch {
    return null;
  }
}

async function startSession(operator: Operator, provider: string, maxSessionHours: number): Promise<SessionClaims> {
  const db = await getDb();
  await recordSignIn(db, operator.id);
  const request = await signInHeaders();
  const started = new Date();
  const sid = await createOperatorSession(db, {
    operatorId: operator.id,
    now: started,
    expiresAt: new Date(started.getTime() + maxSessionHours * 3600 * 1000),
    userAgent: request ? userAgentOf(request) : null,
    ipAddress: request ? clientAddress(request) : null,
  });
  await recordAuditEvent(
    db,
    {
      operator: { id: operator.id, email: operator.email, role: operator.role },
      action: 'operator.sign_in',
      targetId: operator.id,
      params: { provider, session: sid },
      mode: stripeMode(),
    },
    { outcome: 'succeeded' },
  );
  const now = Math.floor(started.getTime() / 1000);
  return { op: operator.id, sid, sv: operator.sessionVersion, auth: now, seen: now };
}

function buildConfig(): NextAuthConfig {
  const env = getEnv();
  const providers: NextAuthConfig['providers'] = [];
  if (env.auth.credentialsEnabled) {
    providers.push(
      Credentials({
        id: CREDENTIALS_PROVIDER_ID,
        name: 'E-mail and password',
        credentials: { email: { label: 'E-mail', type: 'email' }, password: { label: 'Password', type: 'password' } },
        // The client address comes from the request next-auth rebuilt (see lib/auth/client-address.ts).
        authorize: async (raw, request) => {
          const result = await signInWithPassword(
            { db: await getDb(), usingEmulator: env.usingEmulator, mode: stripeMode() },
            { email: raw?.email, password: raw?.password, address: clientAddress(request.headers) },
          );
          if (result.ok) return { id: result.operator.id, email: result.operator.email, name: result.operator.name };
          if (result.reason === 'paused') throw new SignInPausedError(result.until);
          if (result.reason === 'busy') throw new SignInBusyError();
          return null;
        },
      }),
    );
  }
  const oidc = env.auth.oidc;
  if (oidc) {
    providers.push({
      id: OIDC_PROVIDER_ID,
      name: oidc.name,
      type: 'oidc',
      issuer: oidc.issuer,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      checks: ['pkce', 'state', 'nonce'],
    });
  }

  return {
    secret: resolveAuthSecret(env),
    trustHost: true,
    providers,
    pages: { signIn: '/sign-in', error: '/sign-in' },
    // The cookie and the token live for the idle time. They are renewed only through next-auth's
    // session endpoint, which the keepalive calls while the operator is active, at most once per
    // min(60 s, idle time / 4) (components/shell/session-keepalive.tsx): so a session idles out
    // between idle time - 60 s and the idle time after the last activity. Pages, handlers and
    // actions only read the token (lib/auth/current-operator.ts) and never renew it. (`updateAge`
    // is not set: Auth.js ignores it for JWT sessions and re-issues the token on every call of
    // the session endpoint.)
    session: { strategy: 'jwt', maxAge: env.auth.idleTimeoutSeconds },
    callbacks: {
      // Every callback URL next-auth is given (form field, query, cookie) ends up here: this site only.
      redirect({ url, baseUrl }) {
        return safeRedirectUrl(url, baseUrl);
      },
      signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        return isAllowedSsoEmail(profile?.email, profile?.email_verified, oidc?.allowedDomains ?? []);
      },
      async jwt({ token, user, account, profile }) {
        if (user && account) {
          // A fresh sign-in: replace whatever the provider put in the token with our claims.
          let operator: Operator | null = null;
          if (account.provider === CREDENTIALS_PROVIDER_ID && user.id) {
            operator = await getOperatorById(await getDb(), user.id);
          } else if (account.provider === OIDC_PROVIDER_ID && typeof profile?.email === 'string') {
            const email = profile.email.toLowerCase();
            operator = await findOrCreateSsoOperator(await getDb(), {
              email,
              name: typeof profile.name === 'string' && profile.name ? profile.name : email,
              role: env.auth.adminEmails.includes(email) ? 'admin' : 'viewer',
            });
            if (!operator.active) operator = null;
          }
          if (!operator) return null;
          const claims = await startSession(operator, account.provider, env.auth.maxSessionHours);
          return { ...claims, email: operator.email, name: operator.name };
        }
        // Every later read (pages, handlers, actions and /api/auth/session): null ends the session
        // and clears the cookie instead of renewing it.
        const claims = readClaims(token);
        const now = nowInSeconds();
        if (!claims || checkClaims(claims, now, env.auth) !== 'ok') return null;
        const db = await getDb();
        const stored = await getOperatorSession(db, claims.sid);
        const at = new Date(now * 1000);
        if (!sessionIsLive(stored, claims, at, env)) return null;
        await touchOperatorSession(db, stored!, at);
        return { ...token, seen: now };
      },
      session({ session, token }) {
        const claims = readClaims(token);
        return { ...session, operatorId: claims?.op, sessionId: claims?.sid, sessionVersion: claims?.sv };
      },
    },
    events: {
      // Signing out (our action or next-auth's own endpoint) ends the session for every copy of the cookie.
      async signOut(message) {
        const claims = 'token' in message ? readClaims(message.token) : null;
        if (claims) await revokeOperatorSession(await getDb(), claims.sid, new Date());
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => buildConfig());
