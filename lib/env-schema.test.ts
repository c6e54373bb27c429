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

describe('parseEnv', () => {
  it('defaults to the emulator on port 12111 when nothing is set', () => {
    expect(parseEnv({})).toEqual({
      stripeSecretKey: undefined,
      stripeApiBase: 'http://127.0.0.1:12111',
      emulatorPort: 12111,
      usingEmulator: true,
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
    const env = parseEnv({ STRIPE_SECRET_KEY: 'sk_test_abc' });
    expect(env).toMatchObject({ stripeSecretKey: 'sk_test_abc', stripeApiBase: undefined, usingEmulator: false });
  });

  it('keeps an explicit API base alongside a key', () => {
    const env = parseEnv({ STRIPE_SECRET_KEY: 'rk_live_abc', STRIPE_API_BASE: 'https://stripe.internal:8443' });
    expect(env.stripeApiBase).toBe('https://stripe.internal:8443');
  });

  it.each(['sk_test_a', 'sk_live_a', 'rk_test_a', 'rk_live_a'])('accepts %s', (key) => {
    expect(parseEnv({ STRIPE_SECRET_KEY: key }).stripeSecretKey).toBe(key);
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
