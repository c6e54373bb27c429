// One phase of a schedule: its sentence, its items, the fees its paid invoices produced (each a
// link to the fee) and the fees it will still produce, as an estimate.
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Money } from '@/components/money/money';
import type { ScheduleInvoice } from '@/lib/billing/schedules/queries';
import { phaseSentence, type PhaseFacts } from '@/lib/billing/schedules/phases';
import type { PhaseProjection } from '@/lib/billing/schedules/projection';
import { formatTimestamp } from '@/lib/dates';
import { formatMoney } from '@/lib/money';
import { plural } from '@/lib/words';

function sums(amounts: { amount: number; currency: string }[]): string {
  const by: Record<string, number> = {};
  for (const a of amounts) by[a.currency] = (by[a.currency] ?? 0) + a.amount;
  const parts = Object.entries(by).map(([currency, amount]) => formatMoney(amount, currency));
  return parts.length === 0 ? 'nothing' : parts.join(' and ');
}

export function SchedulePhase({
  phase,
  current,
  invoices,
  projection,
  canOpenFees,
}: {
  phase: PhaseFacts;
  current: boolean;
  invoices: ScheduleInvoice[];
  projection: PhaseProjection;
  canOpenFees: boolean;
}) {
  const fees = invoices.flatMap((i) => (i.fee ? [{ invoice: i, fee: i.fee }] : []));
  const unpaid = invoices.filter((i) => !i.fee);
  const refunded = fees.filter((f) => f.fee.amountRefunded > 0);
  return (
    <section className="space-y-3 rounded-lg border border-neutral-200 bg-surface p-4" aria-labelledby={`phase-${phase.index}`} data-testid={`phase-${phase.index + 1}`}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={`phase-${phase.index}`} className="text-sm font-semibold text-neutral-900">
          Phase {phase.index + 1}
        </h3>
        {current ? (
          <Badge tone="brand" data-testid="phase-current">
            Current phase
          </Badge>
        ) : null}
        <Badge tone="neutral" data-testid="phase-fee-percent">
          {phase.feePercent === null ? 'No platform fee' : `Platform fee ${phase.feePercent}%`}
        </Badge>
      </div>
      <p className="text-sm text-neutral-700" data-testid="phase-sentence">
        {phaseSentence(phase)}
      </p>

      <div className="grid gap-4 md:grid-cols-2">
        <div className="min-w-0">
          <h4 className="text-xs font-medium uppercase tracking-wide text-neutral-500">Fees produced</h4>
          {fees.length === 0 ? (
            <p className="mt-1 text-sm text-neutral-600">None yet.</p>
          ) : (
            <>
              <p className="mt-1 text-sm text-neutral-800" data-testid="phase-produced">
                {plural(fees.length, 'fee', 'fees')}, {sums(fees.map((f) => f.fee))}
                {refunded.length > 0 ? ` (of which ${sums(refunded.map((f) => ({ amount: f.fee.amountRefunded, currency: f.fee.currency })))} refunded)` : ''}.
              </p>
              <ul className="mt-1 space-y-0.5 text-sm">
                {fees.map(({ invoice, fee }) => (
                  <li key={fee.id} className="flex flex-wrap items-baseline gap-x-2">
                    <span className="text-neutral-500 tabular-nums">{formatTimestamp(invoice.created).slice(0, 10)}</span>
                    {canOpenFees ? (
                      <Link href={`/application-fees/${encodeURIComponent(fee.id)}`} className="font-mono text-[13px] text-brand-600 hover:underline" data-testid="phase-fee-link">
                        {fee.id}
                      </Link>
                    ) : (
                      <code className="font-mono text-[13px]">{fee.id}</code>
                    )}
                    <Money amount={fee.amount} currency={fee.currency} className="text-neutral-900" />
                    <span className="text-xs text-neutral-500">
                      on <Money amount={invoice.total} currency={invoice.currency} />
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {unpaid.length > 0 ? <p className="mt-1 text-xs text-neutral-500">{plural(unpaid.length, 'invoice', 'invoices')} of this phase produced no fee (unpaid, or no fee taken).</p> : null}
        </div>
        <div className="min-w-0">
          <h4 className="text-xs font-medium uppercase tracking-wide text-neutral-500">Fees to come (estimate)</h4>
          {projection.periods.length === 0 && projection.metered.length === 0 ? (
            <p className="mt-1 text-sm text-neutral-600" data-testid="phase-projection">
              None: this phase bills no more.
            </p>
          ) : (
            <p className="mt-1 text-sm text-neutral-800" data-testid="phase-projection">
              About {sums(projection.periods)} over {plural(projection.periods.length, 'billing period', 'billing periods')}
              {projection.periods[0] ? `, from ${formatTimestamp(projection.periods[0].start).slice(0, 10)}` : ''} (price × quantity × {phase.feePercent ?? 0}% per period).
              {projection.metered.length > 0 ? ` Plus a share of ${projection.metered.join(', ')}: that fee depends on usage, so it is not estimated.` : ''}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
