import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { parseAccountFilters } from './filter-schema';
import { accountCreatedRange, accountFiltersQuery, accountMatches, filtersOnServer } from './filters';

describe('parseAccountFilters', () => {
  it('reads the URL, with defaults', () => {
    expect(parseAccountFilters(new URLSearchParams('type=express&country=DE&state=past_due&limit=50&after=acct_123'))).toEqual({
      type: 'express', country: 'DE', state: 'past_due', limit: 50, after: 'acct_123', created_from: undefined, created_to: undefined, before: undefined,
    });
    expect(parseAccountFilters({}).limit).toBe(25);
  });

  it('drops what is not valid instead of failing a shared link', () => {
    const f = parseAccountFilters({ type: 'weird', country: 'germany', state: 'nope', limit: '7', after: 'x', created_from: '2026-13-45' });
    expect(f).toMatchObject({ type: undefined, country: undefined, state: undefined, limit: 25, after: undefined, created_from: undefined });
  });

  it('takes the first of repeated values', () => {
    expect(parseAccountFilters({ type: ['custom', 'express'] }).type).toBe('custom');
  });
});

describe('accountFiltersQuery', () => {
  it('writes only what is set, and round-trips', () => {
    expect(accountFiltersQuery({ limit: 25 })).toBe('');
    const q = accountFiltersQuery({ type: 'custom', state: 'rejected', limit: 100, created_from: '2026-01-01' });
    expect(q).toBe('?type=custom&state=rejected&limit=100&created_from=2026-01-01');
    expect(parseAccountFilters(new URLSearchParams(q.slice(1)))).toMatchObject({ type: 'custom', state: 'rejected', limit: 100, created_from: '2026-01-01' });
  });
});

describe('accountCreatedRange', () => {
  it('covers whole UTC days, both ends included', () => {
    expect(accountCreatedRange({ created_from: '2026-01-01', created_to: '2026-01-01' })).toEqual({ gte: 1767225600, lte: 1767311999 });
    expect(accountCreatedRange({})).toBeUndefined();
  });
});

describe('accountMatches', () => {
  const a = { type: 'express', country: 'DE', charges_enabled: true, payouts_enabled: true, details_submitted: true, requirements: { disabled_reason: null, past_due: [], currently_due: [], errors: [] } } as unknown as Stripe.Account;
  it('applies type, country and state together', () => {
    expect(accountMatches(parseAccountFilters({ type: 'express', country: 'DE', state: 'enabled' }))(a)).toBe(true);
    expect(accountMatches(parseAccountFilters({ type: 'custom' }))(a)).toBe(false);
    expect(accountMatches(parseAccountFilters({ country: 'FR' }))(a)).toBe(false);
    expect(accountMatches(parseAccountFilters({ state: 'rejected' }))(a)).toBe(false);
    expect(filtersOnServer(parseAccountFilters({ created_from: '2026-01-01' }))).toBe(false);
    expect(filtersOnServer(parseAccountFilters({ country: 'FR' }))).toBe(true);
  });
});
