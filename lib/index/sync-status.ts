// Everything the Data sync page shows about the index, in one read: the backfill's progress (per
// type, rate, time left), the webhook inbox (waiting, failed with their errors, when the last
// delivery arrived), the catch-up's watermark, how fresh the accounts are, and the last
// reconciliation (and the one asked for or running).
import 'server-only';
import type { Db } from '@/lib/db/open';
import { getEnv } from '@/lib/env';
import { indexFreshness } from './accounts-query';
import { backfillProgress, type BackfillProgress } from './backfill';
import { inboxSummary } from './inbox';
import { reconcileSummary } from './reconcile';
import { catchUpWatermark } from './state';

export interface IndexSyncStatus {
  backfill: BackfillProgress;
  inbox: Awaited<ReturnType<typeof inboxSummary>>;
  /** Whether STRIPE_WEBHOOK_SECRET is set (without it every delivery is refused). */
  webhooksConfigured: boolean;
  /** The Stripe-clock second the next catch-up reads events from; null before the first backfill. */
  catchUpFrom: number | null;
  freshness: Awaited<ReturnType<typeof indexFreshness>>;
  reconcile: Awaited<ReturnType<typeof reconcileSummary>>;
}

export async function indexSyncStatus(db: Db): Promise<IndexSyncStatus> {
  const [backfill, inbox, catchUpFrom, freshness, reconcile] = await Promise.all([backfillProgress(db), inboxSummary(db), catchUpWatermark(db), indexFreshness(db), reconcileSummary(db)]);
  return { backfill, inbox, webhooksConfigured: getEnv().stripeWebhookSecrets.length > 0, catchUpFrom, freshness, reconcile };
}
