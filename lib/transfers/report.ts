// The reversals report's arithmetic: totals per currency and per UTC day over a chosen period,
// and its CSV. Amounts stay in minor units and are never added across currencies. Pure.
import { csvLine } from '@/lib/http/csv';
import { toInputValue } from '@/lib/money';
import { utcDay } from '@/lib/dates';

export interface ReportReversal {
  id: string;
  transfer: string;
  destination: string | null;
  amount: number;
  currency: string;
  created: number;
}

export interface CurrencyTotal {
  currency: string;
  amount: number;
  count: number;
}

export interface DayBar {
  day: string;
  amount: number;
  count: number;
}

/** Every UTC day from `from` to `to`, both included ("2026-01-30", "2026-01-31"). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end && days.length < 1000; t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** Totals per currency, largest count first. */
export function totalsByCurrency(reversals: ReportReversal[]): CurrencyTotal[] {
  const totals = new Map<string, CurrencyTotal>();
  for (const r of reversals) {
    const t = totals.get(r.currency) ?? { currency: r.currency, amount: 0, count: 0 };
    t.amount += r.amount;
    t.count += 1;
    totals.set(r.currency, t);
  }
  return [...totals.values()].sort((a, b) => b.count - a.count || a.currency.localeCompare(b.currency));
}

/** One bar per day of the period (empty days included) for one currency. */
export function dailyTotals(reversals: ReportReversal[], currency: string, from: string, to: string): DayBar[] {
  const bars = new Map(daysBetween(from, to).map((day) => [day, { day, amount: 0, count: 0 }]));
  for (const r of reversals) {
    if (r.currency !== currency) continue;
    const bar = bars.get(utcDay(r.created));
    if (!bar) continue;
    bar.amount += r.amount;
    bar.count += 1;
  }
  return [...bars.values()];
}

/** The default period: the last 30 UTC days up to `now`. */
export function defaultPeriod(now: Date): { from: string; to: string } {
  const to = now.toISOString().slice(0, 10);
  const from = new Date(now.getTime() - 29 * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

export function reversalsCsv(reversals: ReportReversal[]): string {
  const head = ['id', 'created_utc', 'transfer', 'destination', 'currency', 'amount_minor', 'amount'];
  const rows = reversals.map((r) =>
    csvLine([r.id, new Date(r.created * 1000).toISOString(), r.transfer, r.destination, r.currency.toUpperCase(), r.amount, toInputValue(r.amount, r.currency)]),
  );
  return csvLine(head) + rows.join('');
}
