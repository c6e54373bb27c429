// The account's subscription schedules (the Billing section), from the console's index, in the
// Billing list's words: status, phase, next phase, the platform's fee, each opening its schedule.
import Link from 'next/link';
import { ScheduleLink, ScheduleStatusBadge } from '@/components/billing/schedule-parts';
import type { ScheduleListResult } from '@/lib/billing/schedules/keys';
import { scheduleFiltersQuery } from '@/lib/billing/schedules/filters';
import { feeWords, nextPhaseWords, phaseWords } from '@/lib/billing/schedules/list-words';
import { utcDay } from '@/lib/dates';
import { plural } from '@/lib/words';

export function BillingBody({ accountId, result }: { accountId: string; result: ScheduleListResult }) {
  const all = `/billing${scheduleFiltersQuery({ account: accountId })}`;
  if (result.items.length === 0) {
    return (
      <p className="text-sm text-neutral-600" data-testid="billing-empty">
        No subscription schedule on this account: the platform has not made one here, so none of its application fees come from a subscription.
      </p>
    );
  }
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-neutral-200 text-sm" data-testid="account-schedules">
        {result.items.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2" data-testid="account-schedule">
            <ScheduleLink id={s.id} account={s.account} />
            <ScheduleStatusBadge status={s.status} />
            <span className="text-neutral-800" data-testid="schedule-phase">
              {phaseWords(s)}
            </span>
            <span className="text-neutral-600" data-testid="schedule-next">
              {nextPhaseWords(s)}
            </span>
            <span className="ml-auto flex items-center gap-3">
              {s.customer ? <code className="font-mono text-xs text-neutral-500">{s.customer}</code> : null}
              <span className="text-neutral-600">
                fee{' '}
                <span className="tabular-nums text-neutral-900" data-testid="schedule-fee" title="The platform's application fee on this phase">
                  {feeWords(s.feePercent)}
                </span>
              </span>
              <span className="text-xs text-neutral-500">{utcDay(s.created)}</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="text-xs text-neutral-600">
        {result.next ? `The newest ${result.items.length} of ${plural(result.counts.all, 'schedule', 'schedules')}. ` : ''}
        <Link href={all} className="text-brand-600 hover:underline" data-testid="account-schedules-all">
          This account&rsquo;s schedules in Billing
        </Link>
      </p>
    </div>
  );
}
