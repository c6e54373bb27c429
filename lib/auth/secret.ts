// The key that encrypts session cookies. AUTH_SECRET when set (required with a real Stripe key);
// on the emulator a random one is made on first start and kept in the data folder (0600 in a
// 0700 folder, lib/data-dir.ts), so sessions survive restarts without any setup.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { readOrCreatePrivateFile } from '@/lib/data-dir';
import type { AppEnv } from '@/lib/env-schema';

let cached: string | undefined;

export function resolveAuthSecret(env: AppEnv): string {
  if (env.auth.secret) return env.auth.secret;
  cached ??= readOrCreateSecret(path.resolve(process.cwd(), env.dataDir, 'auth-secret'));
  return cached;
}

export function readOrCreateSecret(file: string): string {
  return readOrCreatePrivateFile(file, () => randomBytes(33).toString('base64url'));
}
