'use client';
// Unreject: only the platform's own rejections; a note for the audit log, then Stripe restores
// charges and payouts if nothing else restricts the account.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DialogFooter } from '@/components/forms/dialog-footer';
import { useConfirmedAction } from '@/components/money/use-confirmed-action';
import type { Outcome } from '@/components/money/outcome-message';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { unrejectAccountAction } from '@/lib/accounts/actions';
import { accountInvalidations, invalidateViews } from '@/lib/accounts/keys';
import { unrejectAccountSchema } from '@/lib/accounts/schemas';
import { disabledReasonText } from '@/lib/accounts/status';
import { fieldErrors } from './form-errors';

export function UnrejectDialog({ accountId, name, onDone }: { accountId: string; name: string; onDone: (o: Outcome) => void }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const action = useConfirmedAction((p: { accountId: string; note: string }, idempotencyKey: string) => unrejectAccountAction({ ...p, idempotencyKey }), {
    onSettled: () => invalidateViews(queryClient, accountInvalidations.unreject(accountId)),
    onRecovered: (status) => (setOpen(false), onDone({ ok: true, text: `Unrejected, although Stripe's answer had been lost. ${status.resolution ?? ''}`.trim() })),
  });
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const input = { accountId, note };
  const parsed = unrejectAccountSchema.safeParse({ ...input, idempotencyKey: action.key ?? '' });
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (action.pending || action.checking) return;
        setOpen(o);
        if (o) {
          action.open({ accountId, note: '' });
          setNote('');
          setTouched(false);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button data-testid="unreject-open">Unreject…</Button>
      </DialogTrigger>
      <DialogContent title={`Unreject ${name}`} description="Stripe lifts the platform's rejection and restores charges and payouts, unless something else (missing information, a pause) still restricts the account.">
        <form
          className="space-y-3"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!parsed.success) return setTouched(true);
            const r = await action.confirm(input);
            if (r?.ok) {
              setOpen(false);
              const now = disabledReasonText(r.data.disabledReason);
              onDone({ ok: true, text: `Unrejected. ${now ? `Still restricted: ${now}.` : 'Nothing restricts the account now.'}`, requestId: r.data.requestId });
            }
          }}
        >
          <Field id="unreject-note" label="Internal note (audit log only)" error={touched ? fieldErrors(parsed).note : null} hint="At least 10 characters: why the rejection is lifted.">
            <Textarea id="unreject-note" value={note} onChange={(e) => setNote(e.target.value)} onBlur={() => setTouched(true)} data-testid="unreject-note" />
          </Field>
          <DialogFooter action={action} onCancel={() => setOpen(false)} submitLabel="Unreject account" pendingLabel="Unrejecting…" submitTestId="unreject-submit" submitDisabled={!parsed.success} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
