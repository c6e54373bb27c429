'use client';
// One fee refund: amount, the fee it refunds (linked), when, and its metadata.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatTimestamp } from '@/lib/dates';
import { FactList, IdText } from '@/components/money/fact-list';
import { MetadataList } from '@/components/money/metadata-editor';
import { Money } from '@/components/money/money';
import { idOf } from '@/lib/stripe/ids';
import { feeQueries } from '@/lib/fees/keys';
import { RefundMetadataForm } from './refund-metadata-form';

export function FeeRefundView({ id, canEdit }: { id: string; canEdit: boolean }) {
  const { data, error } = useQuery(feeQueries.refund(id));
  if (error) return <p role="alert" className="text-sm text-mode-live-ink">The refund could not be read: {error.message}</p>;
  if (!data) return <p className="text-sm text-neutral-500">Loading…</p>;
  const { refund, fee } = data;
  return (
    <div className="space-y-6">
      <FactList
        facts={[
          { label: 'Amount', value: <Money amount={refund.amount} currency={refund.currency} /> },
          {
            label: 'Fee',
            value: (
              <Link href={`/application-fees/${fee.id}`} className="font-mono text-[13px] text-brand-600 hover:underline">
                {fee.id}
              </Link>
            ),
          },
          { label: 'Collected from', value: <IdText id={idOf(fee.account)} /> },
          { label: 'Created', value: formatTimestamp(refund.created) },
          { label: 'Balance transaction', value: <IdText id={idOf(refund.balance_transaction)} /> },
        ]}
      />
      <section className="space-y-2 rounded-lg border border-neutral-200 bg-surface p-4">
        <h2 className="text-sm font-semibold text-neutral-900">Metadata</h2>
        <MetadataList metadata={refund.metadata} />
        {canEdit ? <RefundMetadataForm feeId={fee.id} refundId={refund.id} metadata={refund.metadata} /> : null}
      </section>
    </div>
  );
}
