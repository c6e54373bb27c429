'use client';
// The top-ups list: one page from the cache the server prefetched, with status filter and cursor links in the URL.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type Stripe from 'stripe';
import { CursorPager } from '@/components/data-table/cursor-pager';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { formatTimestamp } from '@/lib/dates';
import { Money } from '@/components/money/money';
import { TopupStatusBadge } from './topup-status';
import { topupFiltersQuery, type TopupFilters } from '@/lib/topups/filters';
import { topupQueries } from '@/lib/topups/keys';
import { plural } from '@/lib/words';

const columns: DataTableColumn<Stripe.Topup>[] = [
  {
    id: 'id',
    header: 'Top-up',
    cell: ({ row }) => (
      <Link href={`/topups/${row.original.id}`} className="font-mono text-[13px] text-brand-600 hover:underline" data-testid="topup-link">
        {row.original.id}
      </Link>
    ),
  },
  { id: 'amount', header: 'Amount', cell: ({ row }) => <Money amount={row.original.amount} currency={row.original.currency} /> },
  { id: 'status', header: 'Status', cell: ({ row }) => <TopupStatusBadge status={row.original.status} /> },
  { id: 'description', header: 'Description', cell: ({ row }) => <span className="block max-w-xs truncate text-neutral-700" title={row.original.description ?? undefined}>{row.original.description ?? '—'}</span> },
  {
    id: 'available',
    header: 'Expected available',
    cell: ({ row }) => <span className="tabular-nums text-neutral-600">{row.original.expected_availability_date ? formatTimestamp(row.original.expected_availability_date).slice(0, 10) : '—'}</span>,
  },
  { id: 'created', header: 'Created (UTC)', cell: ({ row }) => <span className="whitespace-nowrap tabular-nums text-neutral-600">{formatTimestamp(row.original.created).slice(0, 16)}</span> },
];

export function TopupsTable({ filters }: { filters: TopupFilters }) {
  const { data, error, isFetching } = useQuery(topupQueries.list(filters));
  if (error) return <p role="alert" className="text-sm text-mode-live-ink">The top-ups could not be read: {error.message}</p>;
  const page = (cursor: { after?: string; before?: string }) => `/topups${topupFiltersQuery({ ...filters, after: undefined, before: undefined, ...cursor })}`;
  return (
    <div className="space-y-3" aria-busy={isFetching}>
      <DataTable columns={columns} data={data?.items ?? []} getRowId={(t) => t.id} empty={data ? 'No top-ups match these filters.' : 'Loading…'} label="Top-ups" testId="topups-table" />
      <CursorPager
        newerHref={data?.prev ? page({ before: data.prev }) : null}
        olderHref={data?.next ? page({ after: data.next }) : null}
        summary={data ? `${plural(data.items.length, 'top-up', 'top-ups')} on this page` : 'Loading…'}
      />
    </div>
  );
}
