// `npm run bench:emulator-scale`: the emulator with the scale seed (EMULATOR_SEED=scale), on
// loopback only.
//
//   (a) startup: seconds until it answers, with 100,000 accounts (BENCH_SCALE_ACCOUNTS), and its
//       resident memory then, at its peak, and after a forced full GC;
//   (b) every account listed through the official SDK's auto-pagination (limit 100, `for await`):
//       seconds, accounts/s and pages/s, and whether each account came once, newest first;
//   (c) GET /v1/accounts/:id of scale accounts, one at a time: p50 and p95.
//
// The emulator runs in a child process of its own (forked with --expose-gc, so the bench can ask it
// for a full GC and its memory over IPC), so its memory is its own and the SDK does not share its
// event loop. Figures are printed; nothing is asserted.
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import Stripe from 'stripe';
import { z } from 'zod';
import { startEmulator } from '../lib/emulator/server';
import { mib, percentile } from './support';

const Env = z.object({
  BENCH_SCALE_ACCOUNTS: z.coerce.number().int().min(1_000).max(200_000).default(100_000),
  BENCH_RETRIEVES: z.coerce.number().int().min(1).max(100_000).default(2_000),
  BENCH_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  BENCH_KEY: z.string().regex(/^sk_test_/, 'must be a test-mode secret key').default('sk_test_bench'),
});

/** What the emulator's process says of its memory (bytes). */
interface Memory {
  rss: number;
  maxRss: number;
  heapUsed: number;
}

type FromServer = { kind: 'ready'; url: string; seedSeconds: number; cpuSeconds: number; accounts: number; memory: Memory } | { kind: 'memory'; memory: Memory };

function memory(): Memory {
  return { rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024, heapUsed: process.memoryUsage().heapUsed };
}

// ---- The server side: the emulator in the child process -----------------------------------------

async function serve(accounts: number, port: number): Promise<void> {
  const started = performance.now();
  const running = await startEmulator({ seed: 'scale', scaleAccounts: accounts, port });
  const seedSeconds = (performance.now() - started) / 1000;
  const send = (m: FromServer) => process.send!(m);
  const cpu = process.cpuUsage();
  send({ kind: 'ready', url: running.url, seedSeconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, accounts: running.emulator.worlds.test.accounts.size, memory: memory() });
  process.on('message', (m: unknown) => {
    if (m === 'gc') {
      (globalThis as { gc?: () => void }).gc?.();
      send({ kind: 'memory', memory: memory() });
    } else if (m === 'memory') send({ kind: 'memory', memory: memory() });
    else if (m === 'close') void running.close().then(() => process.exit(0));
  });
}

// ---- The bench ----------------------------------------------------------------------------------

async function main(): Promise<void> {
  const parsed = Env.safeParse(process.env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`[bench] ${issue.path.join('.')}: ${issue.message}`);
    process.exit(1);
  }
  const env = parsed.data;
  const forked = performance.now();
  // tsx's loader comes with the bench's own exec arguments.
  const child = fork(__filename, ['--serve', String(env.BENCH_SCALE_ACCOUNTS), String(env.BENCH_PORT)], { execArgv: [...process.execArgv, '--expose-gc'] });
  const messages: ((m: FromServer) => void)[] = [];
  child.on('message', (m: FromServer) => messages.shift()?.(m));
  const next = (ask?: string) =>
    new Promise<FromServer>((resolve, reject) => {
      messages.push(resolve);
      child.once('exit', (code) => reject(new Error(`the emulator exited (${code})`)));
      if (ask) child.send(ask);
    });
  try {
    const ready = await next();
    if (ready.kind !== 'ready') throw new Error('the emulator did not start');
    const startup = (performance.now() - forked) / 1000;
    const afterGc = (await next('gc')).memory;
    console.log(`[bench] emulator at ${ready.url}, child process ${child.pid}, seed scale: ${ready.accounts.toLocaleString('en-US')} test-mode accounts`);
    console.log(
      `[bench] startup: ${startup.toFixed(1)} s until it answered (the seed and server ${ready.seedSeconds.toFixed(1)} s of it); the emulator's process used ${ready.cpuSeconds.toFixed(1)} s of CPU to get there (load average ${loadavg()[0].toFixed(1)}: other work on the machine stretches the wall time, not the CPU time)`,
    );
    console.log(`[bench] memory at start: RSS ${mib(ready.memory.rss)} (peak ${mib(ready.memory.maxRss)}); after a forced full GC: RSS ${mib(afterGc.rss)}, heap used ${mib(afterGc.heapUsed)}`);

    const url = new URL(ready.url);
    const stripe = new Stripe(env.BENCH_KEY, { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0 });

    // (b) every account, through the SDK's auto-pagination.
    const ids: string[] = [];
    let ordered = true;
    let last = Infinity;
    const listStarted = performance.now();
    for await (const a of stripe.accounts.list({ limit: 100 })) {
      ids.push(a.id);
      if ((a.created ?? 0) > last) ordered = false;
      last = a.created ?? 0;
    }
    const listSeconds = (performance.now() - listStarted) / 1000;
    const pages = Math.ceil(ids.length / 100);
    const once = new Set(ids).size === ids.length;
    console.log(
      `[bench] listed ${ids.length.toLocaleString('en-US')} accounts in ${pages} pages: ${listSeconds.toFixed(1)} s, ${(ids.length / listSeconds).toFixed(0)} accounts/s, ${(pages / listSeconds).toFixed(1)} pages/s` +
        ` (${once && ordered && ids.length === ready.accounts ? 'each account once, newest first' : `NOT each account once in order: once ${once}, ordered ${ordered}`})`,
    );
    console.log(`[bench] memory after listing: RSS ${mib((await next('memory')).memory.rss)}`);

    // (c) single reads, spread over the list.
    const latencies: number[] = [];
    for (let i = 0; i < env.BENCH_RETRIEVES; i++) {
      const id = ids[Math.floor(((i * 7919) % env.BENCH_RETRIEVES) * (ids.length / env.BENCH_RETRIEVES))];
      const t = performance.now();
      await stripe.accounts.retrieve(id);
      latencies.push(performance.now() - t);
    }
    console.log(`[bench] GET /v1/accounts/:id x ${env.BENCH_RETRIEVES}, one at a time: p50 ${percentile(latencies, 50).toFixed(2)} ms, p95 ${percentile(latencies, 95).toFixed(2)} ms`);
  } finally {
    if (child.exitCode === null) {
      child.send('close');
      await new Promise((r) => child.once('exit', r));
    }
  }
}

if (process.argv[2] === '--serve') {
  serve(Number(process.argv[3]), Number(process.argv[4])).catch((e: unknown) => {
    console.error('[bench] the emulator failed:', e instanceof Error ? e.message : e);
    process.exit(1);
  });
} else {
  main().catch((e: unknown) => {
    console.error('[bench] failed:', e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
