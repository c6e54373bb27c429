// Server-side reads of top-ups: the list (status and created go to Stripe) and one top-up.
import 'server-only';
import type Stripe from 'stripe';
import { getStripe } from '@/lib/stripe/client';
import { topupCreatedRange, type TopupFilters } from './filters';

export interface TopupPage {
  items: Stripe.Topup[];
  next: string | null;
  prev: string | null;
}

export async function listTopups(f: TopupFilters): Promise<TopupPage> {
  const created = topupCreatedRange(f);
  const page = await getStripe().topups.list({
    limit: f.limit,
    ...(created ? { created } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.after ? { starting_after: f.after } : {}),
    ...(f.before ? { ending_before: f.before } : {}),
  });
  const items = page.data;
  // has_more speaks of the direction read: older pages going forward, newer going back.
  const backwards = f.before !== undefined;
  return {
    items,
    next: items.length > 0 && (backwards || page.has_more) ? items[items.length - 1].id : null,
    prev: items.length > 0 && (backwards ? page.has_more : f.after !== undefined) ? items[0].id : null,
  };
}

export function getTopup(id: string): Promise<Stripe.Topup> {
  return getStripe().topups.retrieve(id, { expand: ['balance_transaction'] });
}
