// Reusable per-object history for detail pages: the latest audit entries about one object id, as
// lib/audit/history.ts reads them (null for roles that may not read the audit log: nothing shown).
// Server component; the reading happens in lib/, not here.
import Link from 'next/link';
import { OutcomeBadge } from '@/components/audit/outcome-badge';
import { auditActionLabel } from '@/lib/audit/catalog';
import { readObjectHistory } from '@/lib/audit/history';
import type { SessionOperator } from '@/lib/auth/guard';

export async function ObjectHistory({ objectId, operator, limit = 10 }: { objectId: string; operator: SessionOperator; limit?: number }) {
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
      {entries.length === 0 ? (
        <p className="mt-2 text-sm text-neutral-500">No changes made through the console yet.</p>
      ) : (
        <ol className="mt-2 divide-y divide-neutral-200 rounded-lg border border-neutral-200 bg-surface">
          {entries.map((entry) => (
            <li key={entry.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 text-sm">
              <time className="w-44 shrink-0 tabular-nums text-neutral-500" dateTime={entry.startedAt.toISOString()}>
                {entry.startedAt.toISOString().replace('T', ' ').slice(0, 19)} UTC
              </time>
              <span className="font-medium text-neutral-900">{auditActionLabel(entry.action)}</span>
              <span className="text-neutral-600">by {entry.operatorEmail}</span>
              <OutcomeBadge outcome={entry.outcome} />
              {entry.errorMessage ? <span className="text-neutral-600">{entry.errorMessage}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
