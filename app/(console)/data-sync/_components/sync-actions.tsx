'use client';
// The Data sync page's buttons: Retry (one webhook event the inbox could not apply), Run backfill
// and Run reconciliation. Each makes its idempotency key when it is pressed, is disabled while pending, and
// says what came of it; the page refreshes itself to show the new state.
import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { newIdempotencyKey, type ActionResult } from '@/lib/actions/result';
import { retryWebhookEventAction, runBackfillAction, runReconciliationAction } from '@/lib/sync/actions';

function useAction<T>(call: (key: string) => Promise<ActionResult<T>>, done: string) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = () =>
    startTransition(async () => {
      const result = await call(newIdempotencyKey());
      setMessage(result.ok ? { ok: true, text: done } : { ok: false, text: result.error });
      router.refresh();
    });
  return { pending, message, run };
}

function Message({ message, testId }: { message: { ok: boolean; text: string } | null; testId: string }) {
  if (!message) return null;
  return (
    <p role={message.ok ? 'status' : 'alert'} data-testid={testId} className={`text-xs ${message.ok ? 'text-emerald-700 dark:text-emerald-300' : 'text-mode-live-ink'}`}>
      {message.text}
    </p>
  );
}

export function RetryEventButton({ eventId }: { eventId: string }) {
  const { pending, message, run } = useAction((idempotencyKey) => retryWebhookEventAction({ eventId, idempotencyKey }), 'Queued to apply again.');
  return (
    <div className="flex flex-col items-start gap-1">
      <Button size="sm" onClick={run} disabled={pending} data-testid="retry-event">
        {pending ? 'Retrying…' : 'Retry'}
      </Button>
      <Message message={message} testId="retry-message" />
    </div>
  );
}

export function RunBackfillButton({ running }: { running: boolean }) {
  const { pending, message, run } = useAction((idempotencyKey) => runBackfillAction({ idempotencyKey }), 'The backfill starts from the beginning; progress shows below.');
  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="primary" onClick={run} disabled={pending || running} data-testid="run-backfill">
        {running ? 'Backfill running…' : pending ? 'Starting…' : 'Run backfill'}
      </Button>
      <Message message={message} testId="backfill-message" />
    </div>
  );
}

export function RunReconciliationButton({ open }: { open: boolean }) {
  const { pending, message, run } = useAction((idempotencyKey) => runReconciliationAction({ idempotencyKey }), 'Reconciliation asked for; its result shows below when it finishes.');
  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="primary" onClick={run} disabled={pending || open} data-testid="run-reconciliation">
        {open ? 'Reconciliation running…' : pending ? 'Starting…' : 'Run reconciliation'}
      </Button>
      <Message message={message} testId="reconcile-message" />
    </div>
  );
}

/** Reloads the page's server data every few seconds, so progress moves without a reload. */
export function AutoRefresh({ everyMs = 3000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
