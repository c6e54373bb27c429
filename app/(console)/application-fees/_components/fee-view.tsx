'use client';
// One application fee: its amounts (refunded and left), where it came from, the refund form for
// those who may refund, and its refunds with their metadata. Reads the cache the page prefetched.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatTimestamp } from '@/lib/dates';
import { FactList, IdText } from '@/components/money/fact-list';
import { MetadataList } from '@/components/money/metadata-editor';
import { Money } from '@/components/money/money';
import { Badge } from '@/components/ui/badge';
import { RefreshFailed } from '@/components/outcomes/refresh-failed';
import { REFUND_STATE_LABELS, refundStateOf } from '@/lib/fees/filters';
import { idOf } from '@/lib/stripe/ids';
import { feeQueries } from '@/lib/fees/keys';
import { feeRemaining } from '@/lib/fees/refunds';
import { RefundFeeForm } from './refund-fee-form';
import { RefundMetadataForm } from './refund-metadata-form';
import { riskObjectHref } from '@/lib/risk/object-keys';

const TONE = { none: 'neutral', partial: 'warn', full: 'bad' } as const;

export function FeeView({ id, canRefund, canOpenAccount, canOpenCharge }: { id: string; canRefund: boolean; canOpenAccount: boolean; canOpenCharge: boolean }) {
  const { data, error } = useQuery(feeQueries.detail(id));
  // A failed refresh keeps what was read (and the outcome of an action in its form) on screen.
  if (!data) return error ? <p role="alert" className="text-sm text-mode-live-ink">The fee could not be read: {error.message}</p> : <p className="text-sm text-neutral-500">Loading…</p>;
  const { fee, refunds } = data;
  const account = idOf(fee.account);
  const charge = idOf(fee.charge);
  const origin = idOf(fee.originating_transaction);
  const state = refundStateOf(fee);
  const objectLink = (objectId: string | null, href: string | null) =>
    objectId && href ? (
      <Link href={href} className="font-mono text-[13px] text-brand-600 hover:underline">
        {objectId}
      </Link>
    ) : (
      <IdText id={objectId} />
    );

  return (
    <div className="space-y-6">
      {error ? <RefreshFailed error={error} what="The fee" /> : null}
      <div className="flex items-center gap-2">
        <Badge tone={TONE[state]} data-testid="fee-state">
          {REFUND_STATE_LABELS[state]}
        </Badge>
      </div>
      <FactList
        facts={[
          { label: 'Amount', value: <Money amount={fee.amount} currency={fee.currency} />, testId: 'fee-amount' },
          { label: 'Refunded', value: <Money amount={fee.amount_refunded} currency={fee.currency} />, testId: 'fee-refunded' },
          { label: 'Left to refund', value: <Money amount={feeRemaining(fee)} currency={fee.currency} />, testId: 'fee-remaining' },
          { label: 'Collected from', value: objectLink(account, canOpenAccount && account ? `/accounts/${account}` : null), testId: 'fee-account' },
          { label: 'Charge', value: objectLink(charge, canOpenCharge && charge?.startsWith('ch_') ? riskObjectHref('charges', charge, account) : null), testId: 'fee-charge' },
          { label: 'Originating transaction', value: objectLink(origin, canOpenCharge && origin?.startsWith('ch_') ? riskObjectHref('charges', origin, account) : null) },
          { label: 'Balance transaction', value: <IdText id={idOf(fee.balance_transaction)} /> },
          { label: 'Created', value: formatTimestamp(fee.created) },
          { label: 'Currency', value: fee.currency.toUpperCase() },
        ]}
      />
      {canRefund ? (
        <section aria-labelledby="refund-heading" className="rounded-lg border border-neutral-200 bg-surface p-4">
          <h2 id="refund-heading" className="mb-3 text-sm font-semibold text-neutral-900">
            Refund this fee
          </h2>
          <RefundFeeForm fee={fee} />
        </section>
      ) : null}
      <section aria-labelledby="refunds-heading">
        <h2 id="refunds-heading" className="text-sm font-semibold text-neutral-900">
          Refunds
        </h2>
        {refunds.length === 0 ? (
          <p className="mt-2 text-sm text-neutral-500">No refunds yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-neutral-200 rounded-lg border border-neutral-200 bg-surface" data-testid="fee-refunds">
            {refunds.map((refund) => (
              <li key={refund.id} id={refund.id} className="space-y-2 px-4 py-3 text-sm" data-testid="fee-refund">
                <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
                  <Link href={`/application-fees/refunds/${refund.id}`} className="font-mono text-[13px] text-brand-600 hover:underline">
                    {refund.id}
                  </Link>
                  <Money amount={refund.amount} currency={refund.currency} className="font-medium" />
                  <span className="text-neutral-500">{formatTimestamp(refund.created)}</span>
                </div>
                <MetadataList metadata={refund.metadata} />
                {canRefund ? <RefundMetadataForm feeId={fee.id} refundId={refund.id} metadata={refund.metadata} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
