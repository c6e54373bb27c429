// Opens the console database and brings its schema up to date: PGlite (embedded, a folder on
// disk or memory) or PostgreSQL (node-postgres). No `server-only`, so tests open databases too;
// the app goes through lib/db/client.ts.
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { Pool } from 'pg';
import { ensurePrivateDir, restrictTree } from '@/lib/data-dir';
import * as schema from '@/lib/db/schema';

export type Schema = typeof schema;
/** What the data layer is written against: either driver, one query API. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type OpenDb = {
  db: Db;
  driver: 'pglite' | 'postgres';
  close: () => Promise<void>;
};

/** The committed drizzle-kit migrations; `next start` and the tests both run from the project root. */
export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'lib', 'db', 'migrations');

/**
 * PGlite in `dataDir` (created 0700 if missing), or in memory when no folder is given. PGlite
 * makes its files 0666 whatever the umask, so they are tightened to 0600 once it has opened and
 * migrated (and again at close); files it makes in between sit in the 0700 folder.
 */
export async function openPglite(dataDir?: string): Promise<OpenDb> {
  if (dataDir) ensurePrivateDir(dataDir);
  const client = new PGlite(dataDir);
  try {
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    if (dataDir) restrictTree(dataDir);
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

export async function openPostgres(connectionString: string): Promise<OpenDb> {
  const pool = new Pool({ connectionString, max: 10 });
  try {
    const db = drizzleNodePg(pool, { schema });
    await migrateNodePg(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return { db: db as unknown as Db, driver: 'postgres', close: () => pool.end() };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}
