// The parity run never reaches Stripe with anything but a test-mode secret key: the check, and the
// command itself refusing a live key before it starts anything.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkParityKey } from './key';

describe('checkParityKey', () => {
  it('takes a sk_test_ key, and no key (the emulator alone)', () => {
    expect(checkParityKey('sk_test_51AbCdEf')).toEqual({ ok: true, key: 'sk_test_51AbCdEf' });
    expect(checkParityKey(undefined)).toEqual({ ok: true, key: null });
    expect(checkParityKey('  ')).toEqual({ ok: true, key: null });
  });

  it.each([
    ['sk_live_51AbCdEf', /live-mode key/],
    ['rk_live_51AbCdEf', /live-mode key/],
    ['rk_test_51AbCdEf', /restricted key/],
    ['pk_test_51AbCdEf', /not a test-mode secret key/],
    ['whsec_abcdefghijkl', /not a test-mode secret key/],
    ['sk_test_with spaces', /not a test-mode secret key/],
  ])('refuses %s', (key, reason) => {
    const check = checkParityKey(key);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.reason).toMatch(reason);
      expect(check.reason).not.toContain(key.slice(8));
    }
  });
});

describe('npm run parity with a live key', () => {
  it('exits 2 with the reason, before starting the emulator or calling Stripe', () => {
    const root = path.resolve(__dirname, '../..');
    const res = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/parity/main.ts'], {
      cwd: root,
      env: { ...process.env, STRIPE_PARITY_KEY: 'sk_live_51SecretSecretSecret', PARITY_OUT: path.join(root, '.data/parity-refused') },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('parity: refused. STRIPE_PARITY_KEY is a live-mode key');
    expect(res.stderr).not.toContain('SecretSecret');
    // Nothing ran: no scenario line, no report.
    expect(res.stdout).not.toMatch(/emulator:|report written/);
  }, 60_000);
});
