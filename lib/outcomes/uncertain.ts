// Which failures leave a change's outcome unknown. A refusal Stripe explains (a 4xx, a card or
// rate-limit error) or one the console raised itself means nothing was changed. A lost connection,
// a timeout, a 5xx, a key still in use by another attempt, or an error we cannot classify means
// the change may have been made: the console must find out, never guess. Pure.
import Stripe from 'stripe';
import { ActionError } from '@/lib/actions/result';

export function isUncertain(error: unknown): boolean {
  if (error instanceof ActionError) return false;
  if (!(error instanceof Stripe.errors.StripeError)) return true;
  if (error instanceof Stripe.errors.StripeConnectionError) return true;
  if (error instanceof Stripe.errors.StripeIdempotencyError) return true;
  if (error instanceof Stripe.errors.StripeAPIError) return true;
  if (typeof error.statusCode === 'number') return error.statusCode >= 500 || error.statusCode === 409;
  // Stripe raised no status: nothing came back, so nothing is known.
  return error.statusCode === undefined && !(error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripeCardError);
}

/** What the operator is told while the console finds out. */
export function uncertainMessage(what: string): string {
  return `The answer was lost (the backend did not answer in time), so ${what} may or may not have been made. The console is checking and will show the outcome here; do not start it again.`;
}
