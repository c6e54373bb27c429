'use client';
// The reversals report: totals per currency, a bar per UTC day for each currency (plain CSS bars;
// amounts are never added across currencies), and the reversals themselves.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { AccountRef } from '@/components/accounts/account-ref';
import { formatTimestamp } from '@/components/data-table/url-filters';
import { Money } from '@/components/money/money';
import { formatMoney } from '@/lib/money';
import { transferQueries } from '@/lib/transfers/keys';
import { dailyTotals, totalsByCurrency, type DayBar } from '@/lib/transfers/report';
import { plural } from '@/lib/words';

function DayChart({ bars, currency }: { bars: DayBar[]; currency: string }) {
  const max = Math.max(1, ...bars.map((b) => b.amount));
  return (
    <figure className="rounded-lg border border-neutral-200 bg-surface p-4" data-testid={`report-chart-${currency}`}>
      <figcaption className="mb-2 text-xs font-medium uppercase tracking-wide text-neutral-500">{currency.toUpperCase()} reversed per day</figcaption>
      <div className="flex h-32 items-end gap-px" role="img" aria-label={`Reversals per day in ${currency.toUpperCase()}`}>
        {bars.map((b) => (
          <div
            key={b.day}
            className="min-w-[2px] flex-1 rounded-t-sm bg-brand-600/80 hover:bg-brand-600"
            style={{ height: b.amount === 0 ? '1px' : `${Math.max(3, (b.amount / max) * 100)}%`, opacity: b.amount === 0 ? 0.25 : 1 }}
            title={`${b.day}: ${formatMoney(b.amount, currency)} in ${plural(b.count, 'reversal', 'reversals')}`}
          />
        ))}
      </div>
      <div className="mt-1 flex justify-between text-[11px] tabular-nums text-neutral-500">
        <span>{bars[0]?.day}</span>
        <span>max {formatMoney(max === 1 && bars.every((b) => b.amount === 0) ? 0 : max, currency)}</span>
        <span>{bars.at(-1)?.day}</span>
      </div>
    </figure>
  );
}

export function ReversalsReport({ from, to }: { from: string; to: string }) {
  const { data, error } = useQuery(transferQueries.report(from, to));
  if (error) return <p role="alert" className="text-sm text-mode-live-ink">The report could not be read: {error.message}</p>;
  if (!data) return <p className="text-sm text-neutral-500">Loading…</p>;
  const totals = totalsByCurrency(data.items);
  return (
    <div className="space-y-5">
      {!data.complete ? <p className="text-sm text-mode-test-ink">The period holds more reversals than one report reads; narrow it for exact totals.</p> : null}
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
          <DayChart key={t.currency} currency={t.currency} bars={dailyTotals(data.items, t.currency, from, to)} />
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
