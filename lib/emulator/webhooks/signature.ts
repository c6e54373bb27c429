// Stripe's webhook signature: `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">`,
// keyed with the endpoint's `whsec_…` secret, as the SDK's `stripe.webhooks.constructEvent` checks it.
import { createHmac } from 'node:crypto';
import { makeId } from '../core/ids';

/** The hex HMAC-SHA256 of `${timestamp}.${payload}` with `secret` (the whole `whsec_…` string is the key). */
export function computeSignature(payload: string, secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
}

/** The `Stripe-Signature` header for `payload` signed at `timestamp` (seconds). */
export function signatureHeader(payload: string, secret: string, timestamp: number): string {
  return `t=${timestamp},v1=${computeSignature(payload, secret, timestamp)}`;
}

/** A new endpoint secret: `whsec_` and 32 base62 characters, as Stripe's look. */
export function newEndpointSecret(): string {
  return `whsec_${makeId('x').slice(2)}${makeId('x').slice(2, 10)}`;
}
