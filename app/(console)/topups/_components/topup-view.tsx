'use client';
// One top-up: amount, status (and why it failed), when the money becomes available, its source and
// balance transaction; the cancel button while it is pending, for roles that may cancel.
import { useQuery } from '@tanstack/react-query';
import { formatTimestamp } from '@/lib/dates';
import { FactList, IdText } from '@/components/money/fact-list';
import { MetadataList } from '@/components/money/metadata-editor';
import { Money } from '@/components/money/money';
import { RefreshFailed } from '@/components/outcomes/refresh-failed';
import { idOf } from '@/lib/stripe/ids';
import { topupQueries } from '@/lib/topups/keys';
import { CancelTopup } from './cancel-topup';
import { TopupStatusBadge } from './topup-status';

export function TopupView({ id, canCancel }: { id: string; canCancel: boolean }) {
  const { data: topup, error } = useQuery(topupQueries.detail(id));
  // A failed refresh keeps what was read (and the outcome of an action in its form) on screen.
  if (!topup) return error ? <p role="alert" className="text-sm text-mode-live-ink">The top-up could not be read: {error.message}</p> : <p className="text-sm text-neutral-500">Loading…</p>;
  const source = topup.source;
  return (
    <div className="space-y-6">
      {error ? <RefreshFailed error={error} what="The top-up" /> : null}
      <TopupStatusBadge status={topup.status} />
      <FactList
        facts={[
          { label: 'Amount', value: <Money amount={topup.amount} currency={topup.currency} />, testId: 'topup-amount-shown' },
          { label: 'Status', value: topup.status + (topup.failure_message ? `: ${topup.failure_message}` : '') },
          { label: 'Expected available', value: topup.expected_availability_date ? formatTimestamp(topup.expected_availability_date).slice(0, 10) : '—' },
          { label: 'Description', value: topup.description ?? '—' },
          { label: 'Statement descriptor', value: topup.statement_descriptor ?? '—' },
          { label: 'Source', value: source ? `${source.ach_debit?.bank_name ?? source.type} ${source.ach_debit?.last4 ? `•••• ${source.ach_debit.last4}` : ''}` : 'The platform’s bank account' },
          { label: 'Balance transaction', value: <IdText id={idOf(topup.balance_transaction)} /> },
          { label: 'Created', value: formatTimestamp(topup.created) },
          { label: 'Metadata', value: <MetadataList metadata={topup.metadata} /> },
        ]}
      />
      {canCancel && topup.status === 'pending' ? (
        <section className="rounded-lg border border-neutral-200 bg-surface p-4">
          <h2 className="mb-2 text-sm font-semibold text-neutral-900">Cancel</h2>
          <p className="mb-3 text-sm text-neutral-600">A pending top-up can be cancelled until the bank transfer settles.</p>
          <CancelTopup topup={topup} />
        </section>
      ) : null}
    </div>
  );
}
