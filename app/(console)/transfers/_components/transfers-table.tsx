'use client';
// The transfers list: one page from the cache the server prefetched, with cursor links that keep the filters.
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
import { idOf } from '@/lib/stripe/ids';
import { REVERSED_STATE_LABELS, reversedStateOf, transferFiltersQuery, type TransferFilters } from '@/lib/transfers/filters';
import { transferQueries } from '@/lib/transfers/keys';
import { transferRemaining } from '@/lib/transfers/reversals';
import { plural } from '@/lib/words';

const TONE = { none: 'neutral', partial: 'warn', full: 'bad' } as const;

function transferColumns(names: Record<string, string>): DataTableColumn<Stripe.Transfer>[] {
  return [
  {
    id: 'id',
    header: 'Transfer',
    cell: ({ row }) => (
      <Link href={`/transfers/${row.original.id}`} className="font-mono text-[13px] text-brand-600 hover:underline" data-testid="transfer-link">
        {row.original.id}
      </Link>
    ),
  },
  {
    id: 'destination',
    header: 'Destination',
    cell: ({ row }) => {
      const id = idOf(row.original.destination);
      return <AccountRef id={id} name={id ? names[id] : undefined} />;
    },
  },
  { id: 'amount', header: 'Amount', cell: ({ row }) => <Money amount={row.original.amount} currency={row.original.currency} /> },
  {
    id: 'reversed',
    header: 'Reversed',
    cell: ({ row }) => (
      <span className="inline-flex items-center gap-2 whitespace-nowrap">
        <Money amount={row.original.amount_reversed} currency={row.original.currency} />
        {row.original.amount_reversed > 0 ? <Badge tone={TONE[reversedStateOf(row.original)]}>{REVERSED_STATE_LABELS[reversedStateOf(row.original)]}</Badge> : null}
      </span>
    ),
  },
  { id: 'remaining', header: 'Remaining', cell: ({ row }) => <Money amount={transferRemaining(row.original)} currency={row.original.currency} /> },
  { id: 'group', header: 'Group', cell: ({ row }) => <span className="font-mono text-xs text-neutral-600">{row.original.transfer_group ?? '—'}</span> },
  { id: 'created', header: 'Created (UTC)', cell: ({ row }) => <span className="whitespace-nowrap tabular-nums text-neutral-600">{formatTimestamp(row.original.created).slice(0, 16)}</span> },
  ];
}

export function TransfersTable({ filters }: { filters: TransferFilters }) {
  const { data, error, isFetching } = useQuery(transferQueries.list(filters));
  const names = data?.accountNames;
  const columns = useMemo(() => transferColumns(names ?? {}), [names]);
  if (error) return <p role="alert" className="text-sm text-mode-live-ink">The transfers could not be read: {error.message}</p>;
  const page = (cursor: { after?: string; before?: string }) => `/transfers${transferFiltersQuery({ ...filters, after: undefined, before: undefined, ...cursor })}`;
  const summary = !data
    ? 'Loading…'
    : data.filtered
      ? `${data.items.length} matching on this page (looked at ${plural(data.scanned, 'transfer', 'transfers')}${data.partial ? `; stopped at ${data.budget}, go older for more` : ''})`
      : `${plural(data.items.length, 'transfer', 'transfers')} on this page`;
  return (
    <div className="space-y-3" aria-busy={isFetching}>
      <DataTable columns={columns} data={data?.items ?? []} getRowId={(t) => t.id} empty={data ? 'No transfers match these filters.' : 'Loading…'} label="Transfers" testId="transfers-table" />
      <CursorPager newerHref={data?.prev ? page({ before: data.prev }) : null} olderHref={data?.next ? page({ after: data.next }) : null} summary={summary} />
    </div>
  );
}
