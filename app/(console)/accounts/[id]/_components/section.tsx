// One section of the account page: its title, and its own loading and error states (each view is
// its own query, so one failed Stripe call does not blank the page). `data-state` lets tests and
// the bench see when a section has its data.
import type { ReactNode } from 'react';
import { RefreshFailed } from '@/components/outcomes/refresh-failed';

type State = { isPending: boolean; isError: boolean; error: Error | null; data?: unknown };

export function Section({ id, title, state, description, actions, children }: { id: string; title: string; state?: State; description?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  // A failed refresh keeps what was read before (and any action's outcome inside it) on screen.
  const status = !state ? 'ready' : state.isPending ? 'loading' : state.isError && state.data === undefined ? 'error' : 'ready';
  return (
    <section aria-labelledby={`${id}-title`} data-testid={`section-${id}`} data-state={status} className="rounded-lg border border-neutral-200 bg-surface">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-neutral-200 px-4 py-3">
        <div>
          <h2 id={`${id}-title`} className="text-sm font-semibold text-neutral-900">
            {title}
          </h2>
          {description ? <p className="mt-0.5 text-xs text-neutral-500">{description}</p> : null}
        </div>
        {actions}
      </div>
      <div className="p-4">
        {status === 'loading' ? (
          <p className="text-sm text-neutral-500">Loading…</p>
        ) : status === 'error' ? (
          <p role="alert" className="text-sm text-mode-live-ink">
            {state?.error?.message ?? 'This part could not be read.'}
            {state?.error && 'requestId' in state.error && state.error.requestId ? (
              <span className="block text-xs text-neutral-500">
                Stripe request id: <code className="font-mono">{String(state.error.requestId)}</code>
              </span>
            ) : null}
          </p>
        ) : (
          <>
            {state?.isError && state.error ? <RefreshFailed error={state.error} what="This part" /> : null}
            {children}
          </>
        )}
      </div>
    </section>
  );
}

/** A definition list row. */
export function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[10rem_1fr] gap-3 py-1.5 text-sm">
      <dt className="text-neutral-500">{term}</dt>
      <dd className="min-w-0 break-words text-neutral-900">{children}</dd>
    </div>
  );
}

export const None = ({ children = '—' }: { children?: ReactNode }) => <span className="text-neutral-500">{children}</span>;
