import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { parseAccountFilters } from './filter-schema';
import { accountInvalidations, accountKeys } from './keys';

/** Fills a cache with every view of two accounts and two lists, applies `invalidations`, says what went stale. */
async function staleAfter(invalidations: ReturnType<(typeof accountInvalidations)[keyof typeof accountInvalidations]>): Promise<string[]> {
  const qc = new QueryClient();
  const keys = [
    accountKeys.list(parseAccountFilters({})),
    accountKeys.list(parseAccountFilters({ tab: 'rejected' })),
    ...['acct_1', 'acct_2'].flatMap((id) => [
      accountKeys.detail(id),
      accountKeys.capabilities(id),
      accountKeys.persons(id),
      accountKeys.externalAccounts(id),
      accountKeys.balance(id),
      accountKeys.transfers(id),
      accountKeys.fees(id),
    ]),
  ];
  for (const k of keys) qc.setQueryData(k, 1);
  for (const inv of invalidations) await qc.invalidateQueries({ queryKey: inv.queryKey, exact: inv.exact, refetchType: 'none' });
  return keys.filter((k) => qc.getQueryState(k)?.isInvalidated).map((k) => k.slice(1).map((p) => (typeof p === 'object' ? 'filters' : p)).join('/'));
}

describe('accountInvalidations', () => {
  it('a reject touches the account, its capabilities and the lists, nothing else', async () => {
    expect(await staleAfter(accountInvalidations.reject('acct_1'))).toEqual(['list/filters', 'list/filters', 'detail/acct_1', 'detail/acct_1/capabilities']);
  });
  it('an update touches the account and the lists', async () => {
    expect(await staleAfter(accountInvalidations.update('acct_2'))).toEqual(['list/filters', 'list/filters', 'detail/acct_2']);
  });
  it('a delete touches only the lists; a link nothing Stripe shows', async () => {
    expect(await staleAfter(accountInvalidations.delete())).toEqual(['list/filters', 'list/filters']);
    expect(await staleAfter(accountInvalidations.link('acct_1'))).toEqual([]);
  });
});
