'use client';
// Update: e-mail, business profile and metadata, with Stripe's metadata rules shown as the
// operator types (50 keys, keys up to 40 characters without brackets, values up to 500; an empty
// value removes the key). Only what changed is sent.
import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type Stripe from 'stripe';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { updateAccountAction } from '@/lib/accounts/actions';
import { accountInvalidations } from '@/lib/accounts/keys';
import { updateAccountSchema } from '@/lib/accounts/schemas';
import { updateFormValues, updateParams } from '@/lib/accounts/view';
import { fieldErrors } from './form-errors';
import { OutcomeMessage } from './outcome';
import { useAccountAction, type Outcome } from './use-account-action';

type Values = ReturnType<typeof updateFormValues>;
const PROFILE: [keyof Values['businessProfile'], string][] = [
  ['name', 'Business name'],
  ['url', 'Website'],
  ['supportEmail', 'Support e-mail'],
  ['supportPhone', 'Support phone'],
  ['productDescription', 'Products or services'],
];

export function UpdateDialog({ account, onDone }: { account: Stripe.Account; onDone: (o: Outcome) => void }) {
  const action = useAccountAction(updateAccountAction);
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Values>(() => updateFormValues(account));
  const initial = updateFormValues(account);
  const parsed = updateAccountSchema.safeParse({ ...values, idempotencyKey: action.key ?? '' });
  const errors = fieldErrors(parsed);
  const changes = Object.keys(updateParams(initial, values));
  const rows = values.metadata;
  const setRow = (i: number, patch: Partial<{ key: string; value: string }>) => setValues((v) => ({ ...v, metadata: v.metadata.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (action.pending) return;
        setOpen(o);
        if (o) {
          action.open();
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
            const r = await action.submit(values, accountInvalidations.update(account.id));
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
          <fieldset className="space-y-1.5" data-testid="metadata-editor">
            <legend className="text-xs font-medium text-neutral-700">Metadata</legend>
            <p className={`text-xs ${rows.length > 50 ? 'text-mode-live-ink' : 'text-neutral-500'}`} data-testid="metadata-rules">
              {rows.length} of 50 keys. Keys up to 40 characters, no square brackets; values up to 500. An empty value removes the key in Stripe.
            </p>
            {errors.metadata ? <p className="text-xs text-mode-live-ink">{errors.metadata}</p> : null}
            {rows.map((row, i) => {
              const keyError = errors[`metadata.${i}.key`];
              const valueError = errors[`metadata.${i}.value`];
              return (
                <div key={i} className="flex items-start gap-2">
                  <div className="w-40">
                    <Input aria-label={`Key ${i + 1}`} value={row.key} onChange={(e) => setRow(i, { key: e.target.value })} className="w-full font-mono text-xs" data-testid={`metadata-key-${i}`} />
                    <p className={`text-[11px] ${keyError ? 'text-mode-live-ink' : 'text-neutral-500'}`}>{keyError ?? `${row.key.trim().length}/40`}</p>
                  </div>
                  <div className="flex-1">
                    <Input aria-label={`Value ${i + 1}`} value={row.value} onChange={(e) => setRow(i, { value: e.target.value })} className="w-full font-mono text-xs" data-testid={`metadata-value-${i}`} />
                    <p className={`text-[11px] ${valueError ? 'text-mode-live-ink' : 'text-neutral-500'}`}>{valueError ?? (row.value === '' ? 'empty: removes the key' : `${row.value.length}/500`)}</p>
                  </div>
                  <Button size="sm" variant="ghost" aria-label={`Remove key ${row.key || i + 1}`} onClick={() => setValues((v) => ({ ...v, metadata: v.metadata.filter((_, j) => j !== i) }))}>
                    <Trash2 aria-hidden className="size-4" />
                  </Button>
                </div>
              );
            })}
            <Button size="sm" variant="ghost" disabled={rows.length >= 50} onClick={() => setValues((v) => ({ ...v, metadata: [...v.metadata, { key: '', value: '' }] }))} data-testid="metadata-add">
              <Plus aria-hidden className="size-4" /> Add a key
            </Button>
          </fieldset>
          {action.failure ? <OutcomeMessage outcome={action.failure} /> : null}
          <div className="flex items-center justify-end gap-2">
            <span className="mr-auto text-xs text-neutral-500">{changes.length === 0 ? 'No changes yet.' : `Will change: ${changes.join(', ').replace(/_/g, ' ')}.`}</span>
            <Button onClick={() => setOpen(false)} disabled={action.pending}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" disabled={!parsed.success || changes.length === 0 || action.pending} data-testid="update-submit">
              {action.pending ? 'Saving…' : 'Save'}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
