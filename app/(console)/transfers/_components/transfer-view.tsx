'use client';
// One transfer: amounts (reversed and left), destination (linked), source transaction, balance
// transaction, the reverse form for those who may reverse, and its reversals. Reads the cache the
// page prefetched.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatTimestamp } from '@/lib/dates';
import { FactList, IdText } from '@/components/money/fact-list';
import { MetadataList } from '@/components/money/metadata-editor';
import { Money } from '@/components/money/money';
import { Badge } from '@/components/ui/badge';
import { RefreshFailed } from '@/components/outcomes/refresh-failed';
import { idOf } from '@/lib/stripe/ids';
import { REVERSED_STATE_LABELS, reversedStateOf } from '@/lib/transfers/filters';
import { transferQueries } from '@/lib/transfers/keys';
import { transferRemaining } from '@/lib/transfers/reversals';
import { ReversalEditForm } from './reversal-edit-form';
import { ReverseTransferForm } from './reverse-transfer-form';

const TONE = { none: 'neutral', partial: 'warn', full: 'bad' } as const;

export function TransferView({ id, canReverse, canOpenAccount, canOpenCharge, canOpenFee }: { id: string; canReverse: boolean; canOpenAccount: boolean; canOpenCharge: boolean; canOpenFee: boolean }) {
  const { data, error } = useQuery(transferQueries.detail(id));
  // A failed refresh keeps what was read (and the outcome of an action in its form) on screen.
  if (!data) return error ? <p role="alert" className="text-sm text-mode-live-ink">The transfer could not be read: {error.message}</p> : <p className="text-sm text-neutral-500">Loading…</p>;
  const { transfer, reversals, balanceTransaction, sourceCharge } = data;
  const destination = idOf(transfer.destination);
  const source = idOf(transfer.source_transaction);
  const state = reversedStateOf(transfer);
  const link = (text: string | null, href: string | null) =>
    text && href ? (
      <Link href={href} className="font-mono text-[13px] text-brand-600 hover:underline">
        {text}
      </Link>
    ) : (
      <IdText id={text} />
    );
  return (
    <div className="space-y-6">
      {error ? <RefreshFailed error={error} what="The transfer" /> : null}
      <Badge tone={TONE[state]} data-testid="transfer-state">
        {REVERSED_STATE_LABELS[state]}
      </Badge>
      <FactList
        facts={[
          { label: 'Amount', value: <Money amount={transfer.amount} currency={transfer.currency} />, testId: 'transfer-amount' },
          { label: 'Reversed', value: <Money amount={transfer.amount_reversed} currency={transfer.currency} />, testId: 'transfer-reversed' },
          { label: 'Left to reverse', value: <Money amount={transferRemaining(transfer)} currency={transfer.currency} />, testId: 'transfer-remaining' },
          { label: 'Destination', value: link(destination, canOpenAccount && destination ? `/accounts/${destination}` : null), testId: 'transfer-destination' },
          { label: 'Source transaction', value: link(source, canOpenCharge && source?.startsWith('ch_') ? `/risk/charges/${source}` : null) },
          { label: 'Application fee of the source charge', value: link(sourceCharge?.applicationFee ?? null, canOpenFee && sourceCharge?.applicationFee ? `/application-fees/${sourceCharge.applicationFee}` : null) },
          {
            label: 'Balance transaction',
            value: balanceTransaction ? (
              <span className="inline-flex flex-wrap items-center gap-2">
                <IdText id={balanceTransaction.id} />
                <span className="text-neutral-600">
                  net <Money amount={balanceTransaction.net} currency={balanceTransaction.currency} />, {balanceTransaction.status}
                </span>
              </span>
            ) : (
              <IdText id={idOf(transfer.balance_transaction)} />
            ),
          },
          { label: 'Transfer group', value: <IdText id={transfer.transfer_group} /> },
          { label: 'Created', value: formatTimestamp(transfer.created) },
          { label: 'Description', value: transfer.description ?? <span className="text-neutral-500">—</span> },
        ]}
      />
      {canReverse ? (
        <section aria-labelledby="reverse-heading" className="rounded-lg border border-neutral-200 bg-surface p-4">
          <h2 id="reverse-heading" className="mb-3 text-sm font-semibold text-neutral-900">
            Reverse this transfer
          </h2>
          <ReverseTransferForm transfer={transfer} chargeFee={sourceCharge?.applicationFee ?? null} chargeFeeRefunded={sourceCharge?.applicationFeeRefunded ?? false} />
        </section>
      ) : null}
      <section aria-labelledby="reversals-heading">
        <h2 id="reversals-heading" className="text-sm font-semibold text-neutral-900">
          Reversals
        </h2>
        {reversals.length === 0 ? (
          <p className="mt-2 text-sm text-neutral-500">No reversals yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-neutral-200 rounded-lg border border-neutral-200 bg-surface" data-testid="transfer-reversals">
            {reversals.map((r) => (
              <li key={r.id} id={r.id} className="space-y-2 px-4 py-3 text-sm" data-testid="transfer-reversal">
                <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
                  <Link href={`/transfers/reversals/${r.id}`} className="font-mono text-[13px] text-brand-600 hover:underline">
                    {r.id}
                  </Link>
                  <Money amount={r.amount} currency={r.currency} className="font-medium" />
                  <span className="text-neutral-500">{formatTimestamp(r.created)}</span>
                </div>
                <MetadataList metadata={r.metadata} />
                {canReverse ? <ReversalEditForm transferId={transfer.id} reversalId={r.id} metadata={r.metadata} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
