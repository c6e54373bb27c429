'use client';
// The Payouts list's columns: the payout (its id, automatic or on demand, and a failure in words),
// the connected account, its status, the amount, the arrival date and when it was made. The server
// sorts (arrival date, created, amount); the other columns say so by not sorting. On a phone the
// status, amount and arrival sit under the payout's id.
import { createColumnHelper } from '@tanstack/react-table';
import type { DataTableFeatures } from '@/components/data-table/data-table';
import { accountColumn, createdColumn, DayCell } from '@/components/data-table/index-list-columns';
import { Money } from '@/components/money/money';
import { PayoutFailure, PayoutStatusBadge } from '@/components/payouts/payout-parts';
import { formatMoney } from '@/lib/money';
import type { PayoutSort } from '@/lib/payouts/filters';
import type { PayoutItem } from '@/lib/payouts/list-query';
import { arrivalWords } from '@/lib/payouts/words';

const column = createColumnHelper<DataTableFeatures, PayoutItem>();

/** The table's sortable columns and the server's sort for each. */
export const SORT_OF_PAYOUT_COLUMN: Record<string, PayoutSort> = { arrival: 'arrival_date', amount: 'amount', created: 'created' };

export const PAYOUT_COLUMNS = column.columns([
  column.accessor('id', {
    header: 'Payout',
    enableSorting: false,
    sortFn: 'alphanumeric',
    cell: (info) => {
      const item = info.row.original;
      return (
        <div className="w-52 space-y-1">
          <code className="break-all font-mono text-xs" data-testid="payout-id">
            {item.id}
          </code>
          <p className="text-xs text-neutral-500">{item.automatic ? 'Automatic, by schedule' : 'On demand'}</p>
          <PayoutFailure status={item.status} failureCode={item.failureCode} />
          {/* On a phone the rest of the row sits here, not in columns off the screen's edge. */}
          <div className="space-y-1 text-xs text-neutral-700 sm:hidden">
            <PayoutStatusBadge status={item.status} />
            <p>
              <span className="whitespace-nowrap">{formatMoney(item.amount, item.currency)}</span> · <span className="whitespace-nowrap">{arrivalWords(item)}</span>
            </p>
          </div>
        </div>
      );
    },
  }),
  accountColumn<PayoutItem>('payout-account'),
  column.accessor('status', {
    header: 'Status',
    enableSorting: false,
    sortFn: 'text',
    cell: (info) => (
      <div className="hidden sm:block">
        <PayoutStatusBadge status={info.getValue()} />
      </div>
    ),
  }),
  column.accessor('amount', {
    id: 'amount',
    header: 'Amount',
    sortFn: 'basic',
    cell: (info) => <Money amount={info.getValue()} currency={info.row.original.currency} className="hidden sm:inline" testId="payout-amount" />,
  }),
  column.accessor((item) => item.arrivalDate ?? 0, {
    id: 'arrival',
    header: 'Arrival',
    sortFn: 'basic',
    cell: (info) => <DayCell seconds={info.row.original.arrivalDate} className="hidden text-neutral-700 sm:inline" />,
  }),
  createdColumn<PayoutItem>(),
]);
