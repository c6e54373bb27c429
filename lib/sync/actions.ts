'use server';
// The Data sync page's actions: retry a webhook event the inbox could not apply, and run the
// backfill again from the start. Both go through the safe action wrapper (permission first, input
// parsed, audited); neither calls Stripe itself: the index's background jobs do the work.
import { ActionError } from '@/lib/actions/result';
import { defineAction } from '@/lib/actions/safe-action';
import { kickIndexSync, kickInboxWorker } from '@/lib/index/background';
import { requestBackfill } from '@/lib/index/backfill';
import { retryInboxEvent } from '@/lib/index/inbox';
import { retryWebhookEventSchema, runBackfillSchema } from './schemas';

export const retryWebhookEventAction = defineAction({
  name: 'retryWebhookEventAction',
  permission: 'sync.manage',
  schema: retryWebhookEventSchema,
  audit: { action: 'index.event_retry', targetId: (input) => input.eventId },
  run: async ({ eventId }, { db }) => {
    if (!(await retryInboxEvent(db, eventId))) throw new ActionError('No such event waiting in the inbox (it may have been applied meanwhile).');
    kickInboxWorker();
    return { data: { eventId } };
  },
});

export const runBackfillAction = defineAction({
  name: 'runBackfillAction',
  permission: 'sync.manage',
  schema: runBackfillSchema,
  audit: { action: 'index.backfill_run', targetId: () => null },
  run: async (_input, { db }) => {
    await requestBackfill(db);
    kickIndexSync();
    return { data: { requested: true } };
  },
});
