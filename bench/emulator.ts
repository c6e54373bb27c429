// `npm run bench:emulator`: requests per second and latency of the emulator, on loopback only.
//
//   (a) GET /v1/accounts/:id with BENCH_CONCURRENCY keep-alive clients;
//   (b) POST /v1/transfers/:id/reversals (each with its own Idempotency-Key), if transfers exist.
//
// By default the emulator runs in a worker thread of this process (so the load generator and the
// server each have a core); BENCH_SERVER=inline runs it on the bench's own thread, and BENCH_URL
// points the bench at an emulator already running on 127.0.0.1 (e.g. `npm run emulator`).
// Each phase is bounded by a duration and a request count.
import { Agent, request } from 'node:http';
import { z } from 'zod';
import { startEmulator } from '../lib/emulator/server';
import { benchEntry, startEmulatorWorker } from './emulator-worker';

const Env = z.object({
  BENCH_URL: z
    .url()
    .refine((u) => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(u).hostname), 'must be a loopback URL (127.0.0.1, localhost or [::1])')
    .optional(),
  BENCH_SERVER: z.enum(['worker', 'inline']).default('worker'),
  BENCH_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  BENCH_WRITE_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  BENCH_DURATION_MS: z.coerce.number().int().min(200).max(60_000).default(5_000),
  BENCH_WARMUP: z.coerce.number().int().min(0).max(100_000).default(1_000),
  BENCH_MAX_READS: z.coerce.number().int().min(1).max(1_000_000).default(100_000),
  BENCH_MAX_WRITES: z.coerce.number().int().min(1).max(100_000).default(10_000),
  BENCH_KEY: z.string().regex(/^sk_test_/, 'must be a test-mode secret key').default('sk_test_bench'),
});

benchEntry('bench-emulator', main, { seed: 'demo' });

// ---- The load generator ------------------------------------------------------------------------

interface Answer {
  status: number;
  body: string;
}

interface Phase {
  name: string;
  concurrency: number;
  requests: number;
  failures: number;
  failureSample: string | null;
  seconds: number;
  latencies: number[];
}

type Call = (i: number) => Promise<Answer>;

