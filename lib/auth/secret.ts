// The key that encrypts session cookies. AUTH_SECRET when set (required with a real Stripe key);
// on the emulator a random one is made on first start and kept in the data folder, so sessions
// survive restarts without any setup.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppEnv } from '@/lib/env-schema';

let cached: string | undefined;

export function resolveAuthSecret(env: AppEnv): string {
  if (env.auth.secret) return env.auth.secret;
  cached ??= readOrCreateSecret(path.resolve(process.cwd(), env.dataDir, 'auth-secret'));
  return cached;
}

export function readOrCreateSecret(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      // `wx`: if another process made it first, keep theirs.
      writeFileSync(file, randomBytes(33).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return readFileSync(file, 'utf8').trim();
  }
}
