// The Audit page's "not resolved yet" filter: entries still started or unknown, nothing else; and
// the URL keeps it. On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_OUTCOMES_FILTER } from '@/lib/audit/catalog';
import { parseAuditQuery } from '@/lib/audit/schemas';
import { completeAuditEntry, listAuditEntries, recordAuditEvent, startAuditEntry } from '@/lib/audit/store';
import type { OpenDb } from '@/lib/db/open';
import { testDatabases } from '@/lib/db/testing';
import { createOperator } from '@/lib/operators/store';

describe.each(testDatabases())('the open-outcomes filter on $name', ({ open }) => {
  let opened: OpenDb;
  beforeAll(async () => {
    opened = await open();
  }, 60_000);
  afterAll(async () => opened?.close());

  it('lists the started and unknown entries only', async () => {
    const who = await createOperator(opened.db, { email: 'f@example.test', name: 'F', role: 'finance' });
    const actor = { id: who.id, email: who.email, role: who.role };
    const base = { operator: actor, action: 'transfer.reverse' as const, mode: 'emulator' as const };
    const started = await startAuditEntry(opened.db, { ...base, targetId: 'tr_1' });
    const unknown = await startAuditEntry(opened.db, { ...base, targetId: 'tr_2' });
    await completeAuditEntry(opened.db, unknown, { outcome: 'unknown', errorMessage: 'The answer was lost' });
    await recordAuditEvent(opened.db, { ...base, targetId: 'tr_3' }, { outcome: 'succeeded' });
    await recordAuditEvent(opened.db, { ...base, targetId: 'tr_4' }, { outcome: 'failed', errorMessage: 'Refused' });
    const page = await listAuditEntries(opened.db, parseAuditQuery(new URLSearchParams(`outcome=${OPEN_OUTCOMES_FILTER}`)), { limit: 50 });
    expect(page.entries.map((e) => e.id).sort()).toEqual([started, unknown].sort());
  });
});
