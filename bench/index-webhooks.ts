// `npm run bench:index-webhooks`: webhook events per second into the console's index, end to end:
// from the emulator's delivery to the row.
//
// The emulator (demo seed) runs in its own process with the console's two webhook endpoints
// registered as `npm start` registers them (scripts/lib/webhook-endpoints.mjs), pointing at an HTTP
// server in this process that answers with the console's own route (app/api/webhooks/stripe): the
// signature checked, the event written to the inbox, the inbox worker woken (lib/index/background.ts)
// to apply it. After a backfill, BENCH_EVENTS metadata updates are made on BENCH_ACCOUNTS accounts
// from BENCH_CONCURRENCY SDK clients (each one account.updated, a Connect event); the index is
// polled until every account's row holds the last value written to it.
// Printed, on PGlite and on PostgreSQL when DATABASE_URL is set: the rate the changes were made (the
// bound), events per second from the first change to the last row right, and for each account's
// last change the time from Stripe's answer to its row holding it (p50/p95/max). No assertions.
// PGlite runs on this process's thread, as it runs on Next's under `npm start`: its applies slow the
// clients making the changes too, so on PGlite the bound itself is lower than on PostgreSQL.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { eq, inArray, sql } from 'drizzle-orm';
import Stripe from 'stripe';
import { z } from 'zod';
import type { OpenDb } from '../lib/db/open';
import { indexAccounts, webhookInbox } from '../lib/db/schema';
import { testDatabases } from '../lib/db/testing';
import { runBackfill } from '../lib/index/backfill';
import { registerConsoleWebhooks } from '../scripts/lib/webhook-endpoints.mjs';
import { percentile, startEmulatorProcess } from './support';

const Env = z
  .object({
    BENCH_EMULATOR_PORT: z.coerce.number().int().default(12433),
    BENCH_EVENTS: z.coerce.number().int().min(10).max(100_000).default(1000),
    BENCH_ACCOUNTS: z.coerce.number().int().min(1).max(200).default(100),
    BENCH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  })
  // Changes of one account then never overlap, so the last made is the last Stripe keeps.
  .refine((e) => e.BENCH_ACCOUNTS >= e.BENCH_CONCURRENCY, { message: 'BENCH_ACCOUNTS must be at least BENCH_CONCURRENCY' });
