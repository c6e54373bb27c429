// The console's audit entries about this account, newest first (refetched after each action).
import Link from 'next/link';
import { OutcomeBadge } from '@/components/audit/outcome-badge';
import { auditActionLabel } from '@/lib/audit/catalog';
import type { AuditEntryView } from '@/lib/audit/view';

export function HistoryBody({ accountId, entries }: { accountId: string; entries: AuditEntryView[] }) {
  return (
    <div data-testid="object-history">
      {entries.length === 0 ? (
        <p className="text-sm text-neutral-500">No changes made through the console yet.</p>
      ) : (
        <ol className="divide-y divide-neutral-200">
          {entries.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm" data-testid="history-entry">
              <time className="w-44 shrink-0 tabular-nums text-neutral-500" dateTime={e.startedAt}>
                {e.startedAt.replace('T', ' ').slice(0, 19)} UTC
              </time>
              <span className="font-medium text-neutral-900">{auditActionLabel(e.action)}</span>
              <span className="text-neutral-600">by {e.operatorEmail}</span>
              <OutcomeBadge outcome={e.outcome} />
              {typeof e.params.reason === 'string' ? <code className="text-xs text-neutral-500">{e.params.reason}</code> : null}
              {e.errorMessage ? <span className="text-neutral-600">{e.errorMessage}</span> : null}
              {e.requestId ? <code className="text-xs text-neutral-500">{e.requestId}</code> : null}
            </li>
          ))}
        </ol>
      )}
      <Link href={`/audit?object=${encodeURIComponent(accountId)}`} className="mt-2 inline-block text-sm text-brand-600 hover:underline">
        All entries in the audit log
      </Link>
    </div>
  );
}
