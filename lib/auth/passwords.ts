// Password hashing for credentials sign-in. New hashes are scrypt (node:crypto), which runs in
// libuv's thread pool, so checking passwords never blocks the event loop that serves every other
// request; at most HASH_CONCURRENCY checks run at once (lib/auth/sign-in-limits.ts). Hashes are
// self-describing (`$scrypt$ln=14,r=8,p=1$<salt>$<key>`, the PHC string format). Hashes made
// before that are bcrypt: still verified (bcryptjs, pure JS, in bounded slices on the event loop)
// and replaced by scrypt at the next successful sign-in (`needsRehash`).
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { createConcurrencyLimit, LimitBusyError } from '@/lib/auth/concurrency-limit';
import { HASH_CONCURRENCY, HASH_QUEUE_LENGTH, HASH_WAIT_MS } from '@/lib/auth/sign-in-limits';

/** Thrown when too many password checks are already running or waiting: "try again shortly". */
export { LimitBusyError as PasswordCheckBusyError };

// N = 2^14, r = 8: 16 MiB and some tens of milliseconds per check (OWASP's scrypt minimum is
// N = 2^17 with r = 8 at p = 1, or an equivalent; 2^14 keeps sign-in quick on small machines).
const CURRENT = { ln: 14, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const SCRYPT_FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;
const BCRYPT_FORMAT = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;
// Refuse stored parameters that would make one check absurdly costly (a corrupted or planted row).
const MAX_MEMORY_BYTES = 64 * 1024 * 1024;
const MAX_P = 4;

const limit = createConcurrencyLimit({ concurrency: HASH_CONCURRENCY, maxQueue: HASH_QUEUE_LENGTH, maxWaitMs: HASH_WAIT_MS });

type ScryptParams = { ln: number; r: number; p: number };

function derive(password: string, salt: Buffer, { ln, r, p }: ScryptParams, keyLength: number): Promise<Buffer> {
  const N = 2 ** ln;
  const options: ScryptOptions = { N, r, p, maxmem: 2 * MAX_MEMORY_BYTES };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const b64 = (buffer: Buffer) => buffer.toString('base64').replace(/=+$/, '');

function parseScrypt(hash: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const match = SCRYPT_FORMAT.exec(hash);
  if (!match) return null;
  const [, ln, r, p, salt, key] = match;
  const params = { ln: Number(ln), r: Number(r), p: Number(p) };
  if (params.ln < 1 || params.r < 1 || params.p < 1 || params.p > MAX_P) return null;
  if (128 * 2 ** params.ln * params.r > MAX_MEMORY_BYTES) return null;
  return { params, salt: Buffer.from(salt!, 'base64'), key: Buffer.from(key!, 'base64') };
}

async function hashUnlimited(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, CURRENT, KEY_LENGTH);
  return `$scrypt$ln=${CURRENT.ln},r=${CURRENT.r},p=${CURRENT.p}$${b64(salt)}$${b64(key)}`;
}

/** A new scrypt hash of `password`. */
export function hashPassword(password: string): Promise<string> {
  return limit.run(() => hashUnlimited(password));
}

// Compared against when no operator matches (or a hash is unreadable), so a wrong e-mail costs
// as long as a wrong password. Made once per process from a random password.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashUnlimited(randomBytes(16).toString('hex'));
  return dummyHash;
}

async function verifyUnlimited(password: string, hash: string | null | undefined): Promise<boolean> {
  if (hash && BCRYPT_FORMAT.test(hash)) return bcrypt.compare(password, hash);
  const parsed = parseScrypt(hash ?? '');
  const target = parsed ?? parseScrypt(await getDummyHash())!;
  const key = await derive(password, target.salt, target.params, target.key.length);
  return timingSafeEqual(key, target.key) && parsed !== null;
}

/**
 * Whether `password` matches `hash` (scrypt, or a legacy bcrypt hash). With no hash, a dummy is
 * checked so the answer takes as long. Throws PasswordCheckBusyError when too many checks wait.
 */
export function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  return limit.run(() => verifyUnlimited(password, hash));
}

/** True for a hash that is not scrypt with the current parameters: replace it after a successful sign-in. */
export function needsRehash(hash: string): boolean {
  const parsed = parseScrypt(hash);
  return !parsed || parsed.params.ln !== CURRENT.ln || parsed.params.r !== CURRENT.r || parsed.params.p !== CURRENT.p;
}

/** Checks running and waiting now (tests). */
export function passwordCheckLoad(): { running: number; waiting: number } {
  return limit.load();
}
