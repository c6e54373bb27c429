'use client';
// Reverses a transfer: full, or a partial amount never beyond what is left (checked here and on the
// server), refund_application_fee offered only when the transfer came from a charge with a fee that
// is not already fully refunded, a description and metadata. A review step states the reversal in
// words before Confirm; its idempotency key lives as long as that review (see useConfirmedAction).
// When the transfer changed since the review, the review opens again with it as it is now.
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type Stripe from 'stripe';
import { useApprovalNeed } from '@/components/approvals/use-approval-need';
import { FormOutcome } from '@/components/money/form-outcome';
import { AmountPicker, type AmountChoice } from '@/components/money/amount-picker';
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
import { requestApprovalAction } from '@/lib/approvals/actions';
import { requestKeyFor } from '@/lib/approvals/schemas';
import { reverseTransfer } from '@/lib/transfers/actions';
import type { ActionResult } from '@/lib/actions/result';
import { approvalKeys, isApprovalRequested, type ApprovalRequested } from '@/lib/approvals/keys';
import { transferKeys, transferQueries } from '@/lib/transfers/keys';
import { describeReversal, reversalAmount, transferRemaining } from '@/lib/transfers/reversals';
import { reverseTransferSchema, type ReverseTransferInput } from '@/lib/transfers/schemas';

type Payload = ReverseTransferInput & { amountMinor: number };
type Reversed = Extract<Awaited<ReturnType<typeof reverseTransfer>>, { ok: true }>['data'];

const FULL: AmountChoice = { full: true, amount: '' };

