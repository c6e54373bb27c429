// Receiving one webhook delivery: the signature checked against each configured signing secret
// (one per endpoint), the event written to the inbox, and the inbox drained in the background.
import 'server-only';
import Stripe from 'stripe';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { getStripe } from '@/lib/stripe/client';
import { summarizeErrorForLog } from '@/lib/stripe/errors';
import { kickInboxWorker } from './background';
import type { IndexEvent } from './events';
import { recordEvent } from './inbox';

/** Stripe's events are far smaller; a public route reads no more than this. */
export const MAX_WEBHOOK_BYTES = 2 * 1024 * 1024;

const answer = (status: number, body: Record<string, unknown>) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

/** The event if `signature` signs `payload` with one of the secrets (and is recent); null otherwise. */
export function verifiedEvent(payload: string, signature: string | null, secrets: string[]): Stripe.Event | null {
  if (!signature) return null;
  for (const secret of secrets) {
    try {
      return getStripe().webhooks.constructEvent(payload, signature, secret);
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) throw error;
    }
  }
  return null;
}

export async function receiveWebhook(payload: string, signature: string | null): Promise<Response> {
  if (Buffer.byteLength(payload) > MAX_WEBHOOK_BYTES) return answer(413, { error: 'Too large for a Stripe event.' });
  const secrets = getEnv().stripeWebhookSecrets;
  let event: Stripe.Event | null;
  try {
    event = verifiedEvent(payload, signature, secrets);
  } catch {
    return answer(400, { error: 'The payload is not a Stripe event.' });
  }
  // Said plainly, without telling which part failed.
  if (!event) return answer(400, { error: secrets.length === 0 ? 'No webhook signing secret is configured (STRIPE_WEBHOOK_SECRET).' : 'The Stripe-Signature header is missing, stale or does not match.' });
  try {
    await recordEvent(await getDb(), event as unknown as IndexEvent & Record<string, unknown>, 'webhook');
  } catch (error) {
    // Not taken: Stripe delivers it again later.
    console.error(`webhook: could not write event ${event.id} to the inbox: ${summarizeErrorForLog(error)}`);
    return answer(500, { error: 'The event could not be stored; Stripe will deliver it again.' });
  }
  kickInboxWorker();
  return answer(200, { received: true });
}
