'use client';
// Reverses a transfer: full, or a partial amount never beyond what is left (checked here and on the
// server), refund_application_fee offered only when the transfer came from a charge with a fee, a
// description and metadata. A review step states the reversal in words before Confirm; its
// idempotency key lives as long as that review (see useConfirmedAction).
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type Stripe from 'stripe';
import { MetadataEditor } from '@/components/money/metadata-editor';
import type { MetadataRow } from '@/lib/metadata';
import { ReviewPanel } from '@/components/money/review-panel';
import { useConfirmedAction } from '@/components/money/use-confirmed-action';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { accountKeys } from '@/lib/accounts/keys';
import { balanceKeys } from '@/lib/balance/keys';
import { feeKeys } from '@/lib/fees/keys';
import { idOf } from '@/lib/stripe/ids';
import { moneyInWords } from '@/lib/money';
import { formatMoney } from '@/lib/money';
import { reverseTransfer } from '@/lib/transfers/actions';
import { transferKeys } from '@/lib/transfers/keys';
import { describeReversal, reversalAmount, transferRemaining } from '@/lib/transfers/reversals';
import { reverseTransferSchema, type ReverseTransferInput } from '@/lib/transfers/schemas';

type Payload = ReverseTransferInput & { amountMinor: number };

export function ReverseTransferForm({ transfer, chargeFee }: { transfer: Stripe.Transfer; chargeFee: string | null }) {
  const queryClient = useQueryClient();
  const [full, setFull] = useState(true);
  const [amount, setAmount] = useState('');
  const [refundFee, setRefundFee] = useState(false);
  const [description, setDescription] = useState('');
  const [rows, setRows] = useState<MetadataRow[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const ids = { amount: useId(), description: useId() };
  const left = transferRemaining(transfer);
  const destination = idOf(transfer.destination);

  function reset() {
    setAmount('');
    setDescription('');
    setRows([]);
    setFull(true);
    setRefundFee(false);
  }

  const action = useConfirmedAction(
    (p: Payload, idempotencyKey: string) =>
      reverseTransfer({
        transferId: p.transferId,
        full: p.full,
        amount: p.amount,
        refundApplicationFee: p.refundApplicationFee,
        description: p.description,
        metadata: p.metadata,
        expectedReversed: p.expectedReversed,
        idempotencyKey,
      }),
    (data) => {
      setDone(`Reversed ${moneyInWords(data.amount, data.currency)} (${data.reversalId}).`);
      reset();
    },
    () => {
      void queryClient.invalidateQueries({ queryKey: transferKeys.detail(transfer.id) });
      void queryClient.invalidateQueries({ queryKey: transferKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: transferKeys.reports() });
      void queryClient.invalidateQueries({ queryKey: balanceKeys.all });
      if (chargeFee) {
        void queryClient.invalidateQueries({ queryKey: feeKeys.detail(chargeFee) });
        void queryClient.invalidateQueries({ queryKey: feeKeys.lists() });
      }
      if (destination) {
        void queryClient.invalidateQueries({ queryKey: accountKeys.transfers(destination) });
        void queryClient.invalidateQueries({ queryKey: accountKeys.balance(destination) });
      }
    },
    (status) => {
      setDone(`Reversed (${status.resultId}). Stripe's answer had been lost. ${status.resolution ?? 'The console found the reversal.'}`);
      reset();
    },
  );

  if (left === 0 && !action.review) {
    return (
      <p className="text-sm text-neutral-600" data-testid="reverse-done">
        {done ? `${done} ` : ''}This transfer is fully reversed; nothing is left to reverse.
      </p>
    );
  }

  function review() {
    setDone(null);
    const parsed = reversalAmount(transfer, full, amount);
    if (!parsed.ok) return setProblem(parsed.error);
    const input: ReverseTransferInput = {
      transferId: transfer.id,
      full,
      amount: full ? '' : amount,
      refundApplicationFee: chargeFee ? refundFee : false,
      description,
      metadata: rows,
      expectedReversed: transfer.amount_reversed,
    };
    const checked = reverseTransferSchema.safeParse(input);
    if (!checked.success) return setProblem(checked.error.issues[0]?.message ?? 'Check the form.');
    setProblem(null);
    action.open({ ...input, amountMinor: parsed.amount });
  }

  if (action.review) {
    const p = action.review.payload;
    return (
      <ReviewPanel
        sentence={describeReversal({ ...transfer, amount_reversed: p.expectedReversed }, p.amountMinor, p.refundApplicationFee)}
        confirmLabel="Reverse"
        pending={action.pending}
        failure={action.failure}
        checking={action.checking}
        onConfirm={() => void action.confirm()}
        onBack={action.back}
        testId="reverse-review"
      />
    );
  }

  return (
    <form
      className="space-y-3"
      data-testid="reverse-form"
      onSubmit={(e) => {
        e.preventDefault();
        review();
      }}
    >
      {done ? (
        <p className="text-sm text-emerald-700 [overflow-wrap:anywhere] dark:text-emerald-300" role="status" data-testid="reverse-done">
          {done}
        </p>
      ) : null}
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">How much</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="full" checked={full} onChange={() => setFull(true)} className="accent-brand-600" data-testid="reverse-full" />
          All that is left ({formatMoney(left, transfer.currency)})
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="full" checked={!full} onChange={() => setFull(false)} className="accent-brand-600" data-testid="reverse-partial" />
          Part of it
        </label>
      </fieldset>
      {!full ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.amount} className="text-xs font-medium text-neutral-600">
            Amount ({transfer.currency.toUpperCase()}, at most {formatMoney(left, transfer.currency)})
          </label>
          <Input
            id={ids.amount}
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            onChange={(e) => {
              setAmount(e.target.value);
              setProblem(null);
            }}
            className="w-48 tabular-nums"
            data-testid="reverse-amount"
          />
        </div>
      ) : null}
      {chargeFee ? (
        <label className="flex items-center gap-2 text-sm text-neutral-700">
          <input type="checkbox" checked={refundFee} onChange={(e) => setRefundFee(e.target.checked)} className="size-4 accent-brand-600" data-testid="reverse-refund-fee" />
          Also refund the application fee ({chargeFee}) in proportion to the amount reversed
        </label>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.description} className="text-xs font-medium text-neutral-600">
          Description
        </label>
        <Input id={ids.description} value={description} onChange={(e) => setDescription(e.target.value)} placeholder="Order cancelled by the customer" data-testid="reverse-description" />
      </div>
      <div className="space-y-1">
        <p className="text-xs font-medium text-neutral-600">Metadata (optional)</p>
        <MetadataEditor rows={rows} onChange={setRows} />
      </div>
      {problem ? (
        <p role="alert" className="text-sm text-mode-live-ink" data-testid="reverse-problem">
          {problem}
        </p>
      ) : null}
      <Button type="submit" variant="primary" data-testid="reverse-review-open">
        Review reversal
      </Button>
    </form>
  );
}
