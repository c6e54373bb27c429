// A failed action in plain words, with Stripe's request id to quote when asking for help; it stays
// until the operator dismisses it (where the screen offers that) or starts again.
import { DismissButton } from '@/components/money/dismiss-button';
import type { ActionFailure } from '@/lib/actions/result';

export function ActionFailureBox({
  failure,
  testId = 'action-error',
  onDismiss,
}: {
  failure: Pick<ActionFailure, 'error' | 'requestId' | 'fieldErrors'>;
  testId?: string;
  onDismiss?: () => void;
}) {
  const fields = Object.entries(failure.fieldErrors ?? {});
  return (
    <div role="alert" data-testid={testId} className="flex items-start gap-2 rounded-md border border-mode-live/30 bg-mode-live-soft px-3 py-2 text-sm [overflow-wrap:anywhere]">
      <div className="min-w-0 flex-1">
        <p className="text-mode-live-ink">{failure.error}</p>
        {fields.length > 0 ? (
          <ul className="mt-1 list-disc pl-5 text-neutral-700">
            {fields.map(([field, messages]) => (
              <li key={field}>
                {field}: {messages.join(' ')}
              </li>
            ))}
          </ul>
        ) : null}
        {failure.requestId ? (
          <p className="mt-1 text-xs text-neutral-600">
            Stripe request id: <code className="font-mono" data-testid="action-error-request-id">{failure.requestId}</code>
          </p>
        ) : null}
      </div>
      {onDismiss ? <DismissButton onDismiss={onDismiss} testId={`${testId}-dismiss`} /> : null}
    </div>
  );
}
