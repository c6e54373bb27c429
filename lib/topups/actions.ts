'use server';
// Top-up mutations: creating one and cancelling a pending one, each through defineAction with the
// form's idempotency key; the Stripe calls are in mutations.ts.
import { defineAction } from '@/lib/actions/safe-action';
import { assessTopup } from './approval';
import { cancel, create } from './mutations';
import { cancelTopupSchema, createTopupSchema } from './schemas';

export const createTopup = defineAction({
  name: 'createTopup',
  permission: 'topups.create',
  schema: createTopupSchema,
  audit: { action: 'topup.create', targetId: () => null },
  exclusive: true,
  what: 'the top-up',
  approval: { action: 'topup_create', assess: assessTopup },
  run: (input, { operator, idempotencyKey }) => create(input, idempotencyKey, operator.email),
});

export const cancelTopup = defineAction({
  name: 'cancelTopup',
  permission: 'topups.cancel',
  schema: cancelTopupSchema,
  audit: { action: 'topup.cancel', targetId: (input) => input.topupId },
  exclusive: true,
  what: 'the cancellation',
  run: (input, { idempotencyKey }) => cancel(input, idempotencyKey),
});
