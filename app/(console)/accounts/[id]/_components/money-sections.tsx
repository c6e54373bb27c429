// External accounts, balances, recent transfers to the account and application fees from it.
import Link from 'next/link';
import type Stripe from 'stripe';
import { Badge } from '@/components/ui/badge';
import type { FeesFrom } from '@/lib/accounts/keys';
import { formatDate } from '@/lib/dates';
import { formatMoney } from '@/lib/money';

export function ExternalAccountsBody({ items }: { items: (Stripe.BankAccount | Stripe.Card)[] }) {
  if (items.length === 0) return <p className="text-sm text-neutral-600">No bank account or card for payouts.</p>;
  return (
    <ul className="divide-y divide-neutral-200 text-sm" data-testid="external-accounts">
      {items.map((x) => (
        <li key={x.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5">
          {x.object === 'bank_account' ? (
            <>
              <span className="font-medium text-neutral-900">{x.bank_name ?? 'Bank account'}</span>
              <span className="font-mono text-neutral-700">•••• {x.last4}</span>
              <span className="text-neutral-500">
                {x.country} · {x.currency.toUpperCase()}
              </span>
              <Badge tone={x.status === 'errored' || x.status === 'verification_failed' ? 'bad' : x.status === 'verified' || x.status === 'validated' ? 'good' : 'neutral'}>{x.status.replace(/_/g, ' ')}</Badge>
            </>
          ) : (
            <>
              <span className="font-medium text-neutral-900">{x.brand} card</span>
              <span className="font-mono text-neutral-700">•••• {x.last4}</span>
              <span className="text-neutral-500">
                expires {String(x.exp_month).padStart(2, '0')}/{x.exp_year} · {x.currency?.toUpperCase()}
              </span>
            </>
          )}
          {x.default_for_currency ? <Badge tone="brand">default for {x.currency?.toUpperCase()}</Badge> : null}
        </li>
      ))}
    </ul>
  );
}

export function BalanceBody({ balance }: { balance: Stripe.Balance }) {
  const currencies = [...new Set([...balance.available, ...balance.pending].map((b) => b.currency))];
  if (currencies.length === 0) return <p className="text-sm text-neutral-600">No balance.</p>;
  const sum = (list: { amount: number; currency: string }[], c: string) => list.filter((b) => b.currency === c).reduce((s, b) => s + b.amount, 0);
  return (
    <table className="w-full text-sm" data-testid="balances">
      <thead className="text-left text-xs uppercase tracking-wide text-neutral-500">
        <tr>
          <th className="py-1 font-medium">Currency</th>
          <th className="py-1 text-right font-medium">Available</th>
          <th className="py-1 text-right font-medium">Pending</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-neutral-200 tabular-nums">
        {currencies.map((c) => (
          <tr key={c}>
            <td className="py-1.5">{c.toUpperCase()}</td>
            <td className="py-1.5 text-right text-neutral-900">{formatMoney(sum(balance.available, c), c)}</td>
            <td className="py-1.5 text-right text-neutral-700">{formatMoney(sum(balance.pending, c), c)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TransfersBody({ transfers }: { transfers: Stripe.Transfer[] }) {
  if (transfers.length === 0) return <p className="text-sm text-neutral-600">No transfers to this account.</p>;
  return (
    <ul className="divide-y divide-neutral-200 text-sm" data-testid="transfers">
      {transfers.map((t) => (
        <li key={t.id} className="flex items-center justify-between gap-3 py-1.5">
          <Link href={`/transfers/${t.id}`} className="font-mono text-xs text-brand-600 hover:underline">
            {t.id}
          </Link>
          <span className="text-neutral-500">{formatDate(t.created)}</span>
          <span className="ml-auto tabular-nums text-neutral-900">{formatMoney(t.amount, t.currency)}</span>
          {t.amount_reversed > 0 ? <Badge tone="warn">{t.reversed ? 'reversed' : `${formatMoney(t.amount_reversed, t.currency)} reversed`}</Badge> : null}
        </li>
      ))}
    </ul>
  );
}

export function FeesBody({ fees }: { fees: FeesFrom }) {
  return (
    <>
      <p className="mb-2 text-xs text-neutral-500">
        Stripe cannot list fees by account: these are this account&apos;s among the platform&apos;s newest {fees.scanned} application fees
        {fees.partial ? ' (older ones were not read)' : ''}.
      </p>
      {fees.items.length === 0 ? (
        <p className="text-sm text-neutral-600">None among them.</p>
      ) : (
        <ul className="divide-y divide-neutral-200 text-sm" data-testid="fees">
          {fees.items.map((f) => (
            <li key={f.id} className="flex items-center justify-between gap-3 py-1.5">
              <Link href={`/application-fees/${f.id}`} className="font-mono text-xs text-brand-600 hover:underline">
                {f.id}
              </Link>
              <span className="text-neutral-500">{formatDate(f.created)}</span>
              <span className="ml-auto tabular-nums text-neutral-900">{formatMoney(f.amount, f.currency)}</span>
              {f.amount_refunded > 0 ? <Badge tone="warn">{f.refunded ? 'refunded' : `${formatMoney(f.amount_refunded, f.currency)} refunded`}</Badge> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
