// The audit log: every change made through the console, newest first, filtered and paged by the
// URL, exportable as CSV with the same filters; above it, the check of the log's hash chain.
import { Download } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { FilterBar } from '@/components/data-table/filter-bar';
import { PageHeader } from '@/components/shell/page-header';
import { listAuditEntries } from '@/lib/audit/store';
import { auditFilterFields, auditFiltersToSearch, parseAuditQuery } from '@/lib/audit/schemas';
import { toAuditEntryView } from '@/lib/audit/view';
import { requirePermission } from '@/lib/auth/guard';
import { getDb } from '@/lib/db/client';
import { fieldValues } from '@/lib/lists/filter-fields';
import { listOperators } from '@/lib/operators/store';
import { AuditTable } from './_components/audit-table';
import { ChainStatus, ChainStatusPending } from './_components/chain-status';
import { plural } from '@/lib/words';

export const metadata: Metadata = { title: 'Audit log' };

const PAGE_SIZE = 50;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('audit.read');
  const { cursor, dir, ...filters } = parseAuditQuery(await searchParams);
  const db = await getDb();
  const [page, operators] = await Promise.all([listAuditEntries(db, filters, { cursor, dir, limit: PAGE_SIZE }), listOperators(db)]);
  const filterSearch = auditFiltersToSearch(filters);
  const auditFields = auditFilterFields(operators);
  const pageHref = (cursorId: number, direction: 'older' | 'newer') => {
    const search = new URLSearchParams(filterSearch);
    search.set('cursor', String(cursorId));
    search.set('dir', direction);
    return `/audit?${search}`;
  };
  const exportHref = `/api/audit/export${filterSearch.size ? `?${filterSearch}` : ''}`;

  return (
    <main className="mx-auto max-w-7xl space-y-5 px-6 py-8">
      <PageHeader
        title="Audit log"
        description="Every change made through the console: who, what, on which object, and how it ended. Entries are written before the change is attempted, never edited afterwards, and chained by keyed hashes that reveal a rewritten entry and any removed one that later entries follow (keep the head printed by npm run audit:verify elsewhere to catch the newest being removed)."
        actions={
          <a
            href={exportHref}
            data-testid="audit-export"
            className="inline-flex h-9 items-center gap-1.5 rounded-md border border-neutral-300 bg-surface px-3.5 text-sm font-medium text-neutral-800 hover:bg-neutral-100"
          >
            <Download aria-hidden className="size-4" /> Export CSV
          </a>
        }
      />
      <Suspense fallback={<ChainStatusPending />}>
        <ChainStatus />
      </Suspense>
      <FilterBar action="/audit" fields={auditFields} values={fieldValues(filters, auditFields)} testId="audit-filters" />
      <AuditTable entries={page.entries.map(toAuditEntryView)} />
      <nav aria-label="Pages" className="flex items-center justify-between text-sm">
        {page.newerCursor ? (
          <Link href={pageHref(page.newerCursor, 'newer')} className="text-brand-600 hover:underline" data-testid="audit-newer">
            ← Newer
          </Link>
        ) : (
          <span aria-disabled="true" className="text-neutral-500">← Newer</span>
        )}
        <span className="text-neutral-500">{plural(page.entries.length, 'entry', 'entries')} on this page</span>
        {page.olderCursor ? (
          <Link href={pageHref(page.olderCursor, 'older')} className="text-brand-600 hover:underline" data-testid="audit-older">
            Older →
          </Link>
        ) : (
          <span aria-disabled="true" className="text-neutral-500">Older →</span>
        )}
      </nav>
    </main>
  );
}
