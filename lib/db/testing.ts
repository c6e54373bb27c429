// Test helper: run a data-layer suite on every database the machine offers. PGlite (in memory)
// always; PostgreSQL when DATABASE_URL is set (scripts/test.mjs starts a throwaway cluster), each
// suite in a database of its own, dropped afterwards. On PostgreSQL the suite runs the way the
// README tells production to: a role that owns the tables migrates (DATABASE_MIGRATION_URL), the
// suite's database connection is an app role with only the rights lib/db/roles.ts grants. Both
// roles are made for the suite and dropped with it. Not imported by the app.
import { randomBytes } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Client, Pool } from 'pg';
import { openPglite, openPostgres, type Db, type OpenDb } from '@/lib/db/open';
import * as schema from '@/lib/db/schema';

/** An opened test database; `owner` is a connection as the tables' owner (PGlite: the same one). */
export type TestOpenDb = OpenDb & { owner: Db; chainKey: string };
export type TestDatabase = { name: 'pglite' | 'postgres'; open: () => Promise<TestOpenDb> };

export function postgresUrlForTests(): string | undefined {
  const url = process.env.DATABASE_URL?.trim();
  return url ? url : undefined;
}

const testChainKey = () => randomBytes(33).toString('base64url');

async function asAdmin(adminUrl: string, statements: string[]): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const statement of statements) await admin.query(statement);
  } finally {
    await admin.end();
  }
}

function urlFor(adminUrl: string, database: string, user: string, password: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  url.username = user;
  url.password = password;
  return url.toString();
}

async function openFreshPostgres(adminUrl: string): Promise<TestOpenDb> {
  const name = `cc_test_${randomBytes(6).toString('hex')}`;
  const [ownerRole, appRole] = [`${name}_owner`, `${name}_app`];
  // Identifiers and password are hex we made: safe to inline where DDL takes no parameters.
  const password = randomBytes(16).toString('hex');
  await asAdmin(adminUrl, [
    `CREATE ROLE ${ownerRole} LOGIN PASSWORD '${password}'`,
    `CREATE ROLE ${appRole} LOGIN PASSWORD '${password}'`,
    `CREATE DATABASE ${name} OWNER ${ownerRole}`,
  ]);
  const ownerUrl = urlFor(adminUrl, name, ownerRole, password);
  const chainKey = testChainKey();
  const opened = await openPostgres(urlFor(adminUrl, name, appRole, password), { migrationUrl: ownerUrl, auditChainKey: chainKey });
  const ownerPool = new Pool({ connectionString: ownerUrl, max: 2 });
  ownerPool.on('error', () => undefined);
  return {
    ...opened,
    owner: drizzle(ownerPool, { schema }) as unknown as Db,
    chainKey,
    close: async () => {
      await opened.close();
      await ownerPool.end();
      await asAdmin(adminUrl, [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, `DROP ROLE IF EXISTS ${appRole}`, `DROP ROLE IF EXISTS ${ownerRole}`]);
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
