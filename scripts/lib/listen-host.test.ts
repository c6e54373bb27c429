import { describe, expect, it } from 'vitest';
import { dashboardListen } from './listen-host.mjs';

describe('dashboardListen', () => {
  it('listens on loopback only on the emulator (demo operators), without a warning', () => {
    expect(dashboardListen({}, '3000')).toEqual({
      host: '127.0.0.1',
      probeUrl: 'http://127.0.0.1:3000',
      address: '127.0.0.1:3000',
      openUrl: 'http://127.0.0.1:3000',
      warning: null,
    });
    expect(dashboardListen({ STRIPE_SECRET_KEY: '  ' }, '3000').host).toBe('127.0.0.1');
    expect(dashboardListen({ AUTH_CREDENTIALS: 'off' }, '3000').host).toBe('127.0.0.1');
  });

  it('keeps a loopback host quiet', () => {
    for (const host of ['localhost', '::1', '127.0.0.1']) expect(dashboardListen({ CONSOLE_HOST: host }, '3000').warning, host).toBeNull();
    expect(dashboardListen({ CONSOLE_HOST: '::1' }, '3000')).toMatchObject({ host: '::1', probeUrl: 'http://127.0.0.1:3000', openUrl: 'http://[::1]:3000' });
  });

  it('listens elsewhere only when told, and warns while demo operators are exposed', () => {
    const all = dashboardListen({ CONSOLE_HOST: '0.0.0.0' }, '3000');
    expect(all).toMatchObject({ host: '0.0.0.0', probeUrl: 'http://127.0.0.1:3000', address: 'every interface, port 3000', openUrl: 'http://localhost:3000' });
    expect(all.warning).toMatch(/demo operators and their password.*Unset CONSOLE_HOST/);

    const lan = dashboardListen({ CONSOLE_HOST: '192.168.1.20', HOST: 'ignored' }, '3001');
    expect(lan).toMatchObject({ host: '192.168.1.20', probeUrl: 'http://192.168.1.20:3001', address: '192.168.1.20:3001' });
    expect(lan.warning).toMatch(/Unset CONSOLE_HOST/);
  });

  it('does not warn when password sign-in is off', () => {
    expect(dashboardListen({ CONSOLE_HOST: '0.0.0.0', AUTH_CREDENTIALS: 'off' }, '3000').warning).toBeNull();
  });

  it('keeps Next’s default (every interface) with a Stripe key, unless a host is set', () => {
    const stripe = dashboardListen({ STRIPE_SECRET_KEY: 'sk_test_x' }, '3000');
    expect(stripe).toMatchObject({ host: undefined, probeUrl: 'http://127.0.0.1:3000', address: 'every interface, port 3000', warning: null });
    expect(dashboardListen({ STRIPE_SECRET_KEY: 'sk_test_x', CONSOLE_HOST: '10.0.0.5' }, '3000')).toMatchObject({ host: '10.0.0.5', warning: null });
  });

  it('ignores HOST, which shells set to the machine name', () => {
    expect(dashboardListen({ HOST: 'buildbox' }, '3000')).toMatchObject({ host: '127.0.0.1', warning: null });
  });
});