export function ReverseTransferForm({ transfer, chargeFee, chargeFeeRefunded = false }: { transfer: Stripe.Transfer; chargeFee: string | null; chargeFeeRefunded?: boolean }) {
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<AmountChoice>(FULL);
  const [refundFee, setRefundFee] = useState(false);
  const [description, setDescription] = useState('');
  const [rows, setRows] = useState<MetadataRow[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const ids = { description: useId() };
  // Stripe can refund the charge's fee with the reversal only while some of it is left.
  const feeRefundable = chargeFee !== null && !chargeFeeRefunded;
  const left = transferRemaining(transfer);
  const destination = idOf(transfer.destination);

  function reset() {
    setChoice(FULL);
    setDescription('');
    setRows([]);
    setRefundFee(false);
  }

  // Set once a review is open: whether a four-eyes policy covers this reversal (the server decides again).
  const [subject, setSubject] = useState<{ amount: number; currency: string } | null>(null);
  const need = useApprovalNeed('transfer_reversal', subject);
  const approval = need?.needed ? need.why : null;

  const action = useConfirmedAction(
    (p: Payload, idempotencyKey: string): Promise<ActionResult<Reversed | ApprovalRequested>> => {
      const input = {
        transferId: p.transferId,
        full: p.full,
        amount: p.amount,
        refundApplicationFee: p.refundApplicationFee,
        description: p.description,
        metadata: p.metadata,
        expectedReversed: p.expectedReversed,
        idempotencyKey,
      };
      // The review's key becomes the request's: the approved reversal is sent with it, once.
      if (approval) return requestApprovalAction({ action: 'transfer_reversal', params: input, note: p.description, idempotencyKey: requestKeyFor(idempotencyKey) });
      return reverseTransfer(input);
    },
    {
      onDone: (data) => {
        if (isApprovalRequested(data)) setDone(`Approval requested (${data.requestId}): nothing is reversed until another operator approves it in Approvals.`);
        else setDone(`Reversed ${moneyInWords(data.amount, data.currency)} (${data.reversalId}).`);
        reset();
      },
      onSettled: () => {
        void queryClient.invalidateQueries({ queryKey: transferKeys.detail(transfer.id) });
        void queryClient.invalidateQueries({ queryKey: transferKeys.lists() });
        void queryClient.invalidateQueries({ queryKey: transferKeys.reports() });
        void queryClient.invalidateQueries({ queryKey: balanceKeys.all });
        void queryClient.invalidateQueries({ queryKey: approvalKeys.object(transfer.id) });
        void queryClient.invalidateQueries({ queryKey: approvalKeys.inbox() });
        if (chargeFee) {
          void queryClient.invalidateQueries({ queryKey: feeKeys.detail(chargeFee) });
          void queryClient.invalidateQueries({ queryKey: feeKeys.lists() });
        }
        if (destination) {
          void queryClient.invalidateQueries({ queryKey: accountKeys.transfers(destination) });
          void queryClient.invalidateQueries({ queryKey: accountKeys.balance(destination) });
        }
      },
      onRecovered: (status) => {
        setDone(`Reversed (${status.resultId}). Stripe's answer had been lost. ${status.resolution ?? 'The console found the reversal.'}`);
        reset();
      },
      // The transfer changed since the review: the same choice against the transfer as it is now.
      onChanged: async (p) => {
        const now = await queryClient.fetchQuery({ ...transferQueries.detail(transfer.id), staleTime: 0 });
        const parsed = reversalAmount(now.transfer, p.full, p.amount);
        if (!parsed.ok) return { problem: parsed.error };
        const refundable = Boolean(now.sourceCharge?.applicationFee) && !now.sourceCharge?.applicationFeeRefunded;
        if (p.refundApplicationFee && !refundable) return { problem: 'Its application fee is now fully refunded, so there is none left to refund with it.' };
        return { payload: { ...p, expectedReversed: now.transfer.amount_reversed, amountMinor: parsed.amount } };
      },
    },
  );

  const outcome = <FormOutcome done={done} onDismissDone={() => setDone(null)} testId="reverse-done" action={action} />;

  if (left === 0 && !action.review) {
    return (
      <div className="space-y-2">
        {outcome}
        <p className="text-sm text-neutral-600" data-testid="reverse-nothing-left">
          This transfer is fully reversed; nothing is left to reverse.
        </p>
      </div>
    );
  }

  function review() {
    setDone(null);
    const parsed = reversalAmount(transfer, choice.full, choice.amount);
    if (!parsed.ok) return setProblem(parsed.error);
    const input: ReverseTransferInput = {
      transferId: transfer.id,
      full: choice.full,
      amount: choice.full ? '' : choice.amount,
      refundApplicationFee: feeRefundable ? refundFee : false,
      description,
      metadata: rows,
      expectedReversed: transfer.amount_reversed,
    };
    const checked = reverseTransferSchema.safeParse(input);
    if (!checked.success) return setProblem(checked.error.issues[0]?.message ?? 'Check the form.');
    setProblem(null);
    setSubject({ amount: parsed.amount, currency: transfer.currency });
    action.open({ ...input, amountMinor: parsed.amount });
  }

  if (action.review) {
    const p = action.review.payload;
    return (
      <ReviewPanel
        key={action.review.key}
        sentence={describeReversal({ ...transfer, amount_reversed: p.expectedReversed }, p.amountMinor, p.refundApplicationFee)}
        confirmLabel="Reverse"
        action={action}
        testId="reverse-review"
        approval={approval}
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
      {outcome}
      <AmountPicker
        value={choice}
        onChange={(next) => {
          setChoice(next);
          setProblem(null);
        }}
        left={left}
        currency={transfer.currency}
        testIdPrefix="reverse"
      />
      {feeRefundable ? (
        <label className="flex items-center gap-2 text-sm text-neutral-700">
          <input type="checkbox" checked={refundFee} onChange={(e) => setRefundFee(e.target.checked)} className="size-4 accent-brand-600" data-testid="reverse-refund-fee" />
          Also refund the application fee ({chargeFee}) in proportion to the amount reversed
        </label>
      ) : chargeFee ? (
        <p className="text-sm text-neutral-600" data-testid="reverse-fee-refunded">
          The application fee ({chargeFee}) is already fully refunded, so none of it is refunded with this reversal.
        </p>
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
