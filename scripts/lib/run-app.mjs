// What `npm start` and `npm run dev` share: bring up the emulator (unless a real key is set),
// wait until it is healthy, then run Next against it, and tear both down together.
import { readFileSync } from 'node:fs';
import { dashboardListen } from './listen-host.mjs';
import { startSupervisedEmulator } from './emulator-child.mjs';
import { bin, answers, createSupervisor, runNode, waitForHttp } from './processes.mjs';
import { registerConsoleWebhooks, withWebhookSecrets } from './webhook-endpoints.mjs';

/** The demo operators' sign-in details, when password sign-in on the emulator offers them. */
function demoOperatorsBanner(useEmulator) {
  const credentials = (process.env.AUTH_CREDENTIALS || 'auto').trim();
  if (!useEmulator || credentials === 'off') return '';
  const demo = JSON.parse(readFileSync(new URL('../../lib/operators/demo-operators.json', import.meta.url), 'utf8'));
  const lines = demo.operators.map((operator) => `  ${operator.role.padEnd(8)} ${operator.email}`);
  return `Demo operators (password for all: ${demo.password}):\n${lines.join('\n')}\n`;
}

/** @param {{ nextCommand: 'start' | 'dev', build: boolean }} options */
export async function runApp({ nextCommand, build }) {
  const port = process.env.PORT || '3000';
  const emulatorPort = process.env.EMULATOR_PORT || '12111';
  const useEmulator = !process.env.STRIPE_SECRET_KEY?.trim();
  const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
  const listen = dashboardListen(process.env, port);

  if (build) {
    console.log('> next build');
    const code = await runNode(bin.next, ['build']);
    if (code !== 0) {
      console.error('next build failed.');
      process.exit(code);
    }
  }

  if (await answers(`${listen.probeUrl}/`)) {
    console.error(`Port ${port} is already in use. Stop what is running there, or pick another port: PORT=3001 npm ${nextCommand === 'dev' ? 'run dev' : 'start'}`);
    process.exit(1);
  }

  const supervisor = createSupervisor();
  const childEnv = { ...process.env, EMULATOR_PORT: emulatorPort };
  /** The console's webhook secrets in the emulator, once registered (a restarted emulator gets the same ones). */
  let webhookSecrets = null;

  if (useEmulator) {
    // Never attach to whatever already holds the port: it may be a stale emulator with other data.
    if (await answers(`${emulatorUrl}/_emulator/health`)) {
      console.error(
        `Port ${emulatorPort} is already in use (another emulator?). Stop it, or pick another port: EMULATOR_PORT=12112 npm ${nextCommand === 'dev' ? 'run dev' : 'start'}`,
      );
      process.exit(1);
    }
    console.log(`> emulator on ${emulatorUrl}`);
    const emulator = startSupervisedEmulator(supervisor, { emulatorUrl, env: childEnv, consoleUrl: listen.probeUrl, webhookSecrets: () => webhookSecrets });
    const healthy = await waitForHttp(`${emulatorUrl}/_emulator/health`, { child: emulator, timeoutMs: 60_000 });
    if (!healthy) {
      if (!supervisor.stopping) {
        console.error(`The emulator did not become healthy at ${emulatorUrl}/_emulator/health within 60 s.`);
        supervisor.stopAll(1);
      }
      return;
    }
  } else {
    console.log('STRIPE_SECRET_KEY is set: using Stripe, not starting the emulator.');
  }
  // The emulator delivers the console's events to it (deliveries before Next answers are retried).
  webhookSecrets = useEmulator ? await registerConsoleWebhooks(emulatorUrl, listen.probeUrl) : null;
  if (webhookSecrets) console.log(`> webhook endpoints in the emulator for ${listen.probeUrl}/api/webhooks/stripe (platform and Connect)`);

  console.log(`> next ${nextCommand} on ${listen.address}`);
  const hostArgs = listen.host ? ['--hostname', listen.host] : [];
  const next = supervisor.start('next', process.execPath, [bin.next, nextCommand, '--port', port, ...hostArgs], {
    // CONSOLE_EMULATOR_SUPERVISED tells the console's banner that this script restarts the emulator.
    env: { ...withWebhookSecrets(childEnv, webhookSecrets), PORT: port, AUTH_TRUST_HOST: 'true', ...(useEmulator ? { CONSOLE_EMULATOR_SUPERVISED: '1' } : {}) },
  });
  // Any HTTP answer means Next is listening; a static file avoids compiling a page in dev.
  const up = await waitForHttp(`${listen.probeUrl}/favicon.svg`, { child: next, timeoutMs: 120_000, ok: () => true });
  if (!up) {
    if (!supervisor.stopping) {
      console.error(`Next did not answer on port ${port} within 120 s.`);
      supervisor.stopAll(1);
    }
    return;
  }
  // Opens the database (migrations, the audit chain key check) and starts the outcome reconciler
  // now rather than at the first page; a failure is shown here, where whoever started it looks.
  const health = await fetch(`${listen.probeUrl}/api/health`, { signal: AbortSignal.timeout(120_000) }).catch(() => null);
  if (!health?.ok) console.warn('Warning: the console could not open its database; see the errors above. Pages will fail until it can.');
  const backend = useEmulator ? `emulator at ${emulatorUrl}` : 'Stripe';
  console.log(`\nConnect Console is ready: ${listen.openUrl} (listening on ${listen.address}; backend: ${backend}). Press Ctrl-C to stop.\n`);
  const banner = demoOperatorsBanner(useEmulator);
  if (banner) console.log(banner);
  if (listen.warning) console.warn(`${listen.warning}\n`);
}
