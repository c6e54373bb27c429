// The one set of migrations applies on PGlite and PostgreSQL, twice without harm, and the audit
// log refuses to be rewritten: a completed entry cannot change, no entry can be deleted.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAuditEntry, recordAuditEvent, startAuditEntry } from '@/lib/audit/store';
import { openPglite, openPostgres, type OpenDb } from '@/lib/db/open';
import { auditEntries, riskCaseNotes, riskCases } from '@/lib/db/schema';
import { postgresUrlForTests, testDatabases } from '@/lib/db/testing';
import { createOperator } from '@/lib/operators/store';

if (!postgresUrlForTests()) {
  console.warn('DATABASE_URL is not set: the PostgreSQL leg of the data-layer tests is skipped (npm test starts a cluster when Debian\'s postgresql is installed).');
}

describe.each(testDatabases())('migrations on $name', ({ name, open }) => {
  let opened: OpenDb;
  beforeAll(async () => {
    opened = await open();
  }, 60_000);
  afterAll(async () => opened?.close());

  it('creates the operators and audit tables', async () => {
    expect(opened.driver).toBe(name);
    const rows = await opened.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const list = ((rows as { rows?: unknown[] }).rows ?? (rows as unknown as unknown[])) as Array<{ table_name: string }>;
    const names = list.map((row) => row.table_name);
    expect(names).toEqual(expect.arrayContaining(['audit_entries', 'operators']));
  });

  it('lets a started entry be completed once, then never again', async () => {
    const { db } = opened;
    const operator = await createOperator(db, { email: `a-${name}@example.com`, name: 'A', role: 'admin' });
    const actor = { id: operator.id, email: operator.email, role: operator.role };
    const id = await startAuditEntry(db, { operator: actor, action: 'account.reject', targetId: 'acct_1', mode: 'emulator' });
    await completeAuditEntry(db, id, { outcome: 'succeeded', requestId: 'req_1' });
    // The store's own completion is a no-op on a final entry...
    await completeAuditEntry(db, id, { outcome: 'failed', errorMessage: 'rewritten' });
    const [row] = await db.select().from(auditEntries).where(eq(auditEntries.id, id));
    expect(row).toMatchObject({ outcome: 'succeeded', requestId: 'req_1', errorMessage: null });
    // ...and the database refuses a direct rewrite.
    await expect(db.update(auditEntries).set({ errorMessage: 'x' }).where(eq(auditEntries.id, id))).rejects.toThrow();
  });

  it('refuses to change who did what, even while started', async () => {
    const { db } = opened;
    const operator = await createOperator(db, { email: `b-${name}@example.com`, name: 'B', role: 'ops' });
    const id = await startAuditEntry(db, {
      operator: { id: operator.id, email: operator.email, role: operator.role },
      action: 'account.delete',
      targetId: 'acct_2',
      mode: 'emulator',
    });
    await expect(db.update(auditEntries).set({ targetId: 'acct_other' }).where(eq(auditEntries.id, id))).rejects.toThrow();
    await expect(db.update(auditEntries).set({ operatorEmail: 'someone@else' }).where(eq(auditEntries.id, id))).rejects.toThrow();
  });

  it('refuses to delete or truncate entries', async () => {
    const { db } = opened;
    const operator = await createOperator(db, { email: `c-${name}@example.com`, name: 'C', role: 'viewer' });
    const id = await recordAuditEvent(
      db,
      { operator: { id: operator.id, email: operator.email, role: operator.role }, action: 'operator.sign_in', mode: 'emulator' },
      { outcome: 'succeeded' },
    );
    await expect(db.delete(auditEntries).where(eq(auditEntries.id, id))).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_entries`)).rejects.toThrow();
    const [row] = await db.select().from(auditEntries).where(eq(auditEntries.id, id));
    expect(row?.id).toBe(id);
  });

  it('keeps risk case notes append-only: no update, delete or truncate', async () => {
    const { db } = opened;
    const operator = await createOperator(db, { email: `d-${name}@example.com`, name: 'D', role: 'ops' });
    await db.insert(riskCases).values({ id: `case_${name}`, accountId: 'acct_notes' });
    const [note] = await db.insert(riskCaseNotes).values({ caseId: `case_${name}`, authorId: operator.id, body: 'Called the owner' }).returning();
    await expect(db.update(riskCaseNotes).set({ body: 'rewritten' }).where(eq(riskCaseNotes.id, note!.id))).rejects.toThrow();
    await expect(db.delete(riskCaseNotes).where(eq(riskCaseNotes.id, note!.id))).rejects.toThrow();
    await expect(db.execute(sql`truncate risk_case_notes`)).rejects.toThrow();
    const [row] = await db.select().from(riskCaseNotes).where(eq(riskCaseNotes.id, note!.id));
    expect(row?.body).toBe('Called the owner');
  });

  it('allows one undecided case per account, and any number of decided ones', async () => {
    const { db } = opened;
    const account = `acct_one_${name}`;
    await db.insert(riskCases).values({ id: `case_a_${name}`, accountId: account, status: 'decided', decision: 'cleared' });
    await db.insert(riskCases).values({ id: `case_b_${name}`, accountId: account, status: 'decided', decision: 'cleared' });
    await db.insert(riskCases).values({ id: `case_c_${name}`, accountId: account, status: 'open' });
    await expect(db.insert(riskCases).values({ id: `case_d_${name}`, accountId: account, status: 'in_progress' })).rejects.toThrow();
  });
});

describe('migrations are idempotent', () => {
  it('opens the same PGlite folder twice (migrations already applied the second time)', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'cc-pglite-'));
    try {
      const first = await openPglite(path.join(dir, 'pglite'));
      await createOperator(first.db, { email: 'kept@example.com', name: 'Kept', role: 'viewer' });
      await first.close();
      const second = await openPglite(path.join(dir, 'pglite'));
      const rows = await second.db.execute(sql`select email from operators`);
      await second.close();
      expect(JSON.stringify(rows)).toContain('kept@example.com');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it.runIf(Boolean(postgresUrlForTests()))('migrates PostgreSQL twice without error', async () => {
    const first = await openPostgres(postgresUrlForTests()!);
    await first.close();
    const second = await openPostgres(postgresUrlForTests()!);
    await second.close();
  });
});
