// How the Stripe SDK client is built from the configuration: one key, one backend, one retry
// policy. The app's one client (lib/stripe/client.ts) is made here, and so is the sync command's
// (scripts/sync.ts), which runs outside Next and so cannot import the server-only client.
import Stripe from 'stripe';
import type { AppEnv } from '@/lib/env-schema';

/** The emulator accepts any sk_test_ key; this one makes its request log easy to read. */
export const EMULATOR_KEY = 'sk_test_emulator';

/** Host, port and protocol for a custom API base (the emulator or a proxy); none means api.stripe.com. */
function addressOf(apiBase: string | undefined): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  if (apiBase === undefined) return {};
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return {
    host: url.hostname,
    port: url.port || (protocol === 'http' ? 80 : 443),
    protocol,
  };
}

export function activeKey(env: Pick<AppEnv, 'stripeSecretKey'>): string {
  return env.stripeSecretKey ?? EMULATOR_KEY;
}

export function buildStripe(env: Pick<AppEnv, 'stripeSecretKey' | 'stripeApiBase'>): Stripe {
  // The API version is left to the SDK, which pins the version its types describe.
  return new Stripe(activeKey(env), {
    ...addressOf(env.stripeApiBase),
    maxNetworkRetries: 2,
    // Well inside the time an action holds its request's lease (lib/outcomes/types.ts), so a
    // request can never still be running when the console decides what became of it.
    timeout: 30_000,
    appInfo: { name: 'connect-console' },
    // No request-latency telemetry in the next request's headers: under load its buffer fills and
    // the SDK warns on every request ("Request metrics buffer is full").
    telemetry: false,
    // Answers' bodies on the SDK's `response` events: the index writes the console's own changes
    // back from them (lib/index/write-back.ts).
    emitEventBodies: true,
  });
}
