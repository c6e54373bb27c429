// Opens the console database and brings its schema up to date: PGlite (embedded, a folder on
// disk or memory) or PostgreSQL (node-postgres), on PostgreSQL optionally migrating as the
// tables' owner while the app connects as a role with fewer rights (lib/db/roles.ts). Binds the
// audit chain's key to the opened database. No `server-only`, so tests and scripts open databases
// too; the app goes through lib/db/client.ts.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { Pool } from 'pg';
import { bindAuditChainKey } from '@/lib/audit/chain-key';
import { ensurePrivateDir, restrictTree } from '@/lib/data-dir';
import { currentRole, grantAppRole } from '@/lib/db/roles';
import * as schema from '@/lib/db/schema';

export type Schema = typeof schema;
/** What the data layer is written against: either driver, one query API. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type OpenDb = {
  db: Db;
  driver: 'pglite' | 'postgres';
  close: () => Promise<void>;
};

export type OpenOptions = {
  /** Keys the audit log's hash chain (lib/audit/chain-key.ts); without it, audit writes refuse. */
  auditChainKey?: string;
  /** False to only read what is there (the verify command): no migrations, no grants. */
  migrate?: boolean;
};

/** The committed drizzle-kit migrations; `next start` and the tests both run from the project root. */
export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'lib', 'db', 'migrations');

/**
 * PGlite in `dataDir` (created 0700 if missing), or in memory when no folder is given. PGlite
 * makes its files 0666 whatever the umask, so they are tightened to 0600 once it has opened and
 * migrated (and again at close); files it makes in between sit in the 0700 folder. A database in
 * memory without a key gets a random one: its chain cannot outlive the process anyway.
 */
export async function openPglite(dataDir?: string, options: OpenOptions = {}): Promise<OpenDb> {
  if (dataDir) ensurePrivateDir(dataDir);
  // pg_trgm: the trigram index behind the accounts search (lib/db/migrations/0005).
  const client = new PGlite({ dataDir, extensions: { pg_trgm } });
  try {
    const db = drizzlePglite(client, { schema });
    if (options.migrate !== false) await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    if (dataDir) restrictTree(dataDir);
    const key = options.auditChainKey ?? (dataDir ? undefined : randomBytes(33).toString('base64url'));
    if (key) bindAuditChainKey(db, key);
    const close = async () => {
      await client.close();
      if (dataDir) restrictTree(dataDir);
    };
    return { db: db as unknown as Db, driver: 'pglite', close };
  } catch (error) {
    await client.close().catch(() => undefined);
    throw error;
  }
}

export type PostgresOptions = OpenOptions & {
  /**
   * The tables' owner (DATABASE_MIGRATION_URL): runs the migrations and grants the app's role
   * (the one in the connection string) its rights. Without it the app's role migrates, so it
   * owns the tables.
   */
  migrationUrl?: string;
};

export async function openPostgres(connectionString: string, options: PostgresOptions = {}): Promise<OpenDb> {
  const pool = new Pool({ connectionString, max: 10 });
  // An idle connection the server drops (a restart, a failover) is replaced on next use; without a
  // listener node-postgres would turn that error into an uncaught exception and end the process.
  pool.on('error', (error) => console.error(`database: an idle connection was closed: ${error.message}`));
  try {
    const nodePg = drizzleNodePg(pool, { schema });
    const db = nodePg as unknown as Db;
    if (options.migrate === false) await pool.query('select 1');
    else if (options.migrationUrl) await migrateAsOwner(options.migrationUrl, db);
    else await migrateNodePg(nodePg, { migrationsFolder: MIGRATIONS_FOLDER });
    if (options.auditChainKey) bindAuditChainKey(db, options.auditChainKey);
    return { db, driver: 'postgres', close: () => pool.end() };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}

async function migrateAsOwner(migrationUrl: string, appDb: Db): Promise<void> {
  const ownerPool = new Pool({ connectionString: migrationUrl, max: 1 });
  try {
    const ownerNodePg = drizzleNodePg(ownerPool, { schema });
    await migrateNodePg(ownerNodePg, { migrationsFolder: MIGRATIONS_FOLDER });
    const ownerDb = ownerNodePg as unknown as Db;
    const appRole = await currentRole(appDb);
    // One role in both URLs: nothing to separate (the app is warned at start that it owns the log).
    if (appRole !== (await currentRole(ownerDb))) await grantAppRole(ownerDb, appRole);
  } finally {
    await ownerPool.end();
  }
}
