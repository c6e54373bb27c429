'use client';
// The account's test clocks: each with its time and status, a link to watch it, and deletion (the
// clock's id typed, then a review); and the form that makes a new clock at a chosen frozen time.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { ActionState } from '@/components/money/action-state';
import { ReviewPanel } from '@/components/money/review-panel';
import { useConfirmedAction } from '@/components/money/use-confirmed-action';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { createTestClockAction, deleteTestClockAction } from '@/lib/billing/test-clocks/actions';
import { testClockKeys, testClockQueries } from '@/lib/billing/test-clocks/keys';
import { createClockSchema } from '@/lib/billing/test-clocks/schemas';
import type { ClockSummary } from '@/lib/billing/test-clocks/views';
import { formatTimestamp, toUtcDateTimeInput } from '@/lib/dates';
import { panelHref } from './panel-href';

export function clockTone(status: string) {
  return status === 'ready' ? 'good' : status === 'advancing' ? 'warn' : 'bad';
}

export function ClockList({ account, selected }: { account: string; selected: string | null }) {
  const clocks = useQuery(testClockQueries.list(account));
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`} className="space-y-3 rounded-lg border border-neutral-200 bg-surface p-4">
      <h2 id={`${id}-h`} className="text-sm font-semibold text-neutral-900">
        Test clocks on <span className="font-mono">{account}</span>
      </h2>
      {clocks.isError ? (
        <p role="alert" className="text-sm text-mode-live-ink">
          {clocks.error.message}
        </p>
      ) : null}
      {clocks.data && clocks.data.length === 0 ? <p className="text-sm text-neutral-600">This account has no test clock yet. Create one below.</p> : null}
      {clocks.data && clocks.data.length > 0 ? (
        <ul className="divide-y divide-neutral-200 rounded-md border border-neutral-200" data-testid="clock-list">
          {clocks.data.map((clock) => (
            <ClockRow key={clock.id} account={account} clock={clock} watched={clock.id === selected} />
          ))}
        </ul>
      ) : null}
      <CreateClockForm account={account} />
    </section>
  );
}

function ClockRow({ account, clock, watched }: { account: string; clock: ClockSummary; watched: boolean }) {
  const [deleting, setDeleting] = useState(false);
  return (
    <li className="space-y-2 px-3 py-2 text-sm" data-testid="clock-row">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium text-neutral-900">
            {clock.name ?? 'Unnamed clock'} <Badge tone={clockTone(clock.status)}>{clock.status}</Badge>
          </p>
          <p className="font-mono text-xs text-neutral-600 [overflow-wrap:anywhere]">{clock.id}</p>
          <p className="text-xs text-neutral-600">
            At {formatTimestamp(clock.frozenTime)} · deleted by Stripe after {formatTimestamp(clock.deletesAfter)}
          </p>
        </div>
        <div className="flex gap-2">
          {watched ? (
            <span className="text-xs font-medium text-neutral-600">Watching</span>
          ) : (
            <Link href={panelHref(account, clock.id)} className="inline-flex h-8 items-center rounded-md border border-neutral-300 px-2.5 text-sm font-medium text-neutral-800 hover:bg-neutral-100" data-testid="clock-watch-link">
              Watch
            </Link>
          )}
          <Button size="sm" variant="ghost" onClick={() => setDeleting((d) => !d)} aria-expanded={deleting}>
            Delete…
          </Button>
        </div>
      </div>
      {deleting ? <DeleteClock account={account} clockId={clock.id} watched={watched} onClose={() => setDeleting(false)} /> : null}
    </li>
  );
}

function DeleteClock({ account, clockId, watched, onClose }: { account: string; clockId: string; watched: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const id = useId();
  const [typed, setTyped] = useState('');
  const action = useConfirmedAction((confirmation: string, idempotencyKey: string) => deleteTestClockAction({ account, clockId, confirmation, idempotencyKey }), {
    onDone: () => {
      onClose();
      if (watched) router.push(panelHref(account));
    },
    onSettled: async () => {
      queryClient.removeQueries({ queryKey: testClockKeys.view(account, clockId) });
      await queryClient.invalidateQueries({ queryKey: testClockKeys.list(account) });
    },
  });
  if (action.review) {
    return (
      <ReviewPanel
        sentence={`Delete test clock ${clockId}. On Stripe its customers and their subscriptions are deleted with it; the rehearsal cannot be watched any more.`}
        confirmLabel="Delete test clock"
        action={action}
        testId="clock-delete-review"
        tick="I have checked that this is the clock to delete."
      />
    );
  }
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (typed.trim() === clockId) action.open(typed.trim());
      }}
    >
      <label htmlFor={id} className="flex flex-col gap-1 text-xs font-medium text-neutral-600">
        Type the clock’s id to delete it
        <Input id={id} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" className="w-72 max-w-full font-mono" />
      </label>
      <Button type="submit" variant="danger" size="sm" disabled={typed.trim() !== clockId}>
        Review deletion
      </Button>
      <ActionState checking={action.checking} failure={action.failure} />
    </form>
  );
}

function CreateClockForm({ account }: { account: string }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const ids = { name: useId(), time: useId() };
  const [name, setName] = useState('Rehearsal');
  const [frozenTime, setFrozenTime] = useState(() => toUtcDateTimeInput(Math.floor(Date.now() / 1000)));
  const [problem, setProblem] = useState<string | null>(null);
  const action = useConfirmedAction((input: { name: string; frozenTime: string }, idempotencyKey: string) => createTestClockAction({ account, ...input, idempotencyKey }), {
    onDone: (data) => router.push(panelHref(account, data.clockId)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: testClockKeys.list(account) }),
  });
  return (
    <form
      className="space-y-2 border-t border-neutral-200 pt-3"
      data-testid="clock-create"
      onSubmit={(e) => {
        e.preventDefault();
        const checked = createClockSchema.safeParse({ account, name, frozenTime });
        if (!checked.success) return setProblem(checked.error.issues[0]?.message ?? 'Check the form.');
        setProblem(null);
        void action.start({ name, frozenTime });
      }}
    >
      <h3 className="text-sm font-semibold text-neutral-900">New test clock</h3>
      <div className="flex flex-wrap items-end gap-2">
        <label htmlFor={ids.name} className="flex flex-col gap-1 text-xs font-medium text-neutral-600">
          Name
          <Input id={ids.name} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} data-testid="clock-name" />
        </label>
        <label htmlFor={ids.time} className="flex flex-col gap-1 text-xs font-medium text-neutral-600">
          Starts at (UTC)
          <Input id={ids.time} type="datetime-local" value={frozenTime} onChange={(e) => setFrozenTime(e.target.value)} data-testid="clock-time" />
        </label>
        <Button type="submit" variant="primary" disabled={action.pending} aria-busy={action.pending} data-testid="clock-create-submit">
          {action.pending ? 'Creating…' : 'Create test clock'}
        </Button>
      </div>
      {problem ? (
        <p role="alert" className="text-sm text-mode-live-ink">
          {problem}
        </p>
      ) : null}
      <ActionState checking={action.checking} failure={action.failure} />
    </form>
  );
}
