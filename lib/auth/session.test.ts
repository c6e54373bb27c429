// Unit tests for the small rules behind sign-in: access decisions, token expiry (idle and
// absolute), session revocation, SSO e-mail domains, the stored auth secret and passwords.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideAccess } from '@/lib/auth/access';
import { hashPassword, verifyPassword } from '@/lib/auth/passwords';
import { ALL_PERMISSIONS, can, ROLES } from '@/lib/auth/permissions';
import { objectRouteFor } from '@/lib/auth/routes';
import { readOrCreateSecret } from '@/lib/auth/secret';
import { checkClaims, readClaims, sessionStillValid } from '@/lib/auth/session-claims';
import { isAllowedSsoEmail } from '@/lib/auth/sso';
import type { Operator } from '@/lib/operators/store';

const limits = { idleTimeoutSeconds: 1800, maxSessionHours: 12 };

describe('decideAccess', () => {
  it.each(ROLES.flatMap((role) => ALL_PERMISSIONS.map((permission) => [role, permission] as const)))('%s / %s follows the matrix', (role, permission) => {
    expect(decideAccess({ role }, permission).ok).toBe(can(role, permission));
  });
  it('refuses a signed-out caller whatever the permission', () => {
    expect(decideAccess(null, null)).toEqual({ ok: false, reason: 'signed-out' });
  });
  it('gives only admins operator management', () => {
    expect(ROLES.filter((role) => can(role, 'operators.manage'))).toEqual(['admin']);
  });
});

describe('session claims', () => {
  const claims = { op: 'op_abc123', sid: 'ses_abc123', sv: 0, auth: 1000, seen: 1000 };
  it('accepts a fresh token and refuses malformed ones', () => {
    expect(checkClaims(readClaims(claims), 1000 + 60, limits)).toBe('ok');
    expect(readClaims({ ...claims, op: 'someone' })).toBeNull();
    expect(readClaims({ ...claims, sid: undefined })).toBeNull();
    expect(readClaims({ ...claims, sid: 'op_abc123' })).toBeNull();
    expect(checkClaims(readClaims({ sub: 'x' }), 1000, limits)).toBe('invalid');
  });
  it('ends a session idle for longer than the timeout', () => {
    expect(checkClaims(claims, 1000 + 1800, limits)).toBe('ok');
    expect(checkClaims(claims, 1000 + 1801, limits)).toBe('idle');
  });
  it('ends an active session after the maximum length', () => {
    expect(checkClaims({ ...claims, seen: 1000 + 12 * 3600 }, 1000 + 12 * 3600 + 1, limits)).toBe('expired');
  });
});

describe('sessionStillValid', () => {
  const operator = { id: 'op_1', active: true, sessionVersion: 2, isDemo: false } as Operator;
  it('needs the current session version ("sign out everywhere" bumps it)', () => {
    expect(sessionStillValid(operator, 2, { usingEmulator: true })).toBe(true);
    expect(sessionStillValid(operator, 1, { usingEmulator: true })).toBe(false);
  });
  it('refuses deactivated operators, and demo operators off the emulator', () => {
    expect(sessionStillValid({ ...operator, active: false }, 2, { usingEmulator: true })).toBe(false);
    expect(sessionStillValid({ ...operator, isDemo: true }, 2, { usingEmulator: false })).toBe(false);
    expect(sessionStillValid(null, 2, { usingEmulator: true })).toBe(false);
  });
});

describe('isAllowedSsoEmail', () => {
  it('allows verified addresses at allowed domains only', () => {
    expect(isAllowedSsoEmail('ada@example.com', true, ['example.com'])).toBe(true);
    expect(isAllowedSsoEmail('ada@EXAMPLE.com', undefined, ['example.com'])).toBe(true);
    expect(isAllowedSsoEmail('ada@example.com', false, ['example.com'])).toBe(false);
    expect(isAllowedSsoEmail('ada@evil-example.com', true, ['example.com'])).toBe(false);
    expect(isAllowedSsoEmail('ada@example.com.evil.io', true, ['example.com'])).toBe(false);
    expect(isAllowedSsoEmail(undefined, true, ['example.com'])).toBe(false);
  });
});

describe('auth secret and passwords', () => {
  it('creates the secret once, private to the owner, and keeps it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cc-secret-'));
    try {
      const file = path.join(dir, 'nested', 'auth-secret');
      const first = readOrCreateSecret(file);
      expect(first.length).toBeGreaterThanOrEqual(40);
      expect(readOrCreateSecret(file)).toBe(first);
      expect(readFileSync(file, 'utf8')).toBe(first);
      expect(statSync(file).mode & 0o077).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('hashes with scrypt and verifies', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash).toMatch(/^\$scrypt\$ln=14,r=8,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('wrong', hash)).toBe(false);
    expect(await verifyPassword('anything', null)).toBe(false);
  });
});

describe('objectRouteFor', () => {
  it.each([
    ['acct_1Nv0FG', '/accounts/acct_1Nv0FG'],
    ['trr_1abc', '/transfers/reversals/trr_1abc'],
    ['tr_1abc', '/transfers/tr_1abc'],
    ['fee_1abc', '/application-fees/fee_1abc'],
    ['fr_1abc', '/application-fees/refunds/fr_1abc'],
    ['tu_1abc', '/topups/tu_1abc'],
    ['ch_1abc', '/risk/charges/ch_1abc'],
    ['issfr_1abc', '/risk/early-fraud-warnings/issfr_1abc'],
    ['prv_1abc', '/risk/reviews/prv_1abc'],
  ])('%s -> %s', (id, href) => {
    expect(objectRouteFor(`  ${id} `)?.href).toBe(href);
  });
  it('refuses unknown prefixes and odd characters', () => {
    expect(objectRouteFor('cus_123')).toBeNull();
    expect(objectRouteFor('acct_../x')).toBeNull();
    expect(objectRouteFor('acct_')).toBeNull();
  });
});
