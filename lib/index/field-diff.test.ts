import { describe, expect, it } from 'vitest';
import { diffPaths } from './field-diff';

describe('diffPaths', () => {
  it('is empty for equal values, whatever the key order', () => {
    expect(diffPaths({ a: 1, b: { c: [1, { d: 2 }] } }, { b: { c: [1, { d: 2 }] }, a: 1 })).toEqual([]);
  });

  it('names nested fields, and a differing list as a whole', () => {
    const row = { id: 'acct_1', email: 'a@x', requirements: { currently_due: ['x'], past_due: [] }, metadata: { tier: 'gold' } };
    const live = { id: 'acct_1', email: 'b@x', requirements: { currently_due: ['x', 'y'], past_due: [] }, metadata: {} };
    expect(diffPaths(row, live)).toEqual(['email', 'metadata.tier', 'requirements.currently_due']);
  });

  it('treats a missing key as undefined but not as null', () => {
    expect(diffPaths({ a: 1, b: undefined }, { a: 1 })).toEqual([]);
    expect(diffPaths({ a: 1, b: null }, { a: 1 })).toEqual(['b']);
  });

  it('stops at `max` paths', () => {
    expect(diffPaths({ a: 1, b: 2, c: 3 }, { a: 0, b: 0, c: 0 }, 2)).toEqual(['a', 'b']);
  });

  it('names the whole object when the values are not both objects', () => {
    expect(diffPaths(1, 2)).toEqual(['(the whole object)']);
  });
});
