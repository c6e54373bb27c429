// React Query keys, query options and answer types for the risk object pages: one charge, one
// Radar review, one early fraud warning, each read live from Stripe on the store it lives in (the
// platform's, or a connected account's for a direct charge). The browser reads through
// GET /api/risk/{charges,reviews,early-fraud-warnings}/:id (with `?account=acct_…` when the
// page was opened with one); the pages prefetch the same keys on the server. Client-safe.
import { queryOptions } from '@tanstack/react-query';
import type Stripe from 'stripe';
import { getJson } from '@/lib/http/get-json';

/** Where an object was read: the connected account it concerns, and whether it lives in that account's own store (read with `Stripe-Account`). */
export interface ObjectPlace {
  accountId: string | null;
  accountName: string | null;
  onAccount: boolean;
}

export interface ChargeDetailResult extends ObjectPlace {
  /** With its refunds embedded. */
  charge: Stripe.Charge;
  /** The Radar review the charge names, when any. */
  review: Stripe.Review | null;
  disputes: Stripe.Dispute[];
  warnings: Stripe.Radar.EarlyFraudWarning[];
}

export interface ReviewDetailResult extends ObjectPlace {
  /** With its charge expanded (null when the review is about a payment intent only). */
  review: Stripe.Review;
}

export interface WarningDetailResult extends ObjectPlace {
  /** With its charge expanded. */
  warning: Stripe.Radar.EarlyFraudWarning;
}

export const riskObjectKeys = {
  all: ['risk-object'] as const,
  charge: (id: string, account: string | null) => [...riskObjectKeys.all, 'charge', id, account] as const,
  review: (id: string, account: string | null) => [...riskObjectKeys.all, 'review', id, account] as const,
  warning: (id: string, account: string | null) => [...riskObjectKeys.all, 'warning', id, account] as const,
};

const path = (kind: string, id: string, account: string | null) => `/api/risk/${kind}/${encodeURIComponent(id)}${account ? `?account=${encodeURIComponent(account)}` : ''}`;

export const riskObjectQueries = {
  charge: (id: string, account: string | null) => queryOptions({ queryKey: riskObjectKeys.charge(id, account), queryFn: () => getJson<ChargeDetailResult>(path('charges', id, account)) }),
  review: (id: string, account: string | null) => queryOptions({ queryKey: riskObjectKeys.review(id, account), queryFn: () => getJson<ReviewDetailResult>(path('reviews', id, account)) }),
  warning: (id: string, account: string | null) => queryOptions({ queryKey: riskObjectKeys.warning(id, account), queryFn: () => getJson<WarningDetailResult>(path('early-fraud-warnings', id, account)) }),
};

/** A risk object page's href, with the account that tells the page which store to read. */
export function riskObjectHref(kind: 'charges' | 'reviews' | 'early-fraud-warnings', id: string, account: string | null | undefined): string {
  return `/risk/${kind}/${encodeURIComponent(id)}${account ? `?account=${encodeURIComponent(account)}` : ''}`;
}
