// Reading a metered item's usage for the console: the usage record summaries at the older API
// version (the pinned one has none), or, when Stripe refuses that version's request (an item billed
// with billing meters, as live accounts are since basil), that refusal in plain words rather than
// an error. An item that does not exist is still a 404.
import 'server-only';
import Stripe from 'stripe';
import { listUsageRecordSummaries, type UsageRecordSummary } from '@/lib/stripe/legacy-usage';
import { LEGACY_USAGE_API_VERSION, USAGE_REFUSED_NOTE } from './version';

export type UsageView =
  | { status: 'read'; apiVersion: string; summaries: UsageRecordSummary[] }
  | { status: 'refused'; apiVersion: string; message: string; stripeMessage: string; requestId: string | null };

export async function readUsage(account: string, subscriptionItem: string): Promise<UsageView> {
  try {
    return { status: 'read', apiVersion: LEGACY_USAGE_API_VERSION, summaries: await listUsageRecordSummaries(account, subscriptionItem) };
  } catch (error) {
    // An unknown item is the caller's 404; any other refusal is Stripe saying "not at this version".
    if (!(error instanceof Stripe.errors.StripeInvalidRequestError) || error.code === 'resource_missing') throw error;
    return { status: 'refused', apiVersion: LEGACY_USAGE_API_VERSION, message: USAGE_REFUSED_NOTE, stripeMessage: error.message, requestId: error.requestId ?? null };
  }
}
