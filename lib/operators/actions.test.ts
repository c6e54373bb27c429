// The Team page's role change through the safe action wrapper, on PGlite and PostgreSQL: a
// success and a failure each leave a completed audit entry (started before, completed after),
// a refused attempt leaves a "denied" one, and bad input changes nothing; two concurrent
// demotions (or a deactivation racing one) never leave the console without an admin.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionOperator } from '@/lib/auth/current-operator';
import type { OpenDb } from '@/lib/db/open';
import { auditEntries, operators } from '@/lib/db/schema';
import { testDatabases } from '@/lib/db/testing';
import { createOperator, getOperatorById, LastAdminError, setOperatorActive, setOperatorRole } from '@/lib/operators/store';

const session = vi.hoisted(() => ({ operator: null as SessionOperator | null, db: null as unknown }));
vi.mock('@/lib/auth/current-operator', () => ({ getCurrentOperator: async () => session.operator }));
vi.mock('@/lib/db/client', () => ({ getDb: async () => session.db }));

const { changeOperatorRole } = await import('@/lib/operators/actions');

const key = () => `test-key-${Math.random().toString(36).slice(2)}-${Date.now()}`;

describe.each(testDatabases())('changeOperatorRole on $name', ({ open }) => {
  let opened: OpenDb;
  let admin: SessionOperator;
  let viewer: SessionOperator;

  beforeAll(async () => {
    opened = await open();
    session.db = opened.db;
    admin = await createOperator(opened.db, { email: 'boss@example.com', name: 'Boss', role: 'admin' });
    viewer = await createOperator(opened.db, { email: 'vee@example.com', name: 'Vee', role: 'viewer' });
  }, 60_000);
  afterAll(async () => opened?.close());

  async function latestEntry() {
    const [row] = await opened.db.select().from(auditEntries).orderBy(desc(auditEntries.id)).limit(1);
    return row!;
  }

  it('changes the role and audits the success with the idempotency key', async () => {
    session.db = opened.db;
    session.operator = admin;
    const idempotencyKey = key();
    const result = await changeOperatorRole({ operatorId: viewer.id, role: 'finance', idempotencyKey });
    expect(result).toEqual({ ok: true, data: { id: viewer.id, role: 'finance', previousRole: 'viewer' } });
    expect((await getOperatorById(opened.db, viewer.id))?.role).toBe('finance');
    const entry = await latestEntry();
    expect(entry).toMatchObject({
      operatorId: admin.id,
      operatorEmail: 'boss@example.com',
      operatorRole: 'admin',
      action: 'operator.role_change',
      targetId: viewer.id,
      params: { operatorId: viewer.id, role: 'finance' },
      idempotencyKey,
      mode: 'emulator',
      outcome: 'succeeded',
      errorMessage: null,
    });
    expect(entry.completedAt!.getTime()).toBeGreaterThanOrEqual(entry.startedAt.getTime());
  });

  it('refuses to demote the last admin, and audits the failure', async () => {
    session.db = opened.db;
    session.operator = admin;
    const result = await changeOperatorRole({ operatorId: admin.id, role: 'viewer', idempotencyKey: key() });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/at least one active admin/) });
    expect((await getOperatorById(opened.db, admin.id))?.role).toBe('admin');
    expect(await latestEntry()).toMatchObject({ action: 'operator.role_change', targetId: admin.id, outcome: 'failed', errorMessage: expect.stringMatching(/admin/) });
  });

  it('records a refused attempt as denied and changes nothing', async () => {
    session.db = opened.db;
    session.operator = { ...viewer, role: 'support' };
    const result = await changeOperatorRole({ operatorId: admin.id, role: 'viewer', idempotencyKey: key() });
    expect(result).toEqual({ ok: false, error: 'Your role does not allow this.' });
    expect(await latestEntry()).toMatchObject({ operatorId: viewer.id, outcome: 'denied', targetId: admin.id });
  });

  it('returns field errors for bad input without touching the audit log', async () => {
    session.db = opened.db;
    session.operator = admin;
    const before = (await latestEntry()).id;
    const result = await changeOperatorRole({ operatorId: 'nope', role: 'emperor' as 'admin', idempotencyKey: 'short' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(['idempotencyKey', 'operatorId', 'role']);
    expect((await latestEntry()).id).toBe(before);
    const rows = await opened.db.select().from(auditEntries).where(eq(auditEntries.targetId, 'nope'));
    expect(rows).toHaveLength(0);
  });
});

// Two admins demoted at once (one demoting itself, the other by it) must not both pass the
// "another admin remains" check: on PostgreSQL they run on two pool connections.
describe.each(testDatabases())('the last admin on $name', ({ open }) => {
  let opened: OpenDb;
  beforeAll(async () => {
    opened = await open();
  }, 60_000);
  afterAll(async () => opened?.close());

  async function activeAdmins() {
    const rows = await opened.db.select().from(operators).where(and(eq(operators.role, 'admin'), eq(operators.active, true)));
    return rows.map((row) => row.email).sort();
  }

  // Timing decides whether the unguarded check loses the race, so race several times.
  it('survives two concurrent demotions: one is refused with a clear message', async () => {
    session.db = opened.db;
    const first = await createOperator(opened.db, { email: 'first@example.com', name: 'First', role: 'admin' });
    const second = await createOperator(opened.db, { email: 'second@example.com', name: 'Second', role: 'admin' });
    session.operator = first;
    for (let round = 0; round < 8; round += 1) {
      await opened.db.update(operators).set({ role: 'admin' }).where(inArray(operators.id, [first.id, second.id]));
      const results = await Promise.all([
        changeOperatorRole({ operatorId: first.id, role: 'viewer', idempotencyKey: key() }),
        changeOperatorRole({ operatorId: second.id, role: 'viewer', idempotencyKey: key() }),
      ]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, error: expect.stringMatching(/at least one active admin/) });
      expect(await activeAdmins()).toHaveLength(1);
    }
  });

  it('survives a deactivation racing a demotion', async () => {
    const third = await createOperator(opened.db, { email: 'third@example.com', name: 'Third', role: 'admin' });
    const [remaining] = await activeAdmins();
    const other = (await opened.db.select().from(operators).where(eq(operators.email, remaining!)))[0]!;
    const results = await Promise.allSettled([setOperatorActive(opened.db, third.id, false), setOperatorRole(opened.db, other.id, 'ops')]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(LastAdminError);
    expect(String(refused?.reason)).toMatch(/at least one active admin/);
    expect(await activeAdmins()).toHaveLength(1);
  });
});
