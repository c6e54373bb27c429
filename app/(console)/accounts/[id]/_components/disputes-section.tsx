// The newest disputes on the account's charges (from the console's index): amount, reason, status
// in words, the date a response is due, and a link to the account's risk case for the rest.
import Link from 'next/link';
import { DisputeStatusBadge } from '@/components/disputes/dispute-parts';
import { formatDate } from '@/lib/dates';
import { disputeReasonWords } from '@/lib/disputes/words';
import type { DisputeSummary } from '@/lib/disputes/view';
import { formatMoney } from '@/lib/money';
import { riskObjectHref } from '@/lib/risk/object-keys';

export function DisputesBody({ accountId, disputes }: { accountId: string; disputes: DisputeSummary[] }) {
  if (disputes.length === 0) return <p className="text-sm text-neutral-600">No dispute on this account&rsquo;s charges.</p>;
  return (
    <div className="space-y-2">
      <ul className="divide-y divide-neutral-200 text-sm" data-testid="account-disputes">
        {disputes.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5" data-testid="account-dispute">
            <DisputeStatusBadge status={d.status} />
            <span className="tabular-nums text-neutral-900">{d.amount !== null && d.currency ? formatMoney(d.amount, d.currency) : '—'}</span>
            <span className="text-neutral-700">{disputeReasonWords(d.reason)}</span>
            {d.dueBy !== null ? <span className="text-neutral-600">response due {formatDate(d.dueBy)}</span> : null}
            {d.charge ? (
              <Link href={riskObjectHref('charges', d.charge, accountId)} className="font-mono text-xs text-brand-600 hover:underline" data-testid="account-dispute-charge">
                {d.charge}
              </Link>
            ) : null}
            <span className="w-full text-xs text-neutral-500 sm:ml-auto sm:w-auto">
              <span className="font-mono">{d.id}</span> · opened {formatDate(d.created)}
            </span>
          </li>
        ))}
      </ul>
      <Link href={`/risk/accounts/${encodeURIComponent(accountId)}`} className="text-xs text-brand-600 hover:underline">
        The account&rsquo;s risk case
      </Link>
    </div>
  );
}
