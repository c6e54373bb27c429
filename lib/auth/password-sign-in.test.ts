// Password sign-in on PGlite and PostgreSQL with a clock the test drives: five failures pause an
// e-mail (the right password is refused while paused, and works once the pause ends), a paused
// attempt checks no password, parallel guesses get no extra tries, a success starts the count
// over, the per-address limit holds across e-mails, and every failure and paused attempt is in the
// audit log with its reason and address (never the password).
import bcrypt from 'bcryptjs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { listAuditEntries } from '@/lib/audit/store';
import { signInWithPassword, type PasswordSignInContext } from '@/lib/auth/password-sign-in';
import { hashPassword, verifyPassword } from '@/lib/auth/passwords';
import { recordSignInFailure, reserveSignInAttempt } from '@/lib/auth/sign-in-throttle';
import { LOCKOUT_SECONDS, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_EMAIL } from '@/lib/auth/sign-in-limits';
import type { OpenDb } from '@/lib/db/open';
import { operators, rateLimits } from '@/lib/db/schema';
import { testDatabases } from '@/lib/db/testing';
import { createOperator, getOperatorCredentials } from '@/lib/operators/store';

vi.mock('@/lib/auth/passwords', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/auth/passwords')>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const RIGHT = 'right horse battery';
const checks = () => vi.mocked(verifyPassword).mock.calls.length;

describe.each(testDatabases())('password sign-in on $name', ({ open }) => {
  let opened: OpenDb;
  let clock = new Date('2026-03-01T09:00:00Z');
  let context: PasswordSignInContext;
  let address = '203.0.113.1';
  const attempt = (email: string, password: string) => signInWithPassword(context, { email, password, address });
  const advance = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };

  beforeAll(async () => {
    opened = await open();
    context = { db: opened.db, usingEmulator: true, mode: 'emulator', now: () => clock };
    const hash = await hashPassword(RIGHT);
    await createOperator(opened.db, { email: 'ada@example.com', name: 'Ada', role: 'ops', passwordHash: hash });
    await createOperator(opened.db, { email: 'bo@example.com', name: 'Bo', role: 'viewer', passwordHash: hash });
    await createOperator(opened.db, { email: 'legacy@example.com', name: 'Lee', role: 'viewer', passwordHash: bcrypt.hashSync(RIGHT, 4) });
    const gone = await createOperator(opened.db, { email: 'gone@example.com', name: 'Gone', role: 'viewer', passwordHash: hash });
    await opened.db.update(operators).set({ active: false }).where(eq(operators.id, gone.id));
    await createOperator(opened.db, { email: 'demo@example.com', name: 'Demo', role: 'viewer', passwordHash: hash, isDemo: true });
  }, 60_000);
  afterAll(async () => opened?.close());
  beforeEach(async () => {
    // Each test starts with no counters, a later clock and its own address.
    await opened.db.delete(rateLimits);
    advance(3600);
    address = `203.0.113.${Math.floor(Math.random() * 200) + 2}`;
    vi.mocked(verifyPassword).mockClear();
  });

  it('pauses an e-mail after five failures: the right password is refused until the pause ends', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i += 1) expect(await attempt('ada@example.com', `wrong ${i}`)).toEqual({ ok: false, reason: 'invalid' });
    const paused = await attempt('Ada@Example.com', RIGHT);
    expect(paused).toEqual({ ok: false, reason: 'paused', until: new Date(clock.getTime() + LOCKOUT_SECONDS * 1000) });
    // Paused attempts check no password at all.
    expect(checks()).toBe(MAX_FAILURES_PER_EMAIL);
    advance(LOCKOUT_SECONDS - 1);
    expect((await attempt('ada@example.com', RIGHT)).ok).toBe(false);
    advance(2);
    const after = await attempt('ada@example.com', RIGHT);
    expect(after.ok && after.operator.email).toBe('ada@example.com');
  }, 60_000);

  it('starts the count over after a success', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i += 1) await attempt('bo@example.com', 'wrong');
    expect((await attempt('bo@example.com', RIGHT)).ok).toBe(true);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i += 1) await attempt('bo@example.com', 'wrong');
    expect((await attempt('bo@example.com', RIGHT)).ok).toBe(true);
  }, 60_000);

  it('forgets old failures once the window has passed', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i += 1) await attempt('bo@example.com', 'wrong');
    advance(16 * 60);
    expect(await attempt('bo@example.com', 'wrong')).toEqual({ ok: false, reason: 'invalid' });
    expect((await attempt('bo@example.com', RIGHT)).ok).toBe(true);
  }, 60_000);

  it('gives twenty parallel guesses no more tries than the limit', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt('bo@example.com', `guess ${i}`)));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(MAX_FAILURES_PER_EMAIL);
    expect(results.filter((r) => !r.ok && r.reason === 'paused')).toHaveLength(20 - MAX_FAILURES_PER_EMAIL);
    expect(checks()).toBe(MAX_FAILURES_PER_EMAIL);
    expect((await attempt('bo@example.com', RIGHT)).ok).toBe(false);
  }, 60_000);

  it('pauses an unknown e-mail the same way, so the pause says nothing about who exists', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i += 1) expect((await attempt('nobody@example.com', 'x')).ok).toBe(false);
    expect(await attempt('nobody@example.com', 'x')).toMatchObject({ ok: false, reason: 'paused' });
  }, 60_000);

  it('pauses a client address after its limit, whichever e-mails it tries', async () => {
    const subject = (i: number) => ({ email: `spray${i}@example.com`, address });
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i += 1) {
      expect((await reserveSignInAttempt(opened.db, subject(i), clock)).allowed).toBe(true);
      await recordSignInFailure(opened.db, subject(i), clock);
    }
    expect(await attempt('ada@example.com', RIGHT)).toMatchObject({ ok: false, reason: 'paused' });
    expect(checks()).toBe(0);
    // Another address is not affected.
    address = '198.51.100.7';
    expect((await attempt('ada@example.com', RIGHT)).ok).toBe(true);
  }, 60_000);

  it('refuses deactivated operators, and demo operators off the emulator, with the right password', async () => {
    expect(await attempt('gone@example.com', RIGHT)).toEqual({ ok: false, reason: 'invalid' });
    expect(await signInWithPassword({ ...context, usingEmulator: false }, { email: 'demo@example.com', password: RIGHT, address })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect((await attempt('demo@example.com', RIGHT)).ok).toBe(true);
  }, 60_000);

  it('records failures and paused attempts in the audit log, with reason and address, never the password', async () => {
    const before = (await listAuditEntries(opened.db, {}, { limit: 1 })).entries[0]?.id ?? 0;
    await attempt('ada@example.com', 'hunter2-wrong');
    await attempt('stranger@example.com', 'hunter2-stranger');
    await attempt('gone@example.com', RIGHT);
    await signInWithPassword({ ...context, usingEmulator: false }, { email: 'demo@example.com', password: RIGHT, address });
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i += 1) await attempt('stranger@example.com', 'hunter2-again');

    const { entries } = await listAuditEntries(opened.db, {}, { limit: 100 });
    const mine = entries.filter((e) => e.id > before).reverse();
    expect(mine.map((e) => [e.action, e.operatorEmail, (e.params as { reason?: string }).reason ?? null, e.outcome])).toEqual([
      ['operator.sign_in_failed', 'ada@example.com', 'wrong_password', 'failed'],
      ['operator.sign_in_failed', 'stranger@example.com', 'unknown_email', 'failed'],
      ['operator.sign_in_failed', 'gone@example.com', 'inactive', 'failed'],
      ['operator.sign_in_failed', 'demo@example.com', 'demo_refused', 'failed'],
      ...Array.from({ length: MAX_FAILURES_PER_EMAIL - 1 }, () => ['operator.sign_in_failed', 'stranger@example.com', 'unknown_email', 'failed']),
      ['operator.sign_in_locked', 'stranger@example.com', null, 'denied'],
    ]);
    const ada = await getOperatorCredentials(opened.db, 'ada@example.com');
    expect(mine[0]).toMatchObject({ operatorId: ada!.id, operatorRole: 'ops', targetId: ada!.id, params: { address, provider: 'credentials' } });
    expect(mine[1]).toMatchObject({ operatorId: null, operatorRole: null, targetId: null, errorMessage: 'No operator has this e-mail.' });
    expect(mine.at(-1)).toMatchObject({ operatorId: null, params: { address, scope: 'email' } });
    expect(JSON.stringify(mine)).not.toMatch(/hunter2|right horse/);
  }, 60_000);

  it('replaces a legacy bcrypt hash with scrypt at the next successful sign-in', async () => {
    expect((await attempt('legacy@example.com', RIGHT)).ok).toBe(true);
    const stored = await getOperatorCredentials(opened.db, 'legacy@example.com');
    expect(stored!.passwordHash).toMatch(/^\$scrypt\$/);
    expect((await attempt('legacy@example.com', RIGHT)).ok).toBe(true);
  }, 60_000);
});
