// The Data sync page's reconciliation: the last run (when, who asked, the counts per type against
// Stripe's, the drift in words and whether it was repaired), the run asked for or running now, and
// the "Run reconciliation" button.
import { Badge } from '@/components/ui/badge';
import type { IndexSyncStatus } from '@/lib/index/sync-status';
import { driftHeadline, driftSentences } from '@/lib/index/reconcile-words';
import { Figure, n, Section, TONE, when } from './section';
import { RunReconciliationButton } from './sync-actions';

export function ReconcileSection({ summary, backfillDone, now }: { summary: IndexSyncStatus['reconcile']; backfillDone: boolean; now: number }) {
  const { last, open } = summary;
  const seconds = last?.startedAt && last.finishedAt ? Math.max(0, (last.finishedAt.getTime() - last.startedAt.getTime()) / 1000) : null;
  return (
    <Section title="Reconciliation" testId="sync-reconcile" action={backfillDone ? <RunReconciliationButton open={Boolean(open)} /> : null}>
      <p className="text-xs text-neutral-500">
        Every hour, and when you ask, the console pages through each of Stripe&apos;s lists again (ids only) to compare the counts with the index, and reads a random 50
        accounts and 50 other objects live to compare them field by field (and the columns the lists filter on). What differs is read again from Stripe, which repairs it.
      </p>
      {open ? (
        <p role="status" className="text-sm text-neutral-700" data-testid="reconcile-open">
          A reconciliation is {open.status === 'running' ? 'running' : 'waiting to start'} (asked {when(open.requestedAt, now)}
          {open.requestedBy ? ` by ${open.requestedBy}` : ''}).
        </p>
      ) : null}
      {last ? (
        <>
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            <Figure label="Last run" value={<Badge tone={TONE[last.status] ?? 'neutral'}>{last.status}</Badge>} testId="reconcile-state" />
            <Figure label="Finished" value={when(last.finishedAt, now)} />
            <Figure label="Took" value={seconds === null ? '—' : `${seconds.toFixed(1)} s`} />
            <Figure label="Asked by" value={last.requestedBy ?? 'the hourly schedule'} testId="reconcile-asked-by" />
          </dl>
          {last.status === 'failed' ? (
            <p role="alert" className="rounded-md border border-mode-live/30 bg-mode-live-soft px-3 py-2 text-sm text-mode-live-ink" data-testid="reconcile-error">
              {last.lastError}
            </p>
          ) : (
            <div className="space-y-1 text-sm" data-testid="reconcile-result">
              <p className={last.drift.length === 0 ? 'text-neutral-700' : 'font-medium text-neutral-900'}>{driftHeadline(last.drift, last.sampled)}</p>
              {driftSentences(last.drift).map((sentence) => (
                <p key={sentence} className="break-words text-neutral-700" data-testid="reconcile-drift">
                  {sentence}
                </p>
              ))}
            </div>
          )}
          {last.counts.length > 0 ? (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm" aria-label="Counts against Stripe" data-testid="reconcile-counts">
                <thead className="border-b border-neutral-200 text-xs uppercase tracking-wide text-neutral-500">
                  <tr>
                    <th scope="col" className="px-2 py-1.5 font-medium">Type</th>
                    <th scope="col" className="px-2 py-1.5 text-right font-medium">Stripe</th>
                    <th scope="col" className="px-2 py-1.5 text-right font-medium">Index</th>
                    <th scope="col" className="px-2 py-1.5 text-right font-medium">Missing</th>
                    <th scope="col" className="px-2 py-1.5 text-right font-medium">Gone from Stripe</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-neutral-200">
                  {last.counts.map((c) => (
                    <tr key={c.type} data-testid={`reconcile-count-${c.type}`}>
                      <td className="px-2 py-1.5 text-neutral-900">{c.label}</td>
                      <td className="px-2 py-1.5 text-right tabular-nums">{n(c.stripe)}</td>
                      <td className="px-2 py-1.5 text-right tabular-nums">{n(c.index)}</td>
                      <td className="px-2 py-1.5 text-right tabular-nums">{n(c.missing)}</td>
                      <td className="px-2 py-1.5 text-right tabular-nums">{n(c.extra)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="mt-1 text-xs text-neutral-500">
                The index is counted after the repair. It may hold more than Stripe&apos;s platform list: objects made since the list was read, and connected accounts&apos; own
                charges, which only their events bring.
              </p>
            </div>
          ) : null}
        </>
      ) : (
        <p className="text-sm text-neutral-600" data-testid="reconcile-never">
          {backfillDone ? 'No reconciliation has run yet.' : 'Reconciliation starts once the first backfill has finished.'}
        </p>
      )}
    </Section>
  );
}
