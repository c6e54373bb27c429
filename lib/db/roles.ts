// PostgreSQL roles: the app runs as a role that does not own the tables, so it cannot disable the
// audit log's append-only trigger (only a table's owner or a superuser can). The owner role runs
// the migrations and, at every start, grants the app role what it needs: full rights on the
// console's other tables, and on audit_entries only reading, inserting and recording outcomes.
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/open';
import { rowsOf } from './rows';

/** The columns the app may update on an audit entry: the outcome, and the chain's hashes. */
export const AUDIT_UPDATABLE_COLUMNS = [
  'outcome',
  'request_id',
  'error_message',
  'result_id',
  'resolution',
  'completed_at',
  'chain_hash',
  'outcome_hash',
] as const;

/** Serializes concurrent starts: PostgreSQL refuses simultaneous GRANTs on one table. */
const GRANT_LOCK = 0x6772616e74;

export async function currentRole(db: Db): Promise<string> {
  const [row] = rowsOf<{ role: string }>(await db.execute(sql`select current_user as role`));
  return row!.role;
}

/** Run as the owner of the console's tables, after migrating. Idempotent; covers tables added later. */
export async function grantAppRole(ownerDb: Db, appRole: string): Promise<void> {
  const role = sql.identifier(appRole);
  const columns = sql.join(
    AUDIT_UPDATABLE_COLUMNS.map((column) => sql.identifier(column)),
    sql`, `,
  );
  await ownerDb.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${GRANT_LOCK}::bigint)`);
    await tx.execute(sql`grant usage on schema public to ${role}`);
    await tx.execute(sql`grant select, insert, update, delete on all tables in schema public to ${role}`);
    await tx.execute(sql`grant usage, select on all sequences in schema public to ${role}`);
    await tx.execute(sql`revoke all on table audit_entries from ${role}`);
    // Identity values come with INSERT; the sequence itself is none of the app's business.
    await tx.execute(sql`revoke all on sequence audit_entries_id_seq from ${role}`);
    await tx.execute(sql`grant select, insert on table audit_entries to ${role}`);
    await tx.execute(sql`grant update (${columns}) on table audit_entries to ${role}`);
  });
}

/**
 * Whether the connected role could switch the audit log's trigger off: it is a superuser or a
 * member of the role that owns audit_entries (always so on PGlite, which has a single user).
 */
export async function canDisableAuditTrigger(db: Db): Promise<boolean> {
  const [row] = rowsOf<{ can: boolean }>(
    await db.execute(sql`
      select coalesce((select rolsuper from pg_roles where rolname = current_user), false)
        or pg_has_role(current_user, c.relowner, 'MEMBER') as can
      from pg_class c
      where c.oid = 'public.audit_entries'::regclass`),
  );
  return Boolean(row?.can);
}
