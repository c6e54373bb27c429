'use client';
// Refunds an application fee: full, or a partial amount that can never exceed what is left
// (checked here as the operator types, and again on the server), with a reason and an optional
// ticket kept in the refund's metadata. A review step states the refund in words before Confirm;
// its idempotency key lives as long as that review (see useConfirmedAction). When the fee changed
// since the review, the review opens again with the fee as it is now.
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type Stripe from 'stripe';
import { useApprovalNeed } from '@/components/approvals/use-approval-need';
import { FormOutcome } from '@/components/money/form-outcome';
import { AmountPicker, type AmountChoice } from '@/components/money/amount-picker';
import { ReviewPanel } from '@/components/money/review-panel';
import { useConfirmedAction } from '@/components/money/use-confirmed-action';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { accountKeys } from '@/lib/accounts/keys';
import { balanceKeys } from '@/lib/balance/keys';
import type { ActionResult } from '@/lib/actions/result';
import { requestApprovalAction } from '@/lib/approvals/actions';
import { approvalKeys, isApprovalRequested, type ApprovalRequested } from '@/lib/approvals/keys';
import { requestKeyFor } from '@/lib/approvals/schemas';
import { refundApplicationFee } from '@/lib/fees/actions';
import { idOf } from '@/lib/stripe/ids';
import { feeKeys, feeQueries } from '@/lib/fees/keys';
import { describeFeeRefund, feeRemaining, refundAmount } from '@/lib/fees/refunds';
import { moneyInWords } from '@/lib/money';
import { refundFeeSchema, type RefundFeeInput } from '@/lib/fees/schemas';

type Payload = RefundFeeInput & { amountMinor: number };
type Refunded = Extract<Awaited<ReturnType<typeof refundApplicationFee>>, { ok: true }>['data'];

const FULL: AmountChoice = { full: true, amount: '' };

export function RefundFeeForm({ fee }: { fee: Stripe.ApplicationFee }) {
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<AmountChoice>(FULL);
  const [reason, setReason] = useState('');
  const [ticket, setTicket] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const ids = { reason: useId(), ticket: useId() };
  const left = feeRemaining(fee);
  const account = idOf(fee.account);

  function reset() {
    setChoice(FULL);
    setReason('');
    setTicket('');
  }

  // Set once a review is open: whether a four-eyes policy covers this refund (the server decides again).
  const [subject, setSubject] = useState<{ amount: number; currency: string } | null>(null);
  const need = useApprovalNeed('fee_refund', subject);
  const approval = need?.needed ? need.why : null;

  const action = useConfirmedAction(
    (p: Payload, idempotencyKey: string): Promise<ActionResult<Refunded | ApprovalRequested>> => {
      const input = { feeId: p.feeId, full: p.full, amount: p.amount, reason: p.reason, ticket: p.ticket, expectedRefunded: p.expectedRefunded, idempotencyKey };
      // The review's key becomes the request's: the approved refund is sent with it, once.
      if (approval) return requestApprovalAction({ action: 'fee_refund', params: input, note: p.reason, idempotencyKey: requestKeyFor(idempotencyKey) });
      return refundApplicationFee(input);
    },
    {
      onDone: (data) => {
        if (isApprovalRequested(data)) setDone(`Approval requested (${data.requestId}): nothing is refunded until another operator approves it in Approvals.`);
        else setDone(`Refunded ${moneyInWords(data.amount, data.currency)} (${data.refundId}).`);
        reset();
      },
      // Whatever the outcome, what Stripe now holds is worth showing: a lost answer may hide a refund.
      onSettled: () => {
        void queryClient.invalidateQueries({ queryKey: feeKeys.detail(fee.id) });
        void queryClient.invalidateQueries({ queryKey: feeKeys.lists() });
        void queryClient.invalidateQueries({ queryKey: balanceKeys.all });
        void queryClient.invalidateQueries({ queryKey: approvalKeys.object(fee.id) });
        void queryClient.invalidateQueries({ queryKey: approvalKeys.inbox() });
        if (account) {
          void queryClient.invalidateQueries({ queryKey: accountKeys.fees(account) });
          void queryClient.invalidateQueries({ queryKey: accountKeys.balance(account) });
        }
      },
      onRecovered: (status) => {
        setDone(`Refunded (${status.resultId}). Stripe's answer had been lost. ${status.resolution ?? 'The console found the refund.'}`);
        reset();
      },
      // The fee changed since the review: the same choice against the fee as it is now.
      onChanged: async (p) => {
        const now = (await queryClient.fetchQuery({ ...feeQueries.detail(fee.id), staleTime: 0 })).fee;
        const parsed = refundAmount(now, p.full, p.amount);
        if (!parsed.ok) return { problem: parsed.error };
        return { payload: { ...p, expectedRefunded: now.amount_refunded, amountMinor: parsed.amount } };
      },
    },
  );

  const outcome = <FormOutcome done={done} onDismissDone={() => setDone(null)} testId="refund-done" action={action} />;

  if (left === 0 && !action.review) {
    return (
      <div className="space-y-2">
        {outcome}
        <p className="text-sm text-neutral-600" data-testid="refund-nothing-left">
          This fee is fully refunded; nothing is left to refund.
        </p>
      </div>
    );
  }

  function review() {
    setDone(null);
    const parsed = refundAmount(fee, choice.full, choice.amount);
    if (!parsed.ok) return setProblem(parsed.error);
    const input: RefundFeeInput = { feeId: fee.id, full: choice.full, amount: choice.full ? '' : choice.amount, reason, ticket, expectedRefunded: fee.amount_refunded };
    const checked = refundFeeSchema.safeParse(input);
    if (!checked.success) return setProblem(checked.error.issues[0]?.message ?? 'Check the form.');
    setProblem(null);
    setSubject({ amount: parsed.amount, currency: fee.currency });
    action.open({ ...input, amountMinor: parsed.amount });
  }

  if (action.review) {
    const p = action.review.payload;
    return (
      <ReviewPanel
        key={action.review.key}
        sentence={describeFeeRefund(fee.amount_refunded === p.expectedRefunded ? fee : { ...fee, amount_refunded: p.expectedRefunded }, p.amountMinor)}
        confirmLabel="Refund"
        action={action}
        testId="refund-review"
        approval={approval}
      />
    );
  }

  return (
    <form
      className="space-y-3"
      data-testid="refund-form"
      onSubmit={(e) => {
        e.preventDefault();
        review();
      }}
    >
      {outcome}
      <AmountPicker
        value={choice}
        onChange={(next) => {
          setChoice(next);
          setProblem(null);
        }}
        left={left}
        currency={fee.currency}
        testIdPrefix="refund"
      />
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
