// The one place the Stripe SDK client is built, so every call shares the same key, backend and retry policy.
import 'server-only';
import Stripe from 'stripe';
import { getEnv } from '@/lib/env';
import { modeFromConfig, type StripeMode } from '@/lib/stripe/mode';

/** The emulator accepts any sk_test_ key; this one makes its request log easy to read. */
export const EMULATOR_KEY = 'sk_test_emulator';

let client: Stripe | undefined;

function activeKey(): string {
  return getEnv().stripeSecretKey ?? EMULATOR_KEY;
}

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

export function getStripe(): Stripe {
  // The API version is left to the SDK, which pins the version its types describe.
  client ??= new Stripe(activeKey(), {
    ...addressOf(getEnv().stripeApiBase),
    maxNetworkRetries: 2,
    // Well inside the time an action holds its request's lease (lib/outcomes/types.ts), so a
    // request can never still be running when the console decides what became of it.
    timeout: 30_000,
    appInfo: { name: 'connect-console' },
    // No request-latency telemetry in the next request's headers: under load its buffer fills and
    // the SDK warns on every request ("Request metrics buffer is full").
    telemetry: false,
  });
  return client;
}

export function stripeMode(): StripeMode {
  return modeFromConfig({ key: activeKey(), usingEmulator: getEnv().usingEmulator });
}

/** Where API calls go, for display: "http://127.0.0.1:12111" or "https://api.stripe.com". */
export function stripeApiBaseLabel(): string {
  return getEnv().stripeApiBase ?? 'https://api.stripe.com';
}
