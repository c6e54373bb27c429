// The sign-in throttle, kept in the database (`rate_limits`) because several console instances
// share one: per e-mail and per client address, attempts in a window are counted and, past the
// limit, sign-in pauses for LOCKOUT_SECONDS. An attempt is reserved (counted) before the password
// is checked, so twenty parallel guesses get no more tries than twenty sequential ones, and a
// paused attempt costs one query and no hashing. A success gives the reservation back: the
// e-mail's counter is cleared, the address's decremented. Every timestamp comes from `now`, so
// tests drive the clock.
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import {
  FAILURE_WINDOW_SECONDS,
  LOCKOUT_SECONDS,
  MAX_FAILURES_PER_ADDRESS,
  MAX_FAILURES_PER_EMAIL,
} from '@/lib/auth/sign-in-limits';
import type { Db } from '@/lib/db/open';
import { rateLimits } from '@/lib/db/schema';

export type ThrottleScope = 'email' | 'address';
export type ThrottleSubject = { email: string; address: string };
export type ThrottleVerdict = { allowed: true } | { allowed: false; scope: ThrottleScope; until: Date };

type Rule = { scope: ThrottleScope; key: string; limit: number };

// The address is checked first: a paused address does not also use up the e-mail's tries.
function rules({ email, address }: ThrottleSubject): Rule[] {
  return [
    { scope: 'address', key: `sign-in:address:${address}`, limit: MAX_FAILURES_PER_ADDRESS },
    { scope: 'email', key: `sign-in:email:${email.trim().toLowerCase()}`, limit: MAX_FAILURES_PER_EMAIL },
  ];
}

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;
const plusSeconds = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

/** Counts an attempt for the address and the e-mail, unless one of them is paused (then nothing runs). */
export async function reserveSignInAttempt(db: Db, subject: ThrottleSubject, now: Date): Promise<ThrottleVerdict> {
  for (const rule of rules(subject)) {
    const locked = sql`${rateLimits.lockedUntil} > ${at(now)}`;
    // A lapsed lockout or an old window starts a fresh count.
    const fresh = sql`(${rateLimits.lockedUntil} <= ${at(now)} OR ${rateLimits.windowStartedAt} <= ${at(plusSeconds(now, -FAILURE_WINDOW_SECONDS))})`;
    const next = sql`CASE WHEN ${fresh} THEN 1 ELSE ${rateLimits.failures} + 1 END`;
    const [row] = await db
      .insert(rateLimits)
      .values({ key: rule.key, failures: 1, windowStartedAt: now, lockedUntil: null, updatedAt: now })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          failures: sql`CASE WHEN ${locked} THEN ${rateLimits.failures} ELSE ${next} END`,
          windowStartedAt: sql`CASE WHEN ${locked} OR NOT ${fresh} THEN ${rateLimits.windowStartedAt} ELSE ${at(now)} END`,
          // More attempts in flight than the limit allows (parallel guesses): pause at once.
          lockedUntil: sql`CASE WHEN ${locked} THEN ${rateLimits.lockedUntil} WHEN ${next} > ${rule.limit} THEN ${at(plusSeconds(now, LOCKOUT_SECONDS))} ELSE NULL END`,
          updatedAt: now,
        },
      })
      .returning({ lockedUntil: rateLimits.lockedUntil });
    if (row?.lockedUntil && row.lockedUntil > now) return { allowed: false, scope: rule.scope, until: row.lockedUntil };
  }
  return { allowed: true };
}

/**
 * A reserved attempt failed: where the count has reached the limit, sign-in pauses. Returns the
 * end of the pause when this attempt (or an earlier one) paused the e-mail or the address.
 */
export async function recordSignInFailure(db: Db, subject: ThrottleSubject, now: Date): Promise<Date | null> {
  let pausedUntil: Date | null = null;
  for (const rule of rules(subject)) {
    const [row] = await db
      .update(rateLimits)
      .set({
        lockedUntil: sql`CASE WHEN ${rateLimits.failures} >= ${rule.limit} AND (${rateLimits.lockedUntil} IS NULL OR ${rateLimits.lockedUntil} <= ${at(now)}) THEN ${at(plusSeconds(now, LOCKOUT_SECONDS))} ELSE ${rateLimits.lockedUntil} END`,
        updatedAt: now,
      })
      .where(eq(rateLimits.key, rule.key))
      .returning({ lockedUntil: rateLimits.lockedUntil });
    if (row?.lockedUntil && row.lockedUntil > now && (!pausedUntil || row.lockedUntil > pausedUntil)) pausedUntil = row.lockedUntil;
  }
  return pausedUntil;
}

/**
 * Gives a reserved attempt back: after a successful sign-in (`clearEmail`: the e-mail starts
 * over), or when the attempt never reached the password check (the server was too busy).
 */
export async function releaseSignInAttempt(db: Db, subject: ThrottleSubject, now: Date, { clearEmail }: { clearEmail: boolean }): Promise<void> {
  for (const rule of rules(subject)) {
    if (rule.scope === 'email' && clearEmail) {
      await db.delete(rateLimits).where(eq(rateLimits.key, rule.key));
      continue;
    }
    await db
      .update(rateLimits)
      .set({ failures: sql`GREATEST(${rateLimits.failures} - 1, 0)`, updatedAt: now })
      .where(and(eq(rateLimits.key, rule.key), or(isNull(rateLimits.lockedUntil), lte(rateLimits.lockedUntil, now))));
  }
}
