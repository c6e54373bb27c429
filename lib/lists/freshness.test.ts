import { describe, expect, it } from 'vitest';
import { ago, freshnessWords, type IndexFreshness } from './freshness';

const now = Date.parse('2026-11-27T12:00:00Z');
const fresh: IndexFreshness = { lastSyncedAt: '2026-11-27T11:59:57Z', lastWebhookAt: '2026-11-27T11:59:57Z', backfill: 'done', backfillObjects: 10 };

describe('freshnessWords', () => {
  it('says how long ago the index changed, with no warning when all is well', () => {
    expect(freshnessWords(fresh, now)).toEqual({ line: 'Index updated 3 s ago.', warnings: [] });
  });
  it('warns plainly before any webhook and while the backfill runs', () => {
    const w = freshnessWords({ ...fresh, lastWebhookAt: null, backfill: 'running', backfillObjects: 1200 }, now);
    expect(w.warnings).toHaveLength(2);
    expect(w.warnings[0]).toContain('backfill is still running (1,200 objects');
    expect(w.warnings[1]).toContain('No webhook has arrived yet');
  });
  it('an empty index, a backfill never run or stopped', () => {
    expect(freshnessWords({ ...fresh, lastSyncedAt: null, backfill: 'never' }, now).line).toBe('The index is empty.');
    expect(freshnessWords({ ...fresh, backfill: 'never' }, now).warnings[0]).toContain('has not run yet');
    expect(freshnessWords({ ...fresh, backfill: 'failed' }, now).warnings[0]).toContain('stopped before the end');
  });
});

describe('ago', () => {
  it('picks a unit', () => {
    expect([ago(-5), ago(59_000), ago(61_000), ago(7_200_000), ago(86_400_000), ago(3 * 86_400_000)]).toEqual(['0 s', '59 s', '1 min', '2 h', '1 day', '3 days']);
  });
});
