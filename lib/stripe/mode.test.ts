// Unit tests for the mode label: live must win whenever a live key is configured.
import { describe, expect, it } from 'vitest';
import { modeFromConfig } from '@/lib/stripe/mode';

describe('modeFromConfig', () => {
  it('reports the emulator when the app uses the emulator', () => {
    expect(modeFromConfig({ key: 'sk_test_emulator', usingEmulator: true })).toBe('emulator');
  });

  it('reports test mode for test keys against Stripe', () => {
    expect(modeFromConfig({ key: 'sk_test_123', usingEmulator: false })).toBe('test');
    expect(modeFromConfig({ key: 'rk_test_123', usingEmulator: false })).toBe('test');
  });

  it('reports live mode for live secret and restricted keys', () => {
    expect(modeFromConfig({ key: 'sk_live_123', usingEmulator: false })).toBe('live');
    expect(modeFromConfig({ key: 'rk_live_123', usingEmulator: false })).toBe('live');
  });

  it('never reports a live key as the emulator', () => {
    expect(modeFromConfig({ key: 'sk_live_123', usingEmulator: true })).toBe('live');
  });
});
