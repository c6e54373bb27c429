'use client';
// One clock as it moves: its time and status (asked again every second while it is advancing,
// until it is ready), the advance form, the rehearsal form, and each schedule on it with its
// phases, invoices and the platform's fees.
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { testClockQueries } from '@/lib/billing/test-clocks/keys';
import { CUSTOMERS_PER_CLOCK } from '@/lib/billing/test-clocks/words';
import { formatTimestamp } from '@/lib/dates';
import { AdvanceForm } from './advance-form';
import { clockTone } from './clock-list';
import { RehearsalCard } from './rehearsal-card';
import { RehearsalForm } from './rehearsal-form';

/** How often a clock that is advancing is asked again. */
const ADVANCING_POLL_MS = 1000;

export function ClockWatch({ account, clockId }: { account: string; clockId: string }) {
  const id = useId();
  /** An advance whose lost answer the console found made: said until another review opens. */
  const [foundOut, setFoundOut] = useState<string | null>(null);
  const view = useQuery({ ...testClockQueries.view(account, clockId), refetchInterval: (q) => (q.state.data?.clock.status === 'advancing' ? ADVANCING_POLL_MS : false) });
  if (view.isPending) return <p className="text-sm text-neutral-500">Reading the clock…</p>;
  if (view.isError)
    return (
      <p role="alert" className="rounded-lg border border-mode-live/30 bg-mode-live-soft p-4 text-sm text-mode-live-ink">
        {view.error.message}
      </p>
    );
  const { clock, rehearsals } = view.data;
  return (
    <section aria-labelledby={`${id}-h`} className="space-y-4" data-testid="clock-watch">
      <div className="space-y-3 rounded-lg border border-neutral-200 bg-surface p-4">
        <h2 id={`${id}-h`} className="flex flex-wrap items-center gap-2 text-base font-semibold text-neutral-900">
          {clock.name ?? 'Test clock'} <code className="font-mono text-xs font-normal text-neutral-600">{clock.id}</code>
        </h2>
        <p className="flex flex-wrap items-center gap-2 text-sm text-neutral-800" role="status" aria-live="polite" data-testid="clock-status">
          <Badge tone={clockTone(clock.status)}>{clock.status}</Badge>
          <span>
            The clock reads <strong className="tabular-nums" data-testid="clock-time-now">{formatTimestamp(clock.frozenTime)}</strong>
            {clock.advancingTo ? <> and is moving to {formatTimestamp(clock.advancingTo)}: the page follows it until it is ready.</> : '.'}
          </span>
        </p>
        {/* Keyed by the clock's time: after a move the date field starts from the new time. */}
        {foundOut ? (
          <p role="status" className="text-sm text-neutral-700 [overflow-wrap:anywhere]" data-testid="advance-found-out">
            {foundOut}
          </p>
        ) : null}
        <AdvanceForm key={clock.frozenTime} account={account} clock={clock} rehearsals={rehearsals} onFoundOut={setFoundOut} />
      </div>
      {rehearsals.map((r) => (
        <RehearsalCard key={r.schedule.id} account={account} clock={clock} rehearsal={r} />
      ))}
      {new Set(rehearsals.map((r) => r.customer.id)).size < CUSTOMERS_PER_CLOCK ? (
        <RehearsalForm account={account} clockId={clock.id} disabled={clock.status !== 'ready'} />
      ) : (
        <p className="text-sm text-neutral-600">A clock holds at most {CUSTOMERS_PER_CLOCK} customers: create another clock for a further rehearsal.</p>
      )}
    </section>
  );
}
