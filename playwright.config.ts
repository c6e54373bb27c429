// End-to-end tests in the system Chromium against the built app and a private emulator on
// loopback-only ports. `npm run test:e2e` builds first; this config only serves the build.
import { defineConfig, devices } from '@playwright/test';
import { assertLoopback, E2E_APP_PORT, E2E_EMULATOR_PORT } from './e2e/support/env';

const appUrl = assertLoopback(`http://127.0.0.1:${E2E_APP_PORT}`, 'the app');
const emulatorUrl = assertLoopback(`http://127.0.0.1:${E2E_EMULATOR_PORT}`, 'the emulator');

// Tests (and their workers, which load this file too) find the servers here.
process.env.E2E_BASE_URL = appUrl;
process.env.E2E_EMULATOR_URL = emulatorUrl;

const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: isCI,
  retries: 0,
  // 2-core machines: more workers only make every test slower.
  workers: isCI ? 1 : 2,
  reporter: [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  use: {
    baseURL: appUrl,
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node scripts/start.mjs',
    url: appUrl,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      SKIP_BUILD: '1',
      PORT: String(E2E_APP_PORT),
      EMULATOR_PORT: String(E2E_EMULATOR_PORT),
      EMULATOR_SEED: 'demo',
      // Blank any developer key so the tests can only ever reach the private emulator.
      STRIPE_SECRET_KEY: '',
      STRIPE_API_BASE: '',
    },
  },
});
