// `npm run bench:load`: the console under load. Signs in as the ops demo operator, then for each
// page (`/accounts`, then one account page) keeps BENCH_CONNECTIONS keep-alive connections busy
// for BENCH_SECONDS, each asking for the page's whole HTML again as soon as the last answer ended.
// Prints requests per second, p50/p95/p99 latency, non-200 answers and the server's resident
// memory (the `next start` process and its children, from /proc) before, between and after.
//
// Needs a build (`next build`); starts its own emulator and `next start` on loopback ports, each
// in its own process (no emulator latency: the time measured is the console's own).
import http from 'node:http';
import { z } from 'zod';
import { mib, percentile, signIn, startStack, treeRss } from './support';

const Env = z.object({
  BENCH_SECONDS: z.coerce.number().positive().max(600).default(20),
  BENCH_CONNECTIONS: z.coerce.number().int().min(1).max(200).default(20),
  BENCH_APP_PORT: z.coerce.number().int().min(1024).max(65535).default(3254),
  BENCH_EMULATOR_PORT: z.coerce.number().int().min(1024).max(65535).default(12254),
  BENCH_ACCOUNT: z.string().regex(/^acct_[A-Za-z0-9]+$/).default('acct_1vMIEuZ2dy0h4OQv'),
  BENCH_PATHS: z.string().optional(),
});
const env = Env.parse(process.env);

type Answer = { status: number; ms: number };

function get(agent: http.Agent, url: URL, cookie: string): Promise<Answer> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { Cookie: cookie, Accept: 'text/html' } }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

async function run(base: string, path: string, cookie: string, seconds: number, connections: number): Promise<{ answers: Answer[]; errors: number; took: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL(path, base);
  const answers: Answer[] = [];
  let errors = 0;
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        try {
          answers.push(await get(agent, url, cookie));
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const took = (performance.now() - t0) / 1000;
  agent.destroy();
  return { answers, errors, took };
}

async function main(): Promise<void> {
  const stack = await startStack({ name: 'bench-load', appPort: env.BENCH_APP_PORT, emulatorPort: env.BENCH_EMULATOR_PORT });
  try {
    const cookie = await signIn(stack.base, 'ops@demo.test');
    const paths = env.BENCH_PATHS ? env.BENCH_PATHS.split(',') : ['/accounts', `/accounts/${env.BENCH_ACCOUNT}`];
    // Warm-up: each route rendered once, so the first measured requests do not compile or connect.
    for (const p of paths) for (let i = 0; i < 3; i++) await run(stack.base, p, cookie, 0.001, 1);
    const rssStart = treeRss(stack.appPid);
    console.log(`load bench: ${env.BENCH_CONNECTIONS} connections, ${env.BENCH_SECONDS} s per page, signed in as ops; server RSS before: ${mib(rssStart)}`);
    for (const p of paths) {
      const { answers, errors, took } = await run(stack.base, p, cookie, env.BENCH_SECONDS, env.BENCH_CONNECTIONS);
      const ms = answers.map((a) => a.ms);
      const bad = answers.filter((a) => a.status !== 200).length;
      const fmt = (n: number) => `${n.toFixed(0)} ms`;
      console.log(
        `  ${p}: ${(answers.length / took).toFixed(1)} requests/s (${answers.length} in ${took.toFixed(1)} s), p50 ${fmt(percentile(ms, 50))}, p95 ${fmt(percentile(ms, 95))}, p99 ${fmt(percentile(ms, 99))}, max ${fmt(Math.max(...ms))}; ${bad} not 200, ${errors} failed; server RSS after: ${mib(treeRss(stack.appPid))}`,
      );
    }
    await new Promise((r) => setTimeout(r, 2000));
    console.log(`  server RSS after the run (2 s later): ${mib(treeRss(stack.appPid))}`);
  } finally {
    await stack.stop();
  }
}

main().catch((e: unknown) => {
  console.error('[bench] failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
