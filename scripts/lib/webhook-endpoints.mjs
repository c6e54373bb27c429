// With the emulator, the console's own webhook endpoints: one for the platform's events and one
// for its connected accounts' (Stripe sends Connect events only to `connect: true` endpoints),
// every event type, at the API version the console's SDK pins (so an event's object reads as the
// API answers it), pointing at the console's /api/webhooks/stripe. Their signing secrets go to the
// app in STRIPE_WEBHOOK_SECRET. An emulator without webhook endpoints (404) is told, not fatal.
// When the emulator starts again (with fresh data and no endpoints), they are made again with the
// secrets the running console already holds, set through the emulator's control API.
import Stripe from 'stripe';

const EMULATOR_KEY = 'sk_test_emulator';

/** Gives an endpoint the secret the console knows; false (with a line saying why) when the emulator refuses. */
async function keepSecret(emulatorUrl, endpoint, secret) {
  try {
    const res = await fetch(`${emulatorUrl}/_emulator/webhooks/endpoints/${endpoint}/secret`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ secret }),
      signal: AbortSignal.timeout(10_000),
    });
    if (res.ok) return true;
    console.warn(`The emulator would not keep the console's webhook secret (${res.status}): deliveries will be refused until the console restarts.`);
  } catch (error) {
    console.warn(`Could not give the emulator the console's webhook secret (${error.message}).`);
  }
  return false;
}

/**
 * Creates both endpoints; resolves with their secrets joined by a comma, or null (with a line on
 * the console saying why) when the emulator cannot take them. With `keep` (the secrets an earlier
 * call resolved with), the new endpoints sign with those instead, so a console started with them
 * goes on verifying.
 */
export async function registerConsoleWebhooks(emulatorUrl, consoleUrl, keep = null) {
  const url = `${consoleUrl}/api/webhooks/stripe`;
  const kept = keep ? keep.split(',') : [];
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
    const known = kept[secrets.length];
    if (known && !(await keepSecret(emulatorUrl, json.id, known))) return null;
    secrets.push(known ?? json.secret);
  }
  return secrets.join(',');
}

/** The env the app gets: the new secrets after any the caller set. */
export function withWebhookSecrets(env, secrets) {
  if (!secrets) return env;
  const own = env.STRIPE_WEBHOOK_SECRET?.trim();
  return { ...env, STRIPE_WEBHOOK_SECRET: own ? `${own},${secrets}` : secrets };
}
