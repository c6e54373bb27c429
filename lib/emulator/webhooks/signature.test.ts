// Unit tests for the webhook signature: Stripe's scheme (HMAC-SHA256 of "t.payload", hex, keyed by
// the whole whsec_ string), checked against a fixed vector and against the SDK's own signer and verifier.
import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { computeSignature, newEndpointSecret, signatureHeader } from './signature';

const stripe = new Stripe('sk_test_unit');
const SECRET = 'whsec_test_secret_0123456789abcdef';
const PAYLOAD = JSON.stringify({ id: 'evt_1', object: 'event', type: 'account.updated' }, null, 2);

describe('signatureHeader', () => {
  it('is t=<timestamp>,v1=<hex HMAC-SHA256 of "t.payload">', () => {
    const header = signatureHeader(PAYLOAD, SECRET, 1_700_000_000);
    const expected = createHmac('sha256', SECRET).update(`1700000000.${PAYLOAD}`).digest('hex');
    expect(header).toBe(`t=1700000000,v1=${expected}`);
  });

  it('matches a fixed vector (computed apart, with Python’s hmac)', () => {
    expect(computeSignature('{}', 'whsec_x', 1)).toBe('36ee2f7498f0c1777d1312b2a7361947fe5ad31223be30d0c62421f4ca753401');
  });

  it('is what the SDK’s own test signer makes, and the SDK’s constructEvent accepts it', () => {
    const t = Math.floor(Date.now() / 1000);
    expect(signatureHeader(PAYLOAD, SECRET, t)).toBe(stripe.webhooks.generateTestHeaderString({ payload: PAYLOAD, secret: SECRET, timestamp: t }));
    expect(stripe.webhooks.constructEvent(PAYLOAD, signatureHeader(PAYLOAD, SECRET, t), SECRET).id).toBe('evt_1');
  });

  it('a changed payload, another secret or another timestamp does not verify', () => {
    const t = Math.floor(Date.now() / 1000);
    const header = signatureHeader(PAYLOAD, SECRET, t);
    expect(() => stripe.webhooks.constructEvent(PAYLOAD.replace('account.updated', 'account.deleted'), header, SECRET)).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => stripe.webhooks.constructEvent(PAYLOAD, header, 'whsec_other')).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => stripe.webhooks.constructEvent(PAYLOAD, header.replace(`t=${t}`, `t=${t - 1}`), SECRET)).toThrow(Stripe.errors.StripeSignatureVerificationError);
    // Signed ten minutes ago: outside the SDK's default five-minute tolerance.
    expect(() => stripe.webhooks.constructEvent(PAYLOAD, signatureHeader(PAYLOAD, SECRET, t - 600), SECRET)).toThrow(/tolerance/);
  });
});

describe('newEndpointSecret', () => {
  it('looks like Stripe’s and differs every time', () => {
    const a = newEndpointSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
    expect(newEndpointSecret()).not.toBe(a);
  });
});
