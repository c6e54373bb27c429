// The volume burst's baseline over the weeks the index holds (lib/risk/recompute.ts): an account's
// direct charges read only part of the way down (enough for the dispute rate) must not look like a burst.
import { describe, expect, it } from 'vitest';
import { weeklyBaseline } from './recompute';

const DAY = 86_400;
const burstFrom = 1_800_000_000;
const baselineFrom = burstFrom - 12 * 7 * DAY;

describe('weeklyBaseline', () => {
  it('averages over the twelve weeks when the index holds them all (never read, or read down to before them)', () => {
    expect(weeklyBaseline(12_000, null, baselineFrom, burstFrom)).toBe(1000);
    expect(weeklyBaseline(12_000, baselineFrom - 5 * DAY, baselineFrom, burstFrom)).toBe(1000);
  });

  it('averages over the weeks held when the read stopped within them', () => {
    expect(weeklyBaseline(4000, burstFrom - 4 * 7 * DAY - 1, baselineFrom, burstFrom)).toBe(1000);
  });

  it('has no baseline when less than a week before the burst window is held', () => {
    expect(weeklyBaseline(3000, burstFrom - 3 * DAY, baselineFrom, burstFrom)).toBe(0);
    expect(weeklyBaseline(0, burstFrom + DAY, baselineFrom, burstFrom)).toBe(0);
  });
});
