import { describe, expect, it } from 'vitest';
import { addInterval, parseUtcDateTime, toUtcDateTimeInput } from '@/lib/dates';
import { advanceLimit, describeRehearsal, nextPhaseTarget, phaseAt, phasePriceParams, rehearsalApiVersion, scheduleParams } from './rehearsal';
import { advanceClockSchema, createRehearsalSchema, deleteClockSchema, type CreateRehearsalInput } from './schemas';

const JAN_31 = Date.UTC(2026, 0, 31, 9, 0) / 1000;
const DAY = 86_400;

const form = (over: Partial<CreateRehearsalInput> = {}): CreateRehearsalInput => ({
  account: 'acct_Test123',
  clockId: 'clock_Test123',
  customerName: 'Rehearsal customer',
  productName: 'Membership',
  currency: 'usd',
  usageType: 'licensed',
  interval: 'month',
  endBehavior: 'cancel',
  phases: [
    { intervals: '2', unitAmount: '49.00', quantity: '3', feePercent: '8' },
    { intervals: 1, unitAmount: '99', quantity: 1, feePercent: '7.5' },
  ],
  ...over,
});
const parse = (over: Partial<CreateRehearsalInput> = {}) => createRehearsalSchema.parse(form(over));

describe('dates for clocks', () => {
  it('adds calendar months keeping the day, clamped to the month’s end', () => {
    expect(new Date(addInterval(JAN_31, 'month', 1) * 1000).toISOString()).toBe('2026-02-28T09:00:00.000Z');
    expect(new Date(addInterval(JAN_31, 'month', 2) * 1000).toISOString()).toBe('2026-03-31T09:00:00.000Z');
    expect(addInterval(JAN_31, 'week', 2)).toBe(JAN_31 + 14 * DAY);
    expect(new Date(addInterval(JAN_31, 'year', 1) * 1000).toISOString()).toBe('2027-01-31T09:00:00.000Z');
  });
  it('reads a UTC date-time field and refuses days that do not exist', () => {
    expect(parseUtcDateTime('2026-01-31T09:00')).toBe(JAN_31);
    expect(parseUtcDateTime('2026-01-31')).toBe(JAN_31 - 9 * 3600);
    expect(parseUtcDateTime('2026-02-31T09:00')).toBeNull();
    expect(parseUtcDateTime('31/01/2026')).toBeNull();
    expect(toUtcDateTimeInput(JAN_31)).toBe('2026-01-31T09:00');
  });
});

describe('rehearsal parameters', () => {
  it('turns the phases into prices and a schedule at the pinned version (duration)', () => {
    const input = parse();
    expect(rehearsalApiVersion(input)).toBeNull();
    expect(phasePriceParams(input, 1, 'prod_1', { console_rehearsal: 'true' })).toEqual({
      product: 'prod_1',
      currency: 'usd',
      unit_amount: 9900,
      nickname: 'Phase 2',
      recurring: { interval: 'month', usage_type: 'licensed' },
      metadata: { console_rehearsal: 'true' },
    });
    expect(scheduleParams(input, { customer: 'cus_1', prices: ['price_a', 'price_b'], metadata: { m: '1' } })).toEqual({
      customer: 'cus_1',
      start_date: 'now',
      end_behavior: 'cancel',
      metadata: { m: '1' },
      phases: [
        { items: [{ price: 'price_a', quantity: 3 }], application_fee_percent: 8, duration: { interval: 'month', interval_count: 2 } },
        { items: [{ price: 'price_b', quantity: 1 }], application_fee_percent: 7.5, duration: { interval: 'month', interval_count: 1 } },
      ],
    });
  });

  it('makes a metered rehearsal at the legacy version: iterations, no quantity', () => {
    const input = parse({ usageType: 'metered', currency: 'jpy', phases: [{ intervals: 3, unitAmount: '2', quantity: 1, feePercent: '10' }] });
    expect(rehearsalApiVersion(input)).toBe('2025-02-24.acacia');
    expect(scheduleParams(input, { customer: 'cus_1', prices: ['price_a'], metadata: {} }).phases).toEqual([{ items: [{ price: 'price_a' }], application_fee_percent: 10, iterations: 3 }]);
    expect(() => scheduleParams(input, { customer: 'cus_1', prices: [], metadata: {} })).toThrow(/One price per phase/);
  });

  it('refuses bad phases with the field that is wrong', () => {
    const bad = createRehearsalSchema.safeParse(form({ currency: 'jpy', phases: [{ intervals: 0, unitAmount: '1.50', quantity: 1, feePercent: '101' }] }));
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['phases.0.intervals', 'phases.0.feePercent']));
    // The price is checked in the rehearsal's currency: yen take no decimals.
    expect(createRehearsalSchema.safeParse(form({ currency: 'jpy', phases: [{ intervals: 1, unitAmount: '1.50', quantity: 1, feePercent: '5' }] })).error?.issues[0]?.path).toEqual(['phases', 0, 'unitAmount']);
    expect(createRehearsalSchema.safeParse(form({ phases: [] })).success).toBe(false);
  });

  it('says the rehearsal in words', () => {
    expect(describeRehearsal(parse())).toContain('phase 1: 2 months at 3 × $49.00 USD, the platform taking 8%; phase 2: 1 month at 1 × $99.00 USD, the platform taking 7.5%; then the subscription is cancelled');
  });
});

