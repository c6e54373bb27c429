// With the emulator, the console's own webhook endpoints: one for the platform's events and one
// for its connected accounts' (Stripe sends Connect events only to `connect: true` endpoints),
// every event type, at the API version the console's SDK pins (so an event's object reads as the
// API answers it), pointing at the console's /api/webhooks/stripe. Their signing secrets go to the
// app in STRIPE_WEBHOOK_SECRET. An emulator without webhook endpoints (404) is told, not fatal.
import Stripe from 'stripe';

const EMULATOR_KEY = 'sk_test_emulator';

/**
 * Creates both endpoints; resolves with their secrets joined by a comma, or null (with a line on
 * the console saying why) when the emulator cannot take them.
 */
export async function registerConsoleWebhooks(emulatorUrl, consoleUrl) {
  const url = `${consoleUrl}/api/webhooks/stripe`;
  const secrets = [];
  for (const connect of [false, true]) {
    const body = new URLSearchParams({
      url,
      'enabled_events[]': '*',
      connect: String(connect),
      api_version: Stripe.API_VERSION,
      description: `Connect Console (${connect ? 'connected accounts' : 'platform'})`,
    });
    let res;
    try {
      res = await fetch(`${emulatorUrl}/v1/webhook_endpoints`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${EMULATOR_KEY}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      console.warn(`Could not register the console's webhook endpoints in the emulator (${error.message}): the index is kept fresh by its catch-up only.`);
      return null;
    }
    if (res.status === 404) {
      console.warn('This emulator has no webhook endpoints yet: the index is kept fresh by its catch-up only.');
      return null;
    }
    const json = await res.json().catch(() => ({}));
    if (!res.ok || typeof json.secret !== 'string') {
      console.warn(`The emulator refused the console's webhook endpoint (${res.status}: ${json.error?.message ?? 'no message'}): the index is kept fresh by its catch-up only.`);
      return null;
    }
    secrets.push(json.secret);
  }
  return secrets.join(',');
}

/** The env the app gets: the new secrets after any the caller set. */
export function withWebhookSecrets(env, secrets) {
  if (!secrets) return env;
  const own = env.STRIPE_WEBHOOK_SECRET?.trim();
  return { ...env, STRIPE_WEBHOOK_SECRET: own ? `${own},${secrets}` : secrets };
}
