// Next 16's request proxy: an optimistic first gate. A visitor without a session cookie is sent
// to the sign-in page before any page renders. It only looks for the cookie; whether the session
// is valid (and what the role allows) is decided by lib/auth/guard.ts on every page, route
// handler and server action.
import { NextResponse, type NextRequest } from 'next/server';

const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some(({ name }) => SESSION_COOKIES.some((base) => name === base || name.startsWith(`${base}.`)));
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Server actions and route handlers answer for themselves (a typed refusal, a 401).
  if (request.headers.has('next-action') || pathname.startsWith('/api/')) return NextResponse.next();
  if (hasSessionCookie(request)) return NextResponse.next();
  const target = new URL('/sign-in', request.url);
  if (pathname !== '/') target.searchParams.set('callbackUrl', `${pathname}${search}`);
  return NextResponse.redirect(target);
}

export const config = {
  // Everything except the sign-in page, next-auth's endpoints and static files.
  matcher: ['/((?!sign-in|api/auth|_next/static|_next/image|favicon\\.svg|robots\\.txt).*)'],
};
