// Small process helpers shared by the npm scripts: run a step, supervise long-lived children,
// wait for an HTTP endpoint. Plain Node so the scripts work before anything is built.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** Absolute paths of the CLIs we launch with `node`, so no shell or .bin shim is needed. */
export const bin = {
  next: require.resolve('next/dist/bin/next'),
  // Loaded into node itself (`node --import tsx`) rather than via the tsx CLI, which runs a second
  // process that survives if the first is killed outright.
  tsxLoader: pathToFileURL(require.resolve('tsx')).href,
  playwright: require.resolve('@playwright/test/cli'),
};

/** Runs a command to completion with inherited stdio; resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Runs `node <script> ...args` to completion. */
export function runNode(script, args = [], options = {}) {
  return run(process.execPath, [script, ...args], options);
}

/**
 * Keeps long-lived children (emulator, Next) together: if one dies the others are stopped and
 * the script exits non-zero, unless it was started with a `restart` policy, in which case it is
 * started again after a backoff (doubling from `initialMs` to `maxMs`, back to the start once a
 * run lasted `stableMs`). SIGINT/SIGTERM stops them all and exits 0 once they are gone.
 */
export function createSupervisor() {
  const children = new Map();
  const timers = new Set();
  let stopping = false;

  function stopAll(exitCode) {
    if (stopping) return;
    stopping = true;
    for (const timer of timers) clearTimeout(timer);
    const alive = [...children.values()].filter((c) => c.exitCode === null && c.signalCode === null);
    for (const child of alive) child.kill('SIGTERM');
    // Anything that ignores SIGTERM for 5 s is killed outright.
    const force = setTimeout(() => {
      for (const child of alive) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }, 5000);
    force.unref();
    Promise.all(alive.map((c) => new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once('exit', r))))).then(
      () => process.exit(exitCode),
    );
  }

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (!stopping) console.log(`\nStopping (${signal})...`);
      stopAll(0);
    });
  }

  /**
   * @param {string} name
   * @param {string} command
   * @param {string[]} args
   * @param {object} options spawn options, plus `restart`: { initialMs?, maxMs?, stableMs?, note?, onRestart? }
   */
  function start(name, command, args, options = {}) {
    const { restart, ...spawnOptions } = options;
    let delay = restart?.initialMs ?? 1000;
    const launch = () => {
      const startedAt = Date.now();
      const child = spawn(command, args, { stdio: 'inherit', ...spawnOptions });
      children.set(name, child);
      child.on('error', (error) => {
        console.error(`Could not start ${name}: ${error.message}`);
        stopAll(1);
      });
      child.on('exit', (code, signal) => {
        if (stopping) return;
        const how = signal ?? `code ${code}`;
        if (!restart) {
          console.error(`\n${name} exited unexpectedly (${how}); stopping everything.`);
          stopAll(1);
          return;
        }
        // A run that lasted a while was healthy: the next failure starts the backoff over.
        if (Date.now() - startedAt >= (restart.stableMs ?? 60_000)) delay = restart.initialMs ?? 1000;
        const wait = delay;
        delay = Math.min(delay * 2, restart.maxMs ?? 30_000);
        console.error(`\n${name} exited unexpectedly (${how}); restarting it in ${formatDelay(wait)}.${restart.note ? ` ${restart.note}` : ''}`);
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (stopping) return;
          const next = launch();
          restart.onRestart?.(next);
        }, wait);
        timers.add(timer);
      });
      return child;
    };
    return launch();
  }

  return {
    get stopping() {
      return stopping;
    },
    /** Starts a supervised child; `name` labels it in messages. */
    start,
    stopAll,
  };
}

function formatDelay(ms) {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** True if anything answers HTTP at `url` within a second. */
export async function answers(url) {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000), redirect: 'manual' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Polls `url` until `ok(response)` holds. Gives up after `timeoutMs`, or as soon as `child`
 * (the process meant to serve it) exits, so a crash is reported at once rather than as a timeout.
 */
export async function waitForHttp(url, { timeoutMs = 60_000, child, ok = (res) => res.ok } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) return false;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000), redirect: 'manual' });
      if (ok(res)) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}
