// Connected accounts' names for lists that show account ids (fees, transfers, reversals): one
// Stripe read per distinct account on the page, a few at a time, never one per row. The one place
// lists get account names, so it can later read the console's own index instead of Stripe.
import 'server-only';
import { getStripe } from '@/lib/stripe/client';
import { accountName } from './view';

/** Account id to its name; an account whose name cannot be read (deleted, an error) is left out. */
export type AccountNames = Record<string, string>;

/** Reads at once, so a page of 100 rows costs a few round trips, not 100. */
export const NAME_LOOKUP_CONCURRENCY = 4;
/** Distinct accounts looked up at most per call (a long report names the first ones only). */
export const NAME_LOOKUP_MAX = 200;

type Retrieve = (id: string) => Promise<Parameters<typeof accountName>[0]>;

export async function accountNamesFor(ids: Iterable<string | null | undefined>, retrieve: Retrieve = (id) => getStripe().accounts.retrieve(id)): Promise<AccountNames> {
  const distinct = [...new Set([...ids].filter((id): id is string => typeof id === 'string' && id.startsWith('acct_')))].slice(0, NAME_LOOKUP_MAX);
  const names: AccountNames = {};
  let next = 0;
  async function worker() {
    while (next < distinct.length) {
      const id = distinct[next++]!;
      try {
        const name = accountName(await retrieve(id));
        // accountName falls back to the id: nothing to show beside the id then.
        if (name !== id) names[id] = name;
      } catch {
        // A deleted or unreadable account: the list still shows its id.
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(NAME_LOOKUP_CONCURRENCY, distinct.length) }, worker));
  return names;
}
