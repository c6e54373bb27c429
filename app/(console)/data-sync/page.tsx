// Data sync (admins): how the console's index of Stripe objects is kept: the backfill's progress
// (objects per type, rate, time left) and a "Run backfill" button, the webhook inbox (received,
// applied, waiting, failed with their errors and a Retry button), when the last webhook arrived
// (and what to do when none has), the catch-up from Stripe's events, and the last reconciliation
// with a "Run reconciliation" button. Refreshes every 3 s.
import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { requirePermission } from '@/lib/auth/guard';
import { getDb } from '@/lib/db/client';
import { indexSyncStatus } from '@/lib/index/sync-status';
import { ReconcileSection } from './_components/reconcile-section';
import { Figure, n, Section, TONE, when } from './_components/section';
import { AutoRefresh, RetryEventButton, RunBackfillButton } from './_components/sync-actions';

export const metadata: Metadata = { title: 'Data sync' };
export const dynamic = 'force-dynamic';

/** The time the page's "3 s ago" counts from. */
const renderedAt = () => Date.now();
const duration = (seconds: number | null) => (seconds === null ? 'unknown' : seconds < 1 ? 'none' : seconds < 90 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`);
const rate = (perSecond: number | null) => (perSecond === null ? '—' : `${n(Math.round(perSecond))}/s`);

export default async function DataSyncPage() {
  await requirePermission('sync.manage');
  const o = await indexSyncStatus(await getDb());
  const now = renderedAt();
  const b = o.backfill;
  const received = o.inbox.applied + o.inbox.pending + o.inbox.failed;
  const running = b.status === 'running' || b.status === 'requested';
  return (
    <main className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
      <AutoRefresh />
      <PageHeader
        title="Data sync"
        description="The console keeps its own copy of Stripe's objects, so lists can filter, count and search every account. A backfill reads everything; webhooks keep it fresh; the catch-up reads the events it missed."
      />
      <Section
        title="Backfill"
        testId="sync-backfill"
        action={<RunBackfillButton running={running} />}
      >
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
          <Figure label="State" value={<Badge tone={TONE[b.status] ?? 'neutral'}>{b.status}</Badge>} testId="backfill-state" />
          <Figure label="Objects read" value={n(b.objects)} testId="backfill-objects" />
          <Figure label="Rate" value={rate(b.rate)} />
          <Figure label="Time left" value={duration(b.secondsLeft)} />
          <Figure label="Finished" value={when(b.finishedAt, now)} />
        </dl>
        {b.lastError ? (
          <p role="alert" className="rounded-md border border-mode-live/30 bg-mode-live-soft px-3 py-2 text-sm text-mode-live-ink">
            {b.lastError}
          </p>
        ) : null}
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" aria-label="Backfill by type" data-testid="backfill-steps">
            <thead className="border-b border-neutral-200 text-xs uppercase tracking-wide text-neutral-500">
              <tr>
                <th scope="col" className="px-2 py-1.5 font-medium">Type</th>
                <th scope="col" className="px-2 py-1.5 font-medium">State</th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">Objects</th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">Rate</th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">Time left</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-200">
              {b.steps.map((step) => (
                <tr key={step.key} data-testid={`backfill-step-${step.key}`}>
                  <td className="px-2 py-1.5 text-neutral-900">{step.label}</td>
                  <td className="px-2 py-1.5">
                    <Badge tone={TONE[step.status] ?? 'neutral'}>{step.status}</Badge>
                  </td>
                  <td className="px-2 py-1.5 text-right tabular-nums" data-testid="step-objects">
                    {n(step.objects)}
                    {step.expected !== null && step.status !== 'done' ? ` of about ${n(step.expected)}` : ''}
                  </td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{rate(step.rate)}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{duration(step.secondsLeft)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="text-sm text-neutral-600" data-testid="index-accounts">
          The index holds {n(o.freshness.accounts)} connected accounts; last written {when(o.freshness.lastSyncedAt, now)}.
        </p>
      </Section>

      <Section title="Webhooks" testId="sync-webhooks">
        {o.inbox.lastReceivedAt ? (
          <p className="text-sm text-neutral-700" data-testid="last-webhook">
            Last webhook arrived {when(o.inbox.lastReceivedAt, now)}.
          </p>
        ) : (
          <div role="status" className="space-y-1 rounded-md border border-mode-test/30 bg-mode-test-soft px-3 py-2 text-sm text-mode-test-ink" data-testid="no-webhook">
            <p className="font-medium">No webhook has arrived yet.</p>
            {o.webhooksConfigured ? null : <p>STRIPE_WEBHOOK_SECRET is not set, so every delivery is refused.</p>}
            <p>
              Until one does, changes made outside this console reach the index only through the catch-up (every 5 minutes). Against real Stripe: in the Dashboard,
              Developers → Webhooks, add an endpoint at <code className="font-mono">https://your-console/api/webhooks/stripe</code> listening to events on your account
              and on connected accounts, then set <code className="font-mono">STRIPE_WEBHOOK_SECRET</code> to its signing secret (both endpoints&apos; secrets, comma-separated)
              and restart. With the emulator, <code className="font-mono">npm start</code> does this for you.
            </p>
          </div>
        )}
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Figure label="Received" value={n(received)} testId="inbox-received" />
          <Figure label="Applied" value={n(o.inbox.applied)} testId="inbox-applied" />
          <Figure label="Waiting (or retrying)" value={n(o.inbox.pending)} testId="inbox-pending" />
          <Figure label="Failed" value={n(o.inbox.failed)} testId="inbox-failed" />
        </dl>
        {o.inbox.failures.length > 0 ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" aria-label="Events not applied" data-testid="inbox-failures">
              <thead className="border-b border-neutral-200 text-xs uppercase tracking-wide text-neutral-500">
                <tr>
                  <th scope="col" className="px-2 py-1.5 font-medium">Event</th>
                  <th scope="col" className="px-2 py-1.5 font-medium">Tries</th>
                  <th scope="col" className="px-2 py-1.5 font-medium">Error</th>
                  <th scope="col" className="px-2 py-1.5 font-medium">
                    <span className="sr-only">Retry</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-200">
                {o.inbox.failures.map((f) => (
                  <tr key={f.eventId} className="align-top" data-testid="inbox-failure">
                    <td className="px-2 py-1.5">
                      <div className="font-mono text-xs">{f.eventId}</div>
                      <div className="text-xs text-neutral-500">{f.type}</div>
                    </td>
                    <td className="px-2 py-1.5 tabular-nums">{f.attempts}</td>
                    <td className="max-w-md px-2 py-1.5 text-xs break-words text-mode-live-ink">{f.lastError}</td>
                    <td className="px-2 py-1.5">
                      <RetryEventButton eventId={f.eventId} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="text-sm text-neutral-600">No event is waiting on an error.</p>
        )}
      </Section>

      <Section title="Catch-up" testId="sync-catch-up">
        {o.catchUpFrom ? (
          <p className="text-sm text-neutral-700" data-testid="catch-up-from">
            The next catch-up reads Stripe&apos;s events from {when(new Date(o.catchUpFrom * 1000), now)}.
          </p>
        ) : (
          <p className="text-sm text-neutral-600" data-testid="catch-up-from">
            The catch-up starts after the first backfill.
          </p>
        )}
        <p className="text-xs text-neutral-500">At start and every 5 minutes the console reads Stripe&apos;s events since the newest it applied (Stripe keeps 30 days); beyond that, it runs a backfill.</p>
      </Section>

      <ReconcileSection summary={o.reconcile} backfillDone={b.status === 'done'} now={now} />
    </main>
  );
}
