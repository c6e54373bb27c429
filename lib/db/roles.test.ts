// PostgreSQL with two roles (lib/db/testing.ts makes them per suite, as the README tells
// production to): the app's role writes the console's tables as usual but cannot delete, truncate
// or rewrite audit entries, nor switch the append-only trigger off; the owner can (which is why
// the app must not be the owner, and why the hash chain exists).
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAuditEntry, recordAuditEvent, startAuditEntry, verifyAuditChain } from '@/lib/audit/store';
import { canDisableAuditTrigger } from '@/lib/db/roles';
import { auditEntries, leases, operatorSessions, rateLimits } from '@/lib/db/schema';
import { postgresUrlForTests, testDatabases, type TestOpenDb } from '@/lib/db/testing';
import { createOperator, revokeSessions, setOperatorRole } from '@/lib/operators/store';

const postgres = testDatabases().find((database) => database.name === 'postgres');

describe.runIf(Boolean(postgresUrlForTests()))('the app role on PostgreSQL', () => {
  let opened: TestOpenDb;
  let entryId: number;

  beforeAll(async () => {
    opened = await postgres!.open();
    const operator = await createOperator(opened.db, { email: 'ops@example.com', name: 'Ops', role: 'ops' });
    entryId = await recordAuditEvent(
      opened.db,
      { operator: { id: operator.id, email: operator.email, role: operator.role }, action: 'account.reject', targetId: 'acct_1', params: { reason: 'fraud' }, mode: 'emulator' },
      { outcome: 'succeeded', requestId: 'req_1' },
    );
  }, 60_000);
  afterAll(async () => opened?.close());

  const permissionDenied = /permission denied/;

  /** Drizzle wraps the database's error ("Failed query: ..."); the reason is its cause. */
  async function refusal(query: PromiseLike<unknown>): Promise<string> {
    try {
      await query;
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause;
      return cause instanceof Error ? cause.message : String(error);
    }
    throw new Error('expected the database to refuse');
  }

  it('cannot delete or truncate audit entries', async () => {
    expect(await refusal(opened.db.delete(auditEntries).where(eq(auditEntries.id, entryId)))).toMatch(permissionDenied);
    expect(await refusal(opened.db.execute(sql`truncate audit_entries`))).toMatch(permissionDenied);
  });

  it('cannot update a fixed column, even of an open entry', async () => {
    const operator = await createOperator(opened.db, { email: 'fin@example.com', name: 'Fin', role: 'finance' });
    const open = await startAuditEntry(opened.db, { operator: { id: operator.id, email: operator.email, role: operator.role }, action: 'transfer.reverse', mode: 'emulator' });
    expect(await refusal(opened.db.update(auditEntries).set({ params: { amount: 1 } }).where(eq(auditEntries.id, open)))).toMatch(permissionDenied);
    expect(await refusal(opened.db.update(auditEntries).set({ operatorEmail: 'someone@else' }).where(eq(auditEntries.id, open)))).toMatch(permissionDenied);
    expect(await completeAuditEntry(opened.db, open, { outcome: 'failed', errorMessage: 'declined' })).toBe(true);
  });

  it('cannot switch the append-only trigger off, nor take the table', async () => {
    expect(await refusal(opened.db.execute(sql`alter table audit_entries disable trigger user`))).toMatch(/must be owner/);
    expect(await refusal(opened.db.execute(sql`alter table audit_entries owner to current_user`))).toMatch(/must be owner/);
    expect(await canDisableAuditTrigger(opened.db)).toBe(false);
    expect(await canDisableAuditTrigger(opened.owner)).toBe(true);
  });

  it('does the console’s normal writes', async () => {
    const admin = await createOperator(opened.db, { email: 'boss@example.com', name: 'Boss', role: 'admin' });
    const other = await createOperator(opened.db, { email: 'other@example.com', name: 'Other', role: 'admin' });
    expect((await setOperatorRole(opened.db, other.id, 'viewer'))?.role).toBe('viewer');
    expect(await revokeSessions(opened.db, admin.id)).not.toBeNull();
    await opened.db.insert(operatorSessions).values({ id: 'ses_1', operatorId: admin.id, expiresAt: new Date(Date.now() + 60_000) });
    await opened.db.update(operatorSessions).set({ revokedAt: new Date() }).where(eq(operatorSessions.id, 'ses_1'));
    await opened.db.delete(operatorSessions).where(eq(operatorSessions.id, 'ses_1'));
    await opened.db.insert(rateLimits).values({ key: 'email:x', failures: 1 });
    await opened.db.delete(rateLimits);
    await opened.db.insert(leases).values({ name: 'reconciler', holder: 'me', expiresAt: new Date() });
    await opened.db.delete(leases);
    const id = await startAuditEntry(opened.db, { operator: { id: admin.id, email: admin.email, role: admin.role }, action: 'topup.create', mode: 'emulator' });
    expect(await completeAuditEntry(opened.db, id, { outcome: 'unknown', errorMessage: 'No answer.' })).toBe(true);
    expect(await completeAuditEntry(opened.db, id, { outcome: 'succeeded', resultId: 'tu_1', resolution: 'Found by key.' })).toBe(true);
    expect((await verifyAuditChain(opened.db)).breaks).toEqual([]);
  });
});
