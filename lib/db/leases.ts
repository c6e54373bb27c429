// Time-limited locks in the database, so that with several console instances on one database a
// background job (the outcome reconciler) runs in one of them at a time. Taking a lease is one
// conditional upsert: it succeeds when the lease is free, expired, or already ours.
import { sql } from 'drizzle-orm';
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

/** Gives the lease up early (when the job is done), if we still hold it. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.execute(sql`delete from leases where name = ${name} and holder = ${holder}`);
}
