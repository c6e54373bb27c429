// The app's one database connection, opened (and migrated) on first use: PostgreSQL when
// DATABASE_URL is set (migrated as DATABASE_MIGRATION_URL's role when set), otherwise PGlite in
// the data folder (kept private: lib/data-dir.ts). Binds the audit chain's key and seals entries
// from before the chain. Kept on globalThis because Next may load this module more than once per
// process, and PGlite must own its folder alone.
import 'server-only';
import path from 'node:path';
import { resolveAuditChainKey } from '@/lib/audit/chain-key';
import { chainKeyMatches, sealAuditChain } from '@/lib/audit/store';
import { preparePrivateDataDir } from '@/lib/data-dir';
import { getEnv } from '@/lib/env';
import { openPglite, openPostgres, type Db, type OpenDb } from '@/lib/db/open';
import { canDisableAuditTrigger } from '@/lib/db/roles';
import { ensureDemoOperators } from '@/lib/operators/demo';

export type { Db };

const holder = globalThis as typeof globalThis & { __connectConsoleDb?: Promise<OpenDb> };

export const TABLE_OWNER_WARNING =
  'Connect Console: the database role in DATABASE_URL owns the audit log (no DATABASE_MIGRATION_URL, or the same role in both), ' +
  'so it could disable the append-only trigger and delete or rewrite audit entries. The hash chain still detects such changes ' +
  '(npm run audit:verify), but nothing prevents them: run the app as a role that only reads and writes (README, Configuration).';

async function open(): Promise<OpenDb> {
  const env = getEnv();
  // The folder is read at run time, not bundled: without the comment turbopack traces the whole
  // project into the server output of every route that opens the database.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.dataDir);
  // Private to our user (0700, files 0600), including a folder made before that rule.
  preparePrivateDataDir(dataDir);
  const auditChainKey = resolveAuditChainKey(env);
  const opened = env.databaseUrl
    ? await openPostgres(env.databaseUrl, { migrationUrl: env.databaseMigrationUrl, auditChainKey })
    : await openPglite(path.join(dataDir, 'pglite'), { auditChainKey });
  if (opened.driver === 'postgres' && (await canDisableAuditTrigger(opened.db))) console.warn(TABLE_OWNER_WARNING);
  await sealAuditChain(opened.db);
  if (!(await chainKeyMatches(opened.db))) {
    await opened.close().catch(() => undefined);
    throw new Error(
      'The audit chain key does not match the audit log: it was chained with another key (the generated key file was lost or replaced, or AUDIT_CHAIN_KEY changed). ' +
        'Nothing is written until the right key is back: restore the data folder\'s audit-chain-key file or set AUDIT_CHAIN_KEY to the key the log was chained with.',
    );
  }
  // Demo operators exist only for the emulator; they cannot sign in against real Stripe anyway.
  if (env.usingEmulator) await ensureDemoOperators(opened.db);
  return opened;
}

export async function getDb(): Promise<Db> {
  holder.__connectConsoleDb ??= open().catch((error: unknown) => {
    // Let the next request try again rather than caching the failure for the process's life.
    holder.__connectConsoleDb = undefined;
    throw error;
  });
  return (await holder.__connectConsoleDb).db;
}
