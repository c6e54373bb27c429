'use client';
// The one footer of the account dialogs: the action's outcome (a failure with Stripe's request id,
// or "checking" while an unknown outcome is found out), then an optional note, Cancel and the
// submit button, which is disabled while the request is in flight and says so. While an unknown
// outcome is checked there is no Cancel (the dialogs refuse to close too): the way out would lead
// to a new request, and the submit button only sends the same one again.
import type { ReactNode } from 'react';
import { ActionState } from '@/components/money/action-state';
import type { Checking } from '@/components/outcomes/use-request-follow';
import { Button } from '@/components/ui/button';
import type { ActionFailure } from '@/lib/actions/result';

export function DialogFooter({
  action,
  onCancel,
  submitLabel,
  pendingLabel,
  submitTestId,
  submitDisabled = false,
  tone = 'primary',
  note,
}: {
  /** The dialog's confirm hook (useConfirmedAction). */
  action: { failure: ActionFailure | null; checking: Checking | null; pending: boolean };
  onCancel: () => void;
  submitLabel: string;
  pendingLabel: string;
  submitTestId: string;
  submitDisabled?: boolean;
  tone?: 'primary' | 'danger';
  /** A line before the buttons, e.g. what will change. */
  note?: ReactNode;
}) {
  const { failure, checking, pending } = action;
  return (
    <>
      <ActionState checking={checking} failure={failure} />
      <div className="flex flex-wrap items-center justify-end gap-2">
        {note ? <span className="mr-auto text-xs text-neutral-500">{note}</span> : null}
        {checking ? null : (
          <Button onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
        )}
        <Button type="submit" variant={tone} disabled={submitDisabled || pending} aria-busy={pending} data-testid={submitTestId}>
          {pending ? pendingLabel : checking ? 'Send the same request again' : submitLabel}
        </Button>
      </div>
    </>
  );
}
