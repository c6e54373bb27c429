// Unit tests for the error mapping: plain titles, request ids kept, SDK internals never shown.
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { describeStripeError, summarizeErrorForLog } from '@/lib/stripe/errors';

const { errors } = Stripe;

describe('describeStripeError', () => {
  it('explains an unreachable backend without a request id', () => {
    const plain = describeStripeError(new errors.StripeConnectionError({ message: 'connect ECONNREFUSED 127.0.0.1:12111' }));
    expect(plain.title).toBe('Cannot reach the Stripe backend');
    expect(plain.message).not.toContain('ECONNREFUSED');
    expect(plain.requestId).toBeUndefined();
  });

  it('keeps the request id of errors the backend answered with', () => {
    const plain = describeStripeError(
      new errors.StripeAuthenticationError({ message: 'Invalid API Key provided', requestId: 'req_123' }),
    );
    expect(plain).toMatchObject({ title: 'API key rejected', requestId: 'req_123' });
  });

  it("passes Stripe's own words through for invalid requests", () => {
    const plain = describeStripeError(new errors.StripeInvalidRequestError({ message: 'No such account: acct_1' }));
    expect(plain.message).toBe('No such account: acct_1');
  });

  it('says something plain for non-Stripe errors', () => {
    const plain = describeStripeError(new TypeError('x is undefined'));
    expect(plain.title).toBe('Something went wrong');
    expect(plain.message).not.toContain('undefined');
  });
});

describe('summarizeErrorForLog', () => {
  it('puts the error type, message and request id on one line', () => {
    const line = summarizeErrorForLog(new errors.StripeAPIError({ message: 'Boom', requestId: 'req_9' }));
    expect(line).toBe('StripeAPIError: Boom [req_9]');
  });

  it('handles plain errors and non-errors', () => {
    expect(summarizeErrorForLog(new RangeError('bad'))).toBe('RangeError: bad');
    expect(summarizeErrorForLog('weird')).toBe('weird');
  });
});
