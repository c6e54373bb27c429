'use client';
// One schedule on the clock: its status and the phase running, the phases (dates, price, quantity,
// the platform's fee percentage and the fees each has produced so far), its invoices with the
// application fee each produced (linked to the fee's page), and for a metered item its usage, with
// a form to report more at the clock's time.
import { useQueryClient } from '@tanstack/react-query';
import clsx from 'clsx';
import Link from 'next/link';
import { useId, useState } from 'react';
import { UsageSection } from '@/app/(console)/billing/_components/usage-section';
import { ActionState } from '@/components/money/action-state';
import { Money } from '@/components/money/money';
import { useConfirmedAction } from '@/components/money/use-confirmed-action';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { reportUsageAction } from '@/lib/billing/test-clocks/actions';
import type { ClockView, PhaseView, RehearsalView } from '@/lib/billing/test-clocks/views';
import { usageKeys } from '@/lib/billing/usage/keys';
import { formatTimestamp } from '@/lib/dates';
import { formatMoney } from '@/lib/money';

const TH = 'py-1.5 pr-3 font-medium';
const TD = 'py-1.5 pr-3 align-top';

function statusTone(status: string) {
  return status === 'active' ? 'good' : status === 'not_started' ? 'brand' : status === 'canceled' ? 'bad' : 'neutral';
}

function priceWords(phase: PhaseView): string {
  return phase.items
    .map((item) => {
      const price = item.unitAmount === null ? item.price : formatMoney(item.unitAmount, phase.currency);
      return item.usageType === 'metered' ? `${price} per unit used` : `${item.quantity ?? 1} × ${price}`;
    })
    .join(' + ');
}

