// An action's outcome in plain words, with Stripe's request id to quote when asking for help.
import type { Outcome } from './use-account-action';

export function OutcomeMessage({ outcome, testId = 'action-outcome' }: { outcome: Outcome; testId?: string }) {
  return (
    <div
      role={outcome.ok ? 'status' : 'alert'}
      data-testid={testId}
      data-ok={outcome.ok}
      className={
        outcome.ok
          ? 'rounded-md border border-emerald-500/30 bg-emerald-500/10 px-3 py-2 text-sm text-emerald-800 dark:text-emerald-200'
          : 'rounded-md border border-mode-live/30 bg-mode-live-soft px-3 py-2 text-sm text-mode-live-ink'
      }
    >
      <p>{outcome.text}</p>
      {outcome.requestId ? (
        <p className="mt-1 text-xs opacity-80">
          Stripe request id: <code className="font-mono">{outcome.requestId}</code>
        </p>
      ) : null}
    </div>
  );
}
