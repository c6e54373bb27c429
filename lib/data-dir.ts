// The data folder (CONSOLE_DATA_DIR) holds the PGlite database and the generated secrets, so only
// the console's own user may read it: folders 0700, files 0600. PGlite sets its own file modes
// (0666, whatever the umask), hence a pass over the tree after it opens; files it makes later sit
// inside a 0700 folder. No `server-only`: the scripts and tests use it too.
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder (and missing parents) 0700, and makes an existing one 0700. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Folders under `dir` (itself included) 0700, files 0600; symbolic links are left alone. */
export function restrictTree(dir: string): void {
  chmodSync(dir, PRIVATE_DIR_MODE);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) restrictTree(full);
    else if (entry.isFile()) chmodSync(full, PRIVATE_FILE_MODE);
  }
}

/** The data folder, created private or made private (files from before this rule included). */
export function preparePrivateDataDir(dir: string): void {
  ensurePrivateDir(dir);
  restrictTree(dir);
}

/**
 * The trimmed contents of a secret file, created 0600 with `make()` on first use. When two
 * processes race to create it, the first one's value wins and both return it.
 */
export function readOrCreatePrivateFile(file: string, make: () => string): string {
  try {
    const value = readFileSync(file, 'utf8').trim();
    if ((lstatSync(file).mode & 0o777) !== PRIVATE_FILE_MODE) chmodSync(file, PRIVATE_FILE_MODE);
    return value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  ensurePrivateDir(path.dirname(file));
  try {
    // `wx`: if another process made it first, keep theirs.
    writeFileSync(file, make(), { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}
