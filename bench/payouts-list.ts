// `npm run bench:payouts`: the Payouts list's queries (lib/payouts/list-query.ts) over an index
// holding BENCH_PAYOUTS connected accounts' payouts (default 200,000: a hundred per account, in
// every status, some failed, in four currencies; one account in fifty deleted, whose payouts the
// list leaves out), on PGlite and on PostgreSQL when DATABASE_URL is set. Per view, BENCH_QUERIES
// times (p50/p95 server time): the default view with its tab counts, the Failed tab with counts,
// a week of arrival dates, the amount sort three pages deep, and one account's Payouts section
// (its latest ten, its failed ones, the counts). Figures are printed; nothing is asserted. The
// machine is shared: run it three times, take the median.
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { OpenDb } from '../lib/db/open';
import { indexAccounts, indexObjects } from '../lib/db/schema';
import { testDatabases } from '../lib/db/testing';
import { objectColumns } from '../lib/index/object-row';
import { timeViews } from './support';

const Env = z.object({
  BENCH_PAYOUTS: z.coerce.number().int().min(1000).max(2_000_000).default(200_000),
  BENCH_QUERIES: z.coerce.number().int().min(5).max(1000).default(40),
});
const env = Env.parse(process.env);
const PER_ACCOUNT = 100;
const STATUSES = ['paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'in_transit', 'pending', 'failed', 'canceled'] as const;
const CURRENCIES = ['usd', 'eur', 'gbp', 'jpy'] as const;
const DAY = 86_400;
const START = 1_730_000_000;

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pad = (i: number, n = 14) => String(i).padStart(n, '0');
const accountOf = (i: number) => `acct_bench${pad(Math.floor(i / PER_ACCOUNT), 10)}`;
const accounts = () => Math.ceil(env.BENCH_PAYOUTS / PER_ACCOUNT);

/** A payout as Stripe gives it: one a day per account, the failed ones with a code. */
function payout(i: number): Record<string, unknown> & { id: string; object: string } {
  const status = STATUSES[(i * 7) % STATUSES.length]!;
  const created = START + (i % PER_ACCOUNT) * DAY + (i % 997) * 60;
  return {
    id: `po_bench${pad(i)}`,
    object: 'payout',
    amount: 500 + ((i * 7919) % 200_000),
    currency: CURRENCIES[Math.floor(i / PER_ACCOUNT) % CURRENCIES.length],
    status,
    created,
    arrival_date: created - (created % DAY) + 2 * DAY,
    automatic: i % 5 !== 0,
    failure_code: status === 'failed' ? 'account_closed' : null,
    metadata: {},
  };
}

async function fill(db: OpenDb['db']): Promise<void> {
  const BATCH = 2000;
  for (let from = 0; from < accounts(); from += BATCH) {
    const values = [];
    for (let k = from; k < Math.min(accounts(), from + BATCH); k++) {
      const id = `acct_bench${pad(k, 10)}`;
      values.push({ id, status: 'enabled', businessName: `Bench ${k}`, data: { id, object: 'account' }, eventCreated: 1_800_000_000, deleted: k % 50 === 49 });
    }
    await db.insert(indexAccounts).values(values);
  }
  for (let from = 0; from < env.BENCH_PAYOUTS; from += BATCH) {
    const values = [];
    for (let i = from; i < Math.min(env.BENCH_PAYOUTS, from + BATCH); i++) {
      const o = payout(i);
      values.push({ id: o.id, ...objectColumns(o, accountOf(i)), data: o, eventCreated: 1_800_000_000, fromFetch: true });
    }
    await db.insert(indexObjects).values(values);
  }
}

async function main(): Promise<void> {
  console.log(`bench:payouts — ${fmt(env.BENCH_PAYOUTS)} payouts on ${fmt(accounts())} accounts, ${env.BENCH_QUERIES} queries per view\n`);
  // The query layer is server-only: the npm script runs this with the react-server condition, as Next does.
  const q = await import('../lib/payouts/list-query');
  const week = new Date((START + 40 * DAY) * 1000).toISOString().slice(0, 10);
  const weekEnd = new Date((START + 46 * DAY) * 1000).toISOString().slice(0, 10);
  for (const { name, open } of testDatabases()) {
    const opened = await open();
    try {
      const t0 = performance.now();
      await fill(opened.db);
      console.log(`== ${name}: ${fmt(env.BENCH_PAYOUTS)} rows written in ${fmt((performance.now() - t0) / 1000, 1)} s`);
      const views: Array<[string, (i: number) => Promise<unknown>]> = [
        ['All, latest arrival first, with counts', () => Promise.all([q.queryPayouts(opened.db, {}), q.countPayouts(opened.db, {})])],
        ['Failed, with counts', () => Promise.all([q.queryPayouts(opened.db, { tab: 'failed' }), q.countPayouts(opened.db, {})])],
        ['A week of arrival dates, with counts', () => Promise.all([q.queryPayouts(opened.db, { arrival_from: week, arrival_to: weekEnd }), q.countPayouts(opened.db, { arrival_from: week, arrival_to: weekEnd })])],
        [
          'Sorted by amount, page 3',
          async () => {
            let after: string | undefined;
            for (let page = 0; page < 3; page++) after = (await q.queryPayouts(opened.db, { sort: 'amount', order: 'desc', after })).next ?? undefined;
          },
        ],
        [
          "One account (its Payouts section)",
          (i) => {
            const account = `acct_bench${pad((i * 7919) % accounts(), 10)}`;
            return Promise.all([
              q.queryPayouts(opened.db, { account, limit: 10 }),
              q.queryPayouts(opened.db, { account, tab: 'failed', limit: 10 }),
              q.countPayouts(opened.db, { account }),
            ]);
          },
        ],
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
