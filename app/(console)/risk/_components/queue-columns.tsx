'use client';
// The risk queue's columns: the score, the account (a link to its case), the reasons in words, its
// country and type, the case (status, assignee, escalation) and the newest signal. The server
// sorts (score, newest signal, waiting since); the other columns say so by not sorting.
import { createColumnHelper } from '@tanstack/react-table';
import { AccountRef } from '@/components/accounts/account-ref';
import type { DataTableFeatures } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';
import { formatTimestamp } from '@/lib/dates';
import type { QueueItem } from '@/lib/risk/queue';
import { QUEUE_TAB_LABELS, SIGNAL_LABELS, type QueueSort } from '@/lib/risk/queue-filters';

const column = createColumnHelper<DataTableFeatures, QueueItem>();

/** The table's sortable columns and the server's sort for each. */
export const SORT_OF_QUEUE_COLUMN: Record<string, QueueSort> = { score: 'score', newest: 'newest_signal', case: 'opened' };

function scoreTone(score: number): 'bad' | 'warn' | 'neutral' {
  if (score >= 60) return 'bad';
  return score >= 25 ? 'warn' : 'neutral';
}

/** The reasons a score is made of: the points and the words of each. */
function Reasons({ reasons, testId }: { reasons: QueueItem['reasons']; testId: string }) {
  return (
    <ul className="space-y-1 text-sm sm:min-w-64 sm:max-w-xl" data-testid={testId}>
      {reasons.map((reason) => (
        <li key={reason.kind} className="flex items-baseline gap-2" data-kind={reason.kind} data-testid="queue-reason">
          <span className="w-8 shrink-0 text-right text-xs tabular-nums text-neutral-500" title={`${reason.points} points: ${SIGNAL_LABELS[reason.kind]}`} data-testid="queue-points">
            +{reason.points}
          </span>
          <span className="text-neutral-800">{reason.words}</span>
        </li>
      ))}
      {reasons.length === 0 ? <li className="text-neutral-500">No signal any more</li> : null}
    </ul>
  );
}

export const QUEUE_COLUMNS = column.columns([
  column.accessor('score', {
    header: 'Score',
    sortFn: 'basic',
    cell: (info) => (
      <span className="tabular-nums">
        <Badge tone={scoreTone(info.getValue())} data-testid="queue-score">
          {info.getValue()}
        </Badge>
      </span>
    ),
  }),
  column.accessor('accountId', {
    id: 'account',
    header: 'Account',
    enableSorting: false,
    sortFn: 'alphanumeric',
    cell: (info) => {
      const { name, accountId } = info.row.original;
      return (
        <div className="w-56 space-y-2 sm:w-44">
          {/* Not prefetched: a case page reads the account live from Stripe; 25 of them at once would be a burst for nothing. */}
          <AccountRef id={accountId} name={name} href={`/risk/accounts/${encodeURIComponent(accountId)}`} dense prefetch={false} className="w-full min-w-0" testId="queue-account" />
          {/* On a phone the reasons sit under the account, not in a column off the screen's edge. */}
          <div className="sm:hidden">
            <Reasons reasons={info.row.original.reasons} testId="queue-reasons-phone" />
          </div>
        </div>
      );
    },
  }),
  column.accessor((item) => item.reasons.map((r) => r.words).join('; '), {
    id: 'reasons',
    header: 'Why',
    enableSorting: false,
    sortFn: 'text',
    cell: (info) => (
      <div className="hidden sm:block">
        <Reasons reasons={info.row.original.reasons} testId="queue-reasons" />
      </div>
    ),
  }),
  column.accessor((item) => item.country ?? '', { id: 'country', header: 'Country', enableSorting: false, sortFn: 'text' }),
  column.accessor((item) => item.type ?? '', { id: 'type', header: 'Type', enableSorting: false, sortFn: 'text', cell: (info) => <span className="capitalize">{info.getValue()}</span> }),
  column.accessor((item) => item.openedAt ?? '', {
    id: 'case',
    header: 'Case',
    sortFn: 'text',
    cell: (info) => {
      const item = info.row.original;
      return (
        <div className="flex flex-col items-start gap-1 text-xs" data-testid="queue-case">
          <span className="flex flex-wrap gap-1">
            <Badge tone={item.caseStatus === 'open' ? 'brand' : 'neutral'}>{QUEUE_TAB_LABELS[item.caseStatus]}</Badge>
            {item.escalated ? <Badge tone="warn">Escalated</Badge> : null}
          </span>
          <span className="text-neutral-600">{item.caseStatus === 'decided' ? '' : (item.assigneeName ?? 'Unassigned')}</span>
          {item.openedAt && item.caseStatus !== 'decided' ? <span className="whitespace-nowrap text-neutral-500">since {formatTimestamp(Date.parse(item.openedAt) / 1000)}</span> : null}
        </div>
      );
    },
  }),
  column.accessor((item) => item.newestSignalAt ?? 0, {
    id: 'newest',
    header: 'Newest signal',
    sortFn: 'basic',
    cell: (info) => <span className="whitespace-nowrap text-xs text-neutral-600">{info.getValue() ? formatTimestamp(info.getValue()) : '—'}</span>,
  }),
]);
