// Reusable per-object history for detail pages: the latest audit entries about one object id, as
// lib/audit/history.ts reads them (null for roles that may not read the audit log: nothing shown).
// Server component; the reading happens in lib/, not here. The list refreshes in the browser after
// each action (see ObjectHistoryList).
import Link from 'next/link';
import { ObjectHistoryList } from '@/components/audit/object-history-list';
import { readObjectHistory } from '@/lib/audit/history';
import { OBJECT_HISTORY_LIMIT } from '@/lib/audit/keys';
import { toAuditEntryView } from '@/lib/audit/view';
import type { SessionOperator } from '@/lib/auth/guard';

export async function ObjectHistory({ objectId, operator, limit = OBJECT_HISTORY_LIMIT }: { objectId: string; operator: SessionOperator; limit?: number }) {
  const entries = await readObjectHistory(operator, objectId, limit);
  if (entries === null) return null;
  return (
    <div data-testid="object-history">
      <div className="flex items-baseline justify-between">
        <h2 className="text-sm font-semibold text-neutral-900">History</h2>
        <Link href={`/audit?object=${encodeURIComponent(objectId)}`} className="text-sm text-brand-600 hover:underline">
          All entries in the audit log
        </Link>
      </div>
      <ObjectHistoryList objectId={objectId} limit={limit} initial={entries.map(toAuditEntryView)} />
    </div>
  );
}
