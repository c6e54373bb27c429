// The key of the audit log's hash chain: AUDIT_CHAIN_KEY (required with a real Stripe key), or on
// the emulator one generated on first start into the data folder (`audit-chain-key`, 0600). It
// must never live in the database it protects. Bound to a database when it is opened, so the
// audit store's functions keep taking only the database. No `server-only`: the verify script and
// the tests use it.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readOrCreatePrivateFile } from '@/lib/data-dir';
import type { AppEnv } from '@/lib/env-schema';

export const AUDIT_CHAIN_KEY_FILE = 'audit-chain-key';

export function auditChainKeyFile(env: Pick<AppEnv, 'dataDir'>): string {
  return path.resolve(process.cwd(), env.dataDir, AUDIT_CHAIN_KEY_FILE);
}

/**
 * The configured key, else the data folder's (made on first use unless `create` is false: the
 * verify command must not invent a key, it would find every entry broken).
 */
export function resolveAuditChainKey(env: Pick<AppEnv, 'auditChainKey' | 'dataDir'>, { create = true } = {}): string {
  if (env.auditChainKey) return env.auditChainKey;
  const file = auditChainKeyFile(env);
  if (!create && !existsSync(file)) {
    throw new Error(`No audit chain key: AUDIT_CHAIN_KEY is not set and ${file} does not exist.`);
  }
  return readOrCreatePrivateFile(file, () => randomBytes(33).toString('base64url'));
}

// On globalThis: Next bundles this module into each route's chunk separately, while the database
// itself is shared through globalThis (lib/db/client.ts), so a module-level map would be empty in
// every chunk but the one that opened the database.
const holder = globalThis as typeof globalThis & { __consoleAuditChainKeys?: WeakMap<object, string> };
const keys = (holder.__consoleAuditChainKeys ??= new WeakMap<object, string>());

/** Called when a database is opened: its audit entries are chained with this key. */
export function bindAuditChainKey(db: object, key: string): void {
  keys.set(db, key);
}

export function auditChainKeyOf(db: object): string {
  const key = keys.get(db);
  if (!key) throw new Error('No audit chain key is bound to this database: open it with one (lib/db/open.ts).');
  return key;
}
