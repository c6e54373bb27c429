// Maps any error from a Stripe call to plain words an operator can act on (plus the request id
// for support), so no page ever shows a stack trace or a raw SDK message.
import Stripe from 'stripe';

export type PlainError = {
  title: string;
  message: string;
  /** Stripe's `req_...` id, when the backend answered; quote it when asking for help. */
  requestId?: string;
};

export function describeStripeError(error: unknown): PlainError {
  const { errors } = Stripe;
  if (!(error instanceof errors.StripeError)) {
    return { title: 'Something went wrong', message: 'An unexpected error occurred while talking to Stripe.' };
  }
  const requestId = error.requestId;
  if (error instanceof errors.StripeConnectionError) {
    return {
      title: 'Cannot reach the Stripe backend',
      message: 'The Stripe API (or the local emulator) did not answer, or the connection was cut. Try again; if it lasts, check that it is running and that STRIPE_API_BASE points at it.',
    };
  }
  if (error instanceof errors.StripeAuthenticationError) {
    return { title: 'API key rejected', message: 'The backend did not accept STRIPE_SECRET_KEY. Check that the key is correct and not revoked.', requestId };
  }
  if (error instanceof errors.StripePermissionError) {
    return { title: 'Permission denied', message: 'The configured key is not allowed to do this. A restricted key may lack the needed permission.', requestId };
  }
  if (error instanceof errors.StripeRateLimitError) {
    return { title: 'Too many requests', message: 'The backend is rate limiting us. Wait a moment and try again.', requestId };
  }
  if (error instanceof errors.StripeInvalidRequestError) {
    return { title: 'Request refused', message: error.message, requestId };
  }
  return { title: 'The Stripe backend reported an error', message: 'Stripe could not complete the request. Try again shortly.', requestId };
}

/** One line for the server log: the SDK's error class, its message, the network cause and request id. */
export function summarizeErrorForLog(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const parts = [`${error instanceof Stripe.errors.StripeError ? error.type : error.name}: ${error.message}`];
  if (error instanceof Stripe.errors.StripeError) {
    if (error.detail instanceof Error) parts.push(`(${error.detail.message})`);
    if (error.requestId) parts.push(`[${error.requestId}]`);
  }
  return parts.join(' ');
}
