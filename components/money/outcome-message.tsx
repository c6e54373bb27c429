'use client';
// An action's outcome in plain words, with Stripe's request id to quote when asking for help; it
// stays until the operator dismisses it (when the screen offers that) or starts again.
import { DismissButton } from '@/components/money/dismiss-button';

export type Outcome = { ok: boolean; text: string; requestId?: string | null };

export function OutcomeMessage({ outcome, testId = 'action-outcome', onDismiss }: { outcome: Outcome; testId?: string; onDismiss?: () => void }) {
  return (
    <div
      role={outcome.ok ? 'status' : 'alert'}
      data-testid={testId}
      data-ok={outcome.ok}
      className={
        outcome.ok
          ? 'flex items-start gap-2 rounded-md border border-emerald-500/30 bg-emerald-500/10 px-3 py-2 text-sm text-emerald-800 [overflow-wrap:anywhere] dark:text-emerald-200'
          : 'flex items-start gap-2 rounded-md border border-mode-live/30 bg-mode-live-soft px-3 py-2 text-sm text-mode-live-ink [overflow-wrap:anywhere]'
      }
    >
      <div className="min-w-0 flex-1">
        <p>{outcome.text}</p>
        {outcome.requestId ? (
          <p className="mt-1 text-xs opacity-80">
            Stripe request id: <code className="font-mono" data-testid="action-outcome-request-id">{outcome.requestId}</code>
          </p>
        ) : null}
      </div>
      {onDismiss ? <DismissButton onDismiss={onDismiss} testId={`${testId}-dismiss`} /> : null}
    </div>
  );
}
