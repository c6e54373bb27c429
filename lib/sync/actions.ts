'use server';
// The Data sync page's actions: retry a webhook event the inbox could not apply, run the backfill
// again from the start, and run a reconciliation now. Each goes through the safe action wrapper
// (permission first, input parsed, audited); none calls Stripe itself: the index's background jobs
// do the work.
import { ActionError } from '@/lib/actions/result';
import { defineAction } from '@/lib/actions/safe-action';
import { kickIndexSync, kickInboxWorker, kickReconciliation } from '@/lib/index/background';
import { backfillEverFinished, requestBackfill } from '@/lib/index/backfill';
import { retryInboxEvent } from '@/lib/index/inbox';
import { requestReconciliation } from '@/lib/index/reconcile';
import { retryWebhookEventSchema, runBackfillSchema, runReconciliationSchema } from './schemas';

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

/** Asks for a reconciliation; while one is asked for or running, pressing again joins it (one run). */
export const runReconciliationAction = defineAction({
  name: 'runReconciliationAction',
  permission: 'sync.manage',
  schema: runReconciliationSchema,
  audit: { action: 'index.reconcile_run', targetId: () => null },
  run: async (_input, { db, operator }) => {
    if (!(await backfillEverFinished(db))) throw new ActionError('The index has not been filled yet: reconciliation runs once the first backfill has finished.');
    const { run, already } = await requestReconciliation(db, { trigger: 'manual', requestedBy: operator.email });
    kickReconciliation();
    return { data: { runId: run.id, already } };
  },
});