export function RehearsalCard({ account, clock, rehearsal }: { account: string; clock: ClockView['clock']; rehearsal: RehearsalView }) {
  const id = useId();
  const { schedule, invoices, subscription } = rehearsal;
  // An invoice belongs to the phase it was made in (at a period's start): that phase's fee percentage applied.
  const feesIn = (phase: PhaseView) => invoices.filter((inv) => inv.fee && inv.created >= phase.startDate && inv.created < phase.endDate).reduce((sum, inv) => sum + inv.fee!.amount, 0);
  const metered = subscription?.items.filter((item) => item.usageType === 'metered') ?? [];
  return (
    <article aria-labelledby={`${id}-h`} className="space-y-4 rounded-lg border border-neutral-200 bg-surface p-4" data-testid="rehearsal">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h3 id={`${id}-h`} className="flex flex-wrap items-center gap-2 text-sm font-semibold text-neutral-900">
            {rehearsal.customer.name ?? rehearsal.customer.id}
            <Badge tone={statusTone(schedule.status)} data-testid="schedule-status">
              {schedule.status.replace('_', ' ')}
            </Badge>
            {rehearsal.isRehearsal ? <Badge tone="brand">console rehearsal</Badge> : null}
          </h3>
          <p className="text-xs text-neutral-600" data-testid="schedule-phase">
            Schedule{' '}
            <Link href={`/billing/schedules/${schedule.id}?account=${encodeURIComponent(account)}`} className="font-mono underline" prefetch={false}>
              {schedule.id}
            </Link>
            {schedule.currentPhase !== null ? ` · phase ${schedule.currentPhase + 1} of ${schedule.phases.length} running` : ` · ${schedule.phases.length} phases`} · after the last: {schedule.endBehavior}
          </p>
        </div>
      </header>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Phases">
        <table className="w-full min-w-[36rem] text-left text-sm">
          <caption className="sr-only">Phases of {schedule.id}</caption>
          <thead className="text-xs uppercase tracking-wide text-neutral-500">
            <tr>
              <th className={TH}>Phase</th>
              <th className={TH}>From → to</th>
              <th className={TH}>Price</th>
              <th className={clsx(TH, 'text-right')}>Platform fee</th>
              <th className={clsx(TH, 'text-right')}>Fees so far</th>
            </tr>
          </thead>
          <tbody>
            {schedule.phases.map((phase, i) => (
              <tr key={phase.startDate} className={clsx('border-t border-neutral-200', schedule.currentPhase === i && 'bg-brand-50')} aria-current={schedule.currentPhase === i ? 'step' : undefined}>
                <td className={TD}>
                  {i + 1}
                  {schedule.currentPhase === i ? <span className="ml-1 text-xs font-medium text-brand-700 dark:text-brand-100">running</span> : null}
                </td>
                <td className={clsx(TD, 'tabular-nums')}>
                  {formatTimestamp(phase.startDate)} → {formatTimestamp(phase.endDate)}
                </td>
                <td className={TD}>{priceWords(phase)}</td>
                <td className={clsx(TD, 'text-right tabular-nums')}>{phase.feePercent === null ? '—' : `${phase.feePercent}%`}</td>
                <td className={clsx(TD, 'text-right')}>
                  <Money amount={feesIn(phase)} currency={phase.currency} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="space-y-2">
        <h4 className="text-sm font-semibold text-neutral-900">Invoices and the platform’s fees</h4>
        {invoices.length === 0 ? (
          <p className="text-sm text-neutral-600">No invoice yet.</p>
        ) : (
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Invoices">
            <table className="w-full min-w-[36rem] text-left text-sm" data-testid="rehearsal-invoices">
              <thead className="text-xs uppercase tracking-wide text-neutral-500">
                <tr>
                  <th className={TH}>Invoice</th>
                  <th className={TH}>Billed at</th>
                  <th className={clsx(TH, 'text-right')}>Total</th>
                  <th className={TH}>Status</th>
                  <th className={clsx(TH, 'text-right')}>Application fee</th>
                </tr>
              </thead>
              <tbody>
                {invoices.map((inv) => (
                  <tr key={inv.id} className="border-t border-neutral-200" data-testid="rehearsal-invoice">
                    <td className={clsx(TD, 'font-mono text-[13px]')}>{inv.number ?? inv.id}</td>
                    <td className={clsx(TD, 'tabular-nums')}>{formatTimestamp(inv.created)}</td>
                    <td className={clsx(TD, 'text-right')}>
                      <Money amount={inv.total} currency={inv.currency} />
                    </td>
                    <td className={TD}>{inv.status ?? '—'}</td>
                    <td className={clsx(TD, 'text-right')}>
                      {inv.fee ? (
                        <Link href={`/application-fees/${inv.fee.id}`} className="underline" data-testid="rehearsal-fee" data-fee-id={inv.fee.id}>
                          <Money amount={inv.fee.amount} currency={inv.fee.currency} />
                        </Link>
                      ) : (
                        <span className="text-neutral-500">none</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {metered.map((item) => (
        <UsageSection key={item.id} account={account} subscriptionItem={item.id}>
          {schedule.status === 'active' ? <ReportUsage account={account} clock={clock} subscriptionItem={item.id} /> : null}
        </UsageSection>
      ))}
    </article>
  );
}

function ReportUsage({ account, clock, subscriptionItem }: { account: string; clock: ClockView['clock']; subscriptionItem: string }) {
  const queryClient = useQueryClient();
  const id = useId();
  const [quantity, setQuantity] = useState('100');
  const [done, setDone] = useState<string | null>(null);
  const action = useConfirmedAction((q: string, idempotencyKey: string) => reportUsageAction({ account, clockId: clock.id, subscriptionItem, quantity: q, idempotencyKey }), {
    onDone: (data) => setDone(`Reported: ${data.quantity} units at ${formatTimestamp(data.timestamp)}.`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: usageKeys.item(account, subscriptionItem) }),
  });
  return (
    <form
      className="flex flex-wrap items-end gap-2 border-t border-neutral-200 pt-2"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        void action.start(quantity);
      }}
    >
      <label htmlFor={id} className="flex flex-col gap-1 text-xs font-medium text-neutral-600">
        Add usage at the clock’s time ({formatTimestamp(clock.frozenTime)})
        <Input id={id} inputMode="numeric" value={quantity} onChange={(e) => setQuantity(e.target.value)} className="w-32" data-testid="usage-quantity" />
      </label>
      <Button type="submit" disabled={action.pending || clock.status !== 'ready'} aria-busy={action.pending} data-testid="usage-report">
        {action.pending ? 'Reporting…' : 'Report usage'}
      </Button>
      {done ? (
        <p role="status" className="w-full text-sm text-emerald-700 dark:text-emerald-300">
          {done}
        </p>
      ) : null}
      <ActionState checking={action.checking} failure={action.failure} />
    </form>
  );
}
