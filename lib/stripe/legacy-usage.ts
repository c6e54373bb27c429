// Usage records (Stripe's legacy usage-based billing) on a connected account's metered
// subscription item. The pinned API version no longer has them and the stripe package has no
// methods for them, so they are sent as raw requests at the last version that has them
// (lib/billing/usage/version.ts), with the account's `Stripe-Account`.
import 'server-only';
import { LEGACY_USAGE_API_VERSION } from '@/lib/billing/usage/version';
import { getStripe } from '@/lib/stripe/client';

export interface UsageRecord {
  id: string;
  object: 'usage_record';
  livemode: boolean;
  quantity: number;
  subscription_item: string;
  timestamp: number;
}

export interface UsageRecordSummary {
  id: string;
  object: 'usage_record_summary';
  invoice: string | null;
  livemode: boolean;
  period: { start: number | null; end: number | null };
  subscription_item: string;
  total_usage: number;
}

type RequestId = { lastResponse?: { requestId?: string } };

/** The item's usage per billing period, newest first (Stripe lists up to 100 a page; a rehearsal has far fewer). */
export async function listUsageRecordSummaries(account: string, item: string, apiVersion: string = LEGACY_USAGE_API_VERSION): Promise<UsageRecordSummary[]> {
  const page = (await getStripe().rawRequest('GET', `/v1/subscription_items/${encodeURIComponent(item)}/usage_record_summaries?limit=100`, {}, { stripeAccount: account, apiVersion })) as {
    data: UsageRecordSummary[];
  };
  return page.data;
}

/** Adds `quantity` to the item's usage at `timestamp` (increment), once per idempotency key. */
export async function createUsageRecord(
  account: string,
  item: string,
  { quantity, timestamp }: { quantity: number; timestamp: number },
  idempotencyKey: string,
): Promise<UsageRecord & RequestId> {
  return (await getStripe().rawRequest(
    'POST',
    `/v1/subscription_items/${encodeURIComponent(item)}/usage_records`,
    { quantity, timestamp, action: 'increment' },
    { stripeAccount: account, apiVersion: LEGACY_USAGE_API_VERSION, idempotencyKey },
  )) as UsageRecord & RequestId;
}
