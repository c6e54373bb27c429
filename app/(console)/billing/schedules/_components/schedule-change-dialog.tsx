'use client';
// Cancel or release one schedule: the effect in words (the subscription, its invoices, the
// platform's fees still to come), Stripe's options (invoice now and prorate; keep the cancellation
// date), the schedule id typed to confirm. The request key is made when the dialog opens. Where a
// four-eyes policy covers it (by default: live mode), the dialog says so and asks for approval.
// While an unknown outcome is being checked the dialog stays open (no way back to a new request),
// and it says what the request it followed did: this one, or an earlier one that blocked it.
import { useQueryClient } from '@tanstack/react-query';
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
import type { ActionResult } from '@/lib/actions/result';
import { requestApprovalAction } from '@/lib/approvals/actions';
import { approvalKeys, isApprovalRequested, type ApprovalRequested } from '@/lib/approvals/keys';
import { requestKeyFor } from '@/lib/approvals/schemas';
import { cancelScheduleAction, releaseScheduleAction } from '@/lib/billing/schedules/actions';
import { scheduleChangeDone } from '@/lib/billing/schedules/change-words';
import { scheduleKeys } from '@/lib/billing/schedules/keys';
import type { ScheduleChange } from '@/lib/billing/schedules/mutations';
import type { FutureFees } from '@/lib/billing/schedules/projection';
import { cancelScheduleSchema, describeCancel, describeRelease, releaseScheduleSchema } from '@/lib/billing/schedules/schemas';

export type ScheduleRef = { id: string; accountId: string; subscriptionId: string | null };

type Options = { invoiceNow: boolean; prorate: boolean; preserveCancelDate: boolean };
type Payload = Options & { confirmation: string; note: string };

const WORDS = {
  cancel: { open: 'Cancel schedule…', title: 'Cancel the schedule', submit: 'Cancel the schedule', pending: 'Cancelling…', approval: 'schedule_cancel' },
  release: { open: 'Release schedule…', title: 'Release the schedule', submit: 'Release the schedule', pending: 'Releasing…', approval: 'schedule_release' },
} as const;

