// End-to-end tests in the system Chromium against the built app and a private emulator on
// loopback-only ports. `npm run test:e2e` builds first; this config only serves the build.
import { defineConfig, devices } from '@playwright/test';
import { assertLoopback, E2E_APP_PORT, E2E_EMULATOR_PORT, E2E_IDLE_APP_PORT, E2E_IDLE_TIMEOUT_SECONDS } from './e2e/support/env';

const appUrl = assertLoopback(`http://127.0.0.1:${E2E_APP_PORT}`, 'the app');
const idleAppUrl = assertLoopback(`http://127.0.0.1:${E2E_IDLE_APP_PORT}`, 'the idle-timeout app');
const emulatorUrl = assertLoopback(`http://127.0.0.1:${E2E_EMULATOR_PORT}`, 'the emulator');

// Tests (and their workers, which load this file too) find the servers here.
process.env.E2E_BASE_URL = appUrl;
process.env.E2E_EMULATOR_URL = emulatorUrl;

const isCI = Boolean(process.env.CI);

const chromium = {
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
};

// Both servers: only the private emulator, never a developer's key, database or data folder.
const serverEnv = {
  EMULATOR_PORT: String(E2E_EMULATOR_PORT),
  EMULATOR_SEED: 'demo',
  STRIPE_SECRET_KEY: '',
  STRIPE_API_BASE: '',
  // Loopback only (scripts/lib/listen-host.mjs), whatever the developer's shell exports.
  HOST: '',
  CONSOLE_HOST: '',
  DATABASE_URL: '',
  DATABASE_MIGRATION_URL: '',
  AUDIT_CHAIN_KEY: '',
  AUTH_SECRET: '',
  AUTH_CREDENTIALS: '',
  AUTH_OIDC_ISSUER: '',
  AUTH_OIDC_CLIENT_ID: '',
  AUTH_OIDC_CLIENT_SECRET: '',
};

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
    // Signs in once per demo operator and saves the sessions the other journeys reuse.
    { name: 'setup', testMatch: /auth\.setup\.ts/, use: chromium },
    { name: 'chromium', dependencies: ['setup'], testIgnore: /(audit-mutations|sign-out-everywhere|risk-case|risk-review-approve|backend-down|approvals|approvals-lost-execution|billing-schedule-release|billing-schedule-lost-release|test-clocks|test-clocks-lost-advance)\.spec\.ts/, use: chromium },
    // Changes roles and ends the viewer's sessions, so it runs after everything that depends on them.
    // test-clocks moves a demo test clock (and so the invoices and fees on it); test-clocks-lost-advance
    // makes and moves a clock on a demo account.
    { name: 'mutations', dependencies: ['chromium'], testMatch: /(audit-mutations|sign-out-everywhere|test-clocks|test-clocks-lost-advance)\.spec\.ts/, use: chromium },
    // Decide as ops and finance (reject and delete accounts, approve reversals): after the journeys
    // that read them, and after audit-mutations, which turns ops into support for a moment. Ops
    // releases two demo subscription schedules here too (one with its answers lost), and approves a Radar review.
    { name: 'risk-mutations', dependencies: ['mutations'], testMatch: /(risk-case|risk-review-approve|approvals|approvals-lost-execution|billing-schedule-release|billing-schedule-lost-release)\.spec\.ts/, use: chromium },
    // Takes the whole emulator API down for a while, so it runs last and alone. It signs in by
    // itself: run it on its own with `npm run test:e2e -- e2e/backend-down.spec.ts --no-deps`.
    { name: 'backend-down', dependencies: ['risk-mutations'], testMatch: /backend-down\.spec\.ts/, use: chromium },
  ],
  webServer: [
    {
      command: 'node scripts/e2e-serve.mjs',
      url: appUrl,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      env: { ...serverEnv, SKIP_BUILD: '1', PORT: String(E2E_APP_PORT), CONSOLE_DATA_DIR: '.data/e2e' },
    },
    {
      command: 'node scripts/e2e-serve.mjs',
      url: `${idleAppUrl}/sign-in`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      env: {
        ...serverEnv,
        E2E_NEXT_ONLY: '1',
        PORT: String(E2E_IDLE_APP_PORT),
        CONSOLE_DATA_DIR: '.data/e2e-idle',
        AUTH_IDLE_TIMEOUT_SECONDS: String(E2E_IDLE_TIMEOUT_SECONDS),
      },
    },
  ],
});
