// The shared backend probe: a connection failure is "unreachable", any answer (even an error) is
// "reachable"; answers are reused while fresh (longer while up) and concurrent callers share one probe.
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { createBackendMonitor, probeStripe, PROBE_TTL_MS } from './health';

function fakeStripe(outcome: () => Promise<unknown>): Stripe {
  return { balance: { retrieve: outcome } } as unknown as Stripe;
}

describe('probeStripe', () => {
  it('is false only when the backend could not be connected to', async () => {
    expect(await probeStripe(fakeStripe(async () => ({ object: 'balance' })))).toBe(true);
    expect(await probeStripe(fakeStripe(async () => Promise.reject(new Stripe.errors.StripeAPIError({ message: 'boom' }))))).toBe(true);
    expect(await probeStripe(fakeStripe(async () => Promise.reject(new Stripe.errors.StripeConnectionError({ message: 'ECONNREFUSED' }))))).toBe(false);
  });
});

describe('createBackendMonitor', () => {
  it('shares one probe between concurrent callers and reuses a fresh answer', async () => {
    let clock = 1_000;
    let probes = 0;
    let up = true;
    const check = createBackendMonitor(async () => {
      probes += 1;
      return up;
    }, () => clock);
    const [a, b] = await Promise.all([check(), check()]);
    expect(probes).toBe(1);
    expect(a).toEqual({ reachable: true, at: 1_000 });
    expect(b).toBe(a);

    up = false;
    clock += PROBE_TTL_MS.reachable - 1;
    expect((await check()).reachable).toBe(true);
    expect(probes).toBe(1);

    clock += 1;
    expect((await check()).reachable).toBe(false);
    expect(probes).toBe(2);

    // While down, the answer is kept for less time, so the banner clears soon after recovery.
    up = true;
    clock += PROBE_TTL_MS.unreachable;
    expect((await check()).reachable).toBe(true);
    expect(probes).toBe(3);
  });

  it('counts a probe that throws as unreachable', async () => {
    const check = createBackendMonitor(async () => Promise.reject(new Error('socket hang up')));
    expect((await check()).reachable).toBe(false);
  });
});
