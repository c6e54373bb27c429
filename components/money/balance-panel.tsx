'use client';
// The platform's balance (available and pending per currency) on the finance pages, as a strip of
// one card per currency above the page's list, from the React Query cache the page prefetched;
// money actions invalidate it.
import { useQuery } from '@tanstack/react-query';
import { Money } from '@/components/money/money';
import { balanceQueries, balanceRows } from '@/lib/balance/keys';

export function BalancePanel() {
  const { data, error } = useQuery(balanceQueries.platform());
  return (
    <section aria-labelledby="platform-balance" data-testid="platform-balance">
      <h2 id="platform-balance" className="text-xs font-medium uppercase tracking-wide text-neutral-500">
        Platform balance
      </h2>
      {error ? (
        <p className="mt-2 text-sm text-mode-live-ink">The balance could not be read: {error.message}</p>
      ) : !data ? (
        <p className="mt-2 text-sm text-neutral-500">Loading…</p>
      ) : (
        <ul className="mt-2 flex flex-wrap gap-3">
          {balanceRows(data).map((row) => (
            <li key={row.currency} className="min-w-40 rounded-lg border border-neutral-200 bg-surface px-4 py-2.5" data-testid={`balance-${row.currency}`}>
              <p className="font-mono text-xs uppercase text-neutral-500">{row.currency}</p>
              <p className="text-base font-semibold text-neutral-900" data-testid="balance-available">
                <Money amount={row.available} currency={row.currency} />
                <span className="ml-1 text-xs font-normal text-neutral-500">available</span>
              </p>
              <p className="text-xs text-neutral-600" data-testid="balance-pending">
                <Money amount={row.pending} currency={row.currency} /> pending
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
