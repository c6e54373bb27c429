// The audit log's reads on PGlite and PostgreSQL: filters, cursor pages both ways, the CSV
// iterator, per-object history; and the redaction and CSV rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCsvHeader, auditCsvRow } from '@/lib/audit/csv';
import { csvCell } from '@/lib/http/csv';
import { REDACTED, redactParams } from '@/lib/audit/redact';
import { parseAuditQuery } from '@/lib/audit/schemas';
import { findLatestSucceeded, iterateAuditEntries, listAuditEntries, listObjectHistory, recordAuditEvent } from '@/lib/audit/store';
import type { OpenDb } from '@/lib/db/open';
import { testDatabases } from '@/lib/db/testing';
import { createOperator } from '@/lib/operators/store';

describe.each(testDatabases())('audit reads on $name', ({ open }) => {
  let opened: OpenDb;
  let ids: number[] = [];
  let opsId = '';

  beforeAll(async () => {
    opened = await open();
    const ops = await createOperator(opened.db, { email: 'ops@example.com', name: 'Ops', role: 'ops' });
    const fin = await createOperator(opened.db, { email: 'fin@example.com', name: 'Fin', role: 'finance' });
    opsId = ops.id;
    ids = [];
    for (let i = 0; i < 25; i += 1) {
      const who = i % 2 === 0 ? ops : fin;
      ids.push(
        await recordAuditEvent(
          opened.db,
          {
            operator: { id: who.id, email: who.email, role: who.role },
            action: i % 2 === 0 ? 'account.reject' : 'transfer.reverse',
            targetId: i % 5 === 0 ? 'acct_special' : `obj_${i}`,
            params: { i, api_key: 'sk_test_shouldnotappear' },
            mode: 'emulator',
          },
          i % 3 === 0 ? { outcome: 'failed', errorMessage: 'boom' } : { outcome: 'succeeded', requestId: `req_${i}` },
        ),
      );
    }
  }, 60_000);
  afterAll(async () => opened?.close());

  it('pages newest first by cursor, forwards and back', async () => {
    const first = await listAuditEntries(opened.db, {}, { limit: 10 });
    expect(first.entries.map((e) => e.id)).toEqual(ids.slice(-10).reverse());
    expect(first.newerCursor).toBeNull();
    const second = await listAuditEntries(opened.db, {}, { cursor: first.olderCursor!, dir: 'older', limit: 10 });
    expect(second.entries.map((e) => e.id)).toEqual(ids.slice(5, 15).reverse());
    const back = await listAuditEntries(opened.db, {}, { cursor: second.newerCursor!, dir: 'newer', limit: 10 });
    expect(back.entries.map((e) => e.id)).toEqual(first.entries.map((e) => e.id));
    const last = await listAuditEntries(opened.db, {}, { cursor: ids[5]!, dir: 'older', limit: 10 });
    expect(last.entries).toHaveLength(5);
    expect(last.olderCursor).toBeNull();
  });

  it('filters by operator, action, object, outcome and dates', async () => {
    const byOps = await listAuditEntries(opened.db, { operator: opsId }, { limit: 100 });
    expect(byOps.entries.every((e) => e.operatorId === opsId)).toBe(true);
    expect((await listAuditEntries(opened.db, { action: 'transfer.reverse' }, { limit: 100 })).entries).toHaveLength(12);
    expect((await listAuditEntries(opened.db, { object: 'acct_special' }, { limit: 100 })).entries).toHaveLength(5);
    expect((await listAuditEntries(opened.db, { outcome: 'failed' }, { limit: 100 })).entries).toHaveLength(9);
    expect((await listAuditEntries(opened.db, { to: '2000-01-01' }, { limit: 100 })).entries).toHaveLength(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEntries(opened.db, { from: today, to: today }, { limit: 100 })).entries).toHaveLength(25);
  });

  it('never stores a secret in the parameters', async () => {
    const { entries } = await listAuditEntries(opened.db, {}, { limit: 1 });
    expect(entries[0]!.params).toMatchObject({ api_key: REDACTED });
  });

  it('iterates every match for the CSV export, in batches', async () => {
    const all: number[] = [];
    for await (const entry of iterateAuditEntries(opened.db, {}, { batchSize: 7 })) all.push(entry.id);
    expect(all).toEqual([...ids].reverse());
  });

  it('lists one object’s history', async () => {
    const history = await listObjectHistory(opened.db, 'acct_special');
    expect(history.map((e) => e.targetId)).toEqual(Array(5).fill('acct_special'));
  });

  it('finds the newest succeeded entry of one action on one object (who deleted an account, and when)', async () => {
    // acct_special's account.reject entries are i = 0 (failed), 10 and 20 (succeeded).
    const found = await findLatestSucceeded(opened.db, 'account.reject', 'acct_special');
    expect(found?.id).toBe(ids[20]);
    expect(found?.operatorEmail).toBe('ops@example.com');
    expect(await findLatestSucceeded(opened.db, 'account.delete', 'acct_special')).toBeNull();
    // i = 15 is a transfer.reverse on acct_special that failed: never found.
    expect((await findLatestSucceeded(opened.db, 'transfer.reverse', 'acct_special'))?.id).toBe(ids[5]);
  });

  // Runs last: it adds entries the counts above do not expect.
  it('counts a creation (no target when it starts) in the history of the object it made, and only there', async () => {
    const fin = await createOperator(opened.db, { email: 'fin2@example.com', name: 'Fin', role: 'finance' });
    const operator = { id: fin.id, email: fin.email, role: fin.role };
    const created = await recordAuditEvent(opened.db, { operator, action: 'topup.create', targetId: null, mode: 'emulator' }, { outcome: 'succeeded', resultId: 'tu_made' });
    const cancelled = await recordAuditEvent(opened.db, { operator, action: 'topup.cancel', targetId: 'tu_made', mode: 'emulator' }, { outcome: 'succeeded', resultId: 'tu_made' });
    // A change aimed at another object that made this id is that object's history, not this one's.
    await recordAuditEvent(opened.db, { operator, action: 'transfer.reverse', targetId: 'tr_other', mode: 'emulator' }, { outcome: 'succeeded', resultId: 'tu_made' });
    expect((await listObjectHistory(opened.db, 'tu_made')).map((e) => e.id)).toEqual([cancelled, created]);
    expect((await listAuditEntries(opened.db, { object: 'tu_made' }, { limit: 100 })).entries.map((e) => e.id)).toEqual([cancelled, created]);
  });
});

