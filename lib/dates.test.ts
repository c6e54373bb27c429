import { describe, expect, it } from 'vitest';
import { addInterval, formatDate, formatTimestamp, parseUtcDateTime, toUtcDateTimeInput, utcDay } from './dates';

// 2026-01-31 23:59:30 UTC: late in the day, so a local-time slip would show another date.
const LATE = Date.UTC(2026, 0, 31, 23, 59, 30) / 1000;

describe('dates', () => {
  it('shows Stripe times in UTC, to the minute', () => {
    expect(formatTimestamp(LATE)).toBe('2026-01-31 23:59 UTC');
    expect(utcDay(LATE)).toBe('2026-01-31');
  });

  it('formatDate shows a missing time as a dash, a day, or a day and time', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate(undefined, true)).toBe('—');
    expect(formatDate(LATE)).toBe('2026-01-31');
    expect(formatDate(LATE, true)).toBe('2026-01-31 23:59 UTC');
  });

  it('adds months as Stripe bills: the day of month kept, clamped to a shorter month', () => {
    expect(utcDay(addInterval(LATE, 'month', 1))).toBe('2026-02-28');
    expect(utcDay(addInterval(LATE, 'week', 1))).toBe('2026-02-07');
  });

  it('reads back what it writes into a date-time input', () => {
    expect(parseUtcDateTime(toUtcDateTimeInput(LATE))).toBe(LATE - 30);
  });
});
