// The columns a subscription schedule's list filters and sorts on, derived from the schedule as
// Stripe gives it: which phase runs (or ran last) out of how many, when the next one starts, the
// platform's fee percentage on that phase, and when the schedule ended. Pure.
//
// "The phase": the current one while `active` (Stripe's `current_phase` names it by its dates);
// none before the start (`not_started`: the next phase is the first, and the fee shown is the
// first phase's, the one that will apply); after the end, the last phase that had started by then.

type Phase = { start_date?: unknown; end_date?: unknown; application_fee_percent?: unknown };

export interface ScheduleColumns {
  customer: string | null;
  /** 1-based; null before the schedule starts. */
  phaseIndex: number | null;
  phaseCount: number | null;
  nextPhaseAt: number | null;
  feePercent: number | null;
  endedAt: number | null;
}

export const NO_SCHEDULE_COLUMNS: ScheduleColumns = { customer: null, phaseIndex: null, phaseCount: null, nextPhaseAt: null, feePercent: null, endedAt: null };

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const idOf = (v: unknown): string | null => (typeof v === 'string' ? v : v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : null);

/** The 0-based index of the phase that runs (or ran last before `endedAt`); -1 for none. */
function phasePosition(status: unknown, phases: Phase[], current: { start_date?: unknown } | null, endedAt: number | null): number {
  if (status === 'not_started') return -1;
  if (current && typeof current.start_date === 'number') {
    const i = phases.findIndex((p) => p.start_date === current.start_date);
    if (i >= 0) return i;
  }
  if (endedAt === null) return -1;
  // Ended: the last phase that had started when it ended.
  let last = -1;
  for (const [i, p] of phases.entries()) if (typeof p.start_date === 'number' && p.start_date <= endedAt) last = i;
  return last;
}

export function scheduleColumns(o: Record<string, unknown>): ScheduleColumns {
  const phases = Array.isArray(o.phases) ? (o.phases as Phase[]) : [];
  const current = (o.current_phase ?? null) as { start_date?: unknown } | null;
  const endedAt = num(o.canceled_at) ?? num(o.completed_at) ?? num(o.released_at);
  const position = phasePosition(o.status, phases, current, endedAt);
  const next = o.status === 'not_started' ? phases[0] : o.status === 'active' && position >= 0 ? phases[position + 1] : undefined;
  const feeFrom = position >= 0 ? phases[position] : o.status === 'not_started' ? phases[0] : undefined;
  return {
    customer: idOf(o.customer),
    phaseIndex: position >= 0 ? position + 1 : null,
    phaseCount: phases.length,
    nextPhaseAt: num(next?.start_date),
    feePercent: num(feeFrom?.application_fee_percent),
    endedAt,
  };
}
