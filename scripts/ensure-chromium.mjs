// Makes sure a system Chromium exists for Playwright (we never download Playwright's own browsers):
// prints its path, installs Debian's package when we are root with apt, or says what to install.
// Also importable: scripts/e2e.mjs calls ensureChromium() and hands the path to Playwright.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';

function candidates() {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(
    Boolean,
  );
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findChromium() {
  return candidates().find(isExecutable);
}

function hasAptGet() {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

function installWithApt() {
  console.error('Chromium not found; installing the Debian package "chromium" with apt-get...');
  // apt's chatter goes to stderr so stdout stays just the path.
  const options = { stdio: ['ignore', 2, 2], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  execFileSync('apt-get', ['update'], options);
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], options);
}

const HOW_TO_INSTALL = [
  'No Chromium found. The end-to-end tests need a system Chromium or Chrome. Install one of:',
  '  Debian/Ubuntu:  sudo apt-get install -y chromium   (on Ubuntu the package may be chromium-browser)',
  '  Fedora:         sudo dnf install -y chromium',
  '  macOS:          brew install --cask chromium, then CHROMIUM_PATH=/Applications/Chromium.app/Contents/MacOS/Chromium',
  'or set CHROMIUM_PATH to an existing Chromium or Chrome binary.',
].join('\n');

/** Returns the Chromium path, or throws an Error whose message says what to do. */
export function ensureChromium() {
  if (process.env.CHROMIUM_PATH && !isExecutable(process.env.CHROMIUM_PATH)) {
    throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file.`);
  }
  let found = findChromium();
  if (!found && process.getuid?.() === 0 && hasAptGet()) {
    try {
      installWithApt();
    } catch {
      throw new Error(`apt-get could not install chromium.\n${HOW_TO_INSTALL}`);
    }
    found = findChromium();
  }
  if (!found) throw new Error(`${HOW_TO_INSTALL}\nLooked in: ${candidates().join(', ')}`);
  return found;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(ensureChromium());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
