'use client';
// Advancing the clock: to the next phase of a schedule on it (or as far toward it as Stripe lets a
// clock with subscriptions move at once), or to a date; a review states the move in words. The
// review keeps the clock's time it was made from, so a clock that moved meanwhile is not moved again.
// An advance whose answer was lost, found made on checking, is said so (`onFoundOut`: the panel
// keeps the words, since this form starts afresh once the clock's time changes).
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ReviewPanel } from '@/components/money/review-panel';
import { useConfirmedAction } from '@/components/money/use-confirmed-action';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { advanceTestClockAction } from '@/lib/billing/test-clocks/actions';
import { testClockKeys } from '@/lib/billing/test-clocks/keys';
import { describeAdvance, nextPhaseTarget, type NextPhaseTarget } from '@/lib/billing/test-clocks/rehearsal';
import { REHEARSAL_INTERVALS } from '@/lib/billing/test-clocks/schemas';
import type { ClockView, RehearsalView } from '@/lib/billing/test-clocks/views';
import { formatTimestamp, parseUtcDateTime, toUtcDateTimeInput } from '@/lib/dates';

type Move = { from: number; to: number; note: string | null };

/** The nearest next boundary among the schedules still running on the clock (advancing moves them all). */
function nextOf(rehearsals: RehearsalView[], frozenTime: number): (NextPhaseTarget & { scheduleId: string }) | null {
  let best: (NextPhaseTarget & { scheduleId: string }) | null = null;
  for (const r of rehearsals) {
    if (r.schedule.status !== 'active' && r.schedule.status !== 'not_started') continue;
    const interval = r.schedule.phases[0]?.items[0]?.interval;
    if (!(REHEARSAL_INTERVALS as readonly string[]).includes(interval ?? '')) continue;
    const next = nextPhaseTarget(
      r.schedule.phases.map((p) => ({ start_date: p.startDate, end_date: p.endDate })),
      frozenTime,
      interval as (typeof REHEARSAL_INTERVALS)[number],
    );
    if (next && (!best || next.target < best.target)) best = { ...next, scheduleId: r.schedule.id };
  }
  return best;
}

export function AdvanceForm({
  account,
  clock,
  rehearsals,
  onFoundOut,
}: {
  account: string;
  clock: ClockView['clock'];
  rehearsals: RehearsalView[];
  /** Words for an advance whose lost answer the console found made; null when a new review opens. */
  onFoundOut: (words: string | null) => void;
}) {
  const queryClient = useQueryClient();
  const id = useId();
  const [date, setDate] = useState(() => toUtcDateTimeInput(clock.frozenTime + 86_400));
  const [problem, setProblem] = useState<string | null>(null);
  const action = useConfirmedAction(
    (move: Move, idempotencyKey: string) => advanceTestClockAction({ account, clockId: clock.id, fromFrozenTime: move.from, toFrozenTime: move.to, idempotencyKey }),
    {
      // Show the move at once (the view then asks every second until the clock is ready).
      onDone: (moved) =>
        queryClient.setQueryData(testClockKeys.view(account, clock.id), (old: ClockView | undefined) =>
          old && moved.status === 'advancing' ? { ...old, clock: { ...old.clock, status: moved.status, advancingTo: moved.target } } : old,
        ),
      onSettled: () =>
        Promise.all([queryClient.invalidateQueries({ queryKey: testClockKeys.view(account, clock.id) }), queryClient.invalidateQueries({ queryKey: testClockKeys.list(account) })]),
      onRecovered: (status) => onFoundOut(`The advance was made, though Stripe’s answer to it was lost (audit entry #${status.auditId}). ${status.resolution ?? ''}`.trim()),
    },
  );
  const review = (move: Move) => {
    onFoundOut(null);
    action.open(move);
  };
  if (action.review) {
    const move = action.review.payload;
    return (
      <ReviewPanel
        sentence={`${describeAdvance(clock.id, move.from, move.to)}${move.note ? ` ${move.note}` : ''}`}
        confirmLabel="Advance the clock"
        tone="primary"
        action={action}
        testId="advance-review"
        tick="I have checked the clock and the time it moves to."
      />
    );
  }
  const ready = clock.status === 'ready';
  const next = nextOf(rehearsals, clock.frozenTime);
  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="advance-form">
      {next ? (
        <Button
          variant="primary"
          disabled={!ready}
          data-testid="advance-next-phase"
          onClick={() =>
            review({
              from: clock.frozenTime,
              to: next.target,
              note: next.capped
                ? 'The next phase is further than a clock with subscriptions may move at once (two billing intervals): advance again from there.'
                : next.phase === null
                  ? `That is the end of the last phase of ${next.scheduleId}.`
                  : `That is the start of phase ${next.phase + 1} of ${next.scheduleId}.`,
            })
          }
        >
          {next.capped ? 'Toward next phase' : next.phase === null ? 'Schedule end' : 'Next phase'}: {formatTimestamp(next.target)}
        </Button>
      ) : null}
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const to = parseUtcDateTime(date);
          if (to === null) return setProblem('Enter a date and time (UTC).');
          if (to <= clock.frozenTime) return setProblem(`Pick a time after ${formatTimestamp(clock.frozenTime)}: a clock cannot go back.`);
          setProblem(null);
          review({ from: clock.frozenTime, to, note: null });
        }}
      >
        <label htmlFor={id} className="flex flex-col gap-1 text-xs font-medium text-neutral-600">
          Or advance to (UTC)
          <Input id={id} type="datetime-local" value={date} onChange={(e) => setDate(e.target.value)} data-testid="advance-date" />
        </label>
        <Button type="submit" disabled={!ready}>
          Review advance
        </Button>
      </form>
      {problem ? (
        <p role="alert" className="w-full text-sm text-mode-live-ink">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
