// Unit tests for environment parsing: defaults, the emulator fallback, and readable errors.
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '@/lib/env-schema';

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error('expected parseEnv to throw');
}

/** What a real key also needs: a fixed auth secret, an audit chain key and a way to sign in. */
const WITH_KEY = { AUTH_SECRET: 'x'.repeat(32), AUDIT_CHAIN_KEY: 'c'.repeat(32), AUTH_CREDENTIALS: 'on' };

describe('parseEnv', () => {
  it('defaults to the emulator on port 12111 when nothing is set', () => {
    expect(parseEnv({})).toMatchObject({
      stripeSecretKey: undefined,
      stripeApiBase: 'http://127.0.0.1:12111',
      emulatorPort: 12111,
      usingEmulator: true,
      dataDir: '.data',
      databaseUrl: undefined,
    });
  });

  it('follows EMULATOR_PORT for the default API base', () => {
    const env = parseEnv({ EMULATOR_PORT: '12199' });
    expect(env.emulatorPort).toBe(12199);
    expect(env.stripeApiBase).toBe('http://127.0.0.1:12199');
  });

  it('treats empty values as unset', () => {
    expect(parseEnv({ STRIPE_SECRET_KEY: '', STRIPE_API_BASE: ' ', EMULATOR_PORT: '' }).usingEmulator).toBe(true);
  });

  it('uses Stripe itself when a key is set and no API base is given', () => {
    const env = parseEnv({ STRIPE_SECRET_KEY: 'sk_test_abc', ...WITH_KEY });
    expect(env).toMatchObject({ stripeSecretKey: 'sk_test_abc', stripeApiBase: undefined, usingEmulator: false });
  });

  it('keeps an explicit API base alongside a key', () => {
    const env = parseEnv({ STRIPE_SECRET_KEY: 'rk_live_abc', STRIPE_API_BASE: 'https://stripe.internal:8443', ...WITH_KEY });
    expect(env.stripeApiBase).toBe('https://stripe.internal:8443');
  });

  it.each(['sk_test_a', 'sk_live_a', 'rk_test_a', 'rk_live_a'])('accepts %s', (key) => {
    expect(parseEnv({ STRIPE_SECRET_KEY: key, ...WITH_KEY }).stripeSecretKey).toBe(key);
  });

  it('rejects keys of the wrong kind without echoing them', () => {
    const problems = problemsOf({ STRIPE_SECRET_KEY: 'pk_test_secretvalue' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^STRIPE_SECRET_KEY must start with sk_test_/);
    expect(problems.join()).not.toContain('secretvalue');
  });

  it('rejects a bare prefix', () => {
    expect(problemsOf({ STRIPE_SECRET_KEY: 'sk_test_' })[0]).toMatch(/^STRIPE_SECRET_KEY/);
  });

  it.each(['not a url', 'ftp://example.com'])('rejects STRIPE_API_BASE=%s', (base) => {
    expect(problemsOf({ STRIPE_API_BASE: base })[0]).toMatch(/^STRIPE_API_BASE must be an http/);
  });

  it.each(['abc', '0', '70000', '12.5'])('rejects EMULATOR_PORT=%s', (port) => {
    expect(problemsOf({ EMULATOR_PORT: port })[0]).toMatch(/^EMULATOR_PORT must be/);
  });

  it('reports every problem at once', () => {
    const error = (() => {
      try {
        parseEnv({ STRIPE_SECRET_KEY: 'nope', EMULATOR_PORT: 'x' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).message).toContain('Invalid environment configuration');
    expect((error as EnvError).problems).toHaveLength(2);
  });
});

describe('parseEnv: sign-in settings', () => {
  const OIDC = {
    AUTH_OIDC_ISSUER: 'https://login.example.com',
    AUTH_OIDC_CLIENT_ID: 'console',
    AUTH_OIDC_CLIENT_SECRET: 'shh',
  };

  it('defaults to a 30-minute idle timeout, 12-hour sessions and password sign-in on the emulator', () => {
    expect(parseEnv({}).auth).toEqual({
      secret: undefined,
      idleTimeoutSeconds: 1800,
      maxSessionHours: 12,
      credentialsEnabled: true,
      oidc: undefined,
      adminEmails: [],
    });
  });

  it('reads the idle timeout in seconds', () => {
    expect(parseEnv({ AUTH_IDLE_TIMEOUT_SECONDS: '5' }).auth.idleTimeoutSeconds).toBe(5);
    expect(problemsOf({ AUTH_IDLE_TIMEOUT_SECONDS: '0' })[0]).toMatch(/^AUTH_IDLE_TIMEOUT_SECONDS must be/);
  });

  it('turns password sign-in off with a real key unless it is explicitly enabled', () => {
    const base = { STRIPE_SECRET_KEY: 'sk_test_abc', AUTH_SECRET: 'x'.repeat(32), AUDIT_CHAIN_KEY: 'c'.repeat(32), ...OIDC, AUTH_ALLOWED_EMAIL_DOMAINS: 'example.com' };
    expect(parseEnv(base).auth.credentialsEnabled).toBe(false);
    expect(parseEnv({ ...base, AUTH_CREDENTIALS: 'on' }).auth.credentialsEnabled).toBe(true);
    expect(parseEnv({ AUTH_CREDENTIALS: 'off' }).auth.credentialsEnabled).toBe(false);
  });

  it('requires AUTH_SECRET and a sign-in method with a real key', () => {
    const problems = problemsOf({ STRIPE_SECRET_KEY: 'sk_live_abc' });
    expect(problems.join('\n')).toMatch(/AUTH_SECRET must be set/);
    expect(problemsOf({ STRIPE_SECRET_KEY: 'sk_live_abc', AUTH_SECRET: 'x'.repeat(32), AUDIT_CHAIN_KEY: 'c'.repeat(32) })[0]).toMatch(/no sign-in method/);
  });

  it('requires AUDIT_CHAIN_KEY (32+ characters) with a real key, and generates one on the emulator', () => {
    const problems = problemsOf({ STRIPE_SECRET_KEY: 'sk_live_abc', AUTH_SECRET: 'x'.repeat(32), AUTH_CREDENTIALS: 'on' });
    expect(problems).toEqual([expect.stringMatching(/^AUDIT_CHAIN_KEY must be set/)]);
    expect(problemsOf({ AUDIT_CHAIN_KEY: 'short' })[0]).toMatch(/^AUDIT_CHAIN_KEY must be at least 32/);
    expect(parseEnv({}).auditChainKey).toBeUndefined();
    expect(parseEnv({ AUDIT_CHAIN_KEY: 'c'.repeat(32) }).auditChainKey).toBe('c'.repeat(32));
  });

  it('configures OpenID Connect with its allowed domains', () => {
    const env = parseEnv({ ...OIDC, AUTH_ALLOWED_EMAIL_DOMAINS: 'Example.com, corp.example.com', AUTH_ADMIN_EMAILS: 'Ada@Example.com' });
    expect(env.auth.oidc).toEqual({
      issuer: 'https://login.example.com',
      clientId: 'console',
      clientSecret: 'shh',
      name: 'Single sign-on',
      allowedDomains: ['example.com', 'corp.example.com'],
    });
    expect(env.auth.adminEmails).toEqual(['ada@example.com']);
  });

  it('refuses half an OIDC configuration, or one without an allowed domain', () => {
    expect(problemsOf({ AUTH_OIDC_ISSUER: 'https://login.example.com' })[0]).toMatch(/must be set together/);
    expect(problemsOf(OIDC)[0]).toMatch(/^AUTH_ALLOWED_EMAIL_DOMAINS/);
  });

  it('rejects a short AUTH_SECRET and a non-Postgres DATABASE_URL', () => {
    expect(problemsOf({ AUTH_SECRET: 'short' })[0]).toMatch(/^AUTH_SECRET must be at least 32/);
    expect(problemsOf({ DATABASE_URL: 'mysql://x' })[0]).toMatch(/^DATABASE_URL must be a postgres/);
  });

  it('takes a separate migration role only alongside the app role', () => {
    const env = parseEnv({ DATABASE_URL: 'postgres://app@db/console', DATABASE_MIGRATION_URL: 'postgres://owner@db/console' });
    expect(env).toMatchObject({ databaseUrl: 'postgres://app@db/console', databaseMigrationUrl: 'postgres://owner@db/console' });
    expect(problemsOf({ DATABASE_MIGRATION_URL: 'postgres://owner@db/console' })[0]).toMatch(/needs DATABASE_URL/);
    expect(problemsOf({ DATABASE_URL: 'postgres://app@db/c', DATABASE_MIGRATION_URL: 'mysql://x' })[0]).toMatch(/^DATABASE_MIGRATION_URL must be/);
  });
});
