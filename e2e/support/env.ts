// Where the end-to-end tests point, and the guard that keeps them off anything but this machine:
// they reset and mutate data, so they must never reach a shared or real backend.

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function assertLoopback(url: string, what: string): string {
  const { hostname } = new URL(url);
  if (!LOOPBACK_HOSTS.has(hostname)) {
    throw new Error(`Refusing to run end-to-end tests against ${what} at ${url}: only loopback addresses are allowed.`);
  }
  return url;
}

/** Private ports, so a developer's own `npm start` (3000 / 12111) is never touched. */
// Overridable (E2E_APP_PORT, E2E_EMULATOR_PORT, E2E_IDLE_APP_PORT) so two checkouts can run their
// journeys side by side.
const port = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

export const E2E_APP_PORT = port('E2E_APP_PORT', 3100);
export const E2E_EMULATOR_PORT = port('E2E_EMULATOR_PORT', 12199);

export const appUrl = (): string =>
  assertLoopback(process.env.E2E_BASE_URL ?? `http://127.0.0.1:${E2E_APP_PORT}`, 'the app');

export const emulatorUrl = (): string =>
  assertLoopback(process.env.E2E_EMULATOR_URL ?? `http://127.0.0.1:${E2E_EMULATOR_PORT}`, 'the emulator');

/** A second app on the same emulator with a short idle timeout, for e2e/idle.spec.ts. */
export const E2E_IDLE_APP_PORT = port('E2E_IDLE_APP_PORT', 3101);
export const E2E_IDLE_TIMEOUT_SECONDS = 4;
