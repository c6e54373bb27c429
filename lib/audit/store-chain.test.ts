// The audit log's hash chain on PGlite and PostgreSQL (as the app's role there): intact after
// normal writes and outcome transitions and under concurrent inserts; a deleted row, rewritten
// parameters and a rewritten outcome are each found, even when the table's owner switched the
// trigger off to make them; entries from before the chain are sealed once, oldest first.
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkOf } from '@/lib/audit/chain';
import { completeAuditEntry, recordAuditEvent, sealAuditChain, startAuditEntry, verifyAuditChain, type StartAuditInput } from '@/lib/audit/store';
import type { Db } from '@/lib/db/open';
import { auditEntries } from '@/lib/db/schema';
import { testDatabases, type TestOpenDb } from '@/lib/db/testing';
import { createOperator } from '@/lib/operators/store';

/** As the owner, with the append-only trigger off: what someone with the table would do. */
async function tamper(owner: Db, statement: ReturnType<typeof sql>): Promise<void> {
  await owner.execute(sql`alter table audit_entries disable trigger user`);
  try {
    await owner.execute(statement);
  } finally {
    await owner.execute(sql`alter table audit_entries enable trigger user`);
  }
}

describe.each(testDatabases())('the audit chain on $name', ({ open }) => {
  let opened: TestOpenDb;
  let input: (i: number) => StartAuditInput;

  beforeEach(async () => {
    opened = await open();
    const operator = await createOperator(opened.db, { email: 'fin@example.com', name: 'Fin', role: 'finance' });
    input = (i) => ({
      operator: { id: operator.id, email: operator.email, role: operator.role },
      action: 'transfer.reverse',
      targetId: `tr_${i}`,
      params: { transferId: `tr_${i}`, amount: 100 * i, refund: { z: true, a: [i, 'x'] } },
      idempotencyKey: `key-${i}`,
      mode: 'emulator',
    });
  }, 60_000);
  afterEach(async () => opened?.close());

  async function writeSome(count: number): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 1; i <= count; i += 1) ids.push(await recordAuditEvent(opened.db, input(i), { outcome: 'succeeded', requestId: `req_${i}`, resultId: `trr_${i}` }));
    return ids;
  }

  it('verifies after normal writes and every outcome transition', async () => {
    await writeSome(3);
    const id = await startAuditEntry(opened.db, input(4));
    expect(await completeAuditEntry(opened.db, id, { outcome: 'unknown', errorMessage: 'No answer from Stripe.' })).toBe(true);
    expect((await verifyAuditChain(opened.db)).breaks).toEqual([]);
    expect(await completeAuditEntry(opened.db, id, { outcome: 'succeeded', requestId: 'req_4', resultId: 'trr_4', resolution: 'Found trr_4 by its idempotency key.' })).toBe(true);
    // A second writer is too late, and changes nothing.
    expect(await completeAuditEntry(opened.db, id, { outcome: 'failed', errorMessage: 'late' })).toBe(false);
    await recordAuditEvent(
      opened.db,
      { operator: { id: null, email: 'nobody@example.com', role: null }, action: 'operator.sign_in', params: { provider: 'credentials' }, mode: 'emulator' },
      { outcome: 'failed', errorMessage: 'No such operator.' },
    );
    const report = await verifyAuditChain(opened.db);
    expect(report).toMatchObject({ checked: 5, breaks: [] });
    const [last] = await opened.db.select().from(auditEntries).orderBy(sql`id desc`).limit(1);
    expect(report.head).toBe(linkOf(last!.chainHash!));
    expect(await verifyAuditChain(opened.db, { batchSize: 2 })).toEqual(report);
  });

  it('finds a row deleted by the table owner with the trigger off', async () => {
    const ids = await writeSome(4);
    await tamper(opened.owner, sql`delete from audit_entries where id = ${ids[1]}`);
    expect((await verifyAuditChain(opened.db)).breaks).toEqual([{ id: ids[2], kind: 'link', message: expect.stringMatching(/deleted or inserted/) }]);
  });

  it('finds rewritten parameters', async () => {
    const ids = await writeSome(3);
    await tamper(opened.owner, sql`update audit_entries set params = '{"transferId":"tr_2","amount":1}'::jsonb where id = ${ids[1]}`);
    expect((await verifyAuditChain(opened.db)).breaks).toEqual([{ id: ids[1], kind: 'entry', message: expect.stringMatching(/was rewritten/) }]);
  });

  it('finds a rewritten outcome', async () => {
    const ids = await writeSome(3);
    await tamper(opened.owner, sql`update audit_entries set outcome = 'failed', error_message = 'Declined' where id = ${ids[2]}`);
    expect((await verifyAuditChain(opened.db)).breaks).toEqual([{ id: ids[2], kind: 'outcome', message: expect.stringMatching(/outcome of entry/) }]);
  });

  it('reads an id gap (PostgreSQL skips cached ids after a restart) as no break', async () => {
    await writeSome(2);
    await opened.owner.execute(sql`select setval('audit_entries_id_seq', 1000)`);
    const [id] = await writeSome(1);
    expect(id).toBeGreaterThan(1000);
    expect(await verifyAuditChain(opened.db)).toMatchObject({ checked: 3, headId: id, breaks: [] });
  });

  // Ids are drawn inside the chain lock, so id order is chain order, as long as no session holds a
  // private block of ids: with a sequence cache above 1, instances would interleave them.
  it('draws entry ids one at a time (identity sequence cache 1)', async () => {
    const result = await opened.owner.execute(sql`select seqcache from pg_sequence where seqrelid = 'audit_entries_id_seq'::regclass`);
    const rows = ((result as { rows?: unknown[] }).rows ?? result) as Array<{ seqcache: number | string }>;
    expect(Number(rows[0]!.seqcache)).toBe(1);
  });

  it('keeps the chain intact under concurrent inserts (separate pool connections on PostgreSQL)', async () => {
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        i % 3 === 0
          ? startAuditEntry(opened.db, input(i)).then((id) => completeAuditEntry(opened.db, id, { outcome: 'failed', errorMessage: 'boom' }))
          : recordAuditEvent(opened.db, input(i), { outcome: 'succeeded' }),
      ),
    );
    expect(await verifyAuditChain(opened.db)).toMatchObject({ checked: 24, breaks: [] });
  });

  it('seals entries from before the chain once, oldest first; never one written around it later', async () => {
    const insertUnchained = (target: string) =>
      opened.owner.execute(
        sql`insert into audit_entries (operator_email, action, target_id, mode, outcome, completed_at) values ('old@example.com', 'account.reject', ${target}, 'emulator', 'succeeded', now())`,
      );
    await insertUnchained('acct_old_1');
    await insertUnchained('acct_old_2');
    expect((await verifyAuditChain(opened.db)).breaks.map((b) => b.kind)).toEqual(['unchained', 'unchained']);
    await sealAuditChain(opened.db);
    const sealed = await opened.db.select({ id: auditEntries.id, chainHash: auditEntries.chainHash }).from(auditEntries);
    await sealAuditChain(opened.db);
    expect(await opened.db.select({ id: auditEntries.id, chainHash: auditEntries.chainHash }).from(auditEntries)).toEqual(sealed);
    await writeSome(1);
    expect(await verifyAuditChain(opened.db)).toMatchObject({ checked: 3, breaks: [] });

    await insertUnchained('acct_sneaked_in');
    await writeSome(1);
    await sealAuditChain(opened.db);
    const [sneaked] = await opened.db.select().from(auditEntries).where(eq(auditEntries.targetId, 'acct_sneaked_in'));
    expect(sneaked!.chainHash).toBeNull();
    expect((await verifyAuditChain(opened.db)).breaks).toEqual([{ id: sneaked!.id, kind: 'unchained', message: expect.any(String) }]);
  });
});
