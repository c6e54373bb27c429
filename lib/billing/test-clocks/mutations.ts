// The Stripe calls behind the test clock panel's actions, on a connected account (`Stripe-Account`).
// A lost answer is found out, never repeated blindly:
// - creating a clock, a rehearsal or usage sends the form's key again (each object of a rehearsal
//   has its own key derived from it), so Stripe replays what it made;
// - an advance first reads the clock: a clock already at (or moving to) the target is the earlier
//   attempt's work, and a clock that moved elsewhere since the review is not moved again (advancing
//   twice moves it twice);
// - deleting a clock already gone is done.
import 'server-only';
import Stripe from 'stripe';
import { ActionError, type Written } from '@/lib/actions/result';
import { formatTimestamp, parseUtcDateTime } from '@/lib/dates';
import { REQUEST_KEY_METADATA } from '@/lib/metadata';
import { getStripe } from '@/lib/stripe/client';
import { createUsageRecord } from '@/lib/stripe/legacy-usage';
import { phasePriceParams, REHEARSAL_METADATA, rehearsalApiVersion, scheduleParams } from './rehearsal';
import type { RehearsalInput } from './schemas';

type ClockRef = { account: string; clockId: string };

const requestIdOf = (answer: { lastResponse?: { requestId?: string } }) => answer.lastResponse?.requestId ?? null;

function readyClock(clock: Stripe.TestHelpers.TestClock, doing: string): void {
  if (clock.status !== 'ready') throw new ActionError(`Test clock ${clock.id} is ${clock.status}, so it cannot ${doing} now: wait until it is ready.`);
}

export async function createClock(
  input: { account: string; name: string; frozenTime: string },
  idempotencyKey: string,
): Promise<Written<{ clockId: string; frozenTime: number }>> {
  const frozen = parseUtcDateTime(input.frozenTime);
  if (frozen === null) throw new ActionError('Enter the clock’s start as a date and time (UTC).');
  const clock = await getStripe().testHelpers.testClocks.create({ name: input.name, frozen_time: frozen }, { stripeAccount: input.account, idempotencyKey });
  return { data: { clockId: clock.id, frozenTime: clock.frozen_time }, requestId: requestIdOf(clock), resultId: clock.id };
}

export async function createRehearsal(
  input: RehearsalInput,
  idempotencyKey: string,
  operatorEmail: string,
): Promise<Written<{ customerId: string; scheduleId: string; prices: string[] }>> {
  const stripe = getStripe();
  const clock = await stripe.testHelpers.testClocks.retrieve(input.clockId, {}, { stripeAccount: input.account });
  readyClock(clock, 'take a rehearsal');
  const apiVersion = rehearsalApiVersion(input);
  // Each object its own key, derived from the form's: a retried request replays every one of them.
  const options = (part: string): Stripe.RequestOptions => ({ stripeAccount: input.account, idempotencyKey: `${idempotencyKey}-${part}`, ...(apiVersion ? { apiVersion } : {}) });
  const metadata = { [REHEARSAL_METADATA]: 'true', [REQUEST_KEY_METADATA]: idempotencyKey, created_by: operatorEmail };
  const customer = await stripe.customers.create({ name: input.customerName, test_clock: clock.id, metadata }, options('customer'));
  const product = await stripe.products.create({ name: input.productName, metadata }, options('product'));
  const prices = await Promise.all(input.phases.map((_, i) => stripe.prices.create(phasePriceParams(input, i, product.id, metadata), options(`price-${i}`))));
  const schedule = await stripe.subscriptionSchedules.create(
    scheduleParams(input, { customer: customer.id, prices: prices.map((p) => p.id), metadata }),
    options('schedule'),
  );
  return { data: { customerId: customer.id, scheduleId: schedule.id, prices: prices.map((p) => p.id) }, requestId: requestIdOf(schedule), resultId: schedule.id };
}

