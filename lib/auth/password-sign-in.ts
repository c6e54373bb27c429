// E-mail and password sign-in, in this order: the throttle (per e-mail and per client address,
// in the database) before anything costly; the password check (scrypt off the event loop, a
// dummy hash when the e-mail matches nobody, so both take as long); then the verdict, with every
// failure and every paused attempt in the audit log (the e-mail typed and the address, never the
// password). A success clears the e-mail's counter and moves a legacy bcrypt hash to scrypt.
// Takes its database, clock and mode as arguments, so it is tested on PGlite and PostgreSQL.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAuditEvent, type AuditActor } from '@/lib/audit/store';
import { hashPassword, needsRehash, PasswordCheckBusyError, verifyPassword } from '@/lib/auth/passwords';
import { recordSignInFailure, releaseSignInAttempt, reserveSignInAttempt, type ThrottleScope } from '@/lib/auth/sign-in-throttle';
import type { Db } from '@/lib/db/open';
import { operators } from '@/lib/db/schema';
import { getOperatorCredentials, normalizeEmail, type Operator } from '@/lib/operators/store';
import type { StripeMode } from '@/lib/stripe/mode';

export type PasswordSignInContext = {
  db: Db;
  usingEmulator: boolean;
  mode: StripeMode;
  now?: () => Date;
};

export type PasswordSignInAttempt = { email: unknown; password: unknown; address: string };

export type PasswordSignInResult =
  | { ok: true; operator: Operator }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'paused'; until: Date }
  | { ok: false; reason: 'busy' };

export type SignInFailure = 'unknown_email' | 'wrong_password' | 'inactive' | 'demo_refused';

/** What the audit log says about a failure (the operator only ever sees "do not match"). */
export const SIGN_IN_FAILURE_WORDS: Record<SignInFailure, string> = {
  unknown_email: 'No operator has this e-mail.',
  wrong_password: 'Wrong password.',
  inactive: 'The operator is deactivated.',
  demo_refused: 'Demo operators may sign in on the emulator only.',
};

const credentialsSchema = z.object({
  email: z.string().trim().email().max(254),
  password: z.string().min(1).max(200),
});

type Found = Awaited<ReturnType<typeof getOperatorCredentials>>;

function actorFor(found: Found, email: string): AuditActor {
  return found ? { id: found.id, email: found.email, role: found.role } : { id: null, email, role: null };
}

export async function signInWithPassword(context: PasswordSignInContext, attempt: PasswordSignInAttempt): Promise<PasswordSignInResult> {
  const parsed = credentialsSchema.safeParse(attempt);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { db, mode } = context;
  const now = context.now ?? (() => new Date());
  const email = normalizeEmail(parsed.data.email);
  const subject = { email, address: attempt.address };

  const verdict = await reserveSignInAttempt(db, subject, now());
  const found = await getOperatorCredentials(db, email);
  if (!verdict.allowed) {
    await audit(db, {
      operator: actorFor(found, email),
      action: 'operator.sign_in_locked',
      targetId: found?.id ?? null,
      params: { provider: 'credentials', address: attempt.address, scope: verdict.scope, until: verdict.until.toISOString() },
      mode,
    }, pausedWords(verdict.scope, verdict.until));
    return { ok: false, reason: 'paused', until: verdict.until };
  }

  let matches: boolean;
  try {
    matches = await verifyPassword(parsed.data.password, found?.passwordHash);
  } catch (error) {
    if (!(error instanceof PasswordCheckBusyError)) throw error;
    // Never checked: the attempt does not count against anyone.
    await releaseSignInAttempt(db, subject, now(), { clearEmail: false });
    return { ok: false, reason: 'busy' };
  }

  const failure: SignInFailure | null = !found
    ? 'unknown_email'
    : !matches
      ? 'wrong_password'
      : !found.active
        ? 'inactive'
        : found.isDemo && !context.usingEmulator
          ? 'demo_refused'
          : null;
  if (failure || !found) {
    const pausedUntil = await recordSignInFailure(db, subject, now());
    await audit(db, {
      operator: actorFor(found, email),
      action: 'operator.sign_in_failed',
      targetId: found?.id ?? null,
      params: { provider: 'credentials', reason: failure, address: attempt.address, ...(pausedUntil ? { paused_until: pausedUntil.toISOString() } : {}) },
      mode,
    }, SIGN_IN_FAILURE_WORDS[failure ?? 'unknown_email']);
    return { ok: false, reason: 'invalid' };
  }

  await releaseSignInAttempt(db, subject, now(), { clearEmail: true });
  const { passwordHash, ...operator } = found;
  if (passwordHash && needsRehash(passwordHash)) await rehash(db, operator.id, parsed.data.password, passwordHash);
  return { ok: true, operator };
}

function pausedWords(scope: ThrottleScope, until: Date): string {
  const who = scope === 'email' ? 'this e-mail' : 'this address';
  return `Too many failed sign-ins from ${who}; paused until ${until.toISOString()}.`;
}

async function audit(db: Db, input: Parameters<typeof recordAuditEvent>[1], errorMessage: string): Promise<void> {
  const outcome = input.action === 'operator.sign_in_locked' ? 'denied' : 'failed';
  await recordAuditEvent(db, input, { outcome, errorMessage }).catch((error: unknown) =>
    console.error(`sign-in: could not record ${input.action}: ${error instanceof Error ? error.message : String(error)}`),
  );
}

/** Replaces a legacy (bcrypt) hash with scrypt, unless the password was changed meanwhile. */
async function rehash(db: Db, operatorId: string, password: string, oldHash: string): Promise<void> {
  try {
    const newHash = await hashPassword(password);
    await db
      .update(operators)
      .set({ passwordHash: newHash, updatedAt: new Date() })
      .where(and(eq(operators.id, operatorId), eq(operators.passwordHash, oldHash)));
  } catch (error) {
    // The sign-in stands; the next one tries again.
    console.error(`sign-in: could not upgrade a password hash: ${error instanceof Error ? error.message : String(error)}`);
  }
}
