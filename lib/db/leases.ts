// Time-limited locks in the database, so that with several console instances on one database a
// background job (the outcome reconciler) runs in one of them at a time. Taking a lease is one
// conditional upsert: it succeeds when the lease is free, expired, or already ours.
import { and, eq, like, lt, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/open';
import { leases } from '@/lib/db/schema';

/** Takes or renews the lease `name` for `holder` until now + ttlMs; returns whether we hold it. */
export async function takeLease(db: Db, name: string, holder: string, ttlMs: number, now: Date = new Date()): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const rows = await db
    .insert(leases)
    .values({ name, holder, expiresAt })
    .onConflictDoUpdate({
      target: leases.name,
      set: { holder, expiresAt },
      setWhere: sql`${leases.expiresAt} < ${now.toISOString()}::timestamptz or ${leases.holder} = ${holder}`,
    })
    .returning({ holder: leases.holder });
  return rows.length > 0 && rows[0]!.holder === holder;
}

/** Whether someone holds the lease `name` at `now`. */
export async function leaseHeld(db: Db, name: string, now: Date = new Date()): Promise<boolean> {
  const rows = await db.select({ expiresAt: leases.expiresAt }).from(leases).where(eq(leases.name, name)).limit(1);
  return rows.length > 0 && rows[0]!.expiresAt.getTime() > now.getTime();
}

/** Sets when the lease `name` ends, whoever holds it (e.g. a short grace after a request ends). */
export async function endLeaseAt(db: Db, name: string, holder: string, at: Date): Promise<void> {
  await db.insert(leases).values({ name, holder, expiresAt: at }).onConflictDoUpdate({ target: leases.name, set: { holder, expiresAt: at } });
}

/** Removes leases of one kind (a name prefix) that ended before `before`. */
export async function dropEndedLeases(db: Db, prefix: string, before: Date): Promise<void> {
  await db.delete(leases).where(and(like(leases.name, `${prefix}%`), lt(leases.expiresAt, before)));
}

/** Gives the lease up early (when the job is done), if we still hold it. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.execute(sql`delete from leases where name = ${name} and holder = ${holder}`);
}
