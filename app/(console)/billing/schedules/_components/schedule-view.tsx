'use client';
// One subscription schedule: status in words, customer, account, end behaviour; the phases on a
// timeline and one by one with the fees each produced and will produce; the place for metered
// usage; and, for roles that may manage billing, cancel and release (refused states said first).
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { FactList, IdText } from '@/components/money/fact-list';
import { RefreshFailed } from '@/components/outcomes/refresh-failed';
import { Badge } from '@/components/ui/badge';
import { phaseFacts } from '@/lib/billing/schedules/facts';
import { scheduleQueries } from '@/lib/billing/schedules/keys';
import { endBehaviorSentence, phaseIndexAt, STATUS_LABELS, statusSentence } from '@/lib/billing/schedules/phases';
import { futureFees, projectSchedule } from '@/lib/billing/schedules/projection';
import { formatTimestamp } from '@/lib/dates';
import { UsageSection } from '../../_components/usage-section';
import { ScheduleActions } from './schedule-actions';
import { SchedulePhase } from './schedule-phase';
import { ScheduleTimeline } from './schedule-timeline';

const TONES = { active: 'good', not_started: 'brand', completed: 'neutral', released: 'neutral', canceled: 'bad' } as const;

export function ScheduleView({ id, accountId, canManage, canOpenAccount, canOpenFees }: { id: string; accountId: string; canManage: boolean; canOpenAccount: boolean; canOpenFees: boolean }) {
  const { data, error } = useQuery(scheduleQueries.detail(id, accountId));
  if (!data) return error ? <p role="alert" className="text-sm text-mode-live-ink">The schedule could not be read: {error.message}</p> : <p className="text-sm text-neutral-500">Loading…</p>;
  const { schedule } = data;
  const phases = phaseFacts(schedule, data.prices);
  const live = schedule.status === 'active' || schedule.status === 'not_started';
  const current = live ? phaseIndexAt(phases, data.now) : null;
  const projections = projectSchedule(phases, schedule.status, data.now);
  const status = schedule.status;
  return (
    <div className="space-y-6">
      {error ? <RefreshFailed error={error} what="The schedule" /> : null}
      <div className="space-y-1">
        <Badge tone={(TONES as Record<string, 'good' | 'brand' | 'neutral' | 'bad'>)[status] ?? 'neutral'} data-testid="schedule-status">
          {(STATUS_LABELS as Record<string, string>)[status] ?? status}
        </Badge>
        <p className="text-sm text-neutral-700" data-testid="schedule-status-sentence">
          {statusSentence(status)}
        </p>
      </div>
      <FactList
        facts={[
          {
            label: 'Customer',
            value: data.customer ? (
              <span title={data.customer.email ?? undefined}>
                {data.customer.name ?? data.customer.email ?? ''} <IdText id={data.customer.id} />
              </span>
            ) : (
              '—'
            ),
          },
          {
            label: 'Connected account',
            value: canOpenAccount ? (
              <Link href={`/accounts/${encodeURIComponent(data.accountId)}`} className="text-brand-600 hover:underline" data-testid="schedule-account">
                {data.accountName ?? data.accountId}
              </Link>
            ) : (
              <span data-testid="schedule-account">{data.accountName ?? data.accountId}</span>
            ),
          },
          { label: 'End behaviour', value: schedule.end_behavior === 'cancel' ? 'Cancel the subscription' : 'Release the subscription' },
          { label: 'Current phase', value: current === null ? 'None' : `Phase ${current + 1} of ${phases.length}`, testId: 'schedule-current-phase' },
          { label: 'Subscription', value: <IdText id={data.subscriptionId} /> },
          { label: 'Created', value: formatTimestamp(schedule.created) },
          ...(data.testClock
            ? [{ label: 'Test clock', value: `${data.testClock.name ?? data.testClock.id}: its time is ${formatTimestamp(data.testClock.frozenTime)}` }]
            : []),
          ...(schedule.canceled_at ? [{ label: 'Cancelled', value: formatTimestamp(schedule.canceled_at) }] : []),
          ...(schedule.released_at ? [{ label: 'Released', value: formatTimestamp(schedule.released_at) }] : []),
          ...(schedule.completed_at ? [{ label: 'Completed', value: formatTimestamp(schedule.completed_at) }] : []),
        ]}
      />
      <p className="text-sm text-neutral-600">{endBehaviorSentence(schedule.end_behavior)}</p>

      <section className="space-y-3" aria-labelledby="phases-title">
        <h2 id="phases-title" className="text-base font-semibold text-neutral-900">
          Phases
        </h2>
        <ScheduleTimeline phases={phases} now={data.now} current={current} />
        <p className="text-xs text-neutral-500">
          Fees produced are the platform’s application fees on the charges that paid each phase’s invoices. Fees to come are an estimate from the prices, quantities and fee percentage of the periods still to start
          {data.testClock ? ' (from the test clock’s time)' : ''}; metered usage is not estimated.
          {data.invoicesTruncated ? ' Only the latest 100 invoices were read.' : ''}
        </p>
        {phases.map((phase) => (
          <SchedulePhase
            key={phase.index}
            phase={phase}
            current={phase.index === current}
            invoices={data.invoices.filter((i) => i.phaseIndex === phase.index)}
            projection={projections[phase.index]!}
            canOpenFees={canOpenFees}
          />
        ))}
      </section>

      {data.meteredItems.length > 0 ? (
        <section className="space-y-3" aria-labelledby="usage-title">
          <h2 id="usage-title" className="text-base font-semibold text-neutral-900">
            Metered usage
          </h2>
          {data.meteredItems.map((item) => (
            <UsageSection key={item.id} account={data.accountId} subscriptionItem={item.id} />
          ))}
        </section>
      ) : null}

      <ScheduleActions schedule={{ id, accountId, status, subscriptionId: data.subscriptionId }} future={futureFees(projections)} canManage={canManage} />
    </div>
  );
}
