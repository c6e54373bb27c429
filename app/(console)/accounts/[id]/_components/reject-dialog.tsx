'use client';
// Reject: a reason of the pinned API version, an internal note, and the account id typed to
// confirm; the effect is stated before the button. The key is made when the dialog opens. The risk
// case page opens the same dialog with its own action (the same rejection, which also decides the
// case). Where a four-eyes policy covers the rejection (by default: live mode), the dialog says so
// and sends a request for approval instead (from a case too: the approved rejection then runs as the
// account page's own, and the case is decided by hand).
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApprovalNotice } from '@/components/approvals/approval-notice';
import { useApprovalNeed } from '@/components/approvals/use-approval-need';
import { DialogFooter } from '@/components/forms/dialog-footer';
import { useConfirmedAction } from '@/components/money/use-confirmed-action';
import type { Outcome } from '@/components/money/outcome-message';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { rejectAccountAction } from '@/lib/accounts/actions';
import type { ActionResult } from '@/lib/actions/result';
import { requestApprovalAction } from '@/lib/approvals/actions';
import { approvalKeys, isApprovalRequested, type ApprovalRequested } from '@/lib/approvals/keys';
import { requestKeyFor } from '@/lib/approvals/schemas';
import { accountInvalidations, invalidateViews } from '@/lib/accounts/keys';
import { rejectReasons } from '@/lib/accounts/rules';
import { PINNED_API_VERSION, rejectAccountSchema } from '@/lib/accounts/schemas';
import { disabledReasonText } from '@/lib/accounts/status';
import { fieldErrors } from './form-errors';

export type RejectInput = { accountId: string; reason: string; note: string; confirmation: string };
type Rejected = { disabledReason: string | null; requestId: string | null };
/** The action the dialog sends: the account page's rejection unless told otherwise. */
export type RejectRun = (p: RejectInput, idempotencyKey: string) => Promise<ActionResult<Rejected>>;

const rejectOnAccountPage: RejectRun = (p, idempotencyKey) => rejectAccountAction({ ...p, idempotencyKey });

export function RejectDialog({
  accountId,
  name,
  onDone,
  reject = rejectOnAccountPage,
  onSettled,
  label = 'Reject…',
}: {
  accountId: string;
  name: string;
  onDone: (o: Outcome) => void;
  reject?: RejectRun;
  /** What else the rejection changed, to refetch besides the account's views. */
  onSettled?: () => Promise<unknown>;
  label?: string;
}) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const need = useApprovalNeed('account_reject', open ? {} : null);
  const approval = need?.needed ? need.why : null;
  const action = useConfirmedAction(
    (p: RejectInput, idempotencyKey: string): Promise<ActionResult<Rejected | ApprovalRequested>> =>
      approval
        ? requestApprovalAction({ action: 'account_reject', params: { ...p, idempotencyKey }, note: p.note, idempotencyKey: requestKeyFor(idempotencyKey) })
        : reject(p, idempotencyKey),
    {
      onSettled: () => {
        void queryClient.invalidateQueries({ queryKey: approvalKeys.object(accountId) });
        return Promise.all([invalidateViews(queryClient, accountInvalidations.reject(accountId)), onSettled?.()]);
      },
      onRecovered: (status) => (setOpen(false), onDone({ ok: true, text: `Rejected, although Stripe's answer had been lost. ${status.resolution ?? ''}`.trim() })),
    },
  );
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const input: RejectInput = { accountId, reason, note, confirmation };
  const parsed = rejectAccountSchema.safeParse({ ...input, idempotencyKey: action.key ?? '' });
  const errors = fieldErrors(parsed);
  const shown = (k: string) => (touched[k] ? errors[k] : null);

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (action.pending || action.checking) return;
        setOpen(o);
        if (o) {
          action.open({ accountId, reason: '', note: '', confirmation: '' });
          setReason('');
          setNote('');
          setConfirmation('');
          setTouched({});
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="danger" data-testid="reject-open">
          {label}
        </Button>
      </DialogTrigger>
      <DialogContent title={`Reject ${name}`} description="Rejecting stops the account's charges and pauses its payouts, and Stripe records the reason. It can be undone only for the platform's own rejections.">
        <form
          className="space-y-3"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!parsed.success) return setTouched({ reason: true, note: true, confirmation: true });
            const r = await action.confirm(input);
            if (!r?.ok) return;
            setOpen(false);
            const data = r.data;
            if (isApprovalRequested(data)) onDone({ ok: true, text: `Approval requested (${data.requestId}): the account is not rejected until another operator approves it in Approvals.` });
            else onDone({ ok: true, text: `Rejected. Stripe now shows the account as: ${disabledReasonText(data.disabledReason) ?? data.disabledReason}.`, requestId: data.requestId });
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
          {approval ? <ApprovalNotice why={approval} /> : null}
          <DialogFooter
            action={action}
            onCancel={() => setOpen(false)}
            submitLabel={approval ? 'Request approval' : 'Reject account'}
            pendingLabel={approval ? 'Requesting…' : 'Rejecting…'}
            submitTestId="reject-submit"
            submitDisabled={!parsed.success}
            tone="danger"
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