export function ScheduleChangeDialog({ kind, schedule, future, disabled }: { kind: 'cancel' | 'release'; schedule: ScheduleRef; future: FutureFees; disabled: boolean }) {
  const words = WORDS[kind];
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const need = useApprovalNeed(words.approval, open ? {} : null);
  const approval = need?.needed ? need.why : null;
  const [requested, setRequested] = useState<string | null>(null);
  /** What was done, in words, once it is known. */
  const [done, setDone] = useState<string | null>(null);
  const [options, setOptions] = useState<Options>({ invoiceNow: true, prorate: false, preserveCancelDate: false });
  const [confirmation, setConfirmation] = useState('');
  const [note, setNote] = useState('');
  const target = { scheduleId: schedule.id, accountId: schedule.accountId };
  const inputOf = (p: Payload) =>
    kind === 'cancel' ? { ...target, invoiceNow: p.invoiceNow, prorate: p.prorate, confirmation: p.confirmation } : { ...target, preserveCancelDate: p.preserveCancelDate, confirmation: p.confirmation };
  const action = useConfirmedAction(
    (p: Payload, idempotencyKey: string): Promise<ActionResult<ScheduleChange | ApprovalRequested>> => {
      const input = inputOf(p);
      if (approval) return requestApprovalAction({ action: words.approval, params: { ...input, idempotencyKey }, note: p.note, idempotencyKey: requestKeyFor(idempotencyKey) });
      return kind === 'cancel' ? cancelScheduleAction({ ...(input as Parameters<typeof cancelScheduleAction>[0]), idempotencyKey }) : releaseScheduleAction({ ...(input as Parameters<typeof releaseScheduleAction>[0]), idempotencyKey });
    },
    {
      // Exactly what changed: this schedule (whichever account parameter read it), its approvals, and the schedule lists (the index row follows by webhook).
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: scheduleKeys.anyDetail(schedule.id) }),
          queryClient.invalidateQueries({ queryKey: approvalKeys.object(schedule.id) }),
          queryClient.invalidateQueries({ queryKey: scheduleKeys.lists() }),
        ]),
      onRecovered: (status) => setDone(scheduleChangeDone(kind, status)),
    },
  );
  const payload: Payload = { ...options, confirmation, note };
  const schema = kind === 'cancel' ? cancelScheduleSchema : releaseScheduleSchema;
  const parsed = schema.safeParse({ ...inputOf(payload), idempotencyKey: action.key ?? '' });
  const confirmError = parsed.success ? null : (parsed.error.issues.find((i) => i.path[0] === 'confirmation')?.message ?? null);
  const noteMissing = approval !== null && note.trim().length < 3;
  const review = kind === 'cancel' ? describeCancel({ ...target, ...options }, schedule.subscriptionId, future) : describeRelease({ ...target, ...options }, schedule.subscriptionId, future);

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (action.pending || action.checking) return;
        setOpen(o);
        if (o) {
          setRequested(null);
          setDone(null);
          setConfirmation('');
          setNote('');
          setOptions({ invoiceNow: true, prorate: false, preserveCancelDate: false });
          action.open({ invoiceNow: true, prorate: false, preserveCancelDate: false, confirmation: '', note: '' });
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant={kind === 'cancel' ? 'danger' : 'secondary'} disabled={disabled} data-testid={`schedule-${kind}-open`}>
          {words.open}
        </Button>
      </DialogTrigger>
      <DialogContent title={words.title} description={`Schedule ${schedule.id} on account ${schedule.accountId}. This cannot be undone.`}>
        {requested ? (
          <p role="status" className="text-sm text-neutral-700" data-testid="schedule-change-requested">
            Approval requested ({requested}): nothing changes until another operator approves it in Approvals.
          </p>
        ) : done ? (
          <p role="status" className="text-sm text-neutral-700" data-testid="schedule-change-done">
            {done}
          </p>
        ) : (
          <form
            className="space-y-3"
            onSubmit={async (e) => {
              e.preventDefault();
              if (!parsed.success || noteMissing) return;
              const r = await action.confirm(payload);
              if (r?.ok && isApprovalRequested(r.data)) setRequested(r.data.requestId);
              else if (r?.ok) setDone(scheduleChangeDone(kind, null));
            }}
          >
            <p className="rounded-md border border-neutral-300 bg-neutral-50 p-3 text-sm font-medium text-neutral-900 [overflow-wrap:anywhere]" data-testid="schedule-review">
              {review}
            </p>
            {kind === 'cancel' ? (
              <fieldset className="space-y-1 text-sm text-neutral-700">
                <legend className="sr-only">Options</legend>
                <label className="flex items-center gap-2">
                  <input type="checkbox" className="size-4 accent-brand-600" checked={options.invoiceNow} onChange={(e) => setOptions({ ...options, invoiceNow: e.target.checked })} data-testid="schedule-invoice-now" />
                  Invoice the usage reported so far now (invoice_now)
                </label>
                <label className="flex items-center gap-2">
                  <input type="checkbox" className="size-4 accent-brand-600" checked={options.prorate} onChange={(e) => setOptions({ ...options, prorate: e.target.checked })} data-testid="schedule-prorate" />
                  Prorate the current period (prorate)
                </label>
              </fieldset>
            ) : (
              <label className="flex items-center gap-2 text-sm text-neutral-700">
                <input type="checkbox" className="size-4 accent-brand-600" checked={options.preserveCancelDate} onChange={(e) => setOptions({ ...options, preserveCancelDate: e.target.checked })} data-testid="schedule-preserve-cancel-date" />
                Keep the subscription’s cancellation date, if it has one (preserve_cancel_date)
              </label>
            )}
            {approval ? (
              <Field id={`schedule-${kind}-note`} label="Why (for the approver)" error={noteMissing && note ? 'Say why, in a few words.' : null}>
                <Textarea id={`schedule-${kind}-note`} value={note} onChange={(e) => setNote(e.target.value)} data-testid="schedule-note" />
              </Field>
            ) : null}
            <Field
              id={`schedule-${kind}-confirmation`}
              label={
                <>
                  Type <code className="font-mono">{schedule.id}</code> to confirm
                </>
              }
              error={confirmation ? confirmError : null}
            >
              <Input
                id={`schedule-${kind}-confirmation`}
                value={confirmation}
                onChange={(e) => setConfirmation(e.target.value)}
                autoComplete="off"
                spellCheck={false}
                className="font-mono"
                data-testid="schedule-confirmation"
              />
            </Field>
            {approval ? <ApprovalNotice why={approval} /> : null}
            <DialogFooter
              action={action}
              onCancel={() => setOpen(false)}
              submitLabel={approval ? 'Request approval' : words.submit}
              pendingLabel={approval ? 'Requesting…' : words.pending}
              submitTestId="schedule-change-submit"
              submitDisabled={!parsed.success || noteMissing}
              tone="danger"
            />
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
