'use client';
// Delete: the effect in words (and Stripe's live-mode rules), an internal note, the account id
// typed to confirm. On success the account leaves the list, which says so.
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { DialogFooter } from '@/components/forms/dialog-footer';
import { useConfirmedAction } from '@/components/money/use-confirmed-action';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { deleteAccountAction } from '@/lib/accounts/actions';
import { accountInvalidations, invalidateViews } from '@/lib/accounts/keys';
import { deleteAccountSchema } from '@/lib/accounts/schemas';
import type { StripeMode } from '@/lib/stripe/mode';
import { fieldErrors } from './form-errors';

export function DeleteDialog({ accountId, name, mode }: { accountId: string; name: string; mode: StripeMode }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const deleted = () => router.push(`/accounts?deleted=${encodeURIComponent(accountId)}`);
  const action = useConfirmedAction((p: { accountId: string; note: string; confirmation: string }, idempotencyKey: string) => deleteAccountAction({ ...p, idempotencyKey }), {
    onSettled: () => invalidateViews(queryClient, accountInvalidations.delete()),
    onRecovered: deleted,
  });
  const [open, setOpen] = useState(false);
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
        if (action.pending) return;
        setOpen(o);
        if (o) {
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
        <form
          className="space-y-3"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!parsed.success) return setNoteTouched(true);
            const r = await action.confirm(input);
            if (r?.ok) deleted();
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
          <DialogFooter action={action} onCancel={() => setOpen(false)} submitLabel="Delete account" pendingLabel="Deleting…" submitTestId="delete-submit" submitDisabled={!parsed.success} tone="danger" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
