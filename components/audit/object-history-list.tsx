'use client';
// The entries of a History panel: first what the page read on the server, then the browser's copy
// under auditKeys, which every action invalidates, so a new entry shows without a reload.
import { useQuery } from '@tanstack/react-query';
import { HistoryEntry } from '@/components/audit/history-entry';
import { auditQueries } from '@/lib/audit/keys';
import type { AuditEntryView } from '@/lib/audit/view';

export function ObjectHistoryList({ objectId, limit, initial }: { objectId: string; limit: number; initial: AuditEntryView[] }) {
  // A failed refresh keeps the entries already shown.
  const { data: entries = initial } = useQuery({ ...auditQueries.object(objectId, limit), initialData: initial });
  if (entries.length === 0) return <p className="mt-2 text-sm text-neutral-500">No changes made through the console yet.</p>;
  return (
    <ol className="mt-2 divide-y divide-neutral-200 rounded-lg border border-neutral-200 bg-surface">
      {entries.map((entry) => (
        <HistoryEntry key={entry.id} entry={entry} className="px-4 py-2.5" />
      ))}
    </ol>
  );
}
