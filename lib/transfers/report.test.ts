import { describe, expect, it } from 'vitest';
import { metadataUpdate } from '@/lib/metadata';
import { parsePeriod } from './period';
import { amountTicks, chartBars, daysBetween, periodDays, periodRefusal, readReport, REPORT_MAX_DAYS, reversalsCsv, totalsByCurrency, type ReportReversal } from './report';
import { describeReversal, reversalAmount } from './reversals';

const at = (day: string, hour = 12) => Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00Z`) / 1000;
const r = (id: string, amount: number, currency: string, day: string): ReportReversal => ({ id, transfer: 'tr_1', destination: 'acct_1', amount, currency, created: at(day) });

describe('reversals report', () => {
  const items = [r('trr_1', 1000, 'usd', '2026-03-01'), r('trr_2', 250, 'usd', '2026-03-01'), r('trr_3', 500, 'jpy', '2026-03-03'), r('trr_4', 5, 'usd', '2026-03-03')];

  it('totals per currency, never across them', () => {
    expect(totalsByCurrency(items)).toEqual([
      { currency: 'usd', amount: 1255, count: 3 },
      { currency: 'jpy', amount: 500, count: 1 },
    ]);
  });

  it('has a bar for every day of the period, empty days included', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(chartBars(items, 'usd', '2026-03-01', '2026-03-03')).toEqual([
      { label: '2026-03-01', first: '2026-03-01', last: '2026-03-01', amount: 1250, count: 2 },
      { label: '2026-03-02', first: '2026-03-02', last: '2026-03-02', amount: 0, count: 0 },
      { label: '2026-03-03', first: '2026-03-03', last: '2026-03-03', amount: 5, count: 1 },
    ]);
  });

  it('has a bar per month over a long period, cut to the period, every reversal counted once', () => {
    const long = [...items, r('trr_5', 7, 'usd', '2024-11-01'), r('trr_6', 9, 'usd', '2026-11-26'), r('trr_7', 11, 'usd', '2024-10-31')];
    const bars = chartBars(long, 'usd', '2024-11-01', '2026-11-26');
    expect(bars).toHaveLength(25);
    expect(bars[0]).toEqual({ label: '2024-11', first: '2024-11-01', last: '2024-11-30', amount: 7, count: 1 });
    expect(bars.at(-1)).toEqual({ label: '2026-11', first: '2026-11-01', last: '2026-11-26', amount: 9, count: 1 });
    expect(bars.find((b) => b.label === '2026-03')).toMatchObject({ first: '2026-03-01', last: '2026-03-31', amount: 1255, count: 3 });
    // The bars add up to the period's total: nothing outside it (trr_7), nothing twice.
    expect(bars.reduce((sum, b) => sum + b.amount, 0)).toBe(1255 + 7 + 9);
    expect(amountTicks(bars)).toEqual([0, 628, 1255]);
  });

  it('serves a long period whole, as asked, and refuses one longer than a report covers before reading anything', async () => {
    const read = async function* () {
      yield* items;
    };
    const served = await readReport('2024-11-01', '2026-11-26', read);
    expect(served).toEqual({ from: '2024-11-01', to: '2026-11-26', items, refusal: null });
    expect(periodDays('2024-11-01', '2026-11-26')).toBe(756);
    let reads = 0;
    const counted = async function* () {
      reads += 1;
      yield* items;
    };
    const refused = await readReport('2020-01-01', '2026-11-26', counted);
    expect(refused.items).toEqual([]);
    expect(refused.refusal).toMatch(/2020-01-01 to 2026-11-26 is 2522 days long; one report covers at most 1096 days/);
    expect(reads).toBe(0);
    expect(periodRefusal('2023-11-27', '2026-11-26')).toBeNull();
    expect(periodDays('2023-11-27', '2026-11-26')).toBe(REPORT_MAX_DAYS);
    expect(periodRefusal('2023-11-26', '2026-11-26')).toMatch(/1097 days long/);
  });

  it('refuses a period holding more reversals than it reads, rather than showing part of it', async () => {
    const read = async function* () {
      yield* items;
    };
    expect((await readReport('2026-03-01', '2026-03-03', read, 4)).refusal).toBeNull();
    const over = await readReport('2026-03-01', '2026-03-03', read, 3);
    expect(over.items).toEqual([]);
    expect(over.refusal).toMatch(/holds more than 3 reversals/);
  });

  it('exports exact amounts', () => {
    const csv = reversalsCsv([items[2]]).split('\r\n');
    expect(csv[1]).toBe(`trr_3,2026-03-03T12:00:00.000Z,tr_1,acct_1,JPY,500,500`);
  });

  it('reads the period from the URL, in order, never shortened', () => {
    const now = new Date('2026-05-31T10:00:00Z');
    expect(parsePeriod({}, now)).toEqual({ from: '2026-05-02', to: '2026-05-31' });
    expect(parsePeriod({ from: '2026-04-10', to: '2026-04-01' }, now)).toEqual({ from: '2026-04-01', to: '2026-04-10' });
    expect(parsePeriod({ from: '2024-11-01', to: '2026-11-26' }, now)).toEqual({ from: '2024-11-01', to: '2026-11-26' });
    expect(parsePeriod({ from: '2020-01-01', to: '2026-01-01' }, now)).toEqual({ from: '2020-01-01', to: '2026-01-01' });
  });
});

describe('transfer reversals', () => {
  const t = { id: 'tr_1', destination: 'acct_2', amount: 10000, amount_reversed: 2500, currency: 'eur' };
  it('never reverses beyond what is left', () => {
    expect(reversalAmount(t, true, '')).toEqual({ ok: true, amount: 7500 });
    expect(reversalAmount(t, false, '75.01').ok).toBe(false);
    expect(reversalAmount({ ...t, amount_reversed: 10000 }, true, '').ok).toBe(false);
  });
  it('states the reversal in words', () => {
    expect(describeReversal({ ...t, amount_reversed: 0 }, 2500, true)).toBe(
      'Reverse €25.00 EUR of transfer tr_1, taking it back from acct_2, and refund the matching share of its application fee to that account. €75.00 EUR of it will be left.',
    );
  });
});

describe('metadata updates', () => {
  it('unsets removed keys and sets the rest', () => {
    expect(metadataUpdate({ a: '1', b: '2' }, [{ key: 'b', value: '3' }, { key: 'c', value: '4' }])).toEqual({ a: '', b: '3', c: '4' });
  });
});
