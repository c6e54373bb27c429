// What the cancel and release dialogs say once a change is done: this dialog's own request, or an
// earlier request the dialog followed because it blocked this one (the release a second tab sent
// while this tab's cancellation waited), which is named for what it did. Client-safe, pure.
export type ScheduleChangeKind = 'cancel' | 'release';

const DONE: Record<ScheduleChangeKind, { action: string; past: string; noun: string }> = {
  cancel: { action: 'subscription_schedule.cancel', past: 'cancelled', noun: 'cancellation' },
  release: { action: 'subscription_schedule.release', past: 'released', noun: 'release' },
};

/** `found`: the request the console found done after following it (null: this dialog's own answer). */
export function scheduleChangeDone(kind: ScheduleChangeKind, found: { action: string; auditId: number } | null): string {
  const other = (Object.keys(DONE) as ScheduleChangeKind[]).find((k) => k !== kind && DONE[k].action === found?.action);
  if (!found || !other) return `The schedule is ${DONE[kind].past}.`;
  return `An earlier request (audit entry #${found.auditId}) ${DONE[other].past} the schedule, so this ${DONE[kind].noun} was not sent. The schedule is ${DONE[other].past}.`;
}
