// Test helper: run a data-layer suite on every database the machine offers. PGlite (in memory)
// always; PostgreSQL when DATABASE_URL is set (scripts/test.mjs starts a throwaway cluster), each
// suite in a database of its own, dropped afterwards. Not imported by the app.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openPglite, openPostgres, type Db, type OpenDb } from '@/lib/db/open';

/** An opened test database; `owner` is a connection as the tables' owner (PGlite: the same one). */
export type TestOpenDb = OpenDb & { owner: Db; chainKey: string };
export type TestDatabase = { name: 'pglite' | 'postgres'; open: () => Promise<TestOpenDb> };

export function postgresUrlForTests(): string | undefined {
  const url = process.env.DATABASE_URL?.trim();
  return url ? url : undefined;
}

const testChainKey = () => randomBytes(33).toString('base64url');

async function openFreshPostgres(adminUrl: string): Promise<TestOpenDb> {
  const name = `cc_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const chainKey = testChainKey();
  const opened = await openPostgres(url.toString(), { auditChainKey: chainKey });
  return {
    ...opened,
    owner: opened.db,
    chainKey,
    close: async () => {
      await opened.close();
      const dropper = new Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

async function openTestPglite(): Promise<TestOpenDb> {
  const chainKey = testChainKey();
  const opened = await openPglite(undefined, { auditChainKey: chainKey });
  return { ...opened, owner: opened.db, chainKey };
}

/** The databases to run each data-layer suite on. */
export function testDatabases(): TestDatabase[] {
  const databases: TestDatabase[] = [{ name: 'pglite', open: openTestPglite }];
  const url = postgresUrlForTests();
  if (url) databases.push({ name: 'postgres', open: () => openFreshPostgres(url) });
  return databases;
}
