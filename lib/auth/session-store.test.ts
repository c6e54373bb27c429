// The session store on PGlite and PostgreSQL: a session lives until it is revoked (sign-out),
// every session of an operator ends together ("sign out everywhere"), expiry, a bumped session
// version or a deactivated operator end it too, a token cannot borrow another operator's session,
// and last_seen_at is written at most once a minute.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_TOUCH_SECONDS } from '@/lib/auth/sign-in-limits';
import {
  createOperatorSession,
  getOperatorSession,
  newSessionId,
  revokeAllOperatorSessions,
  revokeOperatorSession,
  sessionIsLive,
  touchOperatorSession,
} from '@/lib/auth/session-store';
import type { OpenDb } from '@/lib/db/open';
import { operatorSessions } from '@/lib/db/schema';
import { testDatabases } from '@/lib/db/testing';
import { createOperator, revokeSessions, setOperatorActive, type Operator } from '@/lib/operators/store';

const env = { usingEmulator: true };
const HOUR = 3600 * 1000;

describe.each(testDatabases())('operator sessions on $name', ({ open }) => {
  let opened: OpenDb;
  let ada: Operator;
  let bo: Operator;
  const t0 = new Date('2026-03-01T09:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);

  async function start(operator: Operator, now = t0) {
    const sid = await createOperatorSession(opened.db, { operatorId: operator.id, now, expiresAt: new Date(now.getTime() + 12 * HOUR), userAgent: 'test', ipAddress: '192.0.2.1' });
    return { sid, op: operator.id, sv: operator.sessionVersion };
  }
  async function live(claims: { sid: string; op: string; sv: number }, now = at(60_000)) {
    return sessionIsLive(await getOperatorSession(opened.db, claims.sid), claims, now, env);
  }

  beforeAll(async () => {
    opened = await open();
    ada = await createOperator(opened.db, { email: 'ada@example.com', name: 'Ada', role: 'ops' });
    bo = await createOperator(opened.db, { email: 'bo@example.com', name: 'Bo', role: 'viewer' });
  }, 60_000);
  afterAll(async () => opened?.close());

  it('makes distinct, well-formed ids and records where the session came from', async () => {
    expect(newSessionId()).toMatch(/^ses_[0-9A-Za-z]{24}$/);
    expect(newSessionId()).not.toBe(newSessionId());
    const claims = await start(ada);
    const stored = await getOperatorSession(opened.db, claims.sid);
    expect(stored?.session).toMatchObject({ operatorId: ada.id, userAgent: 'test', ipAddress: '192.0.2.1', revokedAt: null });
  });

  it('ends one session at sign-out and leaves the others alone', async () => {
    const here = await start(ada);
    const there = await start(ada);
    expect(await live(here)).toBe(true);
    await revokeOperatorSession(opened.db, here.sid, at(1000));
    expect(await live(here)).toBe(false);
    expect(await live(there)).toBe(true);
  });

  it('ends every session of the operator, and only theirs, on "sign out everywhere"', async () => {
    const sessions = [await start(ada), await start(ada)];
    const other = await start(bo);
    expect(await revokeAllOperatorSessions(opened.db, ada.id, at(1000))).toBeGreaterThanOrEqual(2);
    for (const claims of sessions) expect(await live(claims)).toBe(false);
    expect(await live(other)).toBe(true);
    // A session started afterwards is unaffected.
    expect(await live(await start(ada, at(2000)))).toBe(true);
  });

  it('refuses unknown ids, expired rows and a token naming another operator', async () => {
    const claims = await start(bo);
    expect(await live({ ...claims, sid: newSessionId() })).toBe(false);
    expect(await live({ ...claims, op: ada.id })).toBe(false);
    expect(await live(claims, at(12 * HOUR - 1))).toBe(true);
    expect(await live(claims, at(12 * HOUR))).toBe(false);
  });

  it('refuses a stale session version and a deactivated operator', async () => {
    const carl = await createOperator(opened.db, { email: 'carl@example.com', name: 'Carl', role: 'viewer' });
    const claims = await start(carl);
    await revokeSessions(opened.db, carl.id);
    expect(await live(claims)).toBe(false);
    const fresh = await start({ ...carl, sessionVersion: carl.sessionVersion + 1 });
    expect(await live(fresh)).toBe(true);
    await setOperatorActive(opened.db, carl.id, false);
    expect(await live(fresh)).toBe(false);
  });

  it('writes last_seen_at at most once a minute', async () => {
    const claims = await start(bo);
    const read = async () => (await getOperatorSession(opened.db, claims.sid))!;
    expect(await touchOperatorSession(opened.db, await read(), at(10_000))).toBe(false);
    expect(await touchOperatorSession(opened.db, await read(), at(SESSION_TOUCH_SECONDS * 1000))).toBe(true);
    expect((await read()).session.lastSeenAt).toEqual(at(SESSION_TOUCH_SECONDS * 1000));
    expect(await touchOperatorSession(opened.db, await read(), at(SESSION_TOUCH_SECONDS * 1000 + 30_000))).toBe(false);
  });

  it('deletes an operator’s long-expired rows at their next sign-in', async () => {
    const old = await start(bo, new Date('2025-01-01T00:00:00Z'));
    await start(bo);
    expect(await opened.db.select().from(operatorSessions).where(eq(operatorSessions.id, old.sid))).toHaveLength(0);
  });
});
