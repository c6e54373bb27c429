// The start script's supervision (scripts/lib/processes.mjs): a child started with a restart policy
// (the emulator under npm start) is started again when it exits, saying why and that its demo data
// starts over, while the other children (Next) keep running; Ctrl-C still stops everything. The
// real emulator killed under that supervision (scripts/lib/emulator-child.mjs) comes back with new
// data (a new instance in its health) and the console's webhook endpoints, signing with the
// secrets the console was started with.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('../fixtures/supervise-crashing-child.mjs', import.meta.url));
const emulatorFixture = fileURLToPath(new URL('../fixtures/supervise-emulator.mjs', import.meta.url));

let running: ChildProcess | undefined;

let receiver: Server | undefined;

afterEach(() => {
  if (running && running.exitCode === null && running.signalCode === null) running.kill('SIGTERM');
  receiver?.close();
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

/** A free loopback port (for the emulator the fixture starts). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('the emulator supervised as npm start runs it', () => {
  it('comes back after a kill with new data and the console’s webhook endpoints, signing with the secrets the console holds', async () => {
    const bodies: Array<{ body: string; signature: string }> = [];
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += String(c)));
      req.on('end', () => {
        bodies.push({ body, signature: String(req.headers['stripe-signature']) });
        res.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
    const consoleUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    const port = await freePort();
    const emulatorUrl = `http://127.0.0.1:${port}`;
    running = spawn(process.execPath, [emulatorFixture, String(port), consoleUrl], { stdio: ['ignore', 'pipe', 'pipe'] });
    const started = await waitForOutput(running, (all) => /emulator pid \d+/.test(all));
    const secrets = /secrets (whsec_\S+)/.exec(started)![1]!.split(',');
    expect(secrets).toHaveLength(2);
    const pid = Number(/emulator pid (\d+)/.exec(started)![1]);
    const health = async () => (await (await fetch(`${emulatorUrl}/_emulator/health`)).json()) as { instance: string };
    const before = (await health()).instance;

    process.kill(pid, 'SIGKILL');
    const after = await waitForOutput(running, (all) => all.includes("answering again on") && all.includes("and the console's webhook endpoints"));
    expect(after).toContain('emulator exited unexpectedly (SIGKILL); restarting it in 100 ms.');
    expect((await health()).instance).not.toBe(before);

    // The new endpoints are the console's, and sign what they send with the secrets it already has.
    const stripe = new Stripe('sk_test_emulator', { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0, telemetry: false });
    const endpoints = (await stripe.webhookEndpoints.list()).data;
    expect(endpoints.map((e) => e.url)).toEqual([`${consoleUrl}/api/webhooks/stripe`, `${consoleUrl}/api/webhooks/stripe`]);
    const account = await stripe.accounts.create({ type: 'custom', country: 'US', capabilities: { transfers: { requested: true } } });
    await stripe.accounts.update(account.id, { metadata: { after: 'restart' } });
    for (let i = 0; i < 100 && !bodies.some((b) => b.body.includes('"restart"')); i++) await new Promise((r) => setTimeout(r, 100));
    const delivered = bodies.find((b) => b.body.includes('"restart"'))!;
    expect(delivered).toBeDefined();
    const verified = secrets.filter((secret) => {
      try {
        return stripe.webhooks.constructEvent(delivered.body, delivered.signature, secret).type === 'account.updated';
      } catch {
        return false;
      }
    });
    expect(verified).toEqual([secrets[1]]);
  }, 90_000);
});
