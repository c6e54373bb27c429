// A subscription schedule's phases as the console reads them: the facts of each phase (dates,
// prices, quantities, the platform's fee percentage), which phase runs at a moment, the billing
// periods inside a phase, and the words for statuses, prices and phases. Pure and client-safe:
// the page, the fee page's link and the projection all read phases through these.
import { utcDay } from '@/lib/dates';
import { formatMoney } from '@/lib/money';
import { plural } from '@/lib/words';

export const SCHEDULE_STATUSES = ['not_started', 'active', 'completed', 'released', 'canceled'] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

export type Interval = 'day' | 'week' | 'month' | 'year';

/** What the console needs of a price (Stripe's Price, read with the schedule's `Stripe-Account`). */
export type PriceFacts = {
  id: string;
  name: string | null;
  unitAmount: number | null;
  currency: string;
  interval: Interval;
  intervalCount: number;
  usageType: 'licensed' | 'metered';
};

export type PhaseItemFacts = { price: PriceFacts; quantity: number | null };

export type PhaseFacts = {
  /** 0-based position in the schedule; words say "phase 1" for index 0. */
  index: number;
  start: number;
  end: number;
  currency: string;
  /** The platform's share of each invoice (application_fee_percent), or null when it takes none. */
  feePercent: number | null;
  items: PhaseItemFacts[];
};

export const STATUS_LABELS: Record<ScheduleStatus, string> = {
  not_started: 'Not started',
  active: 'Active',
  completed: 'Completed',
  released: 'Released',
  canceled: 'Cancelled',
};

/** The status in a sentence: what it means for the subscription and the platform's fees. */
export function statusSentence(status: string): string {
  switch (status) {
    case 'not_started':
      return 'Not started: the first phase has not begun, so there is no subscription yet and no fee has been produced.';
    case 'active':
      return 'Active: the schedule runs its subscription phase by phase; each paid invoice produces an application fee for the platform.';
    case 'completed':
      return 'Completed: every phase ran and the subscription was cancelled at the end, as the schedule said. It produces no more fees.';
    case 'released':
      return 'Released: the schedule let go of its subscription, which renews on its own now. The schedule produces no more fees.';
    case 'canceled':
      return 'Cancelled: the schedule and its subscription were stopped. It produces no more fees.';
    default:
      return `Status ${status}.`;
  }
}

/** Whether the schedule can still be cancelled or released (Stripe refuses both in the other statuses). */
export function canChange(status: string): boolean {
  return status === 'not_started' || status === 'active';
}

/** Why cancel or release is refused for this status, in Stripe's terms; null when allowed. */
export function refusalFor(status: string, verb: 'cancel' | 'release'): string | null {
  if (canChange(status)) return null;
  const label = (STATUS_LABELS as Record<string, string>)[status]?.toLowerCase() ?? status;
  return `This schedule is ${label}: a schedule can be ${verb === 'cancel' ? 'cancelled' : 'released'} only while it is not started or active.`;
}

export function endBehaviorSentence(endBehavior: string): string {
  if (endBehavior === 'cancel') return 'At the end of the last phase the subscription is cancelled (end behaviour: cancel).';
  if (endBehavior === 'release') return 'At the end of the last phase the subscription is released and renews on its own, outside the schedule (end behaviour: release).';
  return `End behaviour: ${endBehavior}.`;
}

export function intervalWords(interval: Interval, count: number): string {
  return count === 1 ? `a ${interval}` : `every ${count} ${interval}s`;
}

export function priceWords(price: PriceFacts): string {
  const amount = price.unitAmount === null ? 'an amount not set' : formatMoney(price.unitAmount, price.currency);
  const every = intervalWords(price.interval, price.intervalCount);
  return price.usageType === 'metered' ? `${amount} per unit used, billed ${every} on usage` : `${amount} ${every}`;
}

export function itemWords(item: PhaseItemFacts): string {
  const name = item.price.name ?? item.price.id;
  if (item.price.usageType === 'metered') return `${name} (metered: ${priceWords(item.price)})`;
  return `${item.quantity ?? 1} × ${name} (${priceWords(item.price)})`;
}

export function feePercentWords(percent: number | null): string {
  return percent === null ? 'the platform takes no application fee' : `the platform takes ${percent}%`;
}

/** "Phase 2, from 2026-08-10 to 2027-08-10: 3 × Starter (…) and API calls (metered …); the platform takes 8%." */
export function phaseSentence(phase: PhaseFacts): string {
  const items = phase.items.map(itemWords);
  const list = items.length <= 1 ? (items[0] ?? 'no items') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
  return `Phase ${phase.index + 1}, from ${utcDay(phase.start)} to ${utcDay(phase.end)}: ${list}; ${feePercentWords(phase.feePercent)}.`;
}

/** The phase running at `t` (start inclusive, end exclusive), or null before the first and after the last. */
export function phaseIndexAt(phases: readonly Pick<PhaseFacts, 'start' | 'end'>[], t: number): number | null {
  const found = phases.findIndex((p) => p.start <= t && t < p.end);
  return found === -1 ? null : found;
}

/**
 * The phase an invoice made at `t` belongs to: the one running then. An invoice at the very end of
 * the last phase (the usage billed in arrears when it ends) is the last phase's; one before the
 * first phase (none should be) the first's.
 */
export function phaseOfInvoice(phases: readonly Pick<PhaseFacts, 'start' | 'end'>[], t: number): number {
  if (phases.length === 0) return 0;
  const running = phaseIndexAt(phases, t);
  if (running !== null) return running;
  return t < phases[0].start ? 0 : phases.length - 1;
}

/**
 * `t` moved on by `count` intervals, as Stripe bills: months and years keep the anchor's day of the
 * month, clamped to the month's last day (an anchor on the 31st bills on 30 April). UTC.
 */
export function addInterval(anchor: number, interval: Interval, count: number): number {
  const d = new Date(anchor * 1000);
  if (interval === 'day' || interval === 'week') return anchor + count * (interval === 'day' ? 1 : 7) * 86_400;
  const months = interval === 'month' ? count : count * 12;
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return Math.floor(target.getTime() / 1000);
}

/** The billing interval of a phase: its first licensed price's (else its first price's). */
export function phaseInterval(phase: PhaseFacts): { interval: Interval; count: number } | null {
  const price = (phase.items.find((i) => i.price.usageType === 'licensed') ?? phase.items[0])?.price;
  return price ? { interval: price.interval, count: price.intervalCount } : null;
}

/** The starts of the billing periods inside a phase: each phase starts a new period (the emulator's and this schedule's anchor). */
export function periodStarts(phase: PhaseFacts, max = 1000): number[] {
  const every = phaseInterval(phase);
  if (!every) return [];
  const starts: number[] = [];
  for (let n = 0, t = phase.start; t < phase.end && n < max; n++, t = addInterval(phase.start, every.interval, every.count * n)) {
    starts.push(t);
  }
  return starts;
}

export function phaseCountWords(n: number): string {
  return plural(n, 'phase', 'phases');
}
