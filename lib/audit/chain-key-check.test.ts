// The console refuses to write to a log chained with another key (a lost or replaced key file):
// the check at start, on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindAuditChainKey } from '@/lib/audit/chain-key';
import { chainKeyMatches, recordAuditEvent } from '@/lib/audit/store';
import { testDatabases, type TestOpenDb } from '@/lib/db/testing';
import { createOperator } from '@/lib/operators/store';

describe.each(testDatabases())('the chain key check on $name', ({ open }) => {
  let opened: TestOpenDb;
  beforeAll(async () => {
    opened = await open();
  }, 60_000);
  afterAll(async () => opened?.close());

  it('accepts the key the log was chained with and refuses another', async () => {
    expect(await chainKeyMatches(opened.db)).toBe(true);
    const who = await createOperator(opened.db, { email: 'k@example.test', name: 'K', role: 'admin' });
    await recordAuditEvent(opened.db, { operator: { id: who.id, email: who.email, role: who.role }, action: 'operator.sign_in', mode: 'emulator' }, { outcome: 'succeeded' });
    expect(await chainKeyMatches(opened.db)).toBe(true);
    bindAuditChainKey(opened.db, 'another-key-another-key-another-key');
    expect(await chainKeyMatches(opened.db)).toBe(false);
    bindAuditChainKey(opened.db, opened.chainKey);
  });
});
