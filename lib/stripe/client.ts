// The app's one Stripe SDK client (built in lib/stripe/build.ts), so every call shares the same key, backend and retry
// policy, and the console's own writes reach the index (lib/index/write-back.ts).
import 'server-only';
import type Stripe from 'stripe';
import { getEnv } from '@/lib/env';
import { watchWrites } from '@/lib/index/write-back';
import { activeKey, buildStripe, EMULATOR_KEY } from '@/lib/stripe/build';
import { modeFromConfig, type StripeMode } from '@/lib/stripe/mode';

export { EMULATOR_KEY };

let client: Stripe | undefined;

export function getStripe(): Stripe {
  if (!client) {
    client = buildStripe(getEnv());
    watchWrites(client);
  }
  return client;
}

export function stripeMode(): StripeMode {
  return modeFromConfig({ key: activeKey(getEnv()), usingEmulator: getEnv().usingEmulator });
}

/** Where API calls go, for display: "http://127.0.0.1:12111" or "https://api.stripe.com". */
export function stripeApiBaseLabel(): string {
  return getEnv().stripeApiBase ?? 'https://api.stripe.com';
}
