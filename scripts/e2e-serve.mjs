// The end-to-end tests' web servers (started by playwright.config.ts): each gets a fresh data
// folder under .data/ (its own PGlite database and auth secret), then either the full app with a
// private emulator, or (E2E_NEXT_ONLY=1) just `next start` sharing that emulator, e.g. with a
// short idle timeout.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { dashboardListen } from './lib/listen-host.mjs';
import { runApp } from './lib/run-app.mjs';
import { bin, createSupervisor } from './lib/processes.mjs';

const dataDir = process.env.CONSOLE_DATA_DIR ?? '';
const root = path.resolve('.data');
if (!path.resolve(dataDir).startsWith(`${root}${path.sep}`)) {
  console.error(`e2e-serve: CONSOLE_DATA_DIR must be a folder under .data/, got "${dataDir}"`);
  process.exit(1);
}
rmSync(dataDir, { recursive: true, force: true });

if (process.env.E2E_NEXT_ONLY === '1') {
  const port = process.env.PORT ?? '3101';
  const { host } = dashboardListen(process.env, port);
  createSupervisor().start('next', process.execPath, [bin.next, 'start', '--port', port, ...(host ? ['--hostname', host] : [])], {
    env: { ...process.env, AUTH_TRUST_HOST: 'true' },
  });
} else {
  await runApp({ nextCommand: 'start', build: false });
}
