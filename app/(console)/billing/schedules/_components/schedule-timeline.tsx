// The phases on one bar, from the first phase's start to the last one's end, with a mark at the
// schedule's time (its test clock's, if any). Positions come from lib/billing/schedules/projection.
import clsx from 'clsx';
import { utcDay } from '@/lib/dates';
import type { PhaseFacts } from '@/lib/billing/schedules/phases';
import { timeline } from '@/lib/billing/schedules/projection';

export function ScheduleTimeline({ phases, now, current }: { phases: PhaseFacts[]; now: number; current: number | null }) {
  const line = timeline(phases, now);
  if (line.bars.length === 0) return null;
  return (
    <figure className="space-y-1" data-testid="schedule-timeline">
      <div className="relative h-10 w-full overflow-hidden rounded-md border border-neutral-200 bg-neutral-50" aria-hidden="true">
        {line.bars.map((bar) => {
          const phase = phases[bar.index]!;
          return (
            <div
              key={bar.index}
              className={clsx('absolute inset-y-0 flex items-center overflow-hidden border-r border-surface px-2 text-xs font-medium whitespace-nowrap', bar.index === current ? 'bg-brand-solid text-white' : bar.index % 2 === 0 ? 'bg-brand-50 text-brand-700' : 'bg-neutral-200 text-neutral-800')}
              style={{ left: `${bar.left}%`, width: `${bar.width}%` }}
            >
              {/* Narrow bars (a phone, a short phase) keep the number and the fee; the phases are in words below. */}
              <span className="truncate">
                <span className="hidden sm:inline">Phase </span>
                {bar.index + 1}
                {phase.feePercent === null ? '' : ` · ${phase.feePercent}%`}
              </span>
            </div>
          );
        })}
        {line.now === null ? null : <div className="absolute inset-y-0 w-0.5 bg-mode-live-ink" style={{ left: `${line.now}%` }} data-testid="timeline-now" />}
      </div>
      <figcaption className="flex flex-wrap justify-between gap-x-3 text-xs text-neutral-500">
        <span>{utcDay(line.from)}</span>
        <span>{line.now === null ? (now < line.from ? `Now (${utcDay(now)}) is before the first phase` : `Now (${utcDay(now)}) is after the last phase`) : `Red mark: now, ${utcDay(now)}`}</span>
        <span>{utcDay(line.to)}</span>
      </figcaption>
    </figure>
  );
}
