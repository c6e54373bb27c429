// Server-side reads of connected accounts, live from Stripe: each view of the account page (the
// list and the overview's counts read the console's index: ./index-list.ts). Pages call these
// directly to prefetch; the browser reaches the same functions through GET route handlers. Each is one Stripe call or a
// bounded walk, so a page can run them all at once.
import 'server-only';
import type Stripe from 'stripe';
import { getStripe } from '@/lib/stripe/client';
import { scan } from '@/lib/lists/scan';

export function getAccount(id: string): Promise<Stripe.Account> {
  return getStripe().accounts.retrieve(id);
}

export async function listCapabilities(id: string): Promise<Stripe.Capability[]> {
  return (await getStripe().accounts.listCapabilities(id)).data;
}

export async function listPersons(id: string): Promise<Stripe.Person[]> {
  return getStripe().accounts.listPersons(id, { limit: 100 }).autoPagingToArray({ limit: 500 });
}

export async function listExternalAccounts(id: string): Promise<(Stripe.BankAccount | Stripe.Card)[]> {
  return getStripe().accounts.listExternalAccounts(id, { limit: 100 }).autoPagingToArray({ limit: 500 });
}

/** The connected account's own balance (available and pending per currency), read as the account. */
export function getAccountBalance(id: string): Promise<Stripe.Balance> {
  return getStripe().balance.retrieve({}, { stripeAccount: id });
}

/** The newest transfers to the account. */
export async function listTransfersTo(id: string, limit = 10): Promise<Stripe.Transfer[]> {
  return (await getStripe().transfers.list({ destination: id, limit })).data;
}

/**
 * The newest application fees collected from the account. Stripe's fee list cannot filter by
 * account, so this reads the newest fees and keeps the account's. The default budget is one
 * Stripe page, so the account page's reads all stay within one parallel round trip; the screen
 * says how many fees it looked at.
 */
export async function listFeesFrom(id: string, limit = 10, budget = 100): Promise<{ items: Stripe.ApplicationFee[]; scanned: number; partial: boolean }> {
  const result = await scan<Stripe.ApplicationFee>({
    read: async ({ after }, n) => {
      const page = await getStripe().applicationFees.list({ limit: n, ...(after ? { starting_after: after } : {}) });
      return { data: page.data, has_more: page.has_more };
    },
    matches: (fee) => (typeof fee.account === 'string' ? fee.account : fee.account.id) === id,
    idOf: (fee) => fee.id,
    limit,
    budget,
  });
  return { items: result.items, scanned: result.scanned, partial: result.partial };
}
