// `npm run parity`: the parity scenarios against a fresh emulator (started here, empty seed) and,
// with STRIPE_PARITY_KEY=sk_test_…, against Stripe test mode; then the diff, written as Markdown
// and JSON under PARITY_OUT (default .data/parity). Any key but a sk_test_ one is refused before
// a request is made (exit 2). Exit 1 when a scenario stops on the emulator (CI runs this).
import path from 'node:path';
import { buildStripe } from '@/lib/stripe/build';
import { startEmulator } from '@/lib/emulator/server';
import { diffRuns, summarize } from './diff';
import { checkParityKey } from './key';
import { writeReport } from './report';
import { newRunId, runScenarios } from './run';
import { SCENARIOS } from './scenarios';

async function main(): Promise<number> {
  const key = checkParityKey(process.env.STRIPE_PARITY_KEY);
  if (!key.ok) {
    console.error(`parity: refused. ${key.reason}`);
    return 2;
  }
  const out = path.resolve(process.env.PARITY_OUT?.trim() || '.data/parity');
  console.log(
    key.key
      ? 'parity: against the emulator and Stripe test mode (STRIPE_PARITY_KEY); objects made in test mode are deleted again where Stripe allows.'
      : 'parity: NO STRIPE_PARITY_KEY: running against the emulator alone. Nothing is compared with Stripe; set STRIPE_PARITY_KEY=sk_test_… to compare.',
  );
  const runId = newRunId();
  const running = await startEmulator({ seed: 'empty' });
  let emulatorRun;
  try {
    const stripe = buildStripe({ stripeSecretKey: 'sk_test_parity', stripeApiBase: running.url });
    emulatorRun = await runScenarios({ target: 'emulator', stripe, base: running.url, runId, scenarios: SCENARIOS, log: console.log });
  } finally {
    await running.close();
  }
  const stripeRun = key.key
    ? await runScenarios({ target: 'stripe', stripe: buildStripe({ stripeSecretKey: key.key, stripeApiBase: undefined }), base: 'https://api.stripe.com', runId, scenarios: SCENARIOS, log: console.log })
    : null;
  const diff = diffRuns(emulatorRun, stripeRun);
  const files = writeReport({ emulator: emulatorRun, stripe: stripeRun, diff }, out);
  const counts = summarize(diff);
  console.log(`parity: ${counts.equal} equal, ${counts.different} different, ${counts['emulator only']} emulator only, ${counts['stripe only']} Stripe only.`);
  console.log(`parity: report written to\n  ${files.markdown}\n  ${files.json}`);
  const stopped = emulatorRun.scenarios.filter((s) => s.error);
  if (stopped.length > 0) {
    for (const s of stopped) console.error(`parity: scenario "${s.name}" stopped on the emulator: ${s.error}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('parity: failed:', e);
    process.exit(1);
  },
);
