// The start script's supervision (scripts/lib/processes.mjs): a child started with a restart policy
// (the emulator under npm start) is started again when it exits, saying why and that its demo data
// starts over, while the other children (Next) keep running; Ctrl-C still stops everything.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('../fixtures/supervise-crashing-child.mjs', import.meta.url));

let running: ChildProcess | undefined;

afterEach(() => {
  if (running && running.exitCode === null && running.signalCode === null) running.kill('SIGKILL');
});

/** Resolves once `test` holds for everything printed so far (stdout and stderr together). */
function waitForOutput(child: ChildProcess, test: (all: string) => boolean): Promise<string> {
  let all = '';
  return new Promise((resolve, reject) => {
    const check = () => {
      if (test(all)) resolve(all);
    };
    child.stdout!.on('data', (d) => {
      all += String(d);
      check();
    });
    child.stderr!.on('data', (d) => {
      all += String(d);
      check();
    });
    child.on('exit', (code) => (test(all) ? resolve(all) : reject(new Error(`the supervisor exited (code ${code}) early:\n${all}`))));
  });
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('supervisor with a restart policy', () => {
  it('starts a crashed child again with a growing delay, keeps the others up, and stops everything on SIGTERM', async () => {
    running = spawn(process.execPath, [fixture], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = await waitForOutput(running, (all) => count(all, 'child started') >= 4);

    expect(out).toContain('fake-emulator exited unexpectedly (code 3); restarting it in 100 ms. Its demo data starts over.');
    expect(out).toContain('restarting it in 200 ms');
    expect(out).toContain('restarting it in 400 ms');
    expect(out).toContain('restart hook ran');
    // The child without a policy was started once and never stopped by the crashes.
    expect(count(out, 'steady started')).toBe(1);
    expect(out).not.toContain('stopping everything');
    expect(running.exitCode).toBeNull();

    const exited = new Promise<number | null>((resolve) => running!.once('exit', (code) => resolve(code)));
    running.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
