'use client';
// Update: e-mail, business profile and metadata, with Stripe's metadata rules shown as the
// operator types (50 keys, keys up to 40 characters without brackets, values up to 500; an empty
// value removes the key). Only what changed is sent.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type Stripe from 'stripe';
import { DialogFooter } from '@/components/forms/dialog-footer';
import { MetadataEditor } from '@/components/money/metadata-editor';
import type { Outcome } from '@/components/money/outcome-message';
import { useConfirmedAction } from '@/components/money/use-confirmed-action';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { updateAccountAction } from '@/lib/accounts/actions';
import { accountInvalidations, invalidateViews } from '@/lib/accounts/keys';
import { updateAccountSchema } from '@/lib/accounts/schemas';
import { updateFormValues, updateParams } from '@/lib/accounts/view';
import { fieldErrors } from './form-errors';

type Values = ReturnType<typeof updateFormValues>;
const PROFILE: [keyof Values['businessProfile'], string][] = [
  ['name', 'Business name'],
  ['url', 'Website'],
  ['supportEmail', 'Support e-mail'],
  ['supportPhone', 'Support phone'],
  ['productDescription', 'Products or services'],
];

export function UpdateDialog({ account, onDone }: { account: Stripe.Account; onDone: (o: Outcome) => void }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const action = useConfirmedAction((p: Values, idempotencyKey: string) => updateAccountAction({ ...p, idempotencyKey }), {
    onSettled: () => invalidateViews(queryClient, accountInvalidations.update(account.id)),
    onRecovered: (status) => (setOpen(false), onDone({ ok: true, text: `Saved, although Stripe's answer had been lost. ${status.resolution ?? ''}`.trim() })),
  });
  const [values, setValues] = useState<Values>(() => updateFormValues(account));
  const initial = updateFormValues(account);
  const parsed = updateAccountSchema.safeParse({ ...values, idempotencyKey: action.key ?? '' });
  const errors = fieldErrors(parsed);
  const changes = Object.keys(updateParams(initial, values));

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (action.pending || action.checking) return;
        setOpen(o);
        if (o) {
          action.open(updateFormValues(account));
          setValues(updateFormValues(account));
        }
      }}
    >
      <DialogTrigger asChild>
        <Button data-testid="update-open">Edit details…</Button>
      </DialogTrigger>
      <DialogContent title="Edit account details" description="Only the fields you change are sent to Stripe." className="max-h-[80vh] overflow-y-auto">
        <form
          className="space-y-3"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!parsed.success || changes.length === 0) return;
            const r = await action.confirm(values);
            if (r?.ok) {
              setOpen(false);
              onDone({ ok: true, text: `Saved: ${r.data.changed.map((c) => c.replace(/_/g, ' ')).join(', ')} updated in Stripe.`, requestId: r.data.requestId });
            }
          }}
        >
          <Field id="update-email" label="E-mail" error={errors.email}>
            <Input id="update-email" type="email" value={values.email} onChange={(e) => setValues((v) => ({ ...v, email: e.target.value }))} data-testid="update-email" />
          </Field>
          <div className="grid gap-3 sm:grid-cols-2">
            {PROFILE.map(([k, label]) => (
              <Field key={k} id={`update-${k}`} label={label} error={errors[`businessProfile.${k}`]}>
                <Input id={`update-${k}`} value={values.businessProfile[k]} onChange={(e) => setValues((v) => ({ ...v, businessProfile: { ...v.businessProfile, [k]: e.target.value } }))} />
              </Field>
            ))}
          </div>
          <fieldset className="space-y-1.5">
            <legend className="text-xs font-medium text-neutral-700">Metadata</legend>
            <MetadataEditor rows={values.metadata} onChange={(metadata) => setValues((v) => ({ ...v, metadata }))} disabled={action.pending} errors={errors} emptyRemoves />
          </fieldset>
          <DialogFooter action={action} onCancel={() => setOpen(false)} submitLabel="Save" pendingLabel="Saving…" submitTestId="update-submit" submitDisabled={!parsed.success || changes.length === 0} note={changes.length === 0 ? 'No changes yet.' : `Will change: ${changes.join(', ').replace(/_/g, ' ')}.`} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
