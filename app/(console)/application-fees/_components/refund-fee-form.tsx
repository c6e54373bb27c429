'use client';
// Refunds an application fee: full, or a partial amount that can never exceed what is left
// (checked here as the operator types, and again on the server), with a reason and an optional
// ticket kept in the refund's metadata. A review step states the refund in words before Confirm;
// its idempotency key lives as long as that review (see useConfirmedAction).
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type Stripe from 'stripe';
import { ReviewPanel } from '@/components/money/review-panel';
import { useConfirmedAction } from '@/components/money/use-confirmed-action';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { accountKeys } from '@/lib/accounts/keys';
import { balanceKeys } from '@/lib/balance/keys';
import { refundApplicationFee } from '@/lib/fees/actions';
import { idOf } from '@/lib/stripe/ids';
import { feeKeys } from '@/lib/fees/keys';
import { describeFeeRefund, feeRemaining, refundAmount } from '@/lib/fees/refunds';
import { moneyInWords } from '@/lib/money';
import { refundFeeSchema, type RefundFeeInput } from '@/lib/fees/schemas';
import { exponent, formatMoney } from '@/lib/money';

type Payload = RefundFeeInput & { amountMinor: number };

export function RefundFeeForm({ fee }: { fee: Stripe.ApplicationFee }) {
  const queryClient = useQueryClient();
  const [full, setFull] = useState(true);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [ticket, setTicket] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const ids = { amount: useId(), reason: useId(), ticket: useId() };
  const left = feeRemaining(fee);
  const account = idOf(fee.account);

  function reset() {
    setAmount('');
    setReason('');
    setTicket('');
    setFull(true);
  }

  const action = useConfirmedAction(
    (p: Payload, idempotencyKey: string) => refundApplicationFee({ feeId: p.feeId, full: p.full, amount: p.amount, reason: p.reason, ticket: p.ticket, expectedRefunded: p.expectedRefunded, idempotencyKey }),
    (data) => {
      setDone(`Refunded ${moneyInWords(data.amount, data.currency)} (${data.refundId}).`);
      reset();
    },
    // Whatever the outcome, what Stripe now holds is worth showing: a lost answer may hide a refund.
    () => {
      void queryClient.invalidateQueries({ queryKey: feeKeys.detail(fee.id) });
      void queryClient.invalidateQueries({ queryKey: feeKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: balanceKeys.all });
      if (account) {
        void queryClient.invalidateQueries({ queryKey: accountKeys.fees(account) });
        void queryClient.invalidateQueries({ queryKey: accountKeys.balance(account) });
      }
    },
    (status) => {
      setDone(`Refunded (${status.resultId}). Stripe's answer had been lost. ${status.resolution ?? 'The console found the refund.'}`);
      reset();
    },
  );

  if (left === 0 && !action.review) {
    return (
      <p className="text-sm text-neutral-600" data-testid="refund-done">
        {done ? `${done} ` : ''}This fee is fully refunded; nothing is left to refund.
      </p>
    );
  }

  function review() {
    setDone(null);
    const parsed = refundAmount(fee, full, amount);
    if (!parsed.ok) return setProblem(parsed.error);
    const input: RefundFeeInput = { feeId: fee.id, full, amount: full ? '' : amount, reason, ticket, expectedRefunded: fee.amount_refunded };
    const checked = refundFeeSchema.safeParse(input);
    if (!checked.success) return setProblem(checked.error.issues[0]?.message ?? 'Check the form.');
    setProblem(null);
    action.open({ ...input, amountMinor: parsed.amount });
  }

  if (action.review) {
    const p = action.review.payload;
    return (
      <ReviewPanel
        sentence={describeFeeRefund(fee.amount_refunded === p.expectedRefunded ? fee : { ...fee, amount_refunded: p.expectedRefunded }, p.amountMinor)}
        confirmLabel="Refund"
        pending={action.pending}
        failure={action.failure}
        checking={action.checking}
        onConfirm={() => void action.confirm()}
        onBack={action.back}
        testId="refund-review"
      />
    );
  }

  const step = exponent(fee.currency) === 0 ? '1' : exponent(fee.currency) === 3 ? '0.010' : '0.01';
  return (
    <form
      className="space-y-3"
      data-testid="refund-form"
      onSubmit={(e) => {
        e.preventDefault();
        review();
      }}
    >
      {done ? (
        <p className="text-sm text-emerald-700 [overflow-wrap:anywhere] dark:text-emerald-300" role="status" data-testid="refund-done">
          {done}
        </p>
      ) : null}
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">How much</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="full" checked={full} onChange={() => setFull(true)} className="accent-brand-600" data-testid="refund-full" />
          All that is left ({formatMoney(left, fee.currency)})
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="full" checked={!full} onChange={() => setFull(false)} className="accent-brand-600" data-testid="refund-partial" />
          Part of it
        </label>
      </fieldset>
      {!full ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.amount} className="text-xs font-medium text-neutral-600">
            Amount ({fee.currency.toUpperCase()}, at most {formatMoney(left, fee.currency)})
          </label>
          <Input
            id={ids.amount}
            inputMode="decimal"
            autoComplete="off"
            placeholder={step === '1' ? '1200' : '12.50'}
            value={amount}
            onChange={(e) => {
              setAmount(e.target.value);
              setProblem(null);
            }}
            className="w-48 tabular-nums"
            data-testid="refund-amount"
          />
        </div>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.reason} className="text-xs font-medium text-neutral-600">
            Reason (kept in the refund’s metadata)
          </label>
          <Input id={ids.reason} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Merchant was overcharged" data-testid="refund-reason" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.ticket} className="text-xs font-medium text-neutral-600">
            Ticket (optional)
          </label>
          <Input id={ids.ticket} value={ticket} onChange={(e) => setTicket(e.target.value)} placeholder="SUP-1234" data-testid="refund-ticket" />
        </div>
      </div>
      {problem ? (
        <p role="alert" className="text-sm text-mode-live-ink" data-testid="refund-problem">
          {problem}
        </p>
      ) : null}
      <Button type="submit" variant="primary" data-testid="refund-review-open">
        Review refund
      </Button>
    </form>
  );
}
