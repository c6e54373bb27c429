'use client';
// Capabilities: each one's status and what it still needs, and (for roles that may, on accounts the
// platform manages) requesting or removing it after a one-line confirmation.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type Stripe from 'stripe';
import { ActionState } from '@/components/money/action-state';
import type { Outcome } from '@/components/money/outcome-message';
import { useConfirmedAction } from '@/components/money/use-confirmed-action';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { toneOf } from '@/components/accounts/tone';
import { updateCapabilityAction } from '@/lib/accounts/actions';
import { accountInvalidations, invalidateViews } from '@/lib/accounts/keys';
import { describeRequirements, type PersonName } from '@/lib/accounts/requirements';
import { capabilityTone } from '@/lib/accounts/status';
import { capabilityLabel } from '@/lib/accounts/view';

function CapabilityToggle({ accountId, capability, onDone }: { accountId: string; capability: Stripe.Capability; onDone: (o: Outcome) => void }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const requested = !capability.requested;
  const action = useConfirmedAction((p: { accountId: string; capability: string; requested: boolean }, idempotencyKey: string) => updateCapabilityAction({ ...p, idempotencyKey }), {
    onSettled: () => invalidateViews(queryClient, accountInvalidations.capability(accountId)),
    onRecovered: (status) => (setConfirming(false), onDone({ ok: true, text: `${capabilityLabel(capability.id)}: done, although Stripe's answer had been lost. ${status.resolution ?? ''}`.trim() })),
  });
  const verb = requested ? 'Request' : 'Remove';
  if (!confirming) {
    return (
      <Button
        size="sm"
        variant={requested ? 'secondary' : 'ghost'}
        onClick={() => {
          action.open({ accountId, capability: capability.id, requested });
          setConfirming(true);
        }}
        data-testid={`capability-${capability.id}-toggle`}
      >
        {verb}
      </Button>
    );
  }
  return (
    <div className="flex flex-col items-end gap-1">
      <p className="max-w-64 text-right text-xs text-neutral-600">
        {requested ? `Ask Stripe to enable ${capabilityLabel(capability.id)}; it may need more information first.` : `Stop ${capabilityLabel(capability.id)}: the account can no longer use it.`}
      </p>
      <div className="flex gap-1">
        <Button
          size="sm"
          variant={requested ? 'primary' : 'danger'}
          disabled={action.pending}
          data-testid={`capability-${capability.id}-confirm`}
          onClick={async () => {
            const r = await action.confirm();
            if (r?.ok) {
              setConfirming(false);
              onDone({ ok: true, text: `${capabilityLabel(capability.id)}: ${requested ? 'requested' : 'removed'}; Stripe now says ${r.data.status}.`, requestId: r.data.requestId });
            }
          }}
        >
          {action.pending ? 'Saving…' : `Confirm ${verb.toLowerCase()}`}
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
            <li key={c.id} className="flex items-start justify-between gap-3 py-2" data-testid={`capability-${c.id}`}>
              <div className="min-w-0 flex-1">
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
              {manage?.allowed ? <div className="shrink-0"><CapabilityToggle accountId={accountId} capability={c} onDone={onDone} /></div> : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
