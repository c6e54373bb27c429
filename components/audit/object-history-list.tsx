'use client';
// The entries of a History panel: first what the page read on the server, then the browser's copy
// under auditKeys, which every action invalidates, so a new entry shows without a reload.
import { useQuery } from '@tanstack/react-query';
import { OutcomeBadge } from '@/components/audit/outcome-badge';
import { auditActionLabel } from '@/lib/audit/catalog';
import { auditQueries } from '@/lib/audit/keys';
import type { AuditEntryView } from '@/lib/audit/view';

export function ObjectHistoryList({ objectId, limit, initial }: { objectId: string; limit: number; initial: AuditEntryView[] }) {
  // A failed refresh keeps the entries already shown.
  const { data: entries = initial } = useQuery({ ...auditQueries.object(objectId, limit), initialData: initial });
  if (entries.length === 0) return <p className="mt-2 text-sm text-neutral-500">No changes made through the console yet.</p>;
  return (
    <ol className="mt-2 divide-y divide-neutral-200 rounded-lg border border-neutral-200 bg-surface">
      {entries.map((entry) => (
        <li key={entry.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 text-sm" data-testid="history-entry">
          <time className="w-44 shrink-0 tabular-nums text-neutral-500" dateTime={entry.startedAt}>
            {entry.startedAt.replace('T', ' ').slice(0, 19)} UTC
          </time>
          <span className="font-medium text-neutral-900">{auditActionLabel(entry.action)}</span>
          <span className="text-neutral-600">by {entry.operatorEmail}</span>
          <OutcomeBadge outcome={entry.outcome} />
          {entry.errorMessage ? <span className="text-neutral-600">{entry.errorMessage}</span> : null}
        </li>
      ))}
    </ol>
  );
}