export async function advanceClock(
  input: ClockRef & { fromFrozenTime: number; toFrozenTime: number },
  idempotencyKey: string,
): Promise<Written<{ clockId: string; status: string; frozenTime: number; target: number }>> {
  const stripe = getStripe();
  const clock = await stripe.testHelpers.testClocks.retrieve(input.clockId, {}, { stripeAccount: input.account });
  const movingTo = clock.status_details?.advancing?.target_frozen_time ?? null;
  const done = { clockId: clock.id, status: clock.status, frozenTime: clock.frozen_time, target: input.toFrozenTime };
  // An earlier attempt of this request got through: say so, and never move the clock a second time.
  if (clock.status === 'advancing' && movingTo === input.toFrozenTime) return { data: done, requestId: null, resultId: clock.id, foundBy: `test clock ${clock.id} is already advancing to ${formatTimestamp(input.toFrozenTime)}` };
  if (clock.frozen_time === input.toFrozenTime) return { data: done, requestId: null, resultId: clock.id, foundBy: `test clock ${clock.id} is already at ${formatTimestamp(input.toFrozenTime)}` };
  readyClock(clock, 'be advanced');
  if (clock.frozen_time !== input.fromFrozenTime) {
    throw new ActionError(
      `Test clock ${clock.id} is at ${formatTimestamp(clock.frozen_time)}, not at ${formatTimestamp(input.fromFrozenTime)} as when you reviewed the advance: it was not moved. Review it again.`,
      undefined,
      true,
    );
  }
  const moved = await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: input.toFrozenTime }, { stripeAccount: input.account, idempotencyKey });
  return { data: { clockId: moved.id, status: moved.status, frozenTime: moved.frozen_time, target: input.toFrozenTime }, requestId: requestIdOf(moved), resultId: moved.id };
}

export async function deleteClock(input: ClockRef, idempotencyKey: string): Promise<Written<{ clockId: string; deleted: true }>> {
  try {
    const gone = await getStripe().testHelpers.testClocks.del(input.clockId, {}, { stripeAccount: input.account, idempotencyKey });
    return { data: { clockId: gone.id, deleted: true }, requestId: requestIdOf(gone), resultId: gone.id };
  } catch (error) {
    // Sent again after a lost answer, the clock is already gone: that is this request's work.
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') {
      return { data: { clockId: input.clockId, deleted: true }, requestId: error.requestId ?? null, resultId: input.clockId, foundBy: `test clock ${input.clockId} no longer exists` };
    }
    throw error;
  }
}

/** Usage on a metered item of a subscription on this clock, at the clock's time (the item's "now"). */
export async function reportUsage(
  input: ClockRef & { subscriptionItem: string; quantity: number },
  idempotencyKey: string,
): Promise<Written<{ usageRecordId: string; quantity: number; timestamp: number }>> {
  const stripe = getStripe();
  const on = { stripeAccount: input.account };
  const [clock, item] = await Promise.all([stripe.testHelpers.testClocks.retrieve(input.clockId, {}, on), stripe.subscriptionItems.retrieve(input.subscriptionItem, {}, on)]);
  readyClock(clock, 'take usage');
  const subscription = await stripe.subscriptions.retrieve(item.subscription, {}, on);
  if (subscription.test_clock !== clock.id && (subscription.test_clock as { id?: string } | null)?.id !== clock.id) {
    throw new ActionError(`Subscription item ${item.id} is not on test clock ${clock.id}.`);
  }
  if (item.price.recurring?.usage_type !== 'metered') throw new ActionError(`Subscription item ${item.id} has a licensed price: only metered items take usage.`);
  const record = await createUsageRecord(input.account, item.id, { quantity: input.quantity, timestamp: clock.frozen_time }, idempotencyKey);
  return { data: { usageRecordId: record.id, quantity: record.quantity, timestamp: record.timestamp }, requestId: requestIdOf(record), resultId: record.id };
}
