// What cancelling or releasing a schedule is, for a four-eyes policy (lib/approvals): the review
// sentence (the same words the dialog shows) and the schedule's state, compared again at approval.
import 'server-only';
import type { Assessment, Snapshot } from '@/lib/approvals/assessment';
import { phaseIndexAt, STATUS_LABELS } from './phases';
import { readScheduleFacts } from './queries';
import { describeCancel, describeRelease, type CancelScheduleInput, type ReleaseScheduleInput } from './schemas';

function state(facts: Awaited<ReturnType<typeof readScheduleFacts>>): Snapshot {
  const current = phaseIndexAt(facts.phases, facts.now);
  return {
    Status: (STATUS_LABELS as Record<string, string>)[facts.schedule.status] ?? facts.schedule.status,
    'Current phase': current === null ? 'none' : current + 1,
    Phases: facts.phases.length,
    'End behaviour': facts.schedule.end_behavior,
  };
}

export async function assessScheduleCancel(input: CancelScheduleInput): Promise<Assessment> {
  const facts = await readScheduleFacts(input.scheduleId, input.accountId);
  return { targetId: input.scheduleId, subject: {}, summary: describeCancel(input, facts.subscriptionId, facts.future), snapshot: state(facts) };
}

export async function assessScheduleRelease(input: ReleaseScheduleInput): Promise<Assessment> {
  const facts = await readScheduleFacts(input.scheduleId, input.accountId);
  return { targetId: input.scheduleId, subject: {}, summary: describeRelease(input, facts.subscriptionId, facts.future), snapshot: state(facts) };
}
