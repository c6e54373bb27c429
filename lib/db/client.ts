// The app's one database connection, opened (and migrated) on first use: PostgreSQL when
// DATABASE_URL is set, otherwise PGlite in
// the data folder (kept private: lib/data-dir.ts). Binds the audit chain's key and seals entries
// from before the chain. Kept on globalThis because Next may load this module more than once per
// process, and PGlite must own its folder alone.
import 'server-only';
import path from 'node:path';
import { resolveAuditChainKey } from '@/lib/audit/chain-key';
import { sealAuditChain } from '@/lib/audit/store';
import { preparePrivateDataDir } from '@/lib/data-dir';
import { getEnv } from '@/lib/env';
import { openPglite, openPostgres, type Db, type OpenDb } from '@/lib/db/open';
import { ensureDemoOperators } from '@/lib/operators/demo';

export type { Db };

const holder = globalThis as typeof globalThis & { __connectConsoleDb?: Promise<OpenDb> };

async function open(): Promise<OpenDb> {
  const env = getEnv();
  const dataDir = path.resolve(process.cwd(), env.dataDir);
  // Private to our user (0700, files 0600), including a folder made before that rule.
  preparePrivateDataDir(dataDir);
  const auditChainKey = resolveAuditChainKey(env);
  const opened = env.databaseUrl
    ? await openPostgres(env.databaseUrl, { auditChainKey })
    : await openPglite(path.join(dataDir, 'pglite'), { auditChainKey });
  await sealAuditChain(opened.db);
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
