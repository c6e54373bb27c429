'use client';
// The application fees list: one page from the cache the server prefetched (same query key), in
// our DataTable over TanStack Table, with newer / older cursor links that keep the filters.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import Link from 'next/link';
import type Stripe from 'stripe';
import { AccountRef } from '@/components/accounts/account-ref';
import { CursorPager } from '@/components/data-table/cursor-pager';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { formatTimestamp } from '@/lib/dates';
import { Money } from '@/components/money/money';
import { Badge } from '@/components/ui/badge';
import { feeFiltersQuery, REFUND_STATE_LABELS, refundStateOf, type FeeFilters } from '@/lib/fees/filters';
import { idOf } from '@/lib/stripe/ids';
import { feeQueries } from '@/lib/fees/keys';
import { feeRemaining } from '@/lib/fees/refunds';
import { plural } from '@/lib/words';

const TONE = { none: 'neutral', partial: 'warn', full: 'bad' } as const;

function feeColumns(names: Record<string, string>): DataTableColumn<Stripe.ApplicationFee>[] {
  return [
  {
    id: 'id',
    header: 'Fee',
    cell: ({ row }) => (
      <Link href={`/application-fees/${row.original.id}`} className="font-mono text-[13px] text-brand-600 hover:underline" data-testid="fee-link">
        {row.original.id}
      </Link>
    ),
  },
  {
    id: 'account',
    header: 'Account',
    cell: ({ row }) => {
      const id = idOf(row.original.account);
      return <AccountRef id={id} name={id ? names[id] : undefined} />;
    },
  },
  {
    id: 'charge',
    header: 'Charge',
    // The console has no charge page: the fee's page shows the charge it was taken from.
    cell: ({ row }) => (
      <Link href={`/application-fees/${row.original.id}`} className="font-mono text-[13px] text-brand-600 hover:underline" title="The fee's page shows this charge" data-testid="charge-link">
        {idOf(row.original.charge)}
      </Link>
    ),
  },
  { id: 'amount', header: 'Amount', cell: ({ row }) => <Money amount={row.original.amount} currency={row.original.currency} /> },
  {
    id: 'refunded',
    header: 'Refunded',
    cell: ({ row }) => (
      <span className="inline-flex items-center gap-2 whitespace-nowrap">
        <Money amount={row.original.amount_refunded} currency={row.original.currency} />
        {row.original.amount_refunded > 0 ? <Badge tone={TONE[refundStateOf(row.original)]}>{REFUND_STATE_LABELS[refundStateOf(row.original)]}</Badge> : null}
      </span>
    ),
  },
  { id: 'remaining', header: 'Remaining', cell: ({ row }) => <Money amount={feeRemaining(row.original)} currency={row.original.currency} /> },
  { id: 'created', header: 'Created (UTC)', cell: ({ row }) => <span className="whitespace-nowrap tabular-nums text-neutral-600">{formatTimestamp(row.original.created).slice(0, 16)}</span> },
  ];
}

export function FeesTable({ filters }: { filters: FeeFilters }) {
  const { data, error, isFetching } = useQuery(feeQueries.list(filters));
  const names = data?.accountNames;
  const columns = useMemo(() => feeColumns(names ?? {}), [names]);
  if (error) return <p role="alert" className="text-sm text-mode-live-ink">The fees could not be read: {error.message}</p>;
  const page = (cursor: { after?: string; before?: string }) => `/application-fees${feeFiltersQuery({ ...filters, after: undefined, before: undefined, ...cursor })}`;
  const summary = !data
    ? 'Loading…'
    : data.filtered
      ? `${data.items.length} matching on this page (looked at ${plural(data.scanned, 'fee', 'fees')}${data.partial ? `; stopped at ${data.budget}, go older for more` : ''})`
      : `${plural(data.items.length, 'fee', 'fees')} on this page`;
  return (
    <div className="space-y-3" aria-busy={isFetching}>
      <DataTable columns={columns} data={data?.items ?? []} getRowId={(fee) => fee.id} empty={data ? 'No application fees match these filters.' : 'Loading…'} label="Application fees" testId="fees-table" />
      <CursorPager newerHref={data?.prev ? page({ before: data.prev }) : null} olderHref={data?.next ? page({ after: data.next }) : null} summary={summary} />
    </div>
  );
}
