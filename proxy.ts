// Next 16's request proxy. For every page and route answer it sets the content security policy
// with a fresh nonce (and hands the policy to Next on the request, so Next's own scripts carry the
// nonce), and HSTS over HTTPS. It is also an optimistic first gate: a visitor without a session
// cookie is sent to the sign-in page before any page renders. It only looks for the cookie;
// whether the session is valid (and what the role allows) is decided by lib/auth/guard.ts on
// every page, route handler and server action.
import { NextResponse, type NextRequest } from 'next/server';
import { cameOverHttps, contentSecurityPolicy, newNonce, STRICT_TRANSPORT_SECURITY } from '@/lib/http/security-headers';

const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some(({ name }) => SESSION_COOKIES.some((base) => name === base || name.startsWith(`${base}.`)));
}

/** Where a visitor goes: on (pages for signed-in operators, or open to all), or to sign in. */
function gate(request: NextRequest, requestHeaders: Headers): NextResponse {
  const { pathname, search } = request.nextUrl;
  const onward = () => NextResponse.next({ request: { headers: requestHeaders } });
  // The sign-in page and next-auth's endpoints are open; server actions and route handlers answer
  // for themselves (a typed refusal, a 401).
  if (pathname.startsWith('/sign-in') || pathname.startsWith('/api/') || request.headers.has('next-action')) return onward();
  if (hasSessionCookie(request)) return onward();
  const target = new URL('/sign-in', request.url);
  if (pathname !== '/') target.searchParams.set('callbackUrl', `${pathname}${search}`);
  return NextResponse.redirect(target);
}

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV !== 'production' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);

  const response = gate(request, requestHeaders);
  response.headers.set('Content-Security-Policy', policy);
  if (cameOverHttps(request.nextUrl, request.headers)) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Every page and route answer (the sign-in page too: it needs its nonce), but not the built
  // static files, which hold no inline script.
  matcher: ['/((?!_next/static|_next/image|favicon\\.svg|robots\\.txt).*)'],
};
