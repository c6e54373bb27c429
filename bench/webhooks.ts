// `npm run bench:webhooks`: webhook deliveries per second to a local receiver.
//
// The emulator (empty seed) runs in a worker thread; this thread drives it and is the receiver: a
// Node http server that checks every delivery's signature with the SDK's constructEvent
// (lib/emulator/tests/receiver.ts). Each phase goes to 1 and then to 4 Connect endpoints on the
// receiver, with BENCH_EVENTS events made two ways:
//   api    metadata updates of one connected account from BENCH_CONCURRENCY SDK clients (each
//          makes one account.updated): deliveries keep pace with the API, so this is bounded by
//          how fast events are made;
//   burst  the same number of account.updated events appended at once inside the emulator (no
//          API work): what the deliveries alone can do.
// Printed: deliveries per second (from the first event to the last verified delivery), the time
// from an event's making (api: its request's answer) to each of its deliveries (p50/p95/max), and
// deliveries that did not verify. No assertions.
import Stripe from 'stripe';
import { z } from 'zod';
import { makeId } from '../lib/emulator/core/ids';
import { startReceiver, type Receiver } from '../lib/emulator/tests/receiver';
import { benchEntry, startEmulatorWorker } from './emulator-worker';
import { median, percentile } from './support';

const Env = z.object({
  BENCH_EVENTS: z.coerce.number().int().min(1).max(100_000).default(2000),
  BENCH_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  BENCH_ENDPOINTS: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'must be counts like "1,4"')
    .default('1,4'),
});

// The worker's side: `burst` appends copies of the newest account.updated, each with its own id
// and `bench` number, all at once, and answers when it began.
benchEntry('bench-webhooks-emulator', main, {
  seed: 'empty',
  onMessage: (m, running) => {
    if (typeof m !== 'object' || m === null || !('burst' in m)) return undefined;
    const world = running.emulator.worlds.test;
    const model = world.events.newestFirst((e) => e.type === 'account.updated')[0];
    const object = JSON.parse(model.object[model.object.length - 1][1]) as Stripe.Account;
    const at = Date.now();
    for (let i = 0; i < (m as { burst: number }).burst; i++) {
      const json = JSON.stringify({ ...object, metadata: { bench: String(i) } });
      world.events.append({ id: makeId('evt'), type: model.type, account: model.account, created: model.created, request: model.request, object: [[model.object[0][0], json]], previous: null });
    }
    return { at };
  },
});

interface Emulator {
  url: string;
  port: number;
  /** Appends `n` account.updated events inside the emulator; resolves with when it began. */
  burst(n: number): Promise<number>;
  close(): Promise<void>;
}

async function startWorker(): Promise<Emulator> {
  const worker = await startEmulatorWorker(__filename, 'bench-webhooks-emulator');
  return { url: worker.url, port: worker.port, burst: async (n) => (await worker.ask<{ at: number }>({ burst: n })).at, close: worker.close };
}

interface Figures {
  how: 'api' | 'burst';
  endpoints: number;
  events: number;
  deliveries: number;
  totalSeconds: number;
  latencies: number[];
  unverified: number;
}

async function phase(emulator: Emulator, rx: Receiver, how: 'api' | 'burst', endpoints: number, events: number, concurrency: number): Promise<Figures> {
  await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
  rx.reset();
  const stripe = new Stripe('sk_test_bench', { host: '127.0.0.1', port: emulator.port, protocol: 'http', maxNetworkRetries: 0, telemetry: false });
  const account = await stripe.accounts.create({ type: 'custom', country: 'US', capabilities: { transfers: { requested: true } } });
  for (let i = 0; i < endpoints; i++) {
    const e = await stripe.webhookEndpoints.create({ url: `${rx.url}/e${i}`, enabled_events: ['account.updated'], connect: true });
    rx.secrets.set(`/e${i}`, e.secret!);
  }
  await rx.waitFor((r) => r.length === 0);
  const answeredAt: number[] = new Array<number>(events);
  let started = Date.now();
  if (how === 'api') {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < events) {
          const i = next++;
          await stripe.accounts.update(account.id, { metadata: { bench: String(i) } });
          answeredAt[i] = Date.now();
        }
      }),
    );
  } else {
    started = await emulator.burst(events);
    answeredAt.fill(started);
  }
  const want = events * endpoints;
  await rx.waitFor((r) => r.length >= want, 120_000);
  const done = Date.now();
  const latencies = rx.received.map((r) => {
    const i = Number((r.event?.data.object as Stripe.Account | undefined)?.metadata?.bench);
    return Number.isInteger(i) ? r.at - answeredAt[i] : Number.NaN;
  });
  return {
    how,
    endpoints,
    events,
    deliveries: rx.received.length,
    totalSeconds: (done - started) / 1000,
    latencies: latencies.filter((l) => !Number.isNaN(l)),
    unverified: rx.received.filter((r) => r.event === null).length,
  };
}

async function main(): Promise<void> {
  const parsed = Env.safeParse(process.env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`[bench] ${issue.path.join('.')}: ${issue.message}`);
    process.exit(1);
  }
  const env = parsed.data;
  const emulator = await startWorker();
  const rx = await startReceiver();
  console.log(`[bench] webhooks: emulator in a worker thread at ${emulator.url}, receiver (constructEvent on every delivery) at ${rx.url}`);
  console.log(`[bench] ${env.BENCH_EVENTS} account updates per phase from ${env.BENCH_CONCURRENCY} clients; each makes one account.updated`);
  try {
    for (const how of ['api', 'burst'] as const) {
      for (const endpoints of env.BENCH_ENDPOINTS.split(',').map(Number)) {
        const f = await phase(emulator, rx, how, endpoints, env.BENCH_EVENTS, env.BENCH_CONCURRENCY);
        const ms = (x: number) => `${x.toFixed(0)} ms`;
        console.log(
          `[bench] ${f.how.padEnd(5)} ${f.endpoints} endpoint${f.endpoints === 1 ? ' ' : 's'}: ${f.deliveries} deliveries of ${f.events} events in ${f.totalSeconds.toFixed(2)} s` +
            ` -> ${(f.deliveries / f.totalSeconds).toFixed(0)} deliveries/s; event -> delivery p50 ${ms(median(f.latencies))}, p95 ${ms(percentile(f.latencies, 95))}, max ${ms(Math.max(...f.latencies))}; unverified ${f.unverified}`,
        );
      }
    }
  } finally {
    await rx.close();
    await emulator.close();
  }
}
