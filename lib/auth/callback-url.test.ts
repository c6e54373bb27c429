// The callback after sign-in stays on this site: the payloads of the open-redirect probe and their
// relatives (backslashes, control characters raw and encoded, protocol-relative and absolute URLs)
// all fall back to the home page; same-site paths pass unchanged.
import { describe, expect, it } from 'vitest';
import { safeCallbackPath, safeRedirectUrl } from '@/lib/auth/callback-url';

const FOREIGN = [
  '/\\evil.example/x',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r/evil.example',
  '/\r\n/evil.example',
  '/\u0000/evil.example',
  '/\u007f/evil.example',
  '/\u0085/evil.example',
  '\t//evil.example',
  '//evil.example',
  '//evil.example/transfers',
  '///evil.example',
  '/\\/evil.example',
  '\\\\evil.example',
  '/%5Cevil.example/x',
  '/%5cevil.example/x',
  '/%09/evil.example',
  '/%0a/evil.example',
  '/%0D%0A/evil.example',
  '/%00/evil.example',
  '/%2509/evil.example',
  '/%252F/evil.example',
  '/%2Fevil.example',
  '%2F%2Fevil.example',
  '/.//evil.example',
  '/x/..//evil.example',
  'https://evil.example/',
  'http://127.0.0.1:3100@evil.example/',
  'javascript:alert(1)',
  'evil.example',
  '',
  ' /transfers',
  '/bad%zz',
];

describe('safeCallbackPath', () => {
  it.each(FOREIGN)('refuses %j', (payload) => {
    expect(safeCallbackPath(payload)).toBe('/');
  });

  it.each([
    ['/transfers', '/transfers'],
    ['/', '/'],
    ['/accounts?status=restricted&q=acme', '/accounts?status=restricted&q=acme'],
    ['/accounts/acct_1Nv0FG#persons', '/accounts/acct_1Nv0FG#persons'],
    ['/audit?action=operator.sign_in&cursor=12', '/audit?action=operator.sign_in&cursor=12'],
    ['/accounts?q=a%20b', '/accounts?q=a%20b'],
    ['/a/../transfers', '/transfers'],
  ])('keeps the same-site path %j', (payload, expected) => {
    expect(safeCallbackPath(payload)).toBe(expected);
  });

  it('refuses what is not a string, and absurdly long paths', () => {
    expect(safeCallbackPath(undefined)).toBe('/');
    expect(safeCallbackPath(null)).toBe('/');
    expect(safeCallbackPath(['/transfers'])).toBe('/');
    expect(safeCallbackPath(`/${'a'.repeat(5000)}`)).toBe('/');
  });

  it('never returns anything a browser would read as another host', () => {
    for (const payload of FOREIGN) {
      const target = new URL(safeCallbackPath(payload), 'https://console.example');
      expect(target.origin, payload).toBe('https://console.example');
    }
  });
});

describe('safeRedirectUrl (next-auth redirect callback)', () => {
  const base = 'http://127.0.0.1:3100';
  it('keeps same-origin URLs and paths', () => {
    expect(safeRedirectUrl('/transfers', base)).toBe(`${base}/transfers`);
    expect(safeRedirectUrl(`${base}/accounts?q=x`, base)).toBe(`${base}/accounts?q=x`);
    expect(safeRedirectUrl('/sign-in', base)).toBe(`${base}/sign-in`);
  });
  it.each([...FOREIGN, 'http://127.0.0.1:3101/transfers', 'https://127.0.0.1:3100/', `${base}/\\evil.example`, `${base}//evil.example`])(
    'sends %j home',
    (payload) => {
      expect(safeRedirectUrl(payload, base)).toBe(`${base}/`);
    },
  );
});
