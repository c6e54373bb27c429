// A subscription schedule's parts as the Billing list and the account page's Billing section both
// show them: its status as a badge, and the link to its own page (on its connected account).
import Link from 'next/link';
import { StatusBadge, type BadgeTone } from '@/components/ui/badge';
import { SCHEDULE_TAB_LABELS, scheduleHref, type ScheduleStatus } from '@/lib/billing/schedules/filters';

const TONES: Record<ScheduleStatus, BadgeTone> = {
  not_started: 'brand',
  active: 'good',
  completed: 'neutral',
  released: 'neutral',
  canceled: 'warn',
};

export function ScheduleStatusBadge({ status }: { status: ScheduleStatus }) {
  return <StatusBadge status={status} labels={SCHEDULE_TAB_LABELS} tones={TONES} testId="schedule-status" />;
}

/** The schedule's id, opening its page; not prefetched (that page reads Stripe live). */
export function ScheduleLink({ id, account }: { id: string; account: string }) {
  return (
    <Link href={scheduleHref(id, account)} prefetch={false} className="break-all font-mono text-xs text-brand-600 hover:underline" data-testid="schedule-link">
      {id}
    </Link>
  );
}
