'use client';
// The Billing list's columns: the schedule (a link to its page, with its customer), the connected
// account, its status and phase in words, the next phase's start, the platform's fee and when it
// was made. The server sorts (created, next phase, fee); the other columns say so by not sorting.
// On a phone the status, phase, next phase and fee sit under the schedule's id.
import { createColumnHelper } from '@tanstack/react-table';
import type { DataTableFeatures } from '@/components/data-table/data-table';
import { accountColumn, createdColumn } from '@/components/data-table/index-list-columns';
import { ScheduleLink, ScheduleStatusBadge } from '@/components/billing/schedule-parts';
import type { ScheduleSort } from '@/lib/billing/schedules/filters';
import { feeWords, nextPhaseWords, phaseWords } from '@/lib/billing/schedules/list-words';
import type { ScheduleItem } from '@/lib/billing/schedules/list-query';

const column = createColumnHelper<DataTableFeatures, ScheduleItem>();

/** The table's sortable columns and the server's sort for each. */
export const SORT_OF_SCHEDULE_COLUMN: Record<string, ScheduleSort> = { next: 'next_phase', fee: 'fee_percent', created: 'created' };

export const SCHEDULE_COLUMNS = column.columns([
  column.accessor('id', {
    header: 'Schedule',
    enableSorting: false,
    sortFn: 'alphanumeric',
    cell: (info) => {
      const item = info.row.original;
      return (
        <div className="w-48 space-y-1">
          <ScheduleLink id={item.id} account={item.account} />
          {item.customer ? (
            <p className="break-all text-xs text-neutral-500">
              for <code className="font-mono">{item.customer}</code>
            </p>
          ) : null}
          {/* On a phone the rest of the row sits here, not in columns off the screen's edge. */}
          <div className="space-y-1 text-xs text-neutral-700 sm:hidden">
            <ScheduleStatusBadge status={item.status} />
            <p>{phaseWords(item)}</p>
            <p>
              {item.status === 'active' || item.status === 'not_started' ? `${nextPhaseWords(item)} · ` : ''}fee {feeWords(item.feePercent)}
            </p>
          </div>
        </div>
      );
    },
  }),
  accountColumn<ScheduleItem>('schedule-account'),
  column.accessor('status', {
    header: 'Status',
    enableSorting: false,
    sortFn: 'text',
    cell: (info) => (
      <div className="hidden space-y-1 sm:block">
        <ScheduleStatusBadge status={info.getValue()} />
        <p className="whitespace-nowrap text-xs text-neutral-700" data-testid="schedule-phase">
          {phaseWords(info.row.original)}
        </p>
      </div>
    ),
  }),
  column.accessor((item) => item.nextPhaseAt ?? 0, {
    id: 'next',
    header: 'Next phase',
    sortFn: 'basic',
    cell: (info) => (
      <span className="whitespace-nowrap text-xs text-neutral-700" data-testid="schedule-next">
        {nextPhaseWords(info.row.original)}
      </span>
    ),
  }),
  column.accessor((item) => item.feePercent ?? -1, {
    id: 'fee',
    header: 'Fee',
    sortFn: 'basic',
    cell: (info) => (
      <span className="whitespace-nowrap tabular-nums" data-testid="schedule-fee">
        {feeWords(info.row.original.feePercent)}
      </span>
    ),
  }),
  createdColumn<ScheduleItem>(),
]);
