// Demo data: a deterministic set of ~240 test-mode connected accounts in every state an ops
// reviewer meets (the scenarios of `scenarios.ts`, each as many times as listed there), made over
// the last two years with two years of money, and a handful of live-mode accounts.
import type { Mode, World } from '../core/world';
import { COUNTRIES } from './names';
import { DEMO_LIVE, DEMO_TEST, seedWorld } from './scenarios';

/** Fills both worlds: ~240 test-mode accounts and a handful in live mode. */
export function seedDemo(worlds: Record<Mode, World>, now: number): void {
  seedWorld(worlds.test, now, DEMO_TEST);
  seedWorld(worlds.live, now, DEMO_LIVE);
}

export const DEMO_COUNTRIES = COUNTRIES;
