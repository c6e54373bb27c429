'use client';
// The case's decisions for those who may take them: claim (and, for admins, reassign), clear with a
// note, escalate to an admin with a note, and approve an open review. Rejecting is the account
// page's own dialog (./case-screen.tsx). Each sends the key made when its form opened.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DialogFooter } from '@/components/forms/dialog-footer';
import { ActionState } from '@/components/money/action-state';
import type { Outcome } from '@/components/money/outcome-message';
import { useConfirmedAction } from '@/components/money/use-confirmed-action';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { invalidateViews } from '@/lib/accounts/keys';
import type { ActionResult } from '@/lib/actions/result';
import { approveReviewAction, assignCaseAction, claimCaseAction, clearCaseAction, escalateCaseAction } from '@/lib/risk/actions';
import { caseInvalidations } from '@/lib/risk/case-keys';
import type { OperatorRef } from '@/lib/risk/case-view';
import { clearCaseSchema, escalateCaseSchema, NOTE_MAX } from '@/lib/risk/schemas';

type CaseRef = { accountId: string; caseId: string };

function useCaseAction<P, T>(accountId: string, run: (p: P, idempotencyKey: string) => Promise<ActionResult<T>>, invalidations = caseInvalidations.decision(accountId)) {
  const queryClient = useQueryClient();
  return useConfirmedAction(run, { onSettled: () => invalidateViews(queryClient, invalidations) });
}

export function ClaimButton({ accountId, caseId, label = 'Claim' }: CaseRef & { label?: string }) {
  const action = useCaseAction(accountId, (p: { caseId: string }, idempotencyKey) => claimCaseAction({ ...p, idempotencyKey }));
  return (
    <span className="inline-flex flex-col gap-1">
      <Button variant="primary" disabled={action.pending} onClick={() => void action.start({ caseId })} data-testid="case-claim">
        {action.pending ? 'Claiming…' : label}
      </Button>
      <ActionState checking={action.checking} failure={action.failure} />
    </span>
  );
}

export function ReassignControl({ accountId, caseId, deciders, current }: CaseRef & { deciders: OperatorRef[]; current: string | null }) {
  const [to, setTo] = useState('');
  const action = useCaseAction(accountId, (p: { caseId: string; assigneeId: string }, idempotencyKey) => assignCaseAction({ ...p, idempotencyKey }));
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (to) void action.start({ caseId, assigneeId: to });
      }}
    >
      <Field id="case-assignee" label="Reassign to">
        <Select id="case-assignee" value={to} onChange={(e) => setTo(e.target.value)} data-testid="case-assignee">
          <option value="">Choose an operator…</option>
          {deciders
            .filter((d) => d.id !== current)
            .map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.email})
              </option>
            ))}
        </Select>
      </Field>
      <Button type="submit" disabled={!to || action.pending} data-testid="case-reassign">
        {action.pending ? 'Reassigning…' : 'Reassign'}
      </Button>
      <ActionState checking={action.checking} failure={action.failure} />
    </form>
  );
}

const NOTE_DECISIONS = {
  clear: {
    label: 'Clear…',
    title: 'Clear this case',
    description: 'The account leaves the queue. The signals it has now are recorded with your note; only a new signal reopens it.',
    field: 'Why is it fine? (required; kept with the case)',
    submit: 'Clear the case',
    pending: 'Clearing…',
    schema: clearCaseSchema,
    run: clearCaseAction,
    done: 'Cleared. The signals present now are recorded with the decision.',
  },
  escalate: {
    label: 'Escalate…',
    title: 'Escalate to an admin',
    description: 'The case stays open and is marked for an admin to decide, with your note.',
    field: 'What should the admin look at? (required)',
    submit: 'Escalate',
    pending: 'Escalating…',
    schema: escalateCaseSchema,
    run: escalateCaseAction,
    done: 'Escalated to the admins.',
  },
} as const;

export function NoteDecisionDialog({ accountId, caseId, kind, onDone }: CaseRef & { kind: keyof typeof NOTE_DECISIONS; onDone: (o: Outcome) => void }) {
  const d = NOTE_DECISIONS[kind];
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const action = useCaseAction(accountId, (p: { caseId: string; note: string }, idempotencyKey) => d.run({ ...p, idempotencyKey }));
  const parsed = d.schema.safeParse({ caseId, note });
  const error = touched && !parsed.success ? (parsed.error.issues[0]?.message ?? null) : null;
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (action.pending || action.checking) return;
        setOpen(o);
        if (o) {
          action.open({ caseId, note: '' });
          setNote('');
          setTouched(false);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button data-testid={`case-${kind}-open`}>{d.label}</Button>
      </DialogTrigger>
      <DialogContent title={d.title} description={d.description}>
        <form
          className="space-y-3"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!parsed.success) return setTouched(true);
            const r = await action.confirm({ caseId, note });
            if (r?.ok) {
              setOpen(false);
              onDone({ ok: true, text: d.done });
            }
          }}
        >
          <Field id={`case-${kind}-note`} label={d.field} error={error} hint="At least 10 characters.">
            <Textarea id={`case-${kind}-note`} value={note} maxLength={NOTE_MAX} onChange={(e) => setNote(e.target.value)} onBlur={() => setTouched(true)} data-testid={`case-${kind}-note`} />
          </Field>
          <DialogFooter action={action} onCancel={() => setOpen(false)} submitLabel={d.submit} pendingLabel={d.pending} submitTestId={`case-${kind}-submit`} submitDisabled={!parsed.success} />
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function ApproveReviewButton({ accountId, caseId, reviewId, onDone }: CaseRef & { reviewId: string; onDone: (o: Outcome) => void }) {
  const action = useCaseAction(accountId, (p: { caseId: string; reviewId: string }, idempotencyKey) => approveReviewAction({ ...p, idempotencyKey }), caseInvalidations.approve(accountId));
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        size="sm"
        disabled={action.pending}
        data-testid="review-approve"
        onClick={async () => {
          const r = await action.start({ caseId, reviewId });
          if (r?.ok) onDone({ ok: true, text: `Review ${reviewId} approved: Radar closed it.`, requestId: r.data.requestId });
        }}
      >
        {action.pending ? 'Approving…' : 'Approve'}
      </Button>
      <ActionState checking={action.checking} failure={action.failure} />
    </span>
  );
}
