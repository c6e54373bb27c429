'use client';
// Capabilities: each one's status and what it still needs, and (for roles that may, on accounts the
// platform manages) requesting or removing it after a one-line confirmation. Where a four-eyes
// policy covers capability changes (off by default; live mode when turned on), the confirmation
// says so, asks why (the request's required note) and sends a request for approval instead.
import { useQueryClient } from '@tanstack/react-query';
import clsx from 'clsx';
import { useId, useState } from 'react';
import type Stripe from 'stripe';
import { ApprovalNotice } from '@/components/approvals/approval-notice';
import { useApprovalNeed } from '@/components/approvals/use-approval-need';
import { ActionState } from '@/components/money/action-state';
import type { Outcome } from '@/components/money/outcome-message';
import { useConfirmedAction } from '@/components/money/use-confirmed-action';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/textarea';
import { toneOf } from '@/components/accounts/tone';
import { updateCapabilityAction } from '@/lib/accounts/actions';
import type { ActionResult } from '@/lib/actions/result';
import { requestApprovalAction } from '@/lib/approvals/actions';
import { approvalKeys, isApprovalRequested, type ApprovalRequested } from '@/lib/approvals/keys';
import { requestApprovalSchema, requestKeyFor } from '@/lib/approvals/schemas';
import { accountInvalidations, invalidateViews } from '@/lib/accounts/keys';
import { describeRequirements, type PersonName } from '@/lib/accounts/requirements';
import { capabilityTone } from '@/lib/accounts/status';
import { capabilityLabel } from '@/lib/accounts/view';

type CapabilityChange = { accountId: string; capability: string; requested: boolean };
type Changed = { status: string; requested: boolean; requestId: string | null };

