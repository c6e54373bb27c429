'use client';
// Cancel and release, for roles that may manage billing. A schedule that is no longer not started
// or active cannot be changed: that is said before anything is sent, and the buttons are disabled.
import { refusalFor } from '@/lib/billing/schedules/phases';
import type { FutureFees } from '@/lib/billing/schedules/projection';
import { ScheduleChangeDialog, type ScheduleRef } from './schedule-change-dialog';

export function ScheduleActions({ schedule, future, canManage }: { schedule: ScheduleRef & { status: string }; future: FutureFees; canManage: boolean }) {
  if (!canManage) return null;
  const refusal = refusalFor(schedule.status, 'cancel');
  return (
    <section className="space-y-3 rounded-lg border border-neutral-200 bg-surface p-4" aria-labelledby="schedule-actions-title">
      <h2 id="schedule-actions-title" className="text-sm font-semibold text-neutral-900">
        Cancel or release
      </h2>
      <p className="text-sm text-neutral-600" data-testid="schedule-actions-note">
        {refusal
          ? `${refusal} Neither can be undone, so both are shown but disabled.`
          : 'Cancelling stops the subscription now; releasing lets the subscription go on by itself without the phases still to come. Neither can be undone.'}
      </p>
      <div className="flex flex-wrap gap-2">
        <ScheduleChangeDialog kind="release" schedule={schedule} future={future} disabled={refusal !== null} />
        <ScheduleChangeDialog kind="cancel" schedule={schedule} future={future} disabled={refusal !== null} />
      </div>
    </section>
  );
}
