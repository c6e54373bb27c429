// What a schedule's phases will still produce for the platform, as an estimate: for each billing
// period still to start, the licensed items' price × quantity × the phase's fee percentage, in
// minor units per currency (rounded as Stripe rounds an application_fee_percent). Metered items
// bill on usage, so their share is not estimated, only named. And where each phase sits on a
// timeline. Pure and client-safe.
import { periodStarts, type PhaseFacts } from './phases';

export type ProjectedPeriod = { start: number; amount: number; currency: string };

export type PhaseProjection = {
  index: number;
  periods: ProjectedPeriod[];
  /** Minor units per currency over the periods still to come. */
  totals: Record<string, number>;
  /** Metered items whose fee depends on usage (none, or their names). */
  metered: string[];
};

/** The platform's fee on one licensed period of a phase, in minor units (half up, as Stripe rounds the percentage). */
export function periodFee(phase: PhaseFacts): number {
  if (phase.feePercent === null) return 0;
  const total = phase.items.reduce((sum, item) => (item.price.usageType === 'licensed' && item.price.unitAmount !== null ? sum + item.price.unitAmount * (item.quantity ?? 1) : sum), 0);
  return Math.round((total * phase.feePercent) / 100);
}

/**
 * The periods each phase has still to bill, after `now` (the schedule's time: its test clock's, if
 * any). Only a schedule that is not started or active will bill again; for the others, nothing.
 * A period that started at or before `now` is billed already (in advance).
 */
export function projectSchedule(phases: readonly PhaseFacts[], status: string, now: number): PhaseProjection[] {
  const live = status === 'active' || status === 'not_started';
  return phases.map((phase) => {
    const fee = periodFee(phase);
    const periods = live && phase.end > now ? periodStarts(phase).filter((start) => start > now).map((start) => ({ start, amount: fee, currency: phase.currency })) : [];
    const totals: Record<string, number> = {};
    for (const p of periods) totals[p.currency] = (totals[p.currency] ?? 0) + p.amount;
    const metered = live && phase.end > now && phase.feePercent !== null ? phase.items.filter((i) => i.price.usageType === 'metered').map((i) => i.price.name ?? i.price.id) : [];
    return { index: phase.index, periods, totals, metered };
  });
}

/** The sums of several per-currency totals. */
export function addTotals(totals: readonly Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of totals) for (const [currency, amount] of Object.entries(t)) out[currency] = (out[currency] ?? 0) + amount;
  return out;
}

export type TimelineBar = { index: number; left: number; width: number };
export type Timeline = { bars: TimelineBar[]; now: number | null; from: number; to: number };

/**
 * Where each phase sits on a bar from the first phase's start to the last one's end, in percent
 * (two decimals), and `now` on it when it falls inside (else null).
 */
export function timeline(phases: readonly Pick<PhaseFacts, 'index' | 'start' | 'end'>[], now: number): Timeline {
  if (phases.length === 0) return { bars: [], now: null, from: now, to: now };
  const from = Math.min(...phases.map((p) => p.start));
  const to = Math.max(...phases.map((p) => p.end));
  const span = Math.max(1, to - from);
  const pct = (t: number) => Math.round(((t - from) / span) * 10_000) / 100;
  return {
    bars: phases.map((p) => ({ index: p.index, left: pct(p.start), width: Math.round((pct(p.end) - pct(p.start)) * 100) / 100 })),
    now: now >= from && now <= to ? pct(now) : null,
    from,
    to,
  };
}

/** What the review says of the fees still to come: their sums, how many periods, whether usage adds to them. */
export type FutureFees = { totals: Record<string, number>; periods: number; metered: boolean };

export function futureFees(projections: readonly PhaseProjection[]): FutureFees {
  return {
    totals: addTotals(projections.map((p) => p.totals)),
    periods: projections.reduce((n, p) => n + p.periods.length, 0),
    metered: projections.some((p) => p.metered.length > 0),
  };
}
