// A schedule's row in words, the same on the Billing list and on the account page: where it
// stands among its phases, when the next phase starts, and the platform's fee. Pure, client-safe.
import { utcDay } from '@/lib/dates';
import { plural } from '@/lib/words';
import { SCHEDULE_TAB_LABELS, type ScheduleStatus } from './filters';

/** What the words need of a row (lib/billing/schedules/list-query.ts's ScheduleItem). */
export interface ScheduleFacts {
  status: ScheduleStatus;
  /** 1-based; null before the start. */
  phaseIndex: number | null;
  phaseCount: number;
  nextPhaseAt: number | null;
  feePercent: number | null;
  endedAt: number | null;
}

const ENDED: Partial<Record<ScheduleStatus, string>> = { completed: 'Completed', released: 'Released', canceled: 'Canceled' };

/** "Phase 2 of 3"; "3 phases, not started"; "Released 2026-03-01, after phase 3 of 3"; "Canceled 2026-03-01, before it started". */
export function phaseWords(s: ScheduleFacts): string {
  const of = s.phaseIndex !== null ? `phase ${s.phaseIndex} of ${s.phaseCount}` : null;
  if (s.status === 'active') return of ? `Phase ${s.phaseIndex} of ${s.phaseCount}` : plural(s.phaseCount, 'phase', 'phases');
  if (s.status === 'not_started') return `${plural(s.phaseCount, 'phase', 'phases')}, not started`;
  const when = s.endedAt !== null ? ` ${utcDay(s.endedAt)}` : '';
  return `${ENDED[s.status] ?? SCHEDULE_TAB_LABELS[s.status]}${when}, ${of ? `after ${of}` : 'before it started'}`;
}

/** "Phase 3 from 2026-04-01"; "Starts 2026-04-01"; "Last phase" while the last runs; "—" once ended. */
export function nextPhaseWords(s: ScheduleFacts): string {
  if (s.status === 'not_started') return s.nextPhaseAt !== null ? `Starts ${utcDay(s.nextPhaseAt)}` : '—';
  if (s.status !== 'active') return '—';
  if (s.nextPhaseAt === null) return 'Last phase';
  return s.phaseIndex !== null ? `Phase ${s.phaseIndex + 1} from ${utcDay(s.nextPhaseAt)}` : utcDay(s.nextPhaseAt);
}

/** "8%", "2.5%", or "No fee" (the phase shown takes none for the platform). */
export function feeWords(feePercent: number | null): string {
  return feePercent === null || feePercent === 0 ? 'No fee' : `${feePercent.toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;
}