describe('advancing', () => {
  const phases = [
    { start_date: JAN_31, end_date: addInterval(JAN_31, 'month', 1) },
    { start_date: addInterval(JAN_31, 'month', 1), end_date: addInterval(JAN_31, 'month', 4) },
  ];

  it('targets the next phase’s start, then the schedule’s end, then nothing', () => {
    expect(nextPhaseTarget(phases, JAN_31, 'month')).toEqual({ target: phases[1].start_date, phase: 1, capped: false });
    expect(phaseAt(phases, JAN_31 + DAY)).toBe(0);
    // In the last phase, three months long: the end is further than two months, so the limit.
    const inLast = phases[1].start_date;
    expect(phaseAt(phases, inLast)).toBe(1);
    expect(nextPhaseTarget(phases, inLast, 'month')).toEqual({ target: advanceLimit(inLast, 'month'), phase: null, capped: true });
    const nearEnd = phases[1].end_date - DAY;
    expect(nextPhaseTarget(phases, nearEnd, 'month')).toEqual({ target: phases[1].end_date, phase: null, capped: false });
    expect(nextPhaseTarget(phases, phases[1].end_date, 'month')).toBeNull();
    expect(phaseAt(phases, phases[1].end_date)).toBeNull();
  });

  it('limits an advance to two of the interval, as Stripe does', () => {
    expect(advanceLimit(JAN_31, 'week')).toBe(JAN_31 + 14 * DAY);
    // From Jan 31 a month is 28 days away: two of them.
    expect(advanceLimit(JAN_31, 'month')).toBe(JAN_31 + 56 * DAY);
  });

  it('refuses a target that is not after the reviewed time, and a deletion not confirmed by the id', () => {
    expect(advanceClockSchema.safeParse({ account: 'acct_Test123', clockId: 'clock_Test123', fromFrozenTime: JAN_31, toFrozenTime: JAN_31 }).success).toBe(false);
    expect(advanceClockSchema.safeParse({ account: 'acct_Test123', clockId: 'clock_Test123', fromFrozenTime: JAN_31, toFrozenTime: JAN_31 + 1 }).success).toBe(true);
    expect(deleteClockSchema.safeParse({ account: 'acct_Test123', clockId: 'clock_Test123', confirmation: 'clock_Other' }).success).toBe(false);
    expect(deleteClockSchema.safeParse({ account: 'acct_Test123', clockId: 'clock_Test123', confirmation: ' clock_Test123 ' }).success).toBe(true);
  });
});
