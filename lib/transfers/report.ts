// The reversals report's arithmetic: whether a period can be served whole, totals per currency,
// the chart's bars (per UTC day, or per month over a long period) and its CSV. A report is always
// for exactly the period asked, complete, or refused with the reason: never a shorter period or a
// part of it. Amounts stay in minor units and are never added across currencies. Pure.
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

/** The report as the page, its data route and its CSV receive it. */
export interface ReversalsReport {
  /** The period served: always the one asked. */
  from: string;
  to: string;
  /** Every reversal of the period, newest first; empty when refused. */
  items: ReportReversal[];
  /** Why the period cannot be served whole; null when `items` is the whole period. */
  refusal: string | null;
}

/** The longest period one report serves: three years of UTC days. */
export const REPORT_MAX_DAYS = 1096;
/** The most reversals one report reads; a period holding more is refused, never cut. */
export const REPORT_MAX_REVERSALS = 5000;
/** Up to this many days the chart has a bar per day; beyond, a bar per month. */
export const DAILY_BARS_MAX_DAYS = 92;

const DAY_MS = 86_400_000;

/** How many UTC days the period holds, both ends included. */
export function periodDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** Why a period is too long for one report, or null. Checked before anything is read. */
export function periodRefusal(from: string, to: string): string | null {
  const days = periodDays(from, to);
  if (days <= REPORT_MAX_DAYS) return null;
  return `The period from ${from} to ${to} is ${days} days long; one report covers at most ${REPORT_MAX_DAYS} days (three years). Nothing is shown for a shorter period instead: choose a period of at most ${REPORT_MAX_DAYS} days.`;
}

/** Why a period holding more reversals than one report reads is refused. */
export function tooManyRefusal(from: string, to: string, max = REPORT_MAX_REVERSALS): string {
  return `The period from ${from} to ${to} holds more than ${max.toLocaleString('en-US')} reversals, more than one report reads. No totals are shown, since they would leave some out: choose a shorter period.`;
}

/**
 * Reads the period's reversals whole: the answer holds every one of them, or none and the reason
 * (the period too long, or more than `max` reversals in it). `source` is read only when needed.
 */
export async function readReport(from: string, to: string, source: () => AsyncIterable<ReportReversal>, max = REPORT_MAX_REVERSALS): Promise<ReversalsReport> {
  const long = periodRefusal(from, to);
  if (long) return { from, to, items: [], refusal: long };
  const items: ReportReversal[] = [];
  for await (const reversal of source()) {
    if (items.length >= max) return { from, to, items: [], refusal: tooManyRefusal(from, to, max) };
    items.push(reversal);
  }
  return { from, to, items, refusal: null };
}

/** Every UTC day from `from` to `to`, both included ("2026-01-30", "2026-01-31"). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end && days.length <= REPORT_MAX_DAYS; t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
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

/** One bar of the chart: the UTC days it covers (within the period), and what was reversed in them. */
export interface ChartBar {
  /** "2026-03-01" for a day, "2026-03" for a month. */
  label: string;
  first: string;
  last: string;
  amount: number;
  count: number;
}

/**
 * The chart's bars for one currency: a bar per UTC day of the period (empty days included), or,
 * over a period longer than DAILY_BARS_MAX_DAYS, a bar per calendar month (cut to the period).
 */
export function chartBars(reversals: ReportReversal[], currency: string, from: string, to: string): ChartBar[] {
  const monthly = periodDays(from, to) > DAILY_BARS_MAX_DAYS;
  const bars = new Map<string, ChartBar>();
  for (const day of daysBetween(from, to)) {
    const label = monthly ? day.slice(0, 7) : day;
    const bar = bars.get(label);
    if (bar) bar.last = day;
    else bars.set(label, { label, first: day, last: day, amount: 0, count: 0 });
  }
  for (const r of reversals) {
    if (r.currency !== currency) continue;
    const day = utcDay(r.created);
    const bar = bars.get(monthly ? day.slice(0, 7) : day);
    if (!bar || day < from || day > to) continue;
    bar.amount += r.amount;
    bar.count += 1;
  }
  return [...bars.values()];
}

/** The amount axis: three values from 0 to the largest bar, in whole minor units. */
export function amountTicks(bars: ChartBar[]): number[] {
  const max = Math.max(0, ...bars.map((b) => b.amount));
  return [0, Math.round(max / 2), max];
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
