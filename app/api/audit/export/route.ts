// CSV export of the audit log with the Audit page's filters, streamed in batches. A route
// handler because a download needs a plain GET; guarded like every page.
import { auditCsvHeader, auditCsvRow } from '@/lib/audit/csv';
import { parseAuditQuery } from '@/lib/audit/schemas';
import { iterateAuditEntries } from '@/lib/audit/store';
import { withPermission } from '@/lib/auth/guard';
import { getDb } from '@/lib/db/client';
import { csvResponse } from '@/lib/http/csv';

export const dynamic = 'force-dynamic';

export const GET = withPermission('audit.read', async (request) => {
  const { cursor: _cursor, dir: _dir, ...filters } = parseAuditQuery(new URL(request.url).searchParams);
  const db = await getDb();
  const encoder = new TextEncoder();
  const entries = iterateAuditEntries(db, filters);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(auditCsvHeader()));
    },
    async pull(controller) {
      const next = await entries.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(auditCsvRow(next.value)));
    },
  });
  return csvResponse('audit-log', body);
});
