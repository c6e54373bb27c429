// `npm run test:e2e`: find Chromium, build the app once (SKIP_BUILD=1 reuses .next), then run
// Playwright, whose web server starts the built app and a private emulator.
import { ensureChromium } from './ensure-chromium.mjs';
import { bin, runNode } from './lib/processes.mjs';

try {
  process.env.CHROMIUM_PATH = ensureChromium();
  console.log(`Chromium: ${process.env.CHROMIUM_PATH}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

if (process.env.SKIP_BUILD !== '1') {
  console.log('> next build');
  const built = await runNode(bin.next, ['build']);
  if (built !== 0) process.exit(built);
}

// Extra arguments pass through, e.g. npm run test:e2e -- e2e/smoke.spec.ts
process.exit(await runNode(bin.playwright, ['test', ...process.argv.slice(2)]));
