'use client';
// What the confirm hook knows of the last request, wherever a form shows it: "checking" while an
// unknown outcome is found out, else the failure in plain words with Stripe's request id (and a
// way to dismiss it, where the screen offers one). Nothing once the operator has dismissed it.
import { ActionFailureBox } from '@/components/money/action-failure';
import { OutcomeChecking } from '@/components/outcomes/outcome-checking';
import type { Checking } from '@/components/outcomes/use-request-follow';
import type { ActionFailure } from '@/lib/actions/result';

export function ActionState({ checking, failure, onDismiss }: { checking: Checking | null; failure: ActionFailure | null; onDismiss?: () => void }) {
  if (checking) return <OutcomeChecking checking={checking} />;
  return failure ? <ActionFailureBox failure={failure} onDismiss={onDismiss} /> : null;
}