function CapabilityToggle({ accountId, capability, onDone }: { accountId: string; capability: Stripe.Capability; onDone: (o: Outcome) => void }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  const [noteTouched, setNoteTouched] = useState(false);
  const noteId = useId();
  const requested = !capability.requested;
  const need = useApprovalNeed('capability_change', confirming ? {} : null);
  const approval = need?.needed ? need.why : null;
  const action = useConfirmedAction(
    (p: CapabilityChange & { note: string }, idempotencyKey: string): Promise<ActionResult<Changed | ApprovalRequested>> => {
      const { note: why, ...change } = p;
      return approval
        ? requestApprovalAction({ action: 'capability_change', params: { ...change, idempotencyKey }, note: why, idempotencyKey: requestKeyFor(idempotencyKey) })
        : updateCapabilityAction({ ...change, idempotencyKey });
    },
    {
      onSettled: () => {
        void queryClient.invalidateQueries({ queryKey: approvalKeys.object(accountId) });
        return invalidateViews(queryClient, accountInvalidations.capability(accountId));
      },
      onRecovered: (status) => (setConfirming(false), onDone({ ok: true, text: `${capabilityLabel(capability.id)}: done, although Stripe's answer had been lost. ${status.resolution ?? ''}`.trim() })),
    },
  );
  // The request's own note schema, as the server checks it.
  const noteError = approval ? requestApprovalSchema.shape.note.safeParse(note).error?.issues[0]?.message ?? null : null;
  const verb = requested ? 'Request' : 'Remove';
  if (!confirming) {
    return (
      <Button
        size="sm"
        variant={requested ? 'secondary' : 'ghost'}
        onClick={() => {
          action.open({ accountId, capability: capability.id, requested, note: '' });
          setNote('');
          setNoteTouched(false);
          setConfirming(true);
        }}
        data-testid={`capability-${capability.id}-toggle`}
      >
        {verb}
      </Button>
    );
  }
  return (
    // With the request's note it needs room: on a phone it wraps below the capability's name.
    <div className={clsx('flex max-w-full flex-col items-end gap-1', approval ? 'w-80' : 'max-w-64')}>
      <p className="text-right text-xs text-neutral-600">
        {requested ? `Ask Stripe to enable ${capabilityLabel(capability.id)}; it may need more information first.` : `Stop ${capabilityLabel(capability.id)}: the account can no longer use it.`}
      </p>
      {approval ? (
        <div className="flex w-full flex-col gap-1">
          <ApprovalNotice why={approval} />
          <label htmlFor={noteId} className="text-xs font-medium text-neutral-700">
            Why (required, for the approver and the audit log)
          </label>
          <Textarea
            id={noteId}
            value={note}
            rows={2}
            className="min-h-0"
            onChange={(e) => setNote(e.target.value)}
            onBlur={() => setNoteTouched(true)}
            aria-invalid={noteTouched && noteError ? true : undefined}
            aria-describedby={noteTouched && noteError ? `${noteId}-error` : undefined}
            data-testid={`capability-${capability.id}-note`}
          />
          {noteTouched && noteError ? (
            <p id={`${noteId}-error`} className="text-xs text-mode-live-ink">
              {noteError}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="flex gap-1">
        <Button
          size="sm"
          variant={requested ? 'primary' : 'danger'}
          disabled={action.pending || (approval !== null && noteError !== null)}
          data-testid={`capability-${capability.id}-confirm`}
          onClick={async () => {
            const r = await action.confirm({ accountId, capability: capability.id, requested, note: approval ? note.trim() : '' });
            if (!r?.ok) return;
            setConfirming(false);
            const data = r.data;
            if (isApprovalRequested(data)) {
              onDone({ ok: true, text: `Approval requested (${data.requestId}): ${capabilityLabel(capability.id)} is not ${requested ? 'requested' : 'removed'} until another operator approves it in Approvals.` });
            } else {
              onDone({ ok: true, text: `${capabilityLabel(capability.id)}: ${requested ? 'requested' : 'removed'}; Stripe now says ${data.status}.`, requestId: data.requestId });
            }
          }}
        >
          {action.pending ? (approval ? 'Requesting…' : 'Saving…') : approval ? 'Request approval' : `Confirm ${verb.toLowerCase()}`}
        </Button>
        <Button size="sm" variant="ghost" disabled={action.pending || action.checking !== null} onClick={() => (action.back(), setConfirming(false))}>
          Cancel
        </Button>
      </div>
      <ActionState checking={action.checking} failure={action.failure} />
    </div>
  );
}

export function CapabilitiesBody({
  accountId,
  capabilities,
  persons,
  manage,
  onDone,
}: {
  accountId: string;
  capabilities: Stripe.Capability[];
  persons: PersonName[];
  /** null when the role may not; otherwise whether Stripe lets the platform, and why not. */
  manage: { allowed: boolean; why?: string } | null;
  onDone: (o: Outcome) => void;
}) {
  if (capabilities.length === 0) return <p className="text-sm text-neutral-600">No capabilities requested.</p>;
  return (
    <>
      {manage && !manage.allowed ? <p className="mb-2 text-xs text-neutral-500">{manage.why}</p> : null}
      <ul className="divide-y divide-neutral-200">
        {capabilities.map((c) => {
          const due = [...(c.requirements?.past_due ?? []), ...(c.requirements?.currently_due ?? [])];
          const lines = describeRequirements([...new Set(due)], persons);
          return (
            <li key={c.id} className="flex flex-wrap items-start justify-between gap-3 py-2" data-testid={`capability-${c.id}`}>
              <div className="min-w-48 flex-1">
                <div className="flex items-center gap-2">
                  <span className="text-sm font-medium text-neutral-900">{capabilityLabel(c.id)}</span>
                  <Badge tone={toneOf(capabilityTone(c.status))}>{c.status}</Badge>
                  {!c.requested ? <span className="text-xs text-neutral-500">not requested</span> : null}
                </div>
                {lines.length > 0 ? (
                  <p className="mt-0.5 text-xs text-neutral-600">
                    Needs: {lines.map((l) => `${l.subject}: ${l.label}`).join('; ')}
                  </p>
                ) : null}
              </div>
              {manage?.allowed ? <div className="ml-auto max-w-full shrink-0"><CapabilityToggle accountId={accountId} capability={c} onDone={onDone} /></div> : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
