// `npm run bench:billing`: the Billing list's queries (lib/billing/schedules/list-query.ts) over an index
// holding BENCH_SCHEDULES connected accounts' subscription schedules (default 100,000, five per
// account, in every status, made here: the emulator's scale seed has no billing), on PGlite and on
// PostgreSQL when DATABASE_URL is set. Per view, BENCH_QUERIES times: a page with its tab counts
// (p50/p95 server time), for the default view, a status tab with the fee filter, a sort by the
// next phase three pages deep, and one account's schedules (the account page's Billing section).
// Figures are printed; nothing is asserted. The machine is shared: run it three times, take the median.
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { OpenDb } from '../lib/db/open';
import { indexObjects } from '../lib/db/schema';
import { testDatabases } from '../lib/db/testing';
import { objectColumns } from '../lib/index/object-row';
import { timeViews } from './support';

const Env = z.object({
  BENCH_SCHEDULES: z.coerce.number().int().min(1000).max(1_000_000).default(100_000),
  BENCH_QUERIES: z.coerce.number().int().min(5).max(1000).default(40),
});
const env = Env.parse(process.env);
const PER_ACCOUNT = 5;
const STATUSES = ['active', 'active', 'not_started', 'completed', 'released', 'canceled'] as const;

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pad = (i: number, n = 14) => String(i).padStart(n, '0');

/** A schedule as Stripe gives it: three monthly phases, the current one by its status. */
function schedule(i: number): Record<string, unknown> & { id: string; object: string } {
  const status = STATUSES[i % STATUSES.length]!;
  const start = 1_700_000_000 + (i % 40_000) * 1800;
  const month = 30 * 86_400;
  const fee = i % 7 === 0 ? null : 3 + (i % 10);
  const phases = [0, 1, 2].map((k) => ({ start_date: start + k * month, end_date: start + (k + 1) * month, application_fee_percent: fee }));
  const current = status === 'active' ? phases[i % 3]! : null;
  const ended = start + 2 * month;
  return {
    id: `sub_sched_bench${pad(i)}`,
    object: 'subscription_schedule',
    created: start - 86_400,
    customer: `cus_bench${pad(i)}`,
    status,
    phases,
    current_phase: current ? { start_date: current.start_date, end_date: current.end_date } : null,
    canceled_at: status === 'canceled' ? ended : null,
    completed_at: status === 'completed' ? ended : null,
    released_at: status === 'released' ? ended : null,
    metadata: {},
  };
}

async function fill(db: OpenDb['db'], total: number): Promise<void> {
  const BATCH = 2000;
  for (let from = 0; from < total; from += BATCH) {
    const values = [];
    for (let i = from; i < Math.min(total, from + BATCH); i++) {
      const o = schedule(i);
      const account = `acct_bench${pad(Math.floor(i / PER_ACCOUNT), 10)}`;
      values.push({ id: o.id, ...objectColumns(o, account), data: o, eventCreated: 1_800_000_000, fromFetch: true });
    }
    await db.insert(indexObjects).values(values);
  }
}

async function main(): Promise<void> {
  console.log(`bench:billing — ${fmt(env.BENCH_SCHEDULES)} schedules on ${fmt(env.BENCH_SCHEDULES / PER_ACCOUNT)} accounts, ${env.BENCH_QUERIES} queries per view\n`);
  // The query layer is server-only: the npm script runs this with the react-server condition, as Next does.
  const q = await import('../lib/billing/schedules/list-query');
  for (const { name, open } of testDatabases()) {
    const opened = await open();
    try {
      const t0 = performance.now();
      await fill(opened.db, env.BENCH_SCHEDULES);
      console.log(`== ${name}: ${fmt(env.BENCH_SCHEDULES)} rows written in ${fmt((performance.now() - t0) / 1000, 1)} s`);
      const views: Array<[string, (i: number) => Promise<unknown>]> = [
        ['All, newest first, with counts', () => Promise.all([q.querySchedules(opened.db, {}), q.countSchedules(opened.db, {})])],
        ['Active + takes a fee, with counts', () => Promise.all([q.querySchedules(opened.db, { tab: 'active', fee: 'present' }), q.countSchedules(opened.db, { fee: 'present' })])],
        [
          'Sorted by next phase, page 3',
          async () => {
            let after: string | undefined;
            for (let page = 0; page < 3; page++) after = (await q.querySchedules(opened.db, { sort: 'next_phase', order: 'asc', after })).next ?? undefined;
          },
        ],
        ['One account (its Billing section), with counts', (i) => { const account = `acct_bench${pad((i * 7919) % (env.BENCH_SCHEDULES / PER_ACCOUNT), 10)}`; return Promise.all([q.querySchedules(opened.db, { account, limit: 100 }), q.countSchedules(opened.db, { account })]); }],
      ];
      await timeViews(views, env.BENCH_QUERIES);
    } finally {
      await opened.close();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
