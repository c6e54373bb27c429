// The Audit page's parts rendered to HTML: the chain check (verified, or a red alert naming the
// first broken entry, with the note on id gaps), and the table's rows for an attempt with no
// operator and for an entry with a result and a resolution.
import { eq, sql } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { completeAuditEntry, getAuditEntry, recordAuditEvent, startAuditEntry } from '@/lib/audit/store';
import { toAuditEntryView } from '@/lib/audit/view';
import { auditEntries } from '@/lib/db/schema';
import { testDatabases, type TestOpenDb } from '@/lib/db/testing';

const current = vi.hoisted(() => ({ db: null as unknown }));
vi.mock('@/lib/db/client', () => ({ getDb: async () => current.db }));

const { ChainStatus } = await import('./chain-status');
const { AuditTable } = await import('./audit-table');

const pglite = testDatabases().find((database) => database.name === 'pglite')!;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the Audit page', () => {
  let opened: TestOpenDb;
  let strangerId: number;
  let resolvedId: number;

  beforeAll(async () => {
    opened = await pglite.open();
    current.db = opened.db;
    strangerId = await recordAuditEvent(
      opened.db,
      { operator: { id: null, email: 'who@example.com', role: null }, action: 'operator.sign_in', params: { provider: 'credentials' }, mode: 'emulator' },
      { outcome: 'failed', errorMessage: 'No operator has this e-mail address.' },
    );
    resolvedId = await startAuditEntry(opened.db, {
      operator: { id: null, email: 'who@example.com', role: null },
      action: 'transfer.reverse',
      targetId: 'tr_1',
      mode: 'emulator',
    });
    await completeAuditEntry(opened.db, resolvedId, { outcome: 'unknown', errorMessage: 'No answer from Stripe.' });
    await completeAuditEntry(opened.db, resolvedId, { outcome: 'succeeded', resultId: 'trr_1', resolution: 'Found trr_1 by the request’s idempotency key.' });
  }, 60_000);
  afterAll(async () => opened?.close());

  it('says the chain is verified, with its head and why ids may skip', async () => {
    const html = renderToStaticMarkup(await ChainStatus());
    expect(html).toContain('data-state="verified"');
    expect(text(html)).toMatch(/Chain verified: 2 entries , head [0-9a-f]{16}…/);
    expect(text(html)).toContain('Entry ids may skip');
  });

  it('shows an entry with no operator, and a result and resolution', async () => {
    const entries = await Promise.all([getAuditEntry(opened.db, resolvedId), getAuditEntry(opened.db, strangerId)]);
    const html = text(renderToStaticMarkup(createElement(AuditTable, { entries: entries.map((entry) => toAuditEntryView(entry!)) })));
    expect(html).toMatch(/who@example\.com no operator .*Signed in/);
    expect(html).toContain('Result trr_1');
    expect(html).toContain('Resolved: Found trr_1 by the request’s idempotency key.');
  });

  it('names the first broken entry in a red alert', async () => {
    await opened.owner.execute(sql`alter table audit_entries disable trigger user`);
    await opened.owner.delete(auditEntries).where(eq(auditEntries.id, strangerId));
    await opened.owner.execute(sql`alter table audit_entries enable trigger user`);
    const html = renderToStaticMarkup(await ChainStatus());
    expect(html).toContain('role="alert"');
    expect(text(html)).toContain(`The audit chain is broken at entry ${resolvedId}.`);
    expect(text(html)).toContain('deleted or inserted before it');
  });
});
