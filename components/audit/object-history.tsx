// Reusable per-object history for detail pages: the latest audit entries about one object id.
// Server component; shown only to roles that may read the audit log. The list refreshes in the
// browser after each action (see ObjectHistoryList).
import Link from 'next/link';
import { ObjectHistoryList } from '@/components/audit/object-history-list';
import { OBJECT_HISTORY_LIMIT } from '@/lib/audit/keys';
import { listObjectHistory } from '@/lib/audit/store';
import { toAuditEntryView } from '@/lib/audit/view';
import type { SessionOperator } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db/client';

export async function ObjectHistory({ objectId, operator, limit = OBJECT_HISTORY_LIMIT }: { objectId: string; operator: SessionOperator; limit?: number }) {
  if (!can(operator.role, 'audit.read')) return null;
  const entries = await listObjectHistory(await getDb(), objectId, limit);
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
