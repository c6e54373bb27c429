// Issue 11's "done when": a local receiver subscribed to a Connect endpoint and a platform endpoint
// rebuilds every account, person, bank account, capability, charge, transfer, reversal, fee,
// refund, top-up, warning and review from the deliveries alone, while the emulator duplicates,
// delays, reorders and drops them, for random sequences of changes made through the SDK.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DeliveryAttempt } from '@/lib/emulator/webhooks/dispatcher';
import { changeArb, newMade, runChange, startingPoint } from './changes';
import { control, FIXED_NOW, emulatorForFile, webhooksSettled } from './harness';
import { startReceiver, type Receiver } from './receiver';
import { expectReplicaEqualsApi, Replica } from './replica';

// Quick retries, so a dropped first attempt comes again within a test.
const h = emulatorForFile({ resetEach: false, faultSeed: 11, webhooks: { retryBaseMs: 20, retryFactor: 1.5, maxAttempts: 10, timeoutMs: 2_000 } });

let rx: Receiver;
beforeAll(async () => {
  rx = await startReceiver();
});
afterAll(async () => {
  await rx.close();
});

it('a receiver rebuilds every object from the deliveries alone, under duplicate, delayed, reordered and dropped deliveries', { timeout: 300_000 }, async () => {
  const seen = new Set<string>();
  await fc.assert(
    fc.asyncProperty(fc.array(changeArb, { minLength: 15, maxLength: 40 }), async (changes) => {
      h.clock = FIXED_NOW;
      await h.reset();
      rx.reset();
      const connect = await h.stripe.webhookEndpoints.create({ url: `${rx.url}/connect`, enabled_events: ['*'], connect: true });
      const platform = await h.stripe.webhookEndpoints.create({ url: `${rx.url}/platform`, enabled_events: ['*'] });
      rx.secrets.set('/connect', connect.secret!);
      rx.secrets.set('/platform', platform.secret!);
      const faults = await control(h, 'POST', '/_emulator/webhooks/faults', {
        duplicate: { rate: 0.25 },
        delay: { rate: 0.25, ms: 30 },
        reorder: { rate: 0.25, window_ms: 40 },
        drop_first: { rate: 0.25 },
      });
      expect(faults.status).toBe(200);

      // One second per request: `created` then orders the changes of different requests, as a receiver
      // must order reordered deliveries (a request makes at most one event per object).
      const stripe = h.client();
      stripe.on('request', () => {
        h.clock += 1;
      });
      const m = newMade();
      await startingPoint(h, m, stripe);
      for (const c of changes) await runChange(h, stripe, c, m);
      await webhooksSettled(h, 30_000);

      const world = h.emulator.worlds.test;
      const events = world.events.newestFirst();
      expect(events.every((e) => e.pending_webhooks === 0 && e.failed_webhooks === 0)).toBe(true);
      // Everything made was delivered to the right endpoint, at least once.
      const received = new Set([...rx.events('/connect').filter((e) => e.account), ...rx.events('/platform').filter((e) => !e.account)].map((e) => e.id));
      expect(events.filter((e) => !received.has(e.id)).map((e) => e.type)).toEqual([]);
      expect(rx.received.every((r) => r.event !== null)).toBe(true);

      // The copy, in the order the deliveries arrived.
      const replica = new Replica();
      for (const e of rx.events()) replica.apply(e);
      await expectReplicaEqualsApi(replica, h.stripe);

      const attempts = (await control(h, 'GET', '/_emulator/webhooks/deliveries')).json.data as DeliveryAttempt[];
      for (const a of attempts) for (const f of a.faults) seen.add(f.kind);
    }),
    { numRuns: 8, seed: 20261127 },
  );
  // The faults did happen over the runs.
  expect([...seen].sort()).toEqual(['delay', 'drop_first', 'duplicate', 'reorder']);
});