describe('audit helpers', () => {
  it('redacts secret-looking keys and values, deeply', () => {
    expect(redactParams({ password: 'x', nested: { token: 'y', ok: 'sk_live_abc', fine: 'hello' }, list: ['rk_test_zz'] })).toEqual({
      password: REDACTED,
      nested: { token: REDACTED, ok: REDACTED, fine: 'hello' },
      list: [REDACTED],
    });
  });

  it('quotes CSV cells and defuses spreadsheet formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(null)).toBe('');
    expect(auditCsvHeader()).toMatch(/^id,started_at,/);
  });

  it('writes one CSV row per entry', () => {
    const row = auditCsvRow({
      id: 1,
      operatorId: 'op_1',
      operatorEmail: 'a@b.c',
      operatorRole: 'admin',
      action: 'operator.role_change',
      targetId: 'op_2',
      params: { role: 'ops' },
      idempotencyKey: 'k',
      mode: 'emulator',
      outcome: 'succeeded',
      requestId: null,
      errorMessage: null,
      resultId: null,
      resolution: null,
      chainHash: null,
      outcomeHash: null,
      startedAt: new Date('2026-01-02T03:04:05Z'),
      completedAt: new Date('2026-01-02T03:04:06Z'),
    });
    expect(row).toBe('1,2026-01-02T03:04:05.000Z,2026-01-02T03:04:06.000Z,op_1,a@b.c,admin,operator.role_change,Changed an operator’s role,op_2,succeeded,emulator,,k,,"{""role"":""ops""}"\r\n');
  });

  it('reads the filters from the URL, ignoring junk', () => {
    expect(parseAuditQuery(new URLSearchParams('outcome=bogus&from=2026-13-40&object=acct_1&cursor=abc&dir=newer'))).toEqual({
      object: 'acct_1',
      dir: 'newer',
      operator: undefined,
      action: undefined,
      outcome: undefined,
      from: undefined,
      to: undefined,
      cursor: undefined,
    });
  });
});
