// One cheap probe of the Stripe backend (GET /v1/balance, no retries, a short timeout), shared by
// every page of this process: the result is kept a few seconds in memory (longer while the
// backend answers), and concurrent callers wait for the same probe. Per-process memory, not the
// database: the answer is about this instance's own connection to Stripe, and a stale one costs
// at most a few seconds of a wrong banner.
import 'server-only';
import Stripe from 'stripe';
import { getEnv } from '@/lib/env';
import { getStripe, stripeApiBaseLabel } from '@/lib/stripe/client';
import type { BackendStatus } from '@/lib/stripe/backend-status';

/** How long a probe's answer is reused: shorter while the backend is down, to clear the banner soon. */
export const PROBE_TTL_MS = { reachable: 5_000, unreachable: 2_000 } as const;
const PROBE_TIMEOUT_MS = 3_000;

/** True if the backend answered at all (an error answer still means it is there). */
export async function probeStripe(stripe: Stripe): Promise<boolean> {
  try {
    await stripe.balance.retrieve(undefined, { maxNetworkRetries: 0, timeout: PROBE_TIMEOUT_MS });
    return true;
  } catch (error) {
    return !(error instanceof Stripe.errors.StripeConnectionError);
  }
}

/** A cache around a probe: reuse a fresh answer, share one probe in flight. */
export function createBackendMonitor(probe: () => Promise<boolean>, now: () => number = Date.now) {
  let last: { reachable: boolean; at: number } | undefined;
  let inflight: Promise<{ reachable: boolean; at: number }> | undefined;
  return async function check(): Promise<{ reachable: boolean; at: number }> {
    if (last && now() - last.at < PROBE_TTL_MS[last.reachable ? 'reachable' : 'unreachable']) return last;
    inflight ??= probe()
      .catch(() => false)
      .then((reachable) => {
        last = { reachable, at: now() };
        inflight = undefined;
        return last;
      });
    return inflight;
  };
}

const monitor = createBackendMonitor(() => probeStripe(getStripe()));

export async function getBackendStatus(): Promise<BackendStatus> {
  const env = getEnv();
  const { reachable, at } = await monitor();
  return {
    reachable,
    backend: env.usingEmulator ? 'emulator' : 'stripe',
    supervised: env.emulatorSupervised,
    apiBase: stripeApiBaseLabel(),
    emulatorPort: env.emulatorPort,
    checkedAt: at,
  };
}
