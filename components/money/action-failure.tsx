// A failed money action in plain words, with Stripe's request id to quote when asking for help.
import type { ActionFailure } from '@/lib/actions/result';

export function ActionFailureBox({ failure, testId = 'action-error' }: { failure: Pick<ActionFailure, 'error' | 'requestId' | 'fieldErrors'>; testId?: string }) {
  const fields = Object.entries(failure.fieldErrors ?? {});
  return (
    <div role="alert" data-testid={testId} className="rounded-md border border-mode-live/30 bg-mode-live-soft px-3 py-2 text-sm">
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
  );
}
