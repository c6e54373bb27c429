// `npm run bench:account-page`: how long the account page takes to show all its sections when
// every Stripe call takes 200 ms (the emulator's latency fault), against one Stripe round trip.
// The page reads its eight views in parallel on the server, so it should take about one round
// trip plus rendering; the aim is under 1.5 round trips. A section counts once it is ready and
// revealed (not inside a streamed part still hidden).
//
// Needs a build (`next build`); starts its own emulator (demo seed, in this process) and
// `next start` on loopback ports, signs in as the ops demo operator in the system Chromium, then
// loads the page BENCH_RUNS times after a warm-up. Prints medians and the ratio.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import Stripe from 'stripe';
import { z } from 'zod';
import { startEmulator } from '../lib/emulator/server';

const Env = z.object({
  BENCH_RUNS: z.coerce.number().int().min(1).max(50).default(7),
  BENCH_LATENCY_MS: z.coerce.number().int().min(0).max(5000).default(200),
  BENCH_APP_PORT: z.coerce.number().int().min(1024).max(65535).default(3250),
  BENCH_ACCOUNT: z.string().regex(/^acct_[A-Za-z0-9]+$/).default('acct_1vMIEuZ2dy0h4OQv'),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
});
const env = Env.parse(process.env);

/** The sections an ops operator sees on the account page. */
const SECTIONS = ['overview', 'requirements', 'capabilities', 'persons', 'external-accounts', 'balance', 'transfers', 'fees', 'history'];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function waitFor(url: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ seed: 'demo' });
  const dataDir = path.resolve('.data', 'bench-account-page');
  rmSync(dataDir, { recursive: true, force: true });
  const base = `http://127.0.0.1:${env.BENCH_APP_PORT}`;
  const app = spawn(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'start', '--port', String(env.BENCH_APP_PORT), '--hostname', '127.0.0.1'], {
    env: { ...process.env, STRIPE_SECRET_KEY: '', STRIPE_API_BASE: emulator.url, DATABASE_URL: '', DATABASE_MIGRATION_URL: '', AUDIT_CHAIN_KEY: '', CONSOLE_DATA_DIR: dataDir, AUTH_TRUST_HOST: 'true', AUTH_SECRET: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const browser = await chromium.launch({ executablePath: env.CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await waitFor(`${base}/sign-in`);
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('E-mail').fill('ops@demo.test');
    await page.getByLabel('Password').fill('connect-demo');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('operator-menu').waitFor({ timeout: 60_000 });

    // In the page itself: when the header, and when every section, was first shown (ready and
    // revealed), in ms since the navigation started, seen by a MutationObserver (no polling delay).
    // (A string, not a function: tsx would wrap a function's inner functions in its own helpers,
    // which do not exist in the page.)
    await page.addInitScript({
      content: `(() => {
        const ids = ${JSON.stringify(SECTIONS)};
        const shown = (el) => !!el && el.closest('[hidden]') === null;
        const check = () => {
          const s = (window.__shown ??= {});
          if (s.header === undefined && shown(document.querySelector('[data-testid="account-header"]'))) s.header = performance.now();
          if (s.all === undefined && ids.every((id) => { const el = document.querySelector('[data-testid="section-' + id + '"]'); return el?.getAttribute('data-state') === 'ready' && shown(el); })) s.all = performance.now();
        };
        new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
      })();`,
    });
    const inPage: { header: number; all: number }[] = [];

    const url = `${base}/accounts/${env.BENCH_ACCOUNT}`;
    const load = async (): Promise<number> => {
      const t0 = performance.now();
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForFunction(
        // Shown: ready, and not in a streamed part React has not revealed yet (a hidden template).
        (ids) =>
          ids.every((id) => {
            const el = document.querySelector(`[data-testid="section-${id}"]`);
            return el?.getAttribute('data-state') === 'ready' && el.closest('[hidden]') === null;
          }),
        SECTIONS,
        { timeout: 30_000, polling: 5 },
      );
      const took = performance.now() - t0;
      const s = await page.evaluate(() => (window as unknown as { __shown?: { header?: number; all?: number } }).__shown ?? {});
      inPage.push({ header: s.header ?? Number.NaN, all: s.all ?? Number.NaN });
      return took;
    };
    await load(); // warm-up: first render of the route, database connection

    const fault = await fetch(`${emulator.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ latency: { ms: env.BENCH_LATENCY_MS, path: '/v1/*' } }),
    });
    if (!fault.ok) throw new Error(`Could not add the latency fault: ${await fault.text()}`);

    // One Stripe round trip, as the app's SDK makes it (keep-alive, pinned version).
    const stripe = new Stripe('sk_test_bench', { host: '127.0.0.1', port: emulator.port, protocol: 'http', maxNetworkRetries: 0 });
    await stripe.accounts.retrieve(env.BENCH_ACCOUNT);
    const trips: number[] = [];
    for (let i = 0; i < env.BENCH_RUNS; i++) {
      const t0 = performance.now();
      await stripe.accounts.retrieve(env.BENCH_ACCOUNT);
      trips.push(performance.now() - t0);
    }

    const pages: number[] = [];
    inPage.length = 0;
    for (let i = 0; i < env.BENCH_RUNS; i++) pages.push(await load());
    const measured = inPage.slice(0, env.BENCH_RUNS);
    // The server alone: the whole HTML of the page, with the operator's session.
    const servers: number[] = [];
    for (let i = 0; i < env.BENCH_RUNS; i++) {
      const t0 = performance.now();
      const res = await page.request.get(url);
      await res.body();
      servers.push(performance.now() - t0);
    }
    if (process.env.BENCH_DEBUG) {
      await fetch(`${emulator.url}/_emulator/requests`, { method: 'DELETE' });
      const t0 = Date.now();
      const took = await load();
      const entries = ((await (await fetch(`${emulator.url}/_emulator/requests`)).json()) as { data: { method: string; path: string; at: number; latency_ms: number }[] }).data.reverse();
      console.log(`debug load ${took.toFixed(0)} ms`);
      for (const e of entries) console.log(`  +${e.at - t0} ms ${e.method} ${e.path} ${e.latency_ms} ms`);
    }

    const trip = median(trips);
    const full = median(pages);
    const fmt = (n: number) => `${n.toFixed(0)} ms`;
    console.log(`account page bench: ${env.BENCH_RUNS} runs, emulator latency ${env.BENCH_LATENCY_MS} ms on every Stripe call, account ${env.BENCH_ACCOUNT}`);
    console.log(`  one Stripe round trip (GET /v1/accounts/:id)   median ${fmt(trip)}  (min ${fmt(Math.min(...trips))}, max ${fmt(Math.max(...trips))})`);
    console.log(`  account page HTML from the server (complete)   median ${fmt(median(servers))}  (min ${fmt(Math.min(...servers))}, max ${fmt(Math.max(...servers))})`);
    console.log(`  account page, all ${SECTIONS.length} sections shown          median ${fmt(full)}  (min ${fmt(Math.min(...pages))}, max ${fmt(Math.max(...pages))})`);
    const header = median(measured.map((m) => m.header));
    const all = median(measured.map((m) => m.all));
    console.log(`  in the page (since navigation start): header shown median ${fmt(header)}, all sections shown median ${fmt(all)} = ${(all / trip).toFixed(2)} round trips`);
    console.log(`  ratio: ${(full / trip).toFixed(2)} round trips in the browser, ${(median(servers) / trip).toFixed(2)} on the server (aim: under 1.5)`);
  } finally {
    await browser.close();
    app.kill('SIGTERM');
    await emulator.close();
  }
}

main().catch((e: unknown) => {
  console.error('[bench] failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
