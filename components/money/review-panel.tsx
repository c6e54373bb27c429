'use client';
// The review step of a money action: the effect in one sentence, a tick the operator must give,
// then Confirm (disabled while the request is in flight) or Back. A failure is shown here, and
// Confirm then retries the same request. While an unknown outcome is being checked, Back is
// gone (a new review would be a new request) and Confirm sends the same request again. After a
// "changed since you reviewed" refusal the review is a fresh one: it says so above the sentence
// (give it a new React key so the tick must be given again).
import { useId, useState } from 'react';
import { ApprovalNotice } from '@/components/approvals/approval-notice';
import { ActionState } from '@/components/money/action-state';
import type { Checking } from '@/components/outcomes/use-request-follow';
import { Button } from '@/components/ui/button';
import type { ActionFailure } from '@/lib/actions/result';

/** What the panel needs of the confirm hook (useConfirmedAction's answer). */
export type ReviewAction = {
  pending: boolean;
  failure: ActionFailure | null;
  checking: Checking | null;
  /** The refusal that made this review a fresh one. */
  changed: ActionFailure | null;
  confirm: () => unknown;
  back: () => void;
};

export function ReviewPanel({
  sentence,
  confirmLabel,
  action,
  tone = 'danger',
  testId = 'review',
  approval = null,
  tick = 'I have checked the amount and the accounts.',
}: {
  sentence: string;
  confirmLabel: string;
  action: ReviewAction;
  tone?: 'danger' | 'primary';
  testId?: string;
  /** Why a four-eyes policy covers this action: the panel says so, and Confirm requests approval. */
  approval?: string | null;
  /** What the operator ticks to say they checked: the money actions' words by default. */
  tick?: string;
}) {
  const { pending, failure, checking, changed } = action;
  const label = approval ? 'Request approval' : confirmLabel;
  const onConfirm = () => void action.confirm();
  const onBack = action.back;
  const [ticked, setTicked] = useState(false);
  const tickId = useId();
  return (
    <div className="space-y-3 rounded-md border border-neutral-300 bg-neutral-50 p-3" data-testid={testId}>
      {changed ? (
        <div role="status" data-testid="review-changed" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 [overflow-wrap:anywhere] dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
          <p className="font-medium">New review with the current figures.</p>
          <p className="mt-1">{changed.error}</p>
        </div>
      ) : null}
      <p className="text-sm font-medium text-neutral-900 [overflow-wrap:anywhere]" data-testid="review-sentence">
        {sentence}
      </p>
      {approval ? <ApprovalNotice why={approval} /> : null}
      <label htmlFor={tickId} className="flex items-center gap-2 text-sm text-neutral-700">
        <input id={tickId} type="checkbox" checked={ticked} onChange={(e) => setTicked(e.target.checked)} disabled={pending} data-testid="review-tick" className="size-4 accent-brand-600" />
        {tick}
      </label>
      <ActionState checking={checking} failure={failure} />
      <div className="flex gap-2">
        <Button variant={tone} onClick={onConfirm} disabled={!ticked || pending} aria-busy={pending} data-testid="review-confirm">
          {pending ? 'Working…' : checking ? 'Send the same request again' : failure ? `Try again: ${label.toLowerCase()}` : label}
        </Button>
        {checking ? null : (
          <Button variant="ghost" onClick={onBack} disabled={pending} data-testid="review-back">
            Back
          </Button>
        )}
      </div>
    </div>
  );
}
