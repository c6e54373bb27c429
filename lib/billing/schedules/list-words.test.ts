import { describe, expect, it } from 'vitest';
import { feeWords, nextPhaseWords, phaseWords, type ScheduleFacts } from './list-words';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 1000;
const active: ScheduleFacts = { status: 'active', phaseIndex: 2, phaseCount: 3, nextPhaseAt: day('2026-04-01'), feePercent: 8, endedAt: null };

describe('schedule words', () => {
  it('an active schedule: its phase, the next one, its fee', () => {
    expect([phaseWords(active), nextPhaseWords(active), feeWords(active.feePercent)]).toEqual(['Phase 2 of 3', 'Phase 3 from 2026-04-01', '8%']);
    expect(nextPhaseWords({ ...active, phaseIndex: 3, nextPhaseAt: null })).toBe('Last phase');
  });
  it('not started, and ended', () => {
    const waiting = { ...active, status: 'not_started' as const, phaseIndex: null, phaseCount: 1 };
    expect([phaseWords(waiting), nextPhaseWords(waiting)]).toEqual(['1 phase, not started', 'Starts 2026-04-01']);
    const released = { ...active, status: 'released' as const, phaseIndex: 3, nextPhaseAt: null, endedAt: day('2026-05-02') };
    expect([phaseWords(released), nextPhaseWords(released)]).toEqual(['Released 2026-05-02, after phase 3 of 3', '—']);
    expect(phaseWords({ ...released, status: 'canceled', phaseIndex: null })).toBe('Canceled 2026-05-02, before it started');
  });
  it('fees', () => {
    expect([feeWords(null), feeWords(0), feeWords(2.5), feeWords(12)]).toEqual(['No fee', 'No fee', '2.5%', '12%']);
  });
});
