// The whole harness on two runs of the emulator, one standing in for Stripe: with ids, times and
// URLs made neutral, every step of every scenario comes out equal, and no scenario stops.
import { describe, expect, it } from 'vitest';
import { startEmulator } from '@/lib/emulator/server';
import { buildStripe } from '@/lib/stripe/build';
import { diffRuns, summarize } from './diff';
import { newRunId, runScenarios } from './run';
import { SCENARIOS } from './scenarios';

async function emulatorRun(runId: string, target: 'emulator' | 'stripe') {
  const running = await startEmulator({ seed: 'empty' });
  try {
    const stripe = buildStripe({ stripeSecretKey: 'sk_test_parity', stripeApiBase: running.url });
    return await runScenarios({ target, stripe, base: running.url, runId, scenarios: SCENARIOS });
  } finally {
    await running.close();
  }
}

describe('parity harness on two emulators', () => {
  it('runs every scenario to its end, and two fresh emulators answer equally', async () => {
    const runId = newRunId();
    const first = await emulatorRun(runId, 'emulator');
    const second = await emulatorRun(runId, 'stripe');
    expect(first.scenarios.filter((s) => s.error).map((s) => `${s.name}: ${s.error}`)).toEqual([]);
    const diff = diffRuns(first, second);
    const different = diff.flatMap((s) => s.steps.filter((step) => step.outcome !== 'equal').map((step) => `${s.scenario} / ${step.step}: ${JSON.stringify(step.differences)}`));
    expect(different).toEqual([]);
    expect(summarize(diff).equal).toBe(first.scenarios.reduce((n, s) => n + s.steps.length, 0));
  }, 120_000);
});
