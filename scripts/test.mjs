// `npm test`: every check CI runs, cheapest first, stopping at the first failure.
import { run } from './lib/processes.mjs';

const STEPS = ['lint', 'typecheck', 'test:unit', 'test:integration', 'test:e2e'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

for (const [index, step] of STEPS.entries()) {
  console.log(`\n=== [${index + 1}/${STEPS.length}] npm run ${step} ===\n`);
  const started = Date.now();
  const code = await run(npm, ['run', step], { shell: process.platform === 'win32' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (code !== 0) {
    console.error(`\n=== npm run ${step} failed (exit ${code}, ${seconds} s); stopping. ===`);
    process.exit(code || 1);
  }
  console.log(`\n=== npm run ${step} passed (${seconds} s) ===`);
}

console.log('\nAll checks passed.');
