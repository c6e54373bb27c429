// The scale seed: the demo's spread of accounts (every scenario of `scenarios.ts`, the same mix of
// types and countries) at the size of a real platform, 100,000 test-mode accounts by default, so
// lists, paging and the dashboard can be tried against it. Money history goes to one merchant in
// MONEY_EVERY, with the platform's own movements in proportion. Deterministic: the same number of
// accounts and the same `now` give the same ids and objects.
import type { Mode, World } from '../core/world';
import type { ParseSdkParams } from '../core/params';
import { DEMO_LIVE, inProportion, SCENARIOS, seedWorld, type WorldPlan } from './scenarios';
import { parseByShape } from './shape-check';

export const DEFAULT_SCALE_ACCOUNTS = 100_000;
/** Fewer, and some scenarios or the money would be missing; more, and the world (about 10 KB an account) nears Node's default heap limit of about 4 GB. */
export const MIN_SCALE_ACCOUNTS = 1_000;
export const MAX_SCALE_ACCOUNTS = 200_000;

/** One merchant in this many has a money history (charges, transfers, fees, Radar). */
export const MONEY_EVERY = 20;

/** One set of parameters in this many is validated whole; the others field by field, each shape once (see shape-check.ts). */
export const FULL_CHECK_EVERY = 20;

/** The demo's test-mode accounts: the unit the platform's own money movements are scaled by. */
const DEMO_ACCOUNTS = SCENARIOS.reduce((sum, s) => sum + s.count, 0);

/** The test-mode world of `accounts` accounts; `parse` as the seed validates parameters (tests compare it with validation in full). */
export function scaleTestPlan(accounts: number, parse: ParseSdkParams = parseByShape(FULL_CHECK_EVERY)): WorldPlan {
  const factor = Math.max(1, Math.round(accounts / DEMO_ACCOUNTS / MONEY_EVERY));
  return { live: false, scenarios: inProportion(SCENARIOS, accounts), money: { every: MONEY_EVERY, factor }, parse };
}

/** Fills both worlds: `accounts` test-mode accounts in the demo's proportions, and live mode as in the demo. */
export function seedScale(worlds: Record<Mode, World>, now: number, accounts: number): void {
  seedWorld(worlds.test, now, scaleTestPlan(accounts));
  seedWorld(worlds.live, now, DEMO_LIVE);
}
