// The emulator as `npm start`, `npm run dev` and the e2e server run it: a supervised child that
// outlives nothing but is started again when it dies (the console shows a banner meanwhile). Its
// state lives in memory, so a restarted one has fresh demo data and no webhook endpoints: once it
// answers, the console's endpoints are made again with the secrets the running console already
// holds, and the console, seeing new data in the emulator's health, rebuilds its index
// (lib/index/emulator-world.ts).
import { bin, waitForHttp } from './processes.mjs';
import { registerConsoleWebhooks } from './webhook-endpoints.mjs';

/**
 * Starts the emulator under `supervisor`; returns the child.
 * @param {ReturnType<typeof import('./processes.mjs').createSupervisor>} supervisor
 * @param {{ emulatorUrl: string, env: NodeJS.ProcessEnv, consoleUrl: string, webhookSecrets: () => string | null, restart?: { initialMs?: number, maxMs?: number } }} options
 *   `webhookSecrets` gives the secrets the console was started with (null before they are known, or without endpoints).
 */
export function startSupervisedEmulator(supervisor, { emulatorUrl, env, consoleUrl, webhookSecrets, restart = {} }) {
  return supervisor.start('emulator', process.execPath, ['--import', bin.tsxLoader, 'lib/emulator/main.ts'], {
    env,
    restart: {
      ...restart,
      note: "The emulator keeps its data in memory, so its demo data starts over: changes made since the start are gone (the audit log and team, in the console's database, are kept; the console's index is rebuilt).",
      onRestart: async (child) => {
        if (!(await waitForHttp(`${emulatorUrl}/_emulator/health`, { child, timeoutMs: 60_000 }))) return;
        const secrets = webhookSecrets();
        const again = secrets ? await registerConsoleWebhooks(emulatorUrl, consoleUrl, secrets) : null;
        console.log(`The emulator is answering again on ${emulatorUrl}, with fresh demo data${again ? " and the console's webhook endpoints" : ''}.`);
      },
    },
  });
}
