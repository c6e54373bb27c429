// `npm run bench:index`: the console's index, measured.
//
// 1. Backfill: the emulator (EMULATOR_SEED, default demo) in its own process; first every list
//    read alone (the emulator's speed: the bound), then the backfill into PGlite (and PostgreSQL
//    when DATABASE_URL is set): time, objects per second, and how close to the bound.
// 2. Reconciliation of the fresh index (every list paged again, ids only, and 50 + 50 objects read
//    live): its time. Then webhook apply: BENCH_EVENTS account.updated events written to the inbox
//    and applied, per second (end to end from the emulator's delivery: bench/index-webhooks.ts).
// 3. The accounts list at scale: the index grown to BENCH_ACCOUNTS accounts (default 100,000; the
//    backfilled accounts cloned under new ids with their fields varied, since the emulator's
//    demo seed has 240), then a status tab + a filter + the tab counts (p50/p95 server time), a
//    search as you type (p95), and the CSV export of every account (time, peak memory).
// Figures are printed; nothing is asserted. The machine is shared: run it three times, take the median.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import Stripe from 'stripe';
import { z } from 'zod';
import type { OpenDb } from '../lib/db/open';
import { testDatabases } from '../lib/db/testing';
import { applyObjects, type StripeObject } from '../lib/index/apply';
import { BACKFILL_STEPS, PAGE_LIMIT, runBackfill } from '../lib/index/backfill';
import { drainInbox, recordEvent } from '../lib/index/inbox';
import { indexAccounts } from '../lib/db/schema';
import { mib, percentile, startEmulatorProcess } from './support';

const Env = z.object({
  BENCH_EMULATOR_PORT: z.coerce.number().int().default(12432),
  BENCH_ACCOUNTS: z.coerce.number().int().min(1000).max(1_000_000).default(100_000),
  BENCH_QUERIES: z.coerce.number().int().min(5).max(1000).default(60),
  BENCH_EVENTS: z.coerce.number().int().min(10).max(100_000).default(2000),
  EMULATOR_SEED: z.string().default('demo'),
});
const env = Env.parse(process.env);

// The query layer is server-only: the npm script runs this with the react-server condition, as Next does.
const queries = async () => import('../lib/index/accounts-query');
const reconcile = async () => import('../lib/index/reconcile');

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (n: number) => `${fmt(n, 1)} ms`;

async function timeListsAlone(stripe: Stripe): Promise<{ objects: number; seconds: number }> {
  const started = performance.now();
  let objects = 0;
  for (const step of BACKFILL_STEPS) {
    let after: string | undefined;
    for (;;) {
      const page = await step.list(stripe, { limit: PAGE_LIMIT, ...(after ? { starting_after: after } : {}) });
      objects += page.data.length;
      if (!page.has_more || page.data.length === 0) break;
      after = (page.data[page.data.length - 1] as { id: string }).id;
    }
  }
  return { objects, seconds: (performance.now() - started) / 1000 };
}


/** Clones of the backfilled accounts under new ids, their fields varied, until the index holds `target`. */
async function growAccounts(db: OpenDb['db'], target: number): Promise<void> {
  const rows = await db.select({ data: indexAccounts.data }).from(indexAccounts);
  const base = rows.map((r) => r.data as StripeObject);
  const have = rows.length;
  const words = ['Harbor', 'Maple', 'Summit', 'Cedar', 'Lumen', 'Orbit', 'Atlas', 'Nimbus', 'Willow', 'Quartz', 'Ember', 'Delta', 'Juniper', 'Falcon', 'Meadow', 'Copper', 'Velvet', 'Granite', 'Saffron', 'Tundra', 'Beacon', 'Cobalt', 'Pioneer', 'Lantern', 'Marble', 'Horizon', 'Kestrel', 'Bramble', 'Solstice', 'Thistle', 'Aurora', 'Driftwood'];
  const trades = ['Bakery', 'Outfitters', 'Studio', 'Supply', 'Goods', 'Cycles', 'Kitchen', 'Books', 'Florist', 'Coffee', 'Tailors', 'Pottery', 'Garage', 'Apothecary', 'Optics', 'Hardware'];
  const batch: StripeObject[] = [];
  for (let i = have; i < target; i++) {
    const from = base[i % base.length]!;
    const name = `${words[i % words.length]} ${words[Math.floor(i / words.length) % words.length]} ${trades[Math.floor(i / 1024) % trades.length]}`;
    batch.push({
      ...from,
      id: `acct_bench${String(i).padStart(10, '0')}`,
      email: `owner${i}@${words[(i * 3) % words.length]!.toLowerCase()}.example`,
      created: (from.created as number) - (i % 5000) * 3600,
      business_profile: { ...(from.business_profile as object), name },
      metadata: { shard: String(i % 97), tier: ['gold', 'silver', 'bronze'][i % 3]! },
    });
    if (batch.length === 500) {
      await applyObjects(db, batch.splice(0), { created: 1, fetched: true });
    }
  }
  if (batch.length) await applyObjects(db, batch, { created: 1, fetched: true });
  await db.execute(sql`analyze index_accounts`);
}

