// The request proxy: the nonce policy on every answer (sign-in included), handed to Next on the
// request; HSTS over HTTPS only; and the optimistic sign-in redirect it has always made.
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { config, proxy } from './proxy';

const request = (path: string, headers: Record<string, string> = {}, base = 'http://console.test') => new NextRequest(new URL(path, base), { headers });
const SESSION = { cookie: 'authjs.session-token=abc' };
const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1];

describe('proxy', () => {
  it('sets a fresh nonce policy on the sign-in page and passes it to Next on the request', () => {
    const first = proxy(request('/sign-in'));
    const second = proxy(request('/sign-in'));
    const policy = first.headers.get('content-security-policy');
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(policy?.split('; ').find((d) => d.startsWith('script-src'))).not.toContain('unsafe-inline');
    expect(nonceOf(policy)).not.toBe(nonceOf(second.headers.get('content-security-policy')));
    // NextResponse.next() carries overridden request headers as x-middleware-request-*.
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
    expect(first.headers.get('x-middleware-request-x-nonce')).toBe(nonceOf(policy));
    expect(first.headers.get('location')).toBeNull();
  });

  it('still sends visitors without a session cookie to sign in, with the policy', () => {
    const answer = proxy(request('/accounts?state=past_due'));
    expect(answer.headers.get('location')).toBe('http://console.test/sign-in?callbackUrl=%2Faccounts%3Fstate%3Dpast_due');
    expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(proxy(request('/')).headers.get('location')).toBe('http://console.test/sign-in');
  });

  it('lets signed-in pages, route handlers and server actions through', () => {
    for (const answer of [proxy(request('/accounts', SESSION)), proxy(request('/api/accounts/export')), proxy(request('/team', { 'next-action': 'x' }))]) {
      expect(answer.headers.get('location')).toBeNull();
      expect(answer.headers.get('content-security-policy')).toContain('nonce-');
    }
  });

  it('adds HSTS over HTTPS only', () => {
    expect(proxy(request('/sign-in')).headers.get('strict-transport-security')).toBeNull();
    expect(proxy(request('/sign-in', { 'x-forwarded-proto': 'https' })).headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    expect(proxy(request('/sign-in', {}, 'https://console.test')).headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  });

  it('runs on every page, sign-in included, but not on built static files', () => {
    const matcher = new RegExp(`^${config.matcher[0]}$`);
    for (const path of ['/', '/sign-in', '/accounts/acct_1', '/api/auth/session', '/api/audit/export']) expect(matcher.test(path), path).toBe(true);
    for (const path of ['/_next/static/chunks/main.js', '/favicon.svg']) expect(matcher.test(path), path).toBe(false);
  });
});
