// `npx tsx bench/emulator-demo-seed.ts`: what the demo seed's test world costs to make, with and
// without its two years of payouts (seed/payouts.ts), and the payouts step alone.
//
// In one process, BENCH_RUNS times each, alternating (the machine's load shifts both alike): the
// test world seeded with the demo's plan, then with `payouts: false`. Printed: the medians of CPU
// time and wall time for each, and the median of the payouts step alone on worlds seeded without it.
import { z } from 'zod';
import { World } from '../lib/emulator/core/world';
import { payouts } from '../lib/emulator/money/payouts';
import { seedPayouts } from '../lib/emulator/seed/payouts';
import { DEMO_TEST, seedWorld } from '../lib/emulator/seed/scenarios';

const env = z.object({ BENCH_RUNS: z.coerce.number().int().min(1).max(50).default(9) }).parse(process.env);
const NOW = 1_780_272_000;

function measure(fn: () => void): { cpu: number; wall: number } {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  fn();
  const cpu = process.cpuUsage(cpu0);
  return { cpu: (cpu.user + cpu.system) / 1000, wall: performance.now() - wall0 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs: Record<'with' | 'without' | 'step', { cpu: number; wall: number }[]> = { with: [], without: [], step: [] };
let count = 0;

// One warm-up of each, not counted (module loading, zod's first parse of each schema).
seedWorld(new World('test'), NOW, DEMO_TEST);
seedWorld(new World('test'), NOW, { ...DEMO_TEST, payouts: false });
for (let i = 0; i < env.BENCH_RUNS; i++) {
  runs.with.push(
    measure(() => {
      const w = new World('test');
      seedWorld(w, NOW, DEMO_TEST);
      count = payouts(w).size;
    }),
  );
  const bare = new World('test');
  runs.without.push(measure(() => seedWorld(bare, NOW, { ...DEMO_TEST, payouts: false })));
  runs.step.push(measure(() => seedPayouts(bare, NOW)));
}

const fmt = (r: { cpu: number; wall: number }[]) => `${median(r.map((x) => x.cpu)).toFixed(0)} ms CPU, ${median(r.map((x) => x.wall)).toFixed(0)} ms wall`;
console.log(`demo seed, test world (medians of ${env.BENCH_RUNS} alternating runs; ${count} payouts)`);
console.log(`  with payouts:    ${fmt(runs.with)}`);
console.log(`  without payouts: ${fmt(runs.without)}`);
console.log(`  payouts step:    ${fmt(runs.step)}`);
