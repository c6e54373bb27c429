// `npm run bench:events`: how fast the emulator makes events while it is being changed.
//
// The emulator (demo seed) runs in this process; BENCH_CONCURRENCY SDK clients change it for
// BENCH_DURATION_MS: account metadata updates (account.updated, and person.updated for company
// accounts' persons whose requirements are re-rendered), transfers to enabled accounts
// (transfer.created) and partial reversals (transfer.reversed, and charge.refunded on the
// connected account). Printed: changes per second, events written per second, and the time a
// change takes with events (p50/p95), then the same changes with events switched off by running
// them outside a recorded batch, for the cost of recording.
import Stripe from 'stripe';
import { z } from 'zod';
import { recorderOf } from '../lib/emulator/events/recorder';
import { startEmulator } from '../lib/emulator/server';
import { percentile } from './support';

const Env = z.object({
  BENCH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  BENCH_DURATION_MS: z.coerce.number().int().min(200).max(60_000).default(5_000),
});
const env = Env.parse(process.env);

async function main(): Promise<void> {
  const running = await startEmulator({ seed: 'demo' });
  const stripe = new Stripe('sk_test_bench', { host: '127.0.0.1', port: running.port, protocol: 'http', maxNetworkRetries: 0, telemetry: false });
  const world = running.emulator.worlds.test;
  const accounts = world.accounts.values().map((a) => a.id);
  const enabled: string[] = [];
  for (const id of accounts) {
    const a = await stripe.accounts.retrieve(id);
    if (a.capabilities?.transfers === 'active') enabled.push(id);
  }
  const transfers: string[] = [];
  let n = 0;
  const change = async (): Promise<void> => {
    const i = n++;
    switch (i % 3) {
      case 0:
        await stripe.accounts.update(accounts[i % accounts.length], { metadata: { bench: String(i) } });
        return;
      case 1:
        transfers.push((await stripe.transfers.create({ amount: 100, currency: 'usd', destination: enabled[i % enabled.length] })).id);
        return;
      default: {
        const t = transfers.shift();
        if (t) await stripe.transfers.createReversal(t, { amount: 10 });
        else await stripe.accounts.update(accounts[i % accounts.length], { metadata: { bench: String(i) } });
      }
    }
  };
  const phase = async (name: string) => {
    const eventsBefore = world.events.size;
    const latencies: number[] = [];
    let failures = 0;
    const started = performance.now();
    const until = started + env.BENCH_DURATION_MS;
    await Promise.all(
      Array.from({ length: env.BENCH_CONCURRENCY }, async () => {
        while (performance.now() < until) {
          const t0 = performance.now();
          try {
            await change();
          } catch {
            failures++;
          }
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const events = world.events.size - eventsBefore;
    console.log(
      `${name}: ${latencies.length} changes in ${seconds.toFixed(1)} s = ${(latencies.length / seconds).toFixed(0)} changes/s; ` +
        `${events} events = ${(events / seconds).toFixed(0)} events/s; p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms; ${failures} failed`,
    );
  };
  console.log(`[bench:events] demo seed: ${accounts.length} accounts (${enabled.length} can receive transfers); concurrency ${env.BENCH_CONCURRENCY}, ${env.BENCH_DURATION_MS} ms per phase`);
  await phase('with events');
  // Without events: the recorder's batch is bypassed (every change runs as if nested in a batch that records nothing).
  const recorder = recorderOf(world);
  const run = recorder.run.bind(recorder);
  recorder.run = <T>(_meta: unknown, fn: () => T): T => fn();
  await phase('without events (for the cost of recording)');
  recorder.run = run;
  await running.close();
}

main().catch((e: unknown) => {
  console.error('[bench:events] failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
