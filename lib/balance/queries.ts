// The platform's own balance (available and pending per currency), shown on the finance pages.
import 'server-only';
import type Stripe from 'stripe';
import { getStripe } from '@/lib/stripe/client';

export function getPlatformBalance(): Promise<Stripe.Balance> {
  return getStripe().balance.retrieve();
}
