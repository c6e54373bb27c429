// Account names for lists: one read per distinct account, a bounded number at once; an account
// that cannot be read, or has no name but its id, is left out.
import { describe, expect, it } from 'vitest';
import { accountNamesFor, NAME_LOOKUP_CONCURRENCY } from './names';

describe('accountNamesFor', () => {
  it('reads each distinct account once, at most a few at a time', async () => {
    const calls: string[] = [];
    let running = 0;
    let most = 0;
    const retrieve = async (id: string) => {
      calls.push(id);
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
      if (id === 'acct_gone') throw new Error('No such account');
      if (id === 'acct_nameless') return { id };
      return { id, business_profile: { name: `Shop ${id.slice(5)}` } };
    };
    const ids = ['acct_a', 'acct_b', 'acct_a', null, undefined, 'acct_gone', 'acct_nameless', 'acct_c', 'acct_d', 'acct_e', 'acct_b', 'not_an_account'];
    const names = await accountNamesFor(ids, retrieve as never);
    expect(names).toEqual({ acct_a: 'Shop a', acct_b: 'Shop b', acct_c: 'Shop c', acct_d: 'Shop d', acct_e: 'Shop e' });
    expect([...calls].sort()).toEqual(['acct_a', 'acct_b', 'acct_c', 'acct_d', 'acct_e', 'acct_gone', 'acct_nameless']);
    expect(most).toBeLessThanOrEqual(NAME_LOOKUP_CONCURRENCY);
    expect(most).toBeGreaterThan(1);
  });

  it('asks nothing for a page without accounts', async () => {
    let calls = 0;
    expect(await accountNamesFor([], async () => ((calls += 1), { id: 'x' }) as never)).toEqual({});
    expect(calls).toBe(0);
  });
});
