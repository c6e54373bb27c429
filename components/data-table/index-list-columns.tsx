'use client';
// Columns the lists of index rows about connected accounts' objects (Billing, Payouts) show alike:
// the account a row belongs to, and the day it was made; and the UTC day a cell shows. Each list
// names its own testId so its journeys find its cells.
import { createColumnHelper } from '@tanstack/react-table';
import clsx from 'clsx';
import type { DataTableFeatures } from './data-table';
import { AccountRef } from '@/components/accounts/account-ref';
import { utcDay } from '@/lib/dates';

/** A Stripe timestamp's UTC day in a cell ("2026-01-31"), a dash for none. */
export function DayCell({ seconds, className = 'text-neutral-600' }: { seconds: number | null; className?: string }) {
  return <span className={clsx('whitespace-nowrap text-xs', className)}>{seconds === null ? '—' : utcDay(seconds)}</span>;
}

/** The connected account a row belongs to: its name over its id, opening its page (not prefetched: it reads Stripe live). */
export function accountColumn<T extends { account: string; accountName: string | null }>(testId: string) {
  const column = createColumnHelper<DataTableFeatures, T>();
  return column.accessor((item) => item.account, {
    id: 'account',
    header: 'Account',
    enableSorting: false,
    sortFn: 'alphanumeric',
    cell: (info) => <AccountRef id={info.row.original.account} name={info.row.original.accountName} dense prefetch={false} className="max-w-48" testId={testId} />,
  });
}

/** When the row's object was made, its UTC day (a server sort). */
export function createdColumn<T extends { created: number }>() {
  const column = createColumnHelper<DataTableFeatures, T>();
  return column.accessor((item) => item.created, {
    id: 'created',
    header: 'Created',
    sortFn: 'basic',
    cell: (info) => <DayCell seconds={info.getValue()} />,
  });
}