async function main(): Promise<void> {
  console.log(`bench:index — seed ${env.EMULATOR_SEED}, scale ${fmt(env.BENCH_ACCOUNTS)} accounts, ${env.BENCH_QUERIES} queries each\n`);
  const emulator = await startEmulatorProcess({ port: env.BENCH_EMULATOR_PORT, seed: env.EMULATOR_SEED });
  const stripe = new Stripe('sk_test_bench', { host: '127.0.0.1', port: env.BENCH_EMULATOR_PORT, protocol: 'http', maxNetworkRetries: 0, telemetry: false });
  try {
    const alone = await timeListsAlone(stripe);
    console.log(`Emulator lists alone (the bound): ${fmt(alone.objects)} objects in ${fmt(alone.seconds, 2)} s, ${fmt(alone.objects / alone.seconds)} objects/s`);
    // PGlite in memory, and a fresh PostgreSQL database (dropped after) when DATABASE_URL is set.
    for (const { name, open } of testDatabases()) {
      const opened = await open();
      try {
        console.log(`\n== ${name}`);
        const started = performance.now();
        const outcome = await runBackfill(opened.db, stripe, { holder: 'bench' });
        const seconds = (performance.now() - started) / 1000;
        const objects = outcome.progress.objects;
        console.log(`Backfill: ${outcome.status}, ${fmt(objects)} objects in ${fmt(seconds, 2)} s, ${fmt(objects / seconds)} objects/s (${fmt((100 * (objects / seconds)) / (alone.objects / alone.seconds))}% of the emulator's list speed)`);
        for (const step of outcome.progress.steps) if (step.objects > 0) console.log(`  ${step.label.padEnd(30)} ${fmt(step.objects).padStart(8)}  ${fmt(step.rate ?? 0)}/s`);

        // Reconciliation of the index just made: every list paged again (ids), 50 + 50 objects read live.
        const { requestReconciliation, runReconciliation } = await reconcile();
        await requestReconciliation(opened.db, { trigger: 'manual' });
        const r0 = performance.now();
        const run = await runReconciliation(opened.db, stripe, { holder: 'bench' });
        const listed = run?.counts.reduce((sum, c) => sum + c.stripe, 0) ?? 0;
        console.log(`Reconciliation: ${run?.status}, ${fmt(listed)} ids listed and ${run?.sampled ?? 0} objects compared field by field in ${fmt((performance.now() - r0) / 1000, 2)} s, ${run?.drift.length ?? 0} drifted`);

        // Webhook apply: account.updated events, each newer than the row, through the inbox.
        const sample = (await opened.db.select({ data: indexAccounts.data }).from(indexAccounts).limit(200)).map((r) => r.data as StripeObject);
        const t0 = performance.now();
        for (let i = 0; i < env.BENCH_EVENTS; i++) {
          const object = { ...sample[i % sample.length]!, metadata: { bench: String(i) } };
          await recordEvent(opened.db, { id: `evt_bench_${i}`, object: 'event', type: 'account.updated', created: 2_000_000_000 + i, account: object.id, data: { object } });
        }
        const t1 = performance.now();
        const drained = await drainInbox(opened.db, stripe, { batch: 200 });
        const t2 = performance.now();
        console.log(`Webhook apply: ${fmt(env.BENCH_EVENTS)} events written to the inbox at ${fmt(env.BENCH_EVENTS / ((t1 - t0) / 1000))}/s, applied at ${fmt(drained.applied / ((t2 - t1) / 1000))}/s (${drained.applied} applied, ${drained.retrying + drained.failed} failed)`);

        await growAccounts(opened.db, env.BENCH_ACCOUNTS);
        const q = await queries();
        const total = (await q.countAccountTabs(opened.db, {})).all;
        console.log(`Accounts list over ${fmt(total)} accounts:`);
        const countries = ['US', 'GB', 'DE', 'FR', 'CA', 'AU', 'JP'];
        const tabs = ['restricted', 'enabled', 'in_review', 'restricted_soon', 'rejected', 'all'] as const;
        const listTimes: number[] = [];
        for (let i = 0; i < env.BENCH_QUERIES; i++) {
          const input = { tab: tabs[i % tabs.length], country: countries[i % countries.length], ...(i % 2 ? { pastDueOnly: true } : {}), limit: 25 };
          const s = performance.now();
          await Promise.all([q.queryAccounts(opened.db, input), q.countAccountTabs(opened.db, input)]);
          listTimes.push(performance.now() - s);
        }
        console.log(`  tab + filter + counts: p50 ${ms(percentile(listTimes, 50))}, p95 ${ms(percentile(listTimes, 95))}`);
        const sorted: number[] = [];
        for (let i = 0; i < env.BENCH_QUERIES; i++) {
          const s = performance.now();
          await q.queryAccounts(opened.db, { tab: 'all', sort: 'business_name', order: 'asc', country: countries[i % countries.length], limit: 25 });
          sorted.push(performance.now() - s);
        }
        console.log(`  sorted by name + a filter: p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}`);
        // Names, e-mails and ids as an operator would type them: a query per keystroke from the third.
        const terms = ['maple cedar', 'kestrel aurora bakery', 'owner4711', 'granite supply', 'acct_bench00000', 'saffron', 'thistle copper', 'owner98', 'driftwood', 'beacon lant'];
        const pageTimes: number[] = [];
        const countTimes: number[] = [];
        for (let i = 0; i < env.BENCH_QUERIES; i++) {
          const term = terms[i % terms.length]!;
          for (let n = 3; n <= term.length; n++) {
            const s1 = performance.now();
            await q.queryAccounts(opened.db, { search: term.slice(0, n), limit: 25 });
            const s2 = performance.now();
            await q.countAccountTabs(opened.db, { search: term.slice(0, n) });
            pageTimes.push(s2 - s1);
            countTimes.push(performance.now() - s2);
          }
        }
        console.log(`  search as you type, ${fmt(pageTimes.length)} keystrokes: the page p50 ${ms(percentile(pageTimes, 50))}, p95 ${ms(percentile(pageTimes, 95))}; its tab counts p50 ${ms(percentile(countTimes, 50))}, p95 ${ms(percentile(countTimes, 95))}`);

        // The export of every account: time, and the memory it took above what was in use before.
        global.gc?.();
        const rssBefore = process.memoryUsage().rss;
        let peak = rssBefore;
        const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
        const s = performance.now();
        let bytes = 0;
        let lines = 0;
        const reader = q.exportAccountsCsv(opened.db, { tab: 'all' }).getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          bytes += value.byteLength;
          for (const b of value) if (b === 10) lines += 1;
        }
        clearInterval(sampler);
        peak = Math.max(peak, process.memoryUsage().rss);
        console.log(`  CSV export: ${fmt(lines - 1)} rows, ${mib(bytes)} in ${fmt((performance.now() - s) / 1000, 2)} s; resident memory ${mib(rssBefore)} before, peak ${mib(peak)} (+${mib(peak - rssBefore)})`);
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
