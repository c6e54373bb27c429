// The Stripe calls behind cancelling and releasing a subscription schedule, on its connected
// account with the form's idempotency key. A retry with the same key gets Stripe's stored answer,
// so one request is one change. A refusal (the schedule is no longer not_started or active) is
// explained in words from the schedule's current status.
import 'server-only';
import Stripe from 'stripe';
import { ActionError, type Written } from '@/lib/actions/result';
import { getStripe } from '@/lib/stripe/client';
import { refusalFor, STATUS_LABELS, type ScheduleStatus } from './phases';
import { getSchedule } from './queries';
import type { CancelScheduleInput, ReleaseScheduleInput } from './schemas';

export type ScheduleChange = { scheduleId: string; status: string };

const written = (s: Stripe.Response<Stripe.SubscriptionSchedule>): Written<ScheduleChange> => ({ data: { scheduleId: s.id, status: s.status }, requestId: s.lastResponse?.requestId ?? null, resultId: s.id });

async function explainRefusal(error: unknown, input: { scheduleId: string; accountId: string }, verb: 'cancel' | 'release'): Promise<never> {
  if (!(error instanceof Stripe.errors.StripeInvalidRequestError) || error.statusCode === 404) throw error;
  const now = await getSchedule(input.scheduleId, input.accountId);
  throw new ActionError(refusalFor(now.status, verb) ?? `Stripe refused: ${error.message}`, error.requestId);
}

export async function cancelSchedule(input: CancelScheduleInput, idempotencyKey: string): Promise<Written<ScheduleChange>> {
  try {
    return written(await getStripe().subscriptionSchedules.cancel(input.scheduleId, { invoice_now: input.invoiceNow, prorate: input.prorate }, { idempotencyKey, stripeAccount: input.accountId }));
  } catch (error) {
    return explainRefusal(error, input, 'cancel');
  }
}

export async function releaseSchedule(input: ReleaseScheduleInput, idempotencyKey: string): Promise<Written<ScheduleChange>> {
  try {
    return written(await getStripe().subscriptionSchedules.release(input.scheduleId, { preserve_cancel_date: input.preserveCancelDate }, { idempotencyKey, stripeAccount: input.accountId }));
  } catch (error) {
    return explainRefusal(error, input, 'release');
  }
}

/** For the outcome check (lib/outcomes): whether the schedule now has the status the change gives it. */
export async function scheduleReached(scheduleId: string, accountId: string, status: ScheduleStatus): Promise<{ found: boolean; how: string }> {
  const now = await getSchedule(scheduleId, accountId);
  const label = (s: string) => (STATUS_LABELS as Record<string, string>)[s]?.toLowerCase() ?? s;
  return now.status === status ? { found: true, how: `schedule ${scheduleId} is ${label(status)}` } : { found: false, how: `schedule ${scheduleId} is ${label(now.status)}, not ${label(status)}` };
}
