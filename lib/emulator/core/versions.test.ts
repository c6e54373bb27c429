// Unit tests for API versions: which strings are versions, how they compare, and the dates behaviour changes on.
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { atLeast, DEFAULT_API_VERSION, isValidVersion, VERSION } from './versions';

describe('isValidVersion', () => {
  it("takes Stripe's dated versions, with or without a release name", () => {
    for (const v of ['2024-06-20', '2026-07-29.dahlia', '2026-09-30.endive', '2026-10-28.endive', '2020-08-27']) expect(isValidVersion(v)).toBe(true);
  });

  it('refuses anything else', () => {
    for (const v of ['', 'latest', '2024-6-20', '2024-06-20.', '2024-06-20.Endive', '2024-06-20.endive.x', '20240620', '2024-13-45', ' 2024-06-20']) {
      expect(isValidVersion(v)).toBe(false);
    }
  });

  it('knows the version the SDK pins', () => {
    expect(isValidVersion(Stripe.API_VERSION)).toBe(true);
  });
});

describe('atLeast', () => {
  it('compares by date, ignoring the release name', () => {
    expect(atLeast('2026-10-28.endive', '2026-09-30.endive')).toBe(true);
    expect(atLeast('2026-09-30.endive', '2026-09-30.endive')).toBe(true);
    expect(atLeast('2026-09-30', '2026-09-30.endive')).toBe(true);
    expect(atLeast('2026-09-29.dahlia', '2026-09-30.endive')).toBe(false);
    expect(atLeast('2024-06-20', '2026-07-29.dahlia')).toBe(false);
    expect(atLeast('2027-01-01', '2026-07-29.dahlia')).toBe(true);
  });
});

describe('the versions behaviour changes on', () => {
  it('defaults to the seeds era, before unreject and the new reasons', () => {
    expect(DEFAULT_API_VERSION).toBe('2024-06-20');
    expect(atLeast(DEFAULT_API_VERSION, VERSION.unreject)).toBe(false);
    expect(atLeast(DEFAULT_API_VERSION, VERSION.rejectReasons)).toBe(false);
  });

  it('has unreject from 2026-07-29.dahlia and the split reasons from 2026-09-30.endive', () => {
    expect(VERSION.unreject).toBe('2026-07-29.dahlia');
    expect(VERSION.rejectReasons).toBe('2026-09-30.endive');
    expect(atLeast('2026-07-28.dahlia', VERSION.unreject)).toBe(false);
    expect(atLeast('2026-07-29.dahlia', VERSION.unreject)).toBe(true);
    expect(atLeast('2026-08-26.dahlia', VERSION.rejectReasons)).toBe(false);
  });

  it('gives the SDK pinned version every change', () => {
    expect(atLeast(Stripe.API_VERSION, VERSION.unreject)).toBe(true);
    expect(atLeast(Stripe.API_VERSION, VERSION.rejectReasons)).toBe(true);
  });
});
