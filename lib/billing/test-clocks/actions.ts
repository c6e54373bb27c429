'use server';
// The test clock panel's mutations, each through defineAction (permission first, the form's
// schema, the idempotency key, the audit log): create a clock on a connected account, a rehearsal
// on it, advance it, delete it, and report usage on a rehearsal's metered item. Test mode only:
// in live mode every one is refused before Stripe is asked. The Stripe calls are in mutations.ts.
import { defineAction } from '@/lib/actions/safe-action';
import { ActionError } from '@/lib/actions/result';
import type { StripeMode } from '@/lib/stripe/mode';
import { advanceClock, createClock, createRehearsal, deleteClock, reportUsage } from './mutations';
import { advanceClockSchema, createClockSchema, createRehearsalSchema, deleteClockSchema, reportUsageSchema } from './schemas';
import { TEST_MODE_ONLY } from './words';

function testModeOnly(mode: StripeMode): void {
  if (mode === 'live') throw new ActionError(TEST_MODE_ONLY);
}

export const createTestClockAction = defineAction({
  name: 'createTestClockAction',
  permission: 'testclocks.manage',
  schema: createClockSchema,
  audit: { action: 'test_clock.create', targetId: (input) => input.account },
  what: 'the test clock',
  run: (input, { idempotencyKey, mode }) => {
    testModeOnly(mode);
    return createClock(input, idempotencyKey);
  },
});

export const createRehearsalAction = defineAction({
  name: 'createRehearsalAction',
  permission: 'testclocks.manage',
  schema: createRehearsalSchema,
  audit: { action: 'billing_rehearsal.create', targetId: (input) => input.clockId },
  what: 'the rehearsal',
  run: (input, { idempotencyKey, mode, operator }) => {
    testModeOnly(mode);
    return createRehearsal(input, idempotencyKey, operator.email);
  },
});

export const advanceTestClockAction = defineAction({
  name: 'advanceTestClockAction',
  permission: 'testclocks.manage',
  schema: advanceClockSchema,
  audit: { action: 'test_clock.advance', targetId: (input) => input.clockId },
  // Two advances of one clock at once would move it twice.
  exclusive: true,
  what: 'the advance',
  run: (input, { idempotencyKey, mode }) => {
    testModeOnly(mode);
    return advanceClock(input, idempotencyKey);
  },
});

export const deleteTestClockAction = defineAction({
  name: 'deleteTestClockAction',
  permission: 'testclocks.manage',
  schema: deleteClockSchema,
  audit: { action: 'test_clock.delete', targetId: (input) => input.clockId, params: ({ account, clockId }) => ({ account, clockId }) },
  exclusive: { with: ['test_clock.advance'] },
  what: 'the deletion',
  run: (input, { idempotencyKey, mode }) => {
    testModeOnly(mode);
    return deleteClock(input, idempotencyKey);
  },
});

export const reportUsageAction = defineAction({
  name: 'reportUsageAction',
  permission: 'testclocks.manage',
  schema: reportUsageSchema,
  audit: { action: 'usage_record.create', targetId: (input) => input.subscriptionItem },
  what: 'the usage',
  run: (input, { idempotencyKey, mode }) => {
    testModeOnly(mode);
    return reportUsage(input, idempotencyKey);
  },
});
