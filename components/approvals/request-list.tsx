// A list of approval requests (the inbox's sections, an object's page): what, how much, who
// asked and when, its status, each linking to the request's page.
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import type { ApprovalRequestView } from '@/lib/approvals/keys';
import { APPROVAL_ACTION_LABELS } from '@/lib/approvals/policy';
import { APPROVAL_STATUS_LABELS } from '@/lib/approvals/status';
import { formatTimestamp } from '@/lib/dates';
import { formatMoney } from '@/lib/money';

const TONE = { pending: 'warn', approved: 'brand', executed: 'good', declined: 'neutral', cancelled: 'neutral', expired: 'neutral', failed: 'bad', unknown: 'warn' } as const;

export const whenText = (iso: string) => formatTimestamp(Math.floor(Date.parse(iso) / 1000));

export function ApprovalStatusBadge({ status }: { status: ApprovalRequestView['status'] }) {
  return (
    <Badge tone={TONE[status]} data-testid="approval-status">
      {APPROVAL_STATUS_LABELS[status]}
    </Badge>
  );
}

export function RequestList({ requests, empty, testId }: { requests: ApprovalRequestView[]; empty: string; testId: string }) {
  if (requests.length === 0) return <p className="text-sm text-neutral-600" data-testid={`${testId}-empty`}>{empty}</p>;
  return (
    <ul className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 bg-surface" data-testid={testId}>
      {requests.map((r) => (
        <li key={r.id} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-start sm:justify-between sm:gap-4" data-testid="approval-row" data-request-id={r.id}>
          <div className="min-w-0 space-y-1">
            <p className="text-sm font-medium text-neutral-900">
              <Link href={`/approvals/${r.id}`} className="text-brand-600 hover:underline">
                {APPROVAL_ACTION_LABELS[r.action]}
                {r.amount !== null && r.currency ? ` of ${formatMoney(r.amount, r.currency)}` : ''}
              </Link>
            </p>
            <p className="text-sm text-neutral-700 [overflow-wrap:anywhere]">{r.summary}</p>
            <p className="text-xs text-neutral-500">
              Asked by {r.requestedByEmail} on {whenText(r.requestedAt)}
              {r.decidedByEmail ? `; decided by ${r.decidedByEmail}` : ''}
            </p>
            {/* What became of an execution that did not end well: a failure, or what the console found after a crash. */}
            {(r.status === 'failed' || r.status === 'unknown') && r.executionError ? (
              <p className="text-xs text-mode-live-ink [overflow-wrap:anywhere]" data-testid="approval-row-outcome">
                {r.executionError}
              </p>
            ) : null}
          </div>
          <div className="shrink-0">
            <ApprovalStatusBadge status={r.status} />
          </div>
        </li>
      ))}
    </ul>
  );
}
