// Server-side reads of connected accounts.
import 'server-only';
import { getStripe } from '@/lib/stripe/client';

/** Counts every connected account by paging through the list (Stripe has no count endpoint). */
export async function countConnectedAccounts(): Promise<number> {
  let count = 0;
  await getStripe()
    .accounts.list({ limit: 100 })
    .autoPagingEach(() => {
      count += 1;
    });
  return count;
}
