// Unit tests for the retry arithmetic and the options: exponential waits, the one-hour cap, the
// defaults (first retry within a minute, a bounded number of tries) and the validation of options
// and environment variables.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_WEBHOOK_OPTIONS, MAX_RETRY_DELAY_MS, retryDelay, webhookEnvOptions, webhookEnvShape, webhookOptions } from './backoff';

describe('retryDelay', () => {
  it('waits base, base x factor, base x factor², … after attempts 1, 2, 3, …', () => {
    const o = { retryBaseMs: 50, retryFactor: 2 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(n, o))).toEqual([50, 100, 200, 400, 800]);
    expect([1, 2, 3].map((n) => retryDelay(n, { retryBaseMs: 1000, retryFactor: 3 }))).toEqual([1000, 3000, 9000]);
    expect([1, 2, 3].map((n) => retryDelay(n, { retryBaseMs: 250, retryFactor: 1 }))).toEqual([250, 250, 250]);
    expect(retryDelay(2, { retryBaseMs: 100, retryFactor: 1.5 })).toBe(150);
  });

  it('never waits more than an hour (Node cannot wait beyond 24.8 days at all)', () => {
    expect(retryDelay(50, { retryBaseMs: 3_600_000, retryFactor: 10 })).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelay(12, { retryBaseMs: 10_000, retryFactor: 2 })).toBe(MAX_RETRY_DELAY_MS);
  });

  it('by default: the first retry within a minute, the last try within the hour', () => {
    const d = DEFAULT_WEBHOOK_OPTIONS;
    expect(retryDelay(1, d)).toBeLessThanOrEqual(60_000);
    let total = 0;
    for (let n = 1; n < d.maxAttempts; n++) total += retryDelay(n, d);
    expect(total).toBe(10_000 * (2 ** 7 - 1));
    expect(total).toBeLessThan(3_600_000);
  });
});

describe('webhookOptions', () => {
  it('fills the defaults under what is given', () => {
    expect(webhookOptions()).toEqual(DEFAULT_WEBHOOK_OPTIONS);
    expect(webhookOptions({ retryBaseMs: 50, maxAttempts: 3 })).toEqual({ ...DEFAULT_WEBHOOK_OPTIONS, retryBaseMs: 50, maxAttempts: 3 });
  });

  it('refuses bad values, naming them', () => {
    expect(() => webhookOptions({ retryBaseMs: 0 })).toThrow(/retryBaseMs/);
    expect(() => webhookOptions({ retryFactor: 0.5 })).toThrow(/retryFactor/);
    expect(() => webhookOptions({ maxAttempts: 1.5 })).toThrow(/maxAttempts/);
    expect(() => webhookOptions({ timeoutMs: -1 })).toThrow(/timeoutMs/);
    expect(() => webhookOptions({ retries: 3 } as never)).toThrow(/Invalid webhook options/);
  });
});

describe('the environment', () => {
  const Env = z.object(webhookEnvShape);
  it('reads the variables that are set', () => {
    const env = Env.parse({ EMULATOR_WEBHOOK_RETRY_BASE_MS: '500', EMULATOR_WEBHOOK_MAX_ATTEMPTS: '3', EMULATOR_WEBHOOK_TIMEOUT_MS: '', EMULATOR_WEBHOOK_RETRY_FACTOR: '1.5' });
    expect(webhookEnvOptions(env)).toEqual({ retryBaseMs: 500, maxAttempts: 3, retryFactor: 1.5 });
    expect(webhookEnvOptions(Env.parse({}))).toEqual({});
  });

  it('refuses what is not a number in range', () => {
    for (const [name, value] of [
      ['EMULATOR_WEBHOOK_RETRY_BASE_MS', 'soon'],
      ['EMULATOR_WEBHOOK_RETRY_BASE_MS', '0'],
      ['EMULATOR_WEBHOOK_MAX_ATTEMPTS', '2.5'],
      ['EMULATOR_WEBHOOK_MAX_ATTEMPTS', '0'],
      ['EMULATOR_WEBHOOK_TIMEOUT_MS', '999999999'],
      ['EMULATOR_WEBHOOK_RETRY_FACTOR', '0.5'],
    ]) {
      const r = Env.safeParse({ [name]: value });
      expect(r.success, `${name}=${value}`).toBe(false);
      expect(r.error?.issues[0].path).toEqual([name]);
    }
  });
});
