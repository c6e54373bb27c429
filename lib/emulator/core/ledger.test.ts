// Unit tests for the ledger's running balances: whatever the order transactions are posted in and
// the moments balances are read at, a balance is the sum of its owner's transactions' nets,
// available once `available_on` has passed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableIn, balanceOf, post, transactionsOf } from './ledger';
import { World } from './world';

/** The balance by definition: every transaction of the owner added up. */
function summed(world: World, owner: string, now: number) {
  const out: { available: Record<string, number>; pending: Record<string, number> } = { available: {}, pending: {} };
  for (const bt of transactionsOf(world, owner)) {
    out.available[bt.currency] = (out.available[bt.currency] ?? 0) + (bt.available_on <= now ? bt.net : 0);
    out.pending[bt.currency] = (out.pending[bt.currency] ?? 0) + (bt.available_on <= now ? 0 : bt.net);
  }
  return out;
}

describe('balanceOf', () => {
  it('is the sum of the owner’s transactions, read at any moment between any postings (property)', () => {
    const posting = fc.record({
      owner: fc.constantFrom('platform', 'acct_a', 'acct_b'),
      currency: fc.constantFrom('usd', 'eur'),
      amount: fc.integer({ min: -5000, max: 5000 }),
      fee: fc.integer({ min: 0, max: 100 }),
      // A small span of seconds, so transactions share moments and reads fall on them.
      created: fc.integer({ min: 0, max: 200 }),
      delay: fc.integer({ min: 0, max: 60 }),
    });
    const step = fc.oneof(
      { weight: 8, arbitrary: posting.map((p) => ({ kind: 'post' as const, ...p })) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('read' as const), at: fc.integer({ min: 0, max: 270 }) }) },
    );
    fc.assert(
      // Long enough that each balance folds its recent transactions into the sorted ones several times.
      fc.property(fc.array(step, { minLength: 1000, maxLength: 1500 }), (steps) => {
        const world = new World('test');
        const check = (at: number) => {
          for (const owner of ['platform', 'acct_a', 'acct_b']) {
            expect(balanceOf(world, owner, at)).toEqual(summed(world, owner, at));
            expect(availableIn(world, owner, 'usd', at)).toBe(summed(world, owner, at).available.usd ?? 0);
          }
        };
        for (const s of steps) {
          if (s.kind === 'read') check(s.at);
          else post(world, { owner: s.owner, amount: s.amount, fee: s.fee, currency: s.currency, type: 'adjustment', source: null, created: s.created, availableOn: s.created + s.delay });
        }
        for (const at of [0, 50, 100, 150, 200, 260, 300]) check(at);
      }),
      { numRuns: 12 },
    );
  }, 30_000); // a property run: seconds when the machine is loaded, not a speed check

  it('names every currency the owner moved money in, zero included, in the order first moved', () => {
    const world = new World('test');
    post(world, { owner: 'acct_a', amount: 100, currency: 'eur', type: 'adjustment', source: null, created: 10, availableOn: 50 });
    post(world, { owner: 'acct_a', amount: 300, currency: 'usd', type: 'adjustment', source: null, created: 20 });
    post(world, { owner: 'acct_a', amount: -100, currency: 'eur', type: 'adjustment', source: null, created: 30 });
    expect(balanceOf(world, 'acct_a', 40)).toEqual({ available: { eur: -100, usd: 300 }, pending: { eur: 100, usd: 0 } });
    expect(Object.keys(balanceOf(world, 'acct_a', 40).available)).toEqual(['eur', 'usd']);
    expect(balanceOf(world, 'acct_b', 40)).toEqual({ available: {}, pending: {} });
  });
});
