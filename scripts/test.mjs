// `npm test`: every check CI runs, cheapest first, stopping at the first failure (the emulator's own
// tests are a step of their own, apart from the app's integration tests; then `npm run parity`
// against the emulator alone, which fails when a parity scenario stops on it). The unit and integration steps run the data-layer tests on PGlite and, when Debian's PostgreSQL is here
// (installed with apt-get when we are root), on a throwaway PostgreSQL cluster too (DATABASE_URL for each step: its
// superuser, from which each suite makes a database with an owner role that migrates it and an app
// role the suite connects as, the two-role setup the README describes; lib/db/testing.ts).
import { run } from './lib/processes.mjs';
import { ensurePostgres, startThrowawayPostgres } from './lib/postgres.mjs';

const STEPS = ['lint', 'typecheck', 'test:unit', 'test:emulator', 'parity', 'test:integration', 'test:e2e'];
/** The steps with data-layer tests, run on PGlite and on PostgreSQL; the emulator's tests never open the database. */
const POSTGRES_STEPS = new Set(['test:unit', 'test:integration']);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Env for the unit and integration steps: DATABASE_URL of a fresh cluster, or the caller's own, or none (skipped). */
async function postgresForUnitTests() {
  if (process.env.DATABASE_URL?.trim()) {
    console.log('PostgreSQL leg: using the DATABASE_URL you set.');
    return { env: {}, stop: () => {} };
  }
  const { bin, reason } = ensurePostgres();
  if (!bin) {
    console.warn(`\nPostgreSQL leg SKIPPED: ${reason}. The data-layer tests run on PGlite only.\n`);
    return { env: {}, stop: () => {} };
  }
  try {
    const cluster = await startThrowawayPostgres(bin);
    console.log(`PostgreSQL leg: throwaway cluster at ${cluster.url} (${bin})`);
    return { env: { DATABASE_URL: cluster.url }, stop: cluster.stop };
  } catch (error) {
    console.warn(`\nPostgreSQL leg SKIPPED: ${error instanceof Error ? error.message : error}\n`);
    return { env: {}, stop: () => {} };
  }
}

for (const [index, step] of STEPS.entries()) {
  console.log(`\n=== [${index + 1}/${STEPS.length}] npm run ${step} ===\n`);
  const started = Date.now();
  const postgres = POSTGRES_STEPS.has(step) ? await postgresForUnitTests() : { env: {}, stop: () => {} };
  let code;
  try {
    code = await run(npm, ['run', step], { shell: process.platform === 'win32', env: { ...process.env, ...postgres.env } });
  } finally {
    postgres.stop();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (code !== 0) {
    console.error(`\n=== npm run ${step} failed (exit ${code}, ${seconds} s); stopping. ===`);
    process.exit(code || 1);
  }
  console.log(`\n=== npm run ${step} passed (${seconds} s) ===`);
}

console.log('\nAll checks passed.');
