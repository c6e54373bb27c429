'use client';
// The Payouts list's columns: the payout (its id, automatic or on demand, and a failure in words),
// the connected account, its status, the amount, the arrival date and when it was made. The server
// sorts (arrival date, created, amount); the other columns say so by not sorting. On a phone the
// status, amount and arrival sit under the payout's id.
import { createColumnHelper } from '@tanstack/react-table';
import Link from 'next/link';
import type { DataTableFeatures } from '@/components/data-table/data-table';
import { PayoutFailure, PayoutStatusBadge } from '@/components/payouts/payout-parts';
import { utcDay } from '@/lib/dates';
import { formatMoney } from '@/lib/money';
import type { PayoutSort } from '@/lib/payouts/filters';
import type { PayoutItem } from '@/lib/payouts/list-query';
import { arrivalWords } from '@/lib/payouts/words';

const column = createColumnHelper<DataTableFeatures, PayoutItem>();

/** The table's sortable columns and the server's sort for each. */
export const SORT_OF_PAYOUT_COLUMN: Record<string, PayoutSort> = { arrival: 'arrival_date', amount: 'amount', created: 'created' };

const arrival = (item: PayoutItem) => (item.arrivalDate === null ? '—' : utcDay(item.arrivalDate));

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
              {formatMoney(item.amount, item.currency)} · {arrivalWords(item)}
            </p>
          </div>
        </div>
      );
    },
  }),
  column.accessor('account', {
    header: 'Account',
    enableSorting: false,
    sortFn: 'alphanumeric',
    cell: (info) => {
      const { account, accountName } = info.row.original;
      return (
        <Link href={`/accounts/${encodeURIComponent(account)}`} prefetch={false} className="group inline-flex max-w-48 flex-col leading-tight" data-testid="payout-account">
          {accountName ? (
            <span className="truncate text-sm text-neutral-900 group-hover:underline" title={accountName}>
              {accountName}
            </span>
          ) : null}
          <span className={`font-mono text-xs ${accountName ? 'text-neutral-500' : 'text-brand-600 group-hover:underline'}`}>{account}</span>
        </Link>
      );
    },
  }),
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
    cell: (info) => (
      <span className="hidden whitespace-nowrap tabular-nums sm:inline" data-testid="payout-amount">
        {formatMoney(info.getValue(), info.row.original.currency)}
      </span>
    ),
  }),
  column.accessor((item) => item.arrivalDate ?? 0, {
    id: 'arrival',
    header: 'Arrival',
    sortFn: 'basic',
    cell: (info) => <span className="hidden whitespace-nowrap text-xs text-neutral-700 sm:inline">{arrival(info.row.original)}</span>,
  }),
  column.accessor('created', {
    header: 'Created',
    sortFn: 'basic',
    cell: (info) => <span className="whitespace-nowrap text-xs text-neutral-600">{utcDay(info.getValue())}</span>,
  }),
]);
