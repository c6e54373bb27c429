// `npm run bench:risk`: the risk queue, measured at scale.
//
// The emulator (EMULATOR_SEED, default scale; EMULATOR_SCALE_ACCOUNTS accounts, 100,000 unless
// told) in its own process; the backfill into PGlite (and PostgreSQL when DATABASE_URL is set),
// which ends with the full recompute. Then, on the filled index:
// 1. the full recompute of every account again (set-based; BENCH_RECOMPUTES times): its time, the
//    accounts flagged and the cases opened;
// 2. the per-account recompute the index runs for each object it applies (one account at a time):
//    p50/p95;
// 3. the queue page's query, as the page and GET /api/risk/queue read it (a page and its counts
//    together), under a mix of tabs, filters, sorts and a second page: p50/p95 server time, and the
//    navigation's waiting count. The index's budget is 200 ms p95.
// Figures are printed; nothing is asserted. The machine is shared: run it three times, take the median.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import Stripe from 'stripe';
import { z } from 'zod';
import { indexAccounts } from '../lib/db/schema';
import { testDatabases } from '../lib/db/testing';
import { runBackfill } from '../lib/index/backfill';
import { recomputeAccounts, recomputeAllAccounts } from '../lib/risk/recompute';
import { percentile, startEmulatorProcess } from './support';

const Env = z.object({
  BENCH_EMULATOR_PORT: z.coerce.number().int().default(12433),
  BENCH_QUERIES: z.coerce.number().int().min(5).max(1000).default(60),
  BENCH_RECOMPUTES: z.coerce.number().int().min(1).max(10).default(3),
  EMULATOR_SEED: z.string().default('scale'),
});
const env = Env.parse(process.env);

// The queue's query layer is server-only: the npm script runs this with the react-server condition, as Next does.
const queue = async () => import('../lib/risk/queue');

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (n: number) => `${fmt(n, 1)} ms`;
const p = (xs: number[]) => `p50 ${ms(percentile(xs, 50))}, p95 ${ms(percentile(xs, 95))}`;

async function main(): Promise<void> {
  console.log(`bench:risk — seed ${env.EMULATOR_SEED}${env.EMULATOR_SEED === 'scale' ? ` (${process.env.EMULATOR_SCALE_ACCOUNTS ?? '100000'} accounts)` : ''}, ${env.BENCH_QUERIES} queries each; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  const started = performance.now();
  const emulator = await startEmulatorProcess({ port: env.BENCH_EMULATOR_PORT, seed: env.EMULATOR_SEED });
  console.log(`Emulator ready in ${fmt((performance.now() - started) / 1000, 1)} s`);
  const stripe = new Stripe('sk_test_bench', { host: '127.0.0.1', port: env.BENCH_EMULATOR_PORT, protocol: 'http', maxNetworkRetries: 0, telemetry: false });
  try {
    for (const { name, open } of testDatabases()) {
      const opened = await open();
      const db = opened.db;
      try {
        console.log(`\n== ${name}`);
        const t0 = performance.now();
        const outcome = await runBackfill(db, stripe, { holder: 'bench-risk' });
        console.log(`Backfill (ending with the full recompute): ${outcome.status}, ${fmt(outcome.progress.objects)} objects in ${fmt((performance.now() - t0) / 1000, 1)} s`);

        const recomputes: number[] = [];
        let report = { flagged: 0, opened: 0, reopened: 0 };
        for (let i = 0; i < env.BENCH_RECOMPUTES; i++) {
          const s = performance.now();
          report = await recomputeAllAccounts(db);
          recomputes.push(performance.now() - s);
        }
        const [{ accounts }] = await db.select({ accounts: sql<number>`count(*)::int` }).from(indexAccounts);
        console.log(`Full recompute over ${fmt(Number(accounts))} accounts: ${recomputes.map((t) => `${fmt(t / 1000, 2)} s`).join(', ')} (${fmt(report.flagged)} accounts flagged)`);

        const q = await queue();
        const waitingPage = await q.queryQueue(db, { tab: 'all', limit: 100 }, 'op_bench');
        const ids = waitingPage.items.map((i) => i.accountId);
        const single: number[] = [];
        for (let i = 0; i < env.BENCH_QUERIES; i++) {
          const s = performance.now();
          await recomputeAccounts(db, [ids[i % ids.length]!]);
          single.push(performance.now() - s);
        }
        console.log(`Per-account recompute (the apply path): ${p(single)}`);

        const counts = await q.countQueue(db, {}, 'op_bench');
        console.log(`Queue: ${fmt(counts.all)} accounts, ${fmt(counts.waiting)} waiting`);
        const second = (await q.queryQueue(db, { limit: 25 }, 'op_bench')).next ?? undefined;
        const views = [
          {},
          { signal: 'early_fraud_warning' as const },
          { country: 'US', type: 'custom' as const },
          { tab: 'all' as const, sort: 'newest_signal' as const },
          { assignee: 'none' as const, age: '1d' as const },
          { signal: 'past_due' as const, country: 'DE' },
          { after: second },
          { tab: 'decided' as const },
        ];
        const pageTimes: number[] = [];
        for (let i = 0; i < env.BENCH_QUERIES; i++) {
          const view = { ...views[i % views.length], limit: 25 };
          const s = performance.now();
          await Promise.all([q.queryQueue(db, view, 'op_bench'), q.countQueue(db, view, 'op_bench')]);
          pageTimes.push(performance.now() - s);
        }
        console.log(`Queue page + counts (${views.length} views in turn): ${p(pageTimes)}`);
        const badge: number[] = [];
        for (let i = 0; i < env.BENCH_QUERIES; i++) {
          const s = performance.now();
          await q.countWaiting(db);
          badge.push(performance.now() - s);
        }
        console.log(`Navigation's waiting count: ${p(badge)}`);
      } finally {
        await opened.close();
      }
    }
  } finally {
    await emulator.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
