'use server';
// Cancelling and releasing a subscription schedule: each through defineAction (permission first,
// zod, audit started, the Stripe call with the form's idempotency key, audit completed). Both act
// on the schedule's one state, so while one is open on a schedule, neither starts again; a
// four-eyes policy may ask for a second operator (by default in live mode).
import { defineAction } from '@/lib/actions/safe-action';
import { assessScheduleCancel, assessScheduleRelease } from './approval';
import { cancelSchedule, releaseSchedule } from './mutations';
import { cancelScheduleActionSchema, releaseScheduleActionSchema } from './schemas';

const scheduleStateChange = { with: ['subscription_schedule.cancel', 'subscription_schedule.release'] } as const;

export const cancelScheduleAction = defineAction({
  name: 'cancelSchedule',
  permission: 'billing.manage',
  schema: cancelScheduleActionSchema,
  audit: {
    action: 'subscription_schedule.cancel',
    targetId: (input) => input.scheduleId,
    params: ({ scheduleId, accountId, invoiceNow, prorate }) => ({ scheduleId, accountId, invoiceNow, prorate }),
  },
  exclusive: scheduleStateChange,
  what: 'the cancellation',
  approval: { action: 'schedule_cancel', assess: assessScheduleCancel },
  run: (input, { idempotencyKey }) => cancelSchedule(input, idempotencyKey),
});

export const releaseScheduleAction = defineAction({
  name: 'releaseSchedule',
  permission: 'billing.manage',
  schema: releaseScheduleActionSchema,
  audit: {
    action: 'subscription_schedule.release',
    targetId: (input) => input.scheduleId,
    params: ({ scheduleId, accountId, preserveCancelDate }) => ({ scheduleId, accountId, preserveCancelDate }),
  },
  exclusive: scheduleStateChange,
  what: 'the release',
  approval: { action: 'schedule_release', assess: assessScheduleRelease },
  run: (input, { idempotencyKey }) => releaseSchedule(input, idempotencyKey),
});
