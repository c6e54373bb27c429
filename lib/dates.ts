// Stripe timestamps (seconds since the epoch) as the console shows them: always UTC, so two
// operators in different places read the same time. Pure, client-safe.

/** A Stripe timestamp as "2026-01-31 14:05 UTC". */
export function formatTimestamp(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().replace('T', ' ').slice(0, 16)} UTC`;
}

/** A Stripe timestamp's UTC day, "2026-01-31". */
export function utcDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/** A Stripe timestamp that may be missing, as its UTC day ("2026-05-31") or with the time ("2026-05-31 14:02 UTC"); "—" when missing. */
export function formatDate(seconds: number | null | undefined, withTime = false): string {
  if (seconds === null || seconds === undefined) return '—';
  return withTime ? formatTimestamp(seconds) : utcDay(seconds);
}

/** A calendar interval of recurring billing, as Stripe names it. */
export type CalendarInterval = 'day' | 'week' | 'month' | 'year';

/** `seconds` moved forward by `count` intervals in UTC; months and years keep the day of month, clamped to the month's last day (as Stripe bills). */
export function addInterval(seconds: number, interval: CalendarInterval, count: number): number {
  if (interval === 'day') return seconds + count * 86_400;
  if (interval === 'week') return seconds + count * 7 * 86_400;
  const d = new Date(seconds * 1000);
  const months = interval === 'month' ? count : count * 12;
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return Math.floor(target.getTime() / 1000);
}

/** A date-time field's value ("2026-01-31T14:05", read as UTC) to a Stripe timestamp; null when it is not one. */
export function parseUtcDateTime(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  const back = new Date(ms);
  // 2026-02-31 is not a day: Date.UTC would roll it into March.
  if (back.getUTCMonth() !== Number(mo) - 1 || back.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59) return null;
  return Math.floor(ms / 1000);
}

/** A Stripe timestamp as a date-time field's value in UTC ("2026-01-31T14:05"). */
export function toUtcDateTimeInput(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 16);
}
