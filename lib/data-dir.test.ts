// The data folder is private to the console's user: created 0700 with 0600 files, an existing
// folder (from before the rule) tightened at start, and PGlite's own files (which it makes 0666)
// tightened after it opens.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readOrCreateSecret } from '@/lib/auth/secret';
import { preparePrivateDataDir, readOrCreatePrivateFile } from '@/lib/data-dir';
import { openPglite } from '@/lib/db/open';

const modeOf = (file: string) => statSync(file).mode & 0o777;

/** Every folder and file under `dir` whose mode is not 0700 (folders) or 0600 (files). */
async function looseModes(dir: string): Promise<string[]> {
  const loose: string[] = [];
  if (modeOf(dir) !== 0o700) loose.push(`${dir} ${modeOf(dir).toString(8)}`);
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isDirectory() && modeOf(full) !== 0o700) loose.push(`${full} ${modeOf(full).toString(8)}`);
    if (entry.isFile() && modeOf(full) !== 0o600) loose.push(`${full} ${modeOf(full).toString(8)}`);
  }
  return loose;
}

describe('the data folder', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'cc-data-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is created 0700, and secrets in it 0600', () => {
    const dataDir = path.join(root, 'data');
    preparePrivateDataDir(dataDir);
    expect(modeOf(dataDir)).toBe(0o700);
    const secret = readOrCreateSecret(path.join(dataDir, 'auth-secret'));
    expect(readOrCreatePrivateFile(path.join(dataDir, 'auth-secret'), () => 'other')).toBe(secret);
    expect(modeOf(path.join(dataDir, 'auth-secret'))).toBe(0o600);
  });

  it('creates a missing folder 0700 when a secret is first written', () => {
    const file = path.join(root, 'fresh', 'audit-chain-key');
    readOrCreatePrivateFile(file, () => 'k'.repeat(40));
    expect(modeOf(path.dirname(file))).toBe(0o700);
    expect(modeOf(file)).toBe(0o600);
  });

  it('tightens an existing folder made before the rule, files and subfolders included', async () => {
    const dataDir = path.join(root, 'old');
    mkdirSync(path.join(dataDir, 'pglite', 'base'), { recursive: true });
    writeFileSync(path.join(dataDir, 'auth-secret'), 'secret');
    writeFileSync(path.join(dataDir, 'pglite', 'base', '1'), 'rows');
    chmodSync(dataDir, 0o755);
    chmodSync(path.join(dataDir, 'pglite'), 0o777);
    chmodSync(path.join(dataDir, 'auth-secret'), 0o644);
    chmodSync(path.join(dataDir, 'pglite', 'base', '1'), 0o666);
    preparePrivateDataDir(dataDir);
    expect(await looseModes(dataDir)).toEqual([]);
  });

  it('fixes a secret file left readable by others', () => {
    const file = path.join(root, 'auth-secret');
    writeFileSync(file, 'secret-from-before', { mode: 0o644 });
    chmodSync(file, 0o644);
    expect(readOrCreateSecret(file)).toBe('secret-from-before');
    expect(modeOf(file)).toBe(0o600);
  });

  it('leaves no PGlite file readable by others once the database is open', async () => {
    const dataDir = path.join(root, 'data');
    const opened = await openPglite(path.join(dataDir, 'pglite'));
    try {
      expect(await looseModes(path.join(dataDir, 'pglite'))).toEqual([]);
      expect(modeOf(dataDir)).toBe(0o700);
    } finally {
      await opened.close();
    }
  }, 60_000);
});
