// `npm run sync`: fills the console's index from Stripe (or the emulator) with the app's own
// configuration: the backfill (resumed where a stopped one left off; `--restart` starts over),
// then the catch-up from /v1/events, then the inbox applied. A progress bar on a terminal, plain
// lines otherwise (CI, a log file). Exit 0 when done, 1 on an error, 2 when another instance is
// running the backfill. With PGlite, stop the console first: an embedded database serves one
// process at a time.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { openPglite, openPostgres } from '@/lib/db/open';
import { parseEnv } from '@/lib/env-schema';
import { runBackfill, type BackfillProgress } from '@/lib/index/backfill';
import { catchUp } from '@/lib/index/catch-up';
import { drainInbox } from '@/lib/index/inbox';
import { buildStripe } from '@/lib/stripe/build';

const tty = Boolean(process.stdout.isTTY);
const number = new Intl.NumberFormat('en-US');

function duration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'time left unknown';
  const s = Math.round(seconds);
  return s >= 60 ? `~${Math.floor(s / 60)}m ${s % 60}s left` : `~${s}s left`;
}

/** One line: the step being read, its count, the rate and the time left. */
export function progressLine(p: BackfillProgress): string {
  const step = p.steps.find((s) => s.status === 'running') ?? p.steps.find((s) => s.status !== 'done') ?? p.steps[p.steps.length - 1]!;
  const expected = p.steps.reduce((sum, s) => sum + (s.expected ?? 0), 0);
  const share = expected > 0 ? Math.min(1, p.objects / expected) : null;
  const bar = share === null ? '' : `[${'#'.repeat(Math.round(share * 20)).padEnd(20, '-')}] ${Math.round(share * 100)}% `;
  const rate = p.rate ? `${number.format(Math.round(p.rate))}/s` : '-/s';
  return `${bar}${step.label}: ${number.format(step.objects)}${step.expected !== null ? `/${number.format(step.expected)}` : ''}, ${number.format(p.objects)} objects in all, ${rate}, ${duration(p.secondsLeft)}`;
}

async function main(): Promise<number> {
  const env = parseEnv(process.env);
  const restart = process.argv.includes('--restart');
  const opened = env.databaseUrl
    ? await openPostgres(env.databaseUrl, { migrationUrl: env.databaseMigrationUrl })
    : await openPglite(path.resolve(process.cwd(), env.dataDir, 'pglite'));
  const stripe = buildStripe(env);
  const holder = `sync-${process.pid}-${randomUUID()}`;
  try {
    console.log(`Syncing the index from ${env.stripeApiBase ?? 'https://api.stripe.com'} into ${opened.driver}${restart ? ' (from the start)' : ''}.`);
    let lastPrint = 0;
    const told = new Set<string>();
    const outcome = await runBackfill(opened.db, stripe, {
      holder,
      restart,
      onProgress: (p) => {
        // Each finished step once, then the running one: in place on a terminal, every 5 s otherwise.
        for (const step of p.steps.filter((s) => s.status === 'done' && !told.has(s.key))) {
          told.add(step.key);
          const line = `  ${step.label.padEnd(30)} ${number.format(step.objects).padStart(9)}${step.rate ? `  ${number.format(Math.round(step.rate))}/s` : ''}`;
          console.log(tty ? `\r${line.padEnd(process.stdout.columns ? process.stdout.columns - 1 : 100)}` : line);
        }
        if (tty) process.stdout.write(`\r${progressLine(p).slice(0, (process.stdout.columns ?? 101) - 1).padEnd((process.stdout.columns ?? 101) - 1)}`);
        else if (Date.now() - lastPrint > 5_000) {
          console.log(progressLine(p));
          lastPrint = Date.now();
        }
      },
    });
    if (tty) process.stdout.write('\n');
    if (outcome.progress.rateLimited > 0) console.log(`  waited out ${outcome.progress.rateLimited} rate-limited answers (429)`);
    if (outcome.status === 'busy') {
      console.error('Another instance is running the backfill; its progress is on the Data sync page.');
      return 2;
    }
    if (outcome.status === 'failed') {
      console.error(`The backfill stopped: ${outcome.progress.lastError ?? 'unknown error'}. Run npm run sync again to go on from where it stopped.`);
      return 1;
    }
    console.log(`Backfill done: ${number.format(outcome.progress.objects)} objects${outcome.progress.rate ? ` at ${number.format(Math.round(outcome.progress.rate))}/s` : ''}.`);
    const caught = await catchUp(opened.db, stripe, { holder });
    const applied = await drainInbox(opened.db, stripe);
    console.log(`Catch-up: ${caught.recorded} events not delivered before; ${applied.applied} applied${applied.retrying + applied.failed > 0 ? `, ${applied.retrying + applied.failed} failed (see the Data sync page)` : ''}.`);
    return 0;
  } finally {
    await opened.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`npm run sync could not run: ${message}`);
    if (/lock|already|busy/i.test(message)) console.error('With the embedded database (PGlite), stop the console first: one process at a time.');
    process.exit(1);
  },
);
