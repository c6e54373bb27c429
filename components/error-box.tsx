// Shows a failed backend call in plain words; the details stay in the server log, never on screen.
import type { ReactNode } from 'react';
import type { PlainError } from '@/lib/stripe/errors';

export function ErrorBox({ error, hint }: { error: PlainError; hint?: ReactNode }) {
  return (
    <div role="alert" data-testid="error-box" className="rounded-lg border border-mode-live/30 bg-mode-live-soft p-4">
      <h2 className="text-sm font-semibold text-mode-live-ink">{error.title}</h2>
      <p className="mt-1 text-sm text-neutral-700">{error.message}</p>
      {hint ? <p className="mt-2 text-sm text-neutral-600">{hint}</p> : null}
      {error.requestId ? (
        <p className="mt-2 text-xs text-neutral-500">
          Request id: <code className="font-mono">{error.requestId}</code>
        </p>
      ) : null}
    </div>
  );
}
