// Lost answers are unknown; refusals Stripe explains, and the console's own, are failures.
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { ActionError } from '@/lib/actions/result';
import { isUncertain } from '@/lib/outcomes/uncertain';

const raw = (type: string, statusCode?: number) => ({ type, message: 'x', statusCode }) as unknown as Stripe.StripeRawError;

describe('isUncertain', () => {
  it('calls a lost connection, a 5xx, a key in use and an unknown error unknown', () => {
    expect(isUncertain(new Stripe.errors.StripeConnectionError(raw('StripeConnectionError')))).toBe(true);
    expect(isUncertain(new Stripe.errors.StripeAPIError(raw('api_error', 500)))).toBe(true);
    expect(isUncertain(new Stripe.errors.StripeIdempotencyError(raw('idempotency_error', 409)))).toBe(true);
    expect(isUncertain(new TypeError('fetch failed'))).toBe(true);
  });

  it('calls a refusal Stripe explains, or the console’s own, a failure', () => {
    expect(isUncertain(new Stripe.errors.StripeInvalidRequestError(raw('invalid_request_error', 400)))).toBe(false);
    expect(isUncertain(new Stripe.errors.StripeCardError(raw('card_error', 402)))).toBe(false);
    expect(isUncertain(new Stripe.errors.StripeRateLimitError(raw('rate_limit_error', 429)))).toBe(false);
    expect(isUncertain(new Stripe.errors.StripePermissionError(raw('permission_error', 403)))).toBe(false);
    expect(isUncertain(new ActionError('This transfer changed since you reviewed it.'))).toBe(false);
  });
});
