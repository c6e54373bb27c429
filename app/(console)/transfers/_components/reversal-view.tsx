'use client';
// One transfer reversal: amount, its transfer and destination (linked), description and metadata.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatTimestamp } from '@/lib/dates';
import { FactList, IdText } from '@/components/money/fact-list';
import { MetadataList } from '@/components/money/metadata-editor';
import { Money } from '@/components/money/money';
import { idOf } from '@/lib/stripe/ids';
import { transferQueries } from '@/lib/transfers/keys';
import { ReversalEditForm } from './reversal-edit-form';

export function ReversalView({ id, canEdit }: { id: string; canEdit: boolean }) {
  const { data, error } = useQuery(transferQueries.reversal(id));
  if (error) return <p role="alert" className="text-sm text-mode-live-ink">The reversal could not be read: {error.message}</p>;
  if (!data) return <p className="text-sm text-neutral-500">Loading…</p>;
  const { reversal, transfer } = data;
  return (
    <div className="space-y-6">
      <FactList
        facts={[
          { label: 'Amount', value: <Money amount={reversal.amount} currency={reversal.currency} /> },
          {
            label: 'Transfer',
            value: (
              <Link href={`/transfers/${transfer.id}`} className="font-mono text-[13px] text-brand-600 hover:underline">
                {transfer.id}
              </Link>
            ),
          },
          { label: 'Taken back from', value: <IdText id={idOf(transfer.destination)} /> },
          { label: 'Created', value: formatTimestamp(reversal.created) },
          { label: 'Balance transaction', value: <IdText id={idOf(reversal.balance_transaction)} /> },
          { label: 'Refund of the destination payment', value: <IdText id={idOf(reversal.destination_payment_refund)} /> },
        ]}
      />
      <section className="space-y-2 rounded-lg border border-neutral-200 bg-surface p-4">
        <h2 className="text-sm font-semibold text-neutral-900">Description and metadata</h2>
        <MetadataList metadata={reversal.metadata} />
        {canEdit ? <ReversalEditForm transferId={transfer.id} reversalId={reversal.id} metadata={reversal.metadata} /> : null}
      </section>
    </div>
  );
}
