'use client';
// Reject: a reason of the pinned API version, an internal note, and the account id typed to
// confirm; the effect is stated before the button. The key is made when the dialog opens.
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { rejectAccountAction } from '@/lib/accounts/actions';
import { accountInvalidations } from '@/lib/accounts/keys';
import { rejectReasons } from '@/lib/accounts/rules';
import { PINNED_API_VERSION, rejectAccountSchema } from '@/lib/accounts/schemas';
import { disabledReasonText } from '@/lib/accounts/status';
import { OutcomeMessage } from './outcome';
import { useAccountAction, type Outcome } from './use-account-action';
import { fieldErrors } from './form-errors';

export function RejectDialog({ accountId, name, onDone }: { accountId: string; name: string; onDone: (o: Outcome) => void }) {
  const action = useAccountAction(rejectAccountAction);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const input = { accountId, reason, note, confirmation };
  const parsed = rejectAccountSchema.safeParse({ ...input, idempotencyKey: action.key ?? '' });
  const errors = fieldErrors(parsed);
  const shown = (k: string) => (touched[k] ? errors[k] : null);

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (action.pending) return;
        setOpen(o);
        if (o) {
          action.open();
          setReason('');
          setNote('');
          setConfirmation('');
          setTouched({});
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="danger" data-testid="reject-open">
          Reject…
        </Button>
      </DialogTrigger>
      <DialogContent title={`Reject ${name}`} description="Rejecting stops the account's charges and pauses its payouts, and Stripe records the reason. It can be undone only for the platform's own rejections.">
        <form
          className="space-y-3"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!parsed.success) return setTouched({ reason: true, note: true, confirmation: true });
            const r = await action.submit(input, accountInvalidations.reject(accountId));
            if (r?.ok) {
              setOpen(false);
              onDone({ ok: true, text: `Rejected. Stripe now shows the account as: ${disabledReasonText(r.data.disabledReason) ?? r.data.disabledReason}.`, requestId: r.data.requestId });
            }
          }}
        >
          <Field id="reject-reason" label="Reason (sent to Stripe)" error={shown('reason')} hint={`The reasons of API version ${PINNED_API_VERSION}.`}>
            <Select id="reject-reason" value={reason} onChange={(e) => (setReason(e.target.value), setTouched((t) => ({ ...t, reason: true })))} data-testid="reject-reason">
              <option value="">Choose a reason…</option>
              {rejectReasons(PINNED_API_VERSION).map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="reject-note" label="Internal note (audit log only, never sent to Stripe)" error={shown('note')} hint="At least 10 characters: what you saw, and where.">
            <Textarea id="reject-note" value={note} onChange={(e) => setNote(e.target.value)} onBlur={() => setTouched((t) => ({ ...t, note: true }))} data-testid="reject-note" />
          </Field>
          <Field
            id="reject-confirmation"
            label={
              <>
                Type <code className="font-mono">{accountId}</code> to confirm
              </>
            }
            error={confirmation && shown('confirmation') ? shown('confirmation') : null}
          >
            <Input
              id="reject-confirmation"
              value={confirmation}
              onChange={(e) => (setConfirmation(e.target.value), setTouched((t) => ({ ...t, confirmation: true })))}
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              data-testid="reject-confirmation"
            />
          </Field>
          {action.failure ? <OutcomeMessage outcome={action.failure} /> : null}
          <div className="flex justify-end gap-2">
            <Button onClick={() => setOpen(false)} disabled={action.pending}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={!parsed.success || action.pending} data-testid="reject-submit">
              {action.pending ? 'Rejecting…' : 'Reject account'}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
