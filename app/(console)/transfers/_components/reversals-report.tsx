'use client';
// The reversals report: totals per currency, a bar chart for each currency (plain CSS bars, a bar
// per UTC day or per month over a long period; amounts are never added across currencies), and
// the reversals themselves. A period the report cannot serve whole shows the reason, no numbers.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { AccountRef } from '@/components/accounts/account-ref';
import { useRef, useState, type KeyboardEvent } from 'react';
import { formatTimestamp } from '@/lib/dates';
import { Money } from '@/components/money/money';
import { formatMoney } from '@/lib/money';
import { transferQueries } from '@/lib/transfers/keys';
import { amountTicks, chartBars, totalsByCurrency, type ChartBar } from '@/lib/transfers/report';
import { plural } from '@/lib/words';

function describeBar(bar: ChartBar, currency: string): string {
  const when = bar.first === bar.last ? bar.first : `${bar.first} to ${bar.last}`;
  return `${when}: ${formatMoney(bar.amount, currency)} in ${plural(bar.count, 'reversal', 'reversals')}`;
}

/** Keys that move along the bars: one tab stop for the chart, the arrows read each bar. */
const MOVES: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => Math.min(n - 1, i + 1),
  ArrowLeft: (i) => Math.max(0, i - 1),
  Home: () => 0,
  End: (_, n) => n - 1,
};

function PeriodChart({ bars, currency }: { bars: ChartBar[]; currency: string }) {
  const [active, setActive] = useState(() => Math.max(0, bars.findLastIndex((b) => b.amount > 0)));
  const list = useRef<HTMLOListElement>(null);
  const ticks = amountTicks(bars);
  const max = Math.max(1, ticks[2]!);
  const unit = bars[0] && bars[0].label.length === 7 ? 'month' : 'day';
  const code = currency.toUpperCase();
  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    const next = move(active, bars.length);
    setActive(next);
    (list.current?.children[next] as HTMLElement | undefined)?.focus();
  };
  const middle = bars[Math.floor((bars.length - 1) / 2)];
  return (
    <figure className="rounded-lg border border-neutral-200 bg-surface p-4" data-testid={`report-chart-${currency}`}>
      <figcaption className="mb-3 text-xs font-medium uppercase tracking-wide text-neutral-500">
        {code} reversed per {unit}
      </figcaption>
      <div className="flex gap-2">
        <div className="flex h-32 shrink-0 flex-col justify-between text-right text-[11px] leading-none tabular-nums text-neutral-500" aria-hidden data-testid="report-chart-amounts">
          {[...ticks].reverse().map((t, i) => (
            <span key={i} className={i === 0 ? '-mt-0.5' : i === 2 ? '-mb-0.5' : ''}>
              {formatMoney(t, currency)}
            </span>
          ))}
        </div>
        <div className="min-w-0 flex-1">
          <div className="relative h-32 border-b border-l border-neutral-300">
            <div aria-hidden className="pointer-events-none absolute inset-x-0 top-0 border-t border-dashed border-neutral-200" />
            <div aria-hidden className="pointer-events-none absolute inset-x-0 top-1/2 border-t border-dashed border-neutral-200" />
            <ol
              ref={list}
              className="relative flex h-full items-end gap-px rounded-sm focus-within:outline-none"
              aria-label={`${code} reversed per ${unit}, ${bars[0]?.first} to ${bars.at(-1)?.last}. Use the arrow keys to read each ${unit}.`}
              onKeyDown={onKeyDown}
            >
              {bars.map((b, i) => {
                const label = describeBar(b, currency);
                const side = i < bars.length / 3 ? 'left-0' : i > (2 * bars.length) / 3 ? 'right-0' : 'left-1/2 -translate-x-1/2';
                return (
                  <li
                    key={b.label}
                    tabIndex={i === active ? 0 : -1}
                    aria-label={label}
                    onFocus={() => setActive(i)}
                    className="group relative flex h-full min-w-px flex-1 items-end outline-none focus-visible:bg-brand-600/10"
                    data-testid="report-chart-bar"
                  >
                    <div
                      className="w-full rounded-t-sm bg-brand-600/80 group-hover:bg-brand-600 group-focus-visible:bg-brand-600 group-focus-visible:ring-2 group-focus-visible:ring-brand-600 group-focus-visible:ring-offset-1"
                      style={{ height: b.amount === 0 ? '1px' : `${Math.max(3, (b.amount / max) * 100)}%`, opacity: b.amount === 0 ? 0.25 : 1 }}
                    />
                    <span
                      role="tooltip"
                      className={`pointer-events-none absolute bottom-full z-10 mb-1 hidden whitespace-nowrap rounded-md bg-neutral-900 px-2 py-1 text-xs text-neutral-50 shadow group-hover:block group-focus-visible:block ${side}`}
                    >
                      {label}
                    </span>
                  </li>
                );
              })}
            </ol>
          </div>
          <div className="mt-1 flex justify-between gap-2 whitespace-nowrap text-[11px] tabular-nums text-neutral-500" aria-hidden data-testid="report-chart-dates">
            <span>{bars[0]?.first}</span>
            {bars.length > 2 && middle ? <span>{middle.label}</span> : null}
            <span>{bars.at(-1)?.last}</span>
          </div>
        </div>
      </div>
    </figure>
  );
}

