// The console's audit entries about this account, newest first (refetched after each action).
import Link from 'next/link';
import { HistoryEntry } from '@/components/audit/history-entry';
import type { AuditEntryView } from '@/lib/audit/view';

export function HistoryBody({ accountId, entries }: { accountId: string; entries: AuditEntryView[] }) {
  return (
    <div data-testid="object-history">
      {entries.length === 0 ? (
        <p className="text-sm text-neutral-500">No changes made through the console yet.</p>
      ) : (
        <ol className="divide-y divide-neutral-200">
          {entries.map((e) => (
            <HistoryEntry key={e.id} entry={e} className="py-2" />
          ))}
        </ol>
      )}
      <Link href={`/audit?object=${encodeURIComponent(accountId)}`} className="mt-2 inline-block text-sm text-brand-600 hover:underline">
        All entries in the audit log
      </Link>
    </div>
  );
}
