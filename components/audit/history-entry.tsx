// One audit entry in a History panel (an object's page, an account's page): when, what, by whom,
// its outcome, and the reason, error and Stripe request id when it has them.
import { OutcomeBadge } from '@/components/audit/outcome-badge';
import { auditActionLabel } from '@/lib/audit/catalog';
import type { AuditEntryView } from '@/lib/audit/view';

export function HistoryEntry({ entry, className }: { entry: AuditEntryView; className: string }) {
  return (
    <li className={`flex flex-wrap items-center gap-x-3 gap-y-1 text-sm ${className}`} data-testid="history-entry">
      <time className="w-44 shrink-0 tabular-nums text-neutral-500" dateTime={entry.startedAt}>
        {entry.startedAt.replace('T', ' ').slice(0, 19)} UTC
      </time>
      <span className="font-medium text-neutral-900">{auditActionLabel(entry.action, entry.outcome)}</span>
      <span className="text-neutral-600">by {entry.operatorEmail}</span>
      <OutcomeBadge outcome={entry.outcome} />
      {typeof entry.params.reason === 'string' ? <code className="text-xs text-neutral-500">{entry.params.reason}</code> : null}
      {entry.errorMessage ? <span className="text-neutral-600">{entry.errorMessage}</span> : null}
      {entry.requestId ? <code className="text-xs text-neutral-400">{entry.requestId}</code> : null}
    </li>
  );
}
