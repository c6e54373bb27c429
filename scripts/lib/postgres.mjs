// A throwaway PostgreSQL cluster for the tests' PostgreSQL leg: Debian's `postgresql` binaries
// (installed with apt-get when we are root and it is missing), a fresh data folder in /tmp, a free
// loopback port, trust auth, no fsync. stop() shuts it down and removes the folder. Its URL names
// the superuser: the test suites create their owner and app roles with it (lib/db/testing.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PG_ROOT = '/usr/lib/postgresql';

/** The newest Debian PostgreSQL's bin folder, or undefined. */
export function findPostgresBin() {
  if (!existsSync(PG_ROOT)) return undefined;
  const versions = readdirSync(PG_ROOT)
    .filter((name) => existsSync(path.join(PG_ROOT, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(PG_ROOT, versions[0], 'bin') : undefined;
}

function isRoot() {
  return process.getuid?.() === 0;
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Finds PostgreSQL, installing Debian's package when we are root with apt; else returns a reason. */
export function ensurePostgres() {
  let bin = findPostgresBin();
  if (!bin && isRoot() && hasCommand('apt-get')) {
    console.log('PostgreSQL not found; installing the Debian package "postgresql" with apt-get...');
    const options = { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
    try {
      execFileSync('apt-get', ['update'], options);
      execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], options);
    } catch {
      return { bin: undefined, reason: 'apt-get could not install postgresql' };
    }
    bin = findPostgresBin();
  }
  if (!bin) {
    return {
      bin: undefined,
      reason: `no PostgreSQL server found under ${PG_ROOT}/*/bin (install it: sudo apt-get install -y postgresql)`,
    };
  }
  return { bin, reason: undefined };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a cluster; resolves with { url, stop } or throws with the server's log. */
export async function startThrowawayPostgres(bin) {
  const dir = mkdtempSync(path.join(tmpdir(), 'connect-console-pg-'));
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  // PostgreSQL refuses to run as root: run it as Debian's `postgres` user then.
  const asUser = isRoot() ? ['runuser', '-u', 'postgres', '--'] : [];
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (command, args) => {
    const [file, ...rest] = [...asUser, path.join(bin, command), ...args];
    return spawnSync(file, rest, { encoding: 'utf8' });
  };
  const init = run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed:\n${init.stdout}${init.stderr}`);
  }
  const log = path.join(dir, 'server.log');
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const started = run('pg_ctl', ['-D', dataDir, '-l', log, '-o', options, '-w', '-t', '60', 'start']);
  if (started.status !== 0) {
    const logText = existsSync(log) ? execFileSync('cat', [log]).toString() : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start:\n${started.stdout}${started.stderr}${logText}`);
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
