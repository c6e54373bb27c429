// What the HTTP benches share: the emulator and `next start` as child processes on loopback ports
// (so neither shares the bench's event loop), signing in over next-auth's own endpoints with a
// plain fetch, the server's resident memory with its child processes, and medians/percentiles.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

export const median = (xs: number[]): number => percentile(xs, 50);

/** The p-th percentile (nearest rank) of `xs`. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Times each view `queries` times after one warm-up run and prints its p50/p95, one line each. */
export async function timeViews(views: Array<[label: string, run: (i: number) => Promise<unknown>]>, queries: number): Promise<void> {
  const ms = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} ms`;
  for (const [label, run] of views) {
    await run(0);
    const times: number[] = [];
    for (let i = 0; i < queries; i++) {
      const started = performance.now();
      await run(i + 1);
      times.push(performance.now() - started);
    }
    console.log(`  ${label.padEnd(48)} p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}`);
  }
}

export async function waitFor(url: string, ms = 90_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

/** Resident memory of `pid` and every process below it, in bytes (Linux /proc). */
export function treeRss(pid: number): number {
  let total = 0;
  const seen = new Set<number>();
  const walk = (p: number) => {
    if (seen.has(p)) return;
    seen.add(p);
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
      for (const task of readdirSync(`/proc/${p}/task`)) {
        for (const child of readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').split(/\s+/).filter(Boolean)) walk(Number(child));
      }
    } catch {
      // the process ended meanwhile
    }
  };
  walk(pid);
  return total;
}

export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

export interface Stack {
  base: string;
  emulatorUrl: string;
  appPid: number;
  stop: () => Promise<void>;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The emulator in its own process (so it shares no event loop with what is measured); resolves once it answers. */
export async function startEmulatorProcess(o: { port: number; seed?: string }): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const url = `http://127.0.0.1:${o.port}`;
  // Never measure (or change) whatever already listens there: another engineer's emulator, say.
  const taken = await fetch(url, { signal: AbortSignal.timeout(1000) }).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`Port ${o.port} is already in use: pick another (BENCH_EMULATOR_PORT=...).`);
  const child = spawn(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'lib/emulator/main.ts'], {
    env: { ...process.env, EMULATOR_PORT: String(o.port), EMULATOR_SEED: o.seed ?? 'demo' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => stopChild(child);
  try {
    // Given up as soon as the child exits (it could not listen), so nothing else that answers there is taken for it.
    const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`The emulator exited (code ${code}) before answering on ${url}.`))));
    exited.catch(() => undefined);
    await Promise.race([waitFor(`${url}/v1/accounts?limit=1`, 600_000), exited]);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, child, stop };
}

/**
 * Starts the emulator (demo seed) and `next start` from the last build, each in its own process,
 * with a fresh data folder under .data/<name>. Needs `next build` first.
 */
export async function startStack(o: { name: string; appPort: number; emulatorPort: number }): Promise<Stack> {
  const emulator = await startEmulatorProcess({ port: o.emulatorPort });
  const emulatorUrl = emulator.url;
  const dataDir = path.resolve('.data', o.name);
  rmSync(dataDir, { recursive: true, force: true });
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (where the time goes).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const app = spawn(process.execPath, [...profile, path.resolve('node_modules/next/dist/bin/next'), 'start', '--port', String(o.appPort), '--hostname', '127.0.0.1'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      STRIPE_SECRET_KEY: '',
      STRIPE_API_BASE: emulatorUrl,
      DATABASE_URL: '',
      DATABASE_MIGRATION_URL: '',
      AUDIT_CHAIN_KEY: '',
      CONSOLE_DATA_DIR: dataDir,
      AUTH_TRUST_HOST: 'true',
      AUTH_SECRET: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    await Promise.all([stopChild(app), emulator.stop()]);
  };
  try {
    const base = `http://127.0.0.1:${o.appPort}`;
    await waitFor(`${base}/sign-in`);
    return { base, emulatorUrl, appPid: app.pid!, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** The `name=value` pairs of a response's Set-Cookie headers. */
function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(';')[0]);
}

/**
 * Signs in with e-mail and password through next-auth's endpoints (csrf token, then the
 * credentials callback) and returns the Cookie header of the signed-in session.
 */
export async function signIn(base: string, email: string, password = 'connect-demo'): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/accounts` }),
  });
  const cookies = [...jar, ...cookiesOf(res)];
  if (!cookies.some((c) => /session-token=./.test(c))) throw new Error(`Signing in as ${email} failed (${res.status} ${res.headers.get('location')})`);
  return cookies.join('; ');
}
