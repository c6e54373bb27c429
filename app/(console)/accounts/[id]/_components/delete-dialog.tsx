'use client';
// Delete: the effect in words (and Stripe's live-mode rules), an internal note, the account id
// typed to confirm. On success the account leaves the list, which says so. Where a four-eyes policy
// covers the deletion (by default: live mode), the dialog says so and sends a request for approval instead.
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ApprovalNotice } from '@/components/approvals/approval-notice';
import { useApprovalNeed } from '@/components/approvals/use-approval-need';
import { DialogFooter } from '@/components/forms/dialog-footer';
import { useConfirmedAction } from '@/components/money/use-confirmed-action';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { deleteAccountAction } from '@/lib/accounts/actions';
import type { ActionResult } from '@/lib/actions/result';
import { requestApprovalAction } from '@/lib/approvals/actions';
import { approvalKeys, isApprovalRequested, type ApprovalRequested } from '@/lib/approvals/keys';
import { requestKeyFor } from '@/lib/approvals/schemas';
import { accountInvalidations, invalidateViews } from '@/lib/accounts/keys';
import { deleteAccountSchema } from '@/lib/accounts/schemas';
import type { StripeMode } from '@/lib/stripe/mode';
import { fieldErrors } from './form-errors';

export function DeleteDialog({ accountId, name, mode }: { accountId: string; name: string; mode: StripeMode }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const deleted = () => router.push(`/accounts?deleted=${encodeURIComponent(accountId)}`);
  const [open, setOpen] = useState(false);
  const need = useApprovalNeed('account_delete', open ? {} : null);
  const approval = need?.needed ? need.why : null;
  const [requested, setRequested] = useState<string | null>(null);
  const action = useConfirmedAction(
    (p: { accountId: string; note: string; confirmation: string }, idempotencyKey: string): Promise<ActionResult<{ id: string } | ApprovalRequested>> =>
      approval
        ? requestApprovalAction({ action: 'account_delete', params: { ...p, idempotencyKey }, note: p.note, idempotencyKey: requestKeyFor(idempotencyKey) })
        : deleteAccountAction({ ...p, idempotencyKey }),
    {
      onSettled: () => {
        void queryClient.invalidateQueries({ queryKey: approvalKeys.object(accountId) });
        return invalidateViews(queryClient, accountInvalidations.delete());
      },
      onRecovered: deleted,
    },
  );
  const [note, setNote] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [noteTouched, setNoteTouched] = useState(false);
  const input = { accountId, note, confirmation };
  const parsed = deleteAccountSchema.safeParse({ ...input, idempotencyKey: action.key ?? '' });
  const errors = fieldErrors(parsed);

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (action.pending || action.checking) return;
        setOpen(o);
        if (o) {
          setRequested(null);
          action.open({ accountId, note: '', confirmation: '' });
          setNote('');
          setConfirmation('');
          setNoteTouched(false);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="danger" data-testid="delete-open">
          Delete…
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Delete ${name}`}
        description={
          mode === 'live'
            ? 'Deleting closes the account for good: it can no longer be paid or paid out, and it cannot be restored. Stripe deletes a live account only when the platform is liable for it and all its balances are zero.'
            : 'Deleting removes this test account for good; it cannot be restored.'
        }
      >
        {requested ? (
          <p role="status" className="text-sm text-neutral-700" data-testid="delete-requested">
            Approval requested ({requested}): the account is not deleted until another operator approves it in Approvals.
          </p>
        ) : (
          <form
            className="space-y-3"
            onSubmit={async (e) => {
              e.preventDefault();
              if (!parsed.success) return setNoteTouched(true);
              const r = await action.confirm(input);
              if (r?.ok && isApprovalRequested(r.data)) setRequested(r.data.requestId);
              else if (r?.ok) deleted();
            }}
          >
            <Field id="delete-note" label="Internal note (audit log only)" error={noteTouched ? errors.note : null} hint="At least 10 characters: why this account goes.">
              <Textarea id="delete-note" value={note} onChange={(e) => setNote(e.target.value)} onBlur={() => setNoteTouched(true)} data-testid="delete-note" />
            </Field>
            <Field
              id="delete-confirmation"
              label={
                <>
                  Type <code className="font-mono">{accountId}</code> to confirm
                </>
              }
              error={confirmation ? errors.confirmation : null}
            >
              <Input id="delete-confirmation" value={confirmation} onChange={(e) => setConfirmation(e.target.value)} autoComplete="off" spellCheck={false} className="font-mono" data-testid="delete-confirmation" />
            </Field>
            {approval ? <ApprovalNotice why={approval} /> : null}
            <DialogFooter
              action={action}
              onCancel={() => setOpen(false)}
              submitLabel={approval ? 'Request approval' : 'Delete account'}
              pendingLabel={approval ? 'Requesting…' : 'Deleting…'}
              submitTestId="delete-submit"
              submitDisabled={!parsed.success}
              tone="danger"
            />
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