async function main(): Promise<void> {
  const parsed = Env.safeParse(process.env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`[bench] ${issue.path.join('.')}: ${issue.message}`);
    process.exit(1);
  }
  const env = parsed.data;
  const server = await startServer(env);
  const agent = new Agent({ keepAlive: true, maxSockets: Math.max(env.BENCH_CONCURRENCY, env.BENCH_WRITE_CONCURRENCY) });
  const base = new URL(server.url);
  const headers = { Authorization: `Bearer ${env.BENCH_KEY}` };

  const send = (method: string, path: string, form?: Record<string, string>, extra: Record<string, string> = {}): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const body = form ? new URLSearchParams(form).toString() : undefined;
      const req = request(
        {
          agent,
          host: base.hostname.replace(/^\[|\]$/g, ''),
          port: base.port,
          method,
          path,
          headers: {
            ...headers,
            ...extra,
            ...(body === undefined ? {} : { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  const rows: Phase[] = [];
  const notes: string[] = [];
  try {
    console.log(`[bench] emulator at ${server.url} (${server.how}); ${env.BENCH_DURATION_MS} ms per phase`);
    // A realistic account to read and to pay: an enabled US account of the demo data, with its
    // persons, bank accounts and requirements (what the dashboard's account page reads).
    const list = await send('GET', '/v1/accounts?limit=100');
    if (list.status !== 200) throw new Error(`could not list accounts: ${list.status} ${list.body.slice(0, 300)}`);
    const accounts = (JSON.parse(list.body) as { data: { id: string; country: string; capabilities?: Record<string, string> }[] }).data;
    const enabled = accounts.find((a) => a.country === 'US' && a.capabilities?.transfers === 'active');
    if (!enabled) throw new Error('the emulator has no enabled US account: start it with EMULATOR_SEED=demo');
    const accountId = enabled.id;

    // (a) reads
    const read: Call = () => send('GET', `/v1/accounts/${accountId}`);
    await run(read, env.BENCH_WARMUP, Math.min(env.BENCH_CONCURRENCY, 8), 60_000);
    rows.push(await measure(`GET /v1/accounts/:id`, read, env.BENCH_CONCURRENCY, env.BENCH_MAX_READS, env.BENCH_DURATION_MS));

    // (b) reversals, if transfers exist yet
    const reversals = await prepareReversals(send, accountId, env.BENCH_MAX_WRITES + env.BENCH_WARMUP);
    if ('note' in reversals) notes.push(reversals.note);
    else {
      const reverse: Call = (i) =>
        send('POST', `/v1/transfers/${reversals.transfer}/reversals`, { amount: '1', 'metadata[n]': String(i) }, { 'Idempotency-Key': `bench-${process.pid}-${Date.now()}-${i}` });
      await run(reverse, Math.min(env.BENCH_WARMUP, 200), env.BENCH_WRITE_CONCURRENCY, 60_000);
      rows.push(await measure(`POST /v1/transfers/:id/reversals`, reverse, env.BENCH_WRITE_CONCURRENCY, env.BENCH_MAX_WRITES, env.BENCH_DURATION_MS));
    }
  } finally {
    agent.destroy();
    await server.close();
  }
  printTable(rows);
  for (const n of notes) console.log(n);
  const reads = rows[0];
  if (reads && reads.requests / reads.seconds < 2000) console.log(`[bench] reads are below the 2,000 req/s target.`);
}

/** A transfer big enough for every reversal of 1 unit, or why there is none. */
async function prepareReversals(
  send: (method: string, path: string, form?: Record<string, string>) => Promise<Answer>,
  destination: string,
  count: number,
): Promise<{ transfer: string } | { note: string }> {
  const probe = await send('GET', '/v1/transfers?limit=1');
  if (probe.status === 404) return { note: 'reversals: endpoint not available yet' };
  const made = await send('POST', '/v1/transfers', { amount: String(Math.max(100_000, count * 2)), currency: 'usd', destination, 'metadata[purpose]': 'bench' });
  if (made.status === 404 && /Unrecognized request URL/.test(made.body)) return { note: 'reversals: endpoint not available yet' };
  if (made.status !== 200) return { note: `reversals: could not create a transfer to reverse (${made.status}): ${errorMessage(made.body)}` };
  const transfer = (JSON.parse(made.body) as { id: string }).id;
  const first = await send('POST', `/v1/transfers/${transfer}/reversals`, { amount: '1' });
  if (first.status === 404 && /Unrecognized request URL/.test(first.body)) return { note: 'reversals: endpoint not available yet' };
  if (first.status !== 200) return { note: `reversals: the first reversal failed (${first.status}): ${errorMessage(first.body)}` };
  return { transfer };
}

function errorMessage(body: string): string {
  try {
    return (JSON.parse(body) as { error?: { message?: string } }).error?.message ?? body.slice(0, 200);
  } catch {
    return body.slice(0, 200);
  }
}

/** Runs `count` calls with `concurrency` loops (the warm-up), or until the deadline. */
async function run(call: Call, count: number, concurrency: number, maxMs: number): Promise<void> {
  let next = 0;
  const deadline = performance.now() + maxMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count && performance.now() < deadline) await call(next++);
    }),
  );
}

async function measure(name: string, call: Call, concurrency: number, maxRequests: number, durationMs: number): Promise<Phase> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  let failureSample: string | null = null;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < maxRequests && performance.now() < deadline) {
        const i = next++;
        const t = performance.now();
        try {
          const answer = await call(i);
          if (answer.status !== 200) {
            failures++;
            failureSample ??= `${answer.status} ${errorMessage(answer.body)}`;
          }
        } catch (e) {
          failures++;
          failureSample ??= e instanceof Error ? e.message : String(e);
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { name, concurrency, requests: latencies.length, failures, failureSample, seconds: (performance.now() - started) / 1000, latencies };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function printTable(rows: Phase[]): void {
  const head = ['phase', 'clients', 'requests', 'failed', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms'];
  const body = rows.map((r) => {
    const sorted = [...r.latencies].sort((a, b) => a - b);
    return [
      r.name,
      String(r.concurrency),
      String(r.requests),
      String(r.failures),
      (r.requests / r.seconds).toFixed(0),
      percentile(sorted, 50).toFixed(2),
      percentile(sorted, 95).toFixed(2),
      percentile(sorted, 99).toFixed(2),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log('');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
  console.log('');
  for (const r of rows) if (r.failureSample) console.log(`[bench] ${r.name}: ${r.failures} failed, e.g. ${r.failureSample}`);
}

async function startServer(env: z.output<typeof Env>): Promise<{ url: string; how: string; close(): Promise<void> }> {
  if (env.BENCH_URL) return { url: env.BENCH_URL.replace(/\/$/, ''), how: 'external', close: async () => {} };
  if (env.BENCH_SERVER === 'inline') {
    const running = await startEmulator({ seed: 'demo' });
    return { url: running.url, how: 'in-process, same thread', close: running.close };
  }
  const worker = await startEmulatorWorker(__filename, 'bench-emulator');
  return { url: worker.url, how: 'in-process, worker thread', close: worker.close };
}
