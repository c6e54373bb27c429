import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { objectRead, ObjectNotFound, readJson } from './json';

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const stripeError = (statusCode: number, code?: string) =>
  Stripe.errors.StripeError.generate({ type: statusCode < 500 ? 'invalid_request_error' : 'api_error', message: 'm', code, statusCode, requestId: 'req_1' } as never);

describe('route handler answers', () => {
  it('answers a malformed id with 404, the same as an unknown one, without loading anything', async () => {
    let loads = 0;
    const handler = objectRead('acct_', 'an account', async () => ++loads);
    const malformed = await handler(new Request('http://x'), ctx('acct_../x'));
    expect(malformed.status).toBe(404);
    expect((await malformed.json()).error.message).toBe('Not an account id (acct_...).');
    expect((await handler(new Request('http://x'), ctx('tr_123'))).status).toBe(404);
    expect(loads).toBe(0);
    const unknown = objectRead('acct_', 'an account', () => Promise.reject(stripeError(404, 'resource_missing')));
    expect((await unknown(new Request('http://x'), ctx('acct_1'))).status).toBe(404);
    const ok = await handler(new Request('http://x'), ctx('acct_1'));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toBe(1);
  });

  it('maps failures: our not-found 404, Stripe invalid request 400, anything else 502, with the request id', async () => {
    expect((await readJson('t', () => Promise.reject(new ObjectNotFound('No such fee refund')))).status).toBe(404);
    const invalid = await readJson('t', () => Promise.reject(stripeError(400, 'parameter_invalid_integer')));
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.requestId).toBe('req_1');
    expect((await readJson('t', () => Promise.reject(stripeError(500)))).status).toBe(502);
    expect((await readJson('t', () => Promise.reject(new Error('socket hang up')))).status).toBe(502);
  });
});