export function ReversalsReport({ from, to }: { from: string; to: string }) {
  const { data, error } = useQuery(transferQueries.report(from, to));
  if (error) return <p role="alert" className="text-sm text-mode-live-ink">The report could not be read: {error.message}</p>;
  if (!data) return <p className="text-sm text-neutral-500">Loading…</p>;
  if (data.refusal || data.from !== from || data.to !== to) {
    return (
      <p role="alert" className="rounded-lg border border-neutral-200 bg-surface px-4 py-3 text-sm text-mode-live-ink" data-testid="report-refused">
        {data.refusal ?? `The report read was for ${data.from} to ${data.to}, not the period asked; nothing is shown.`}
      </p>
    );
  }
  const totals = totalsByCurrency(data.items);
  return (
    <div className="space-y-5">
      <section aria-labelledby="totals" className="space-y-2">
        <h2 id="totals" className="text-sm font-semibold text-neutral-900">
          Totals
        </h2>
        {totals.length === 0 ? (
          <p className="text-sm text-neutral-500" data-testid="report-empty">
            No reversals from {from} to {to}.
          </p>
        ) : (
          <ul className="flex flex-wrap gap-3" data-testid="report-totals">
            {totals.map((t) => (
              <li key={t.currency} className="rounded-lg border border-neutral-200 bg-surface px-4 py-3" data-testid={`report-total-${t.currency}`}>
                <p className="text-xs font-medium uppercase tracking-wide text-neutral-500">{t.currency.toUpperCase()}</p>
                <p className="text-lg font-semibold text-neutral-900">
                  <Money amount={t.amount} currency={t.currency} />
                </p>
                <p className="text-xs text-neutral-500">
                  {plural(t.count, 'reversal', 'reversals')}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        {totals.map((t) => (
          <PeriodChart key={t.currency} currency={t.currency} bars={chartBars(data.items, t.currency, from, to)} />
        ))}
      </div>
      {data.items.length > 0 ? (
        <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-surface">
          <table className="w-full text-left text-sm" aria-label="Reversals in the period" data-testid="report-table">
            <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-neutral-500">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">Reversal</th>
                <th scope="col" className="px-3 py-2 font-medium">Transfer</th>
                <th scope="col" className="px-3 py-2 font-medium">Destination</th>
                <th scope="col" className="px-3 py-2 font-medium">Amount</th>
                <th scope="col" className="px-3 py-2 font-medium">Created</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-200">
              {data.items.map((r) => (
                <tr key={r.id} className="hover:bg-neutral-50">
                  <td className="px-3 py-2">
                    <Link href={`/transfers/reversals/${r.id}`} className="font-mono text-[13px] text-brand-600 hover:underline">
                      {r.id}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    <Link href={`/transfers/${r.transfer}`} className="font-mono text-[13px] text-brand-600 hover:underline">
                      {r.transfer}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    <AccountRef id={r.destination} name={r.destination ? data.accountNames?.[r.destination] : undefined} />
                  </td>
                  <td className="px-3 py-2">
                    <Money amount={r.amount} currency={r.currency} />
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums text-neutral-600">{formatTimestamp(r.created)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
