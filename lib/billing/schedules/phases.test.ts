import { describe, expect, it } from 'vitest';
import { addInterval, canChange, itemWords, periodStarts, phaseIndexAt, phaseOfInvoice, phaseSentence, priceWords, refusalFor, type PhaseFacts, type PriceFacts } from './phases';
import { addTotals, periodFee, projectSchedule, timeline } from './projection';

const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const starter: PriceFacts = { id: 'price_S', name: 'Starter', unitAmount: 1900, currency: 'gbp', interval: 'month', intervalCount: 1, usageType: 'licensed' };
const scale: PriceFacts = { ...starter, id: 'price_X', name: 'Scale', unitAmount: 14900 };
const calls: PriceFacts = { ...starter, id: 'price_M', name: 'API calls', unitAmount: 2, usageType: 'metered' };

const phases: PhaseFacts[] = [
  { index: 0, start: at('2026-01-31T10:00:00Z'), end: at('2026-04-30T10:00:00Z'), currency: 'gbp', feePercent: 8, items: [{ price: starter, quantity: 3 }, { price: calls, quantity: null }] },
  { index: 1, start: at('2026-04-30T10:00:00Z'), end: at('2027-04-30T10:00:00Z'), currency: 'gbp', feePercent: 6, items: [{ price: scale, quantity: 1 }] },
];

describe('billing periods', () => {
  it('keeps the anchor day, clamped to the month end', () => {
    expect(addInterval(at('2026-01-31T10:00:00Z'), 'month', 1)).toBe(at('2026-02-28T10:00:00Z'));
    expect(addInterval(at('2026-01-31T10:00:00Z'), 'month', 2)).toBe(at('2026-03-31T10:00:00Z'));
    expect(addInterval(at('2026-01-31T10:00:00Z'), 'year', 1)).toBe(at('2027-01-31T10:00:00Z'));
    expect(addInterval(at('2026-01-31T10:00:00Z'), 'week', 2)).toBe(at('2026-02-14T10:00:00Z'));
  });

  it('lists a phase’s period starts from its own start', () => {
    expect(periodStarts(phases[0])).toEqual([at('2026-01-31T10:00:00Z'), at('2026-02-28T10:00:00Z'), at('2026-03-31T10:00:00Z')]);
    expect(periodStarts(phases[1])).toHaveLength(12);
  });

  it('finds the running phase, and the phase of an invoice at a boundary', () => {
    expect(phaseIndexAt(phases, at('2026-02-01T00:00:00Z'))).toBe(0);
    expect(phaseIndexAt(phases, phases[1].start)).toBe(1);
    expect(phaseIndexAt(phases, phases[1].end)).toBeNull();
    expect(phaseOfInvoice(phases, phases[1].end)).toBe(1);
    expect(phaseOfInvoice(phases, phases[0].start - 10)).toBe(0);
  });
});

describe('words', () => {
  it('says prices, items and phases', () => {
    expect(priceWords(starter)).toBe('£19.00 GBP a month');
    expect(priceWords({ ...starter, intervalCount: 3 })).toBe('£19.00 GBP every 3 months');
    expect(itemWords({ price: starter, quantity: 3 })).toBe('3 × Starter (£19.00 GBP a month)');
    expect(itemWords({ price: calls, quantity: null })).toBe('API calls (metered: £0.02 GBP per unit used, billed a month on usage)');
    expect(phaseSentence(phases[1])).toBe('Phase 2, from 2026-04-30 to 2027-04-30: 1 × Scale (£149.00 GBP a month); the platform takes 6%.');
  });

  it('refuses cancel and release outside not_started and active', () => {
    expect(canChange('active')).toBe(true);
    expect(canChange('not_started')).toBe(true);
    for (const status of ['released', 'completed', 'canceled']) expect(canChange(status)).toBe(false);
    expect(refusalFor('released', 'cancel')).toBe('This schedule is released: a schedule can be cancelled only while it is not started or active.');
    expect(refusalFor('active', 'release')).toBeNull();
  });
});

describe('projection', () => {
  it('is the licensed price × quantity × fee %, rounded, per period still to start', () => {
    expect(periodFee(phases[0])).toBe(456); // 3 × 1900 × 8% = 456
    expect(periodFee({ ...phases[1], feePercent: 5.5 })).toBe(820); // 14900 × 5.5% = 819.5 → 820
    const now = at('2026-03-01T00:00:00Z');
    const [first, second] = projectSchedule(phases, 'active', now);
    expect(first.periods.map((p) => p.start)).toEqual([at('2026-03-31T10:00:00Z')]);
    expect(first.totals).toEqual({ gbp: 456 });
    expect(first.metered).toEqual(['API calls']);
    expect(second.periods).toHaveLength(12);
    expect(second.totals).toEqual({ gbp: 12 * 894 });
    expect(addTotals([first.totals, second.totals, { usd: 5 }])).toEqual({ gbp: 456 + 12 * 894, usd: 5 });
  });

  it('projects nothing for a schedule that will not bill again, or a phase with no fee', () => {
    for (const status of ['released', 'completed', 'canceled']) expect(projectSchedule(phases, status, phases[0].start).every((p) => p.periods.length === 0 && p.metered.length === 0)).toBe(true);
    const [noFee] = projectSchedule([{ ...phases[0], feePercent: null }], 'not_started', phases[0].start - 1);
    expect(noFee.totals).toEqual({ gbp: 0 });
    expect(noFee.metered).toEqual([]);
  });
});

describe('timeline', () => {
  it('places phases in percent of the whole, and now on it', () => {
    const line = timeline([{ index: 0, start: 0, end: 100 }, { index: 1, start: 100, end: 400 }], 200);
    expect(line.bars).toEqual([{ index: 0, left: 0, width: 25 }, { index: 1, left: 25, width: 75 }]);
    expect(line.now).toBe(50);
    expect(timeline([{ index: 0, start: 0, end: 100 }], 500).now).toBeNull();
  });
});
