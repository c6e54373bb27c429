'use client';
// Above a money form: what its last action came to, until the operator dismisses it or starts
// again: done (in words, with the object made), or a failure that no longer has a review to sit in
// (e.g. the object changed and no fresh review could be made).
import { ActionState } from '@/components/money/action-state';
import { OutcomeMessage } from '@/components/money/outcome-message';
import type { ActionFailure } from '@/lib/actions/result';

export function FormOutcome({
  done,
  onDismissDone,
  testId,
  action,
}: {
  done: string | null;
  onDismissDone: () => void;
  testId: string;
  action: { review: unknown; failure: ActionFailure | null; dismiss: () => void };
}) {
  if (done) return <OutcomeMessage outcome={{ ok: true, text: done }} testId={testId} onDismiss={onDismissDone} />;
  return <ActionState checking={null} failure={action.review ? null : action.failure} onDismiss={action.dismiss} />;
}
