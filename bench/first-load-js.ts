// `npm run bench:first-load`: the JavaScript each console page makes the browser download before
// it is interactive, in KiB after gzip, against the budget (170 KiB). Measured the way a browser
// meets it: the page is fetched signed in (as admin, who may open every page) from `next start`,
// and the scripts its HTML loads (<script src>) are fetched and gzipped (level 9) one by one. The
// inline flight data (the page's own props) is not code and is printed apart.
//
// Needs a build (`next build`); starts its own emulator and `next start` on loopback ports.
// BENCH_VERBOSE=1 also lists every script of the account page and the scripts all pages share.
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { signIn, startStack } from './support';

const Env = z.object({
  BENCH_APP_PORT: z.coerce.number().int().min(1024).max(65535).default(3252),
  BENCH_EMULATOR_PORT: z.coerce.number().int().min(1024).max(65535).default(12252),
  BENCH_BUDGET_KIB: z.coerce.number().positive().default(170),
  BENCH_VERBOSE: z.string().optional(),
});
const env = Env.parse(process.env);

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The first id of a Stripe list on the emulator, for the pages of one object. */
async function firstId(emulatorUrl: string, list: string): Promise<string | null> {
  const res = await fetch(`${emulatorUrl}/v1/${list}${list.includes('?') ? '&' : '?'}limit=1`, { headers: { Authorization: 'Bearer sk_test_bench' } });
  if (!res.ok) return null;
  const body = (await res.json()) as { data?: { id: string }[] };
  return body.data?.[0]?.id ?? null;
}

async function main(): Promise<void> {
  const stack = await startStack({ name: 'bench-first-load', appPort: env.BENCH_APP_PORT, emulatorPort: env.BENCH_EMULATOR_PORT });
  try {
    const cookie = await signIn(stack.base, 'admin@demo.test');
    const objects: [string, string][] = [
      ['/accounts/', 'accounts'],
      ['/transfers/', 'transfers'],
      ['/application-fees/', 'application_fees'],
      ['/topups/', 'topups'],
      ['/risk/charges/', 'charges'],
    ];
    const routes = ['/', '/accounts', '/transfers', '/transfers/reversals', '/application-fees', '/topups', '/risk', '/audit', '/team'];
    for (const [prefix, list] of objects) {
      const id = await firstId(stack.emulatorUrl, list);
      if (id) routes.push(prefix + id);
    }

    const gzipped = new Map<string, number>();
    const sizeOf = async (src: string): Promise<number> => {
      const known = gzipped.get(src);
      if (known !== undefined) return known;
      const res = await fetch(new URL(src, stack.base));
      if (!res.ok) throw new Error(`${src}: ${res.status}`);
      const size = gzipSync(Buffer.from(await res.arrayBuffer()), { level: 9 }).length;
      gzipped.set(src, size);
      return size;
    };

    const rows: { route: string; scripts: string[]; js: number; flight: number }[] = [];
    for (const route of routes) {
      const res = await fetch(stack.base + route, { headers: { Cookie: cookie }, redirect: 'manual' });
      if (res.status !== 200) throw new Error(`${route}: ${res.status} ${res.headers.get('location') ?? ''}`);
      const html = await res.text();
      // Browsers that run modules skip `noModule` scripts (Next's legacy polyfills): not counted.
      const tags = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)].filter((m) => !/\bnomodule\b/i.test(m[1] + m[3]));
      const scripts = [...new Set(tags.map((m) => m[2].replaceAll('&amp;', '&')))];
      let js = 0;
      for (const src of scripts) js += await sizeOf(src);
      const flight = [...html.matchAll(/<script[^>]*>(self\.__next_f[\s\S]*?)<\/script>/g)].reduce((n, m) => n + m[1].length, 0);
      rows.push({ route, scripts, js, flight });
    }

    const shared = rows.map((r) => r.scripts).reduce((a, b) => a.filter((s) => b.includes(s)));
    const sharedSize = shared.reduce((n, s) => n + (gzipped.get(s) ?? 0), 0);
    const width = Math.max(...rows.map((r) => r.route.length));
    console.log(`first-load JS per console page (gzip level 9, signed in as admin), budget ${env.BENCH_BUDGET_KIB} KiB`);
    for (const r of rows) {
      const over = r.js / 1024 > env.BENCH_BUDGET_KIB;
      console.log(`  ${r.route.padEnd(width)}  ${kib(r.js).padStart(10)}  ${String(r.scripts.length).padStart(2)} scripts  ${over ? 'OVER' : 'ok  '}  (flight data ${kib(r.flight)} raw)`);
    }
    console.log(`  shared by every page: ${kib(sharedSize)} in ${shared.length} scripts`);
    const worst = rows.reduce((a, b) => (b.js > a.js ? b : a));
    console.log(`  largest: ${worst.route} ${kib(worst.js)}; ${rows.filter((r) => r.js / 1024 > env.BENCH_BUDGET_KIB).length} of ${rows.length} pages over the budget`);
    if (env.BENCH_VERBOSE) {
      const account = rows.find((r) => r.route.startsWith('/accounts/'));
      for (const r of [account, { route: 'shared', scripts: shared }]) {
        if (!r) continue;
        console.log(`  scripts of ${r.route}:`);
        for (const s of [...r.scripts].sort((a, b) => (gzipped.get(b) ?? 0) - (gzipped.get(a) ?? 0))) console.log(`    ${kib(gzipped.get(s) ?? 0).padStart(10)}  ${s}`);
      }
    }
  } finally {
    await stack.stop();
  }
}

main().catch((e: unknown) => {
  console.error('[bench] failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
