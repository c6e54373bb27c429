import { describe, expect, it } from 'vitest';
import { cameOverHttps, contentSecurityPolicy, newNonce } from './security-headers';

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';

describe('contentSecurityPolicy', () => {
  it('lets only scripts with this request’s nonce run, never inline ones', () => {
    const policy = contentSecurityPolicy({ nonce: 'abc123==', dev: false });
    const scripts = directive(policy, 'script-src');
    expect(scripts).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(scripts).not.toContain('unsafe-inline');
    expect(scripts).not.toContain('unsafe-eval');
  });

  it('keeps the rest of the policy: no framing, no plugins, forms and base to ourselves', () => {
    const policy = contentSecurityPolicy({ nonce: 'n', dev: false });
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).toContain("form-action 'self'");
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self'");
  });

  it('allows eval and the reload socket in development only', () => {
    const policy = contentSecurityPolicy({ nonce: 'n', dev: true });
    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self' ws: wss:");
  });
});

describe('newNonce', () => {
  it('is fresh each time, 128 bits in base64 (the form Next reads from the header)', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('cameOverHttps', () => {
  const url = (href: string) => new URL(href);
  it('reads the forwarded protocol first, else the URL', () => {
    expect(cameOverHttps(url('http://console.test/'), new Headers({ 'x-forwarded-proto': 'https' }))).toBe(true);
    expect(cameOverHttps(url('http://console.test/'), new Headers({ 'x-forwarded-proto': 'HTTPS, http' }))).toBe(true);
    expect(cameOverHttps(url('https://console.test/'), new Headers())).toBe(true);
    expect(cameOverHttps(url('http://127.0.0.1:3000/'), new Headers())).toBe(false);
    expect(cameOverHttps(url('https://console.test/'), new Headers({ 'x-forwarded-proto': 'http' }))).toBe(false);
  });
});