const env = Env.parse(process.env);

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The console's route behind a plain HTTP server, as Next serves it. */
async function startRouteServer(): Promise<{ url: string; server: Server }> {
  const { POST } = await import('../app/api/webhooks/stripe/route');
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const answer = await POST(new Request(`http://127.0.0.1${req.url}`, { method: 'POST', headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) }));
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(await answer.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** The route's getDb() answers this database (lib/db/client.ts keeps its connection on globalThis). */
function answerRouteWith(opened: OpenDb): void {
  (globalThis as typeof globalThis & { __connectConsoleDb?: Promise<OpenDb> }).__connectConsoleDb = Promise.resolve(opened);
}

async function measure(opened: OpenDb, stripe: Stripe, run: number): Promise<void> {
  const accounts = (await stripe.accounts.list({ limit: 100 }).autoPagingToArray({ limit: 1000 }))
    .filter((a) => a.type === 'custom' && !a.requirements?.disabled_reason?.startsWith('rejected.'))
    .slice(0, env.BENCH_ACCOUNTS)
    .map((a) => a.id);
  // Each account's last value and when Stripe answered it.
  const last = new Map<string, { value: string; answeredAt: number }>();
  const doneAt = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  const clients = Array.from({ length: env.BENCH_CONCURRENCY }, async () => {
    for (;;) {
      const i = next++;
      if (i >= env.BENCH_EVENTS) return;
      const account = accounts[i % accounts.length]!;
      const value = `${run}-${i}`;
      await stripe.accounts.update(account, { metadata: { bench: value } });
      last.set(account, { value, answeredAt: performance.now() });
    }
  });
  // The index polled while the changes are made: each account's first moment holding its last value.
  let made = false;
  let madeAt = 0;
  void Promise.all(clients).then(() => {
    made = true;
    madeAt = performance.now();
  });
  for (;;) {
    // Only the value, not the whole object: the poll must cost the database (PGlite shares this thread) little.
    const rows = await opened.db
      .select({ id: indexAccounts.id, have: sql<string | null>`${indexAccounts.data}->'metadata'->>'bench'` })
      .from(indexAccounts)
      .where(inArray(indexAccounts.id, accounts));
    const now = performance.now();
    for (const row of rows) {
      const want = last.get(row.id);
      const have = row.have;
      if (made && want && have === want.value && !doneAt.has(row.id)) doneAt.set(row.id, now);
      if (made && want && have !== want.value) doneAt.delete(row.id);
    }
    if (made && doneAt.size === last.size) break;
    if (now - started > 300_000) throw new Error(`after 300 s, ${last.size - doneAt.size} rows still lack their last change`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const finished = Math.max(...doneAt.values());
  const seconds = (finished - started) / 1000;
  const lags = [...last].map(([id, l]) => doneAt.get(id)! - l.answeredAt);
  console.log(`  changes made: ${fmt(env.BENCH_EVENTS)} in ${fmt((madeAt - started) / 1000, 2)} s, ${fmt(env.BENCH_EVENTS / ((madeAt - started) / 1000))}/s (the bound)`);
  console.log(`  end to end: every row right ${fmt(seconds, 2)} s after the first change, ${fmt(env.BENCH_EVENTS / seconds)} events/s`);
  console.log(`  an account's last change, Stripe's answer -> its row: p50 ${fmt(percentile(lags, 50), 1)} ms, p95 ${fmt(percentile(lags, 95), 1)} ms, max ${fmt(Math.max(...lags), 1)} ms`);
}

/** Waits until the emulator owes no delivery and the inbox has nothing left to apply (the worker is done with this database). */
async function settle(opened: OpenDb, emulatorUrl: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const { owed } = (await (await fetch(`${emulatorUrl}/_emulator/webhooks/deliveries`)).json()) as { owed: number };
    const pending = await opened.db.$count(webhookInbox, eq(webhookInbox.status, 'pending'));
    if (owed === 0 && pending === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function main(): Promise<void> {
  console.log(`bench:index-webhooks — ${fmt(env.BENCH_EVENTS)} account.updated over ${env.BENCH_ACCOUNTS} accounts, ${env.BENCH_CONCURRENCY} clients\n`);
  const emulator = await startEmulatorProcess({ port: env.BENCH_EMULATOR_PORT, seed: 'demo' });
  const route = await startRouteServer();
  try {
    const secrets = await registerConsoleWebhooks(emulator.url, route.url);
    if (!secrets) throw new Error('the emulator did not take the webhook endpoints');
    // Read once, at the first getEnv(): the emulator, and the secrets just made.
    process.env.STRIPE_API_BASE = emulator.url;
    process.env.STRIPE_WEBHOOK_SECRET = secrets;
    delete process.env.STRIPE_SECRET_KEY;
    const { getStripe } = await import('../lib/stripe/client');
    const stripe = new Stripe('sk_test_bench', { host: '127.0.0.1', port: env.BENCH_EMULATOR_PORT, protocol: 'http', maxNetworkRetries: 0, telemetry: false });
    let run = 0;
    for (const { name, open } of testDatabases()) {
      const opened = await open();
      try {
        answerRouteWith(opened);
        console.log(`== ${name}`);
        const backfill = await runBackfill(opened.db, getStripe(), { holder: 'bench', restart: true });
        console.log(`  backfill: ${backfill.status}, ${fmt(backfill.progress.objects)} objects`);
        await measure(opened, stripe, ++run);
        await settle(opened, emulator.url);
      } finally {
        await opened.close();
      }
    }
  } finally {
    route.server.close();
    await emulator.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
