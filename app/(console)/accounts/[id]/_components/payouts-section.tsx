// The account's payouts (the Payouts section), from the console's index: failed payouts since the
// last paid one called out at the top in words with their codes (older ones said quietly), then the latest payouts by arrival date, and links to the
// Payouts list narrowed to the account (and to its failed ones).
import Link from 'next/link';
import { PayoutFailure, PayoutStatusBadge } from '@/components/payouts/payout-parts';
import { formatMoney } from '@/lib/money';
import { accountPayoutsHref } from '@/lib/payouts/filters';
import type { PayoutListResult } from '@/lib/payouts/keys';
import { arrivalWords, failedPayoutsCallout } from '@/lib/payouts/words';
import { plural } from '@/lib/words';

export function PayoutsBody({ accountId, latest, failed }: { accountId: string; latest: PayoutListResult; failed: PayoutListResult | undefined }) {
  if (latest.items.length === 0) {
    return (
      <p className="text-sm text-neutral-600" data-testid="payouts-empty">
        No payout on this account yet.
      </p>
    );
  }
  const failedCount = latest.counts.failed;
  const callout = failedPayoutsCallout(latest.items, failed?.items, failedCount);
  const failedLink = (
    <Link href={accountPayoutsHref(accountId, 'failed')} className="mt-1 inline-block text-xs underline" data-testid="account-payouts-failed">
      {failedCount === 1 ? 'The failed payout' : `The ${plural(failedCount, 'failed payout', 'failed payouts')}`} in Payouts
    </Link>
  );
  return (
    <div className="space-y-3">
      {callout.kind === 'current' ? (
        <div role="alert" className="rounded-md border border-mode-live/30 bg-mode-live-soft p-3 text-sm text-mode-live-ink" data-testid="payouts-failed-callout">
          <p>{callout.words}</p>
          {failedLink}
        </div>
      ) : callout.kind === 'past' ? (
        <div className="rounded-md border border-neutral-200 bg-neutral-50 p-3 text-sm text-neutral-700" data-testid="payouts-failed-earlier">
          <p>{callout.words}</p>
          {failedLink}
        </div>
      ) : null}
      <ul className="divide-y divide-neutral-200 text-sm" data-testid="account-payouts">
        {latest.items.map((p) => (
          <li key={p.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2" data-testid="account-payout">
            <code className="break-all font-mono text-xs">{p.id}</code>
            <PayoutStatusBadge status={p.status} />
            <span className="tabular-nums text-neutral-900">{formatMoney(p.amount, p.currency)}</span>
            <span className="text-neutral-600">{arrivalWords(p)}</span>
            <span className="ml-auto text-xs text-neutral-500">{p.automatic ? 'automatic' : 'on demand'}</span>
            <div className="basis-full empty:hidden">
              <PayoutFailure status={p.status} failureCode={p.failureCode} />
            </div>
          </li>
        ))}
      </ul>
      <p className="text-xs text-neutral-600">
        {latest.next ? `The latest ${latest.items.length} of ${plural(latest.counts.all, 'payout', 'payouts')}. ` : ''}
        <Link href={accountPayoutsHref(accountId)} className="text-brand-600 hover:underline" data-testid="account-payouts-all">
          This account&rsquo;s payouts in Payouts
        </Link>
      </p>
    </div>
  );
}
