// Stripe-looking identifiers: a prefix and base62 characters. Demo data draws from a seeded
// generator so the same seed gives the same ids; objects made at run time draw from crypto.
import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export type RandomSource = (maxExclusive: number) => number;

/** While the demo seeder runs, every id is drawn from its seeded source (see `withSeededIds`). */
let seeded: RandomSource | null = null;

export const cryptoRandom: RandomSource = (max) => (seeded ? seeded(max) : randomInt(max));

/** Runs `fn` (synchronous) with every id drawn from `source`: the same seed gives the same ids. */
export function withSeededIds<T>(source: RandomSource, fn: () => T): T {
  const before = seeded;
  seeded = source;
  try {
    return fn();
  } finally {
    seeded = before;
  }
}

/** mulberry32: small, fast and deterministic; good enough for demo data. */
export function seededRandom(seed: number): RandomSource & { float: () => number } {
  let a = seed >>> 0;
  const float = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rnd = (max: number) => Math.floor(float() * max);
  return Object.assign(rnd, { float });
}

const LENGTHS: Record<string, number> = { acct: 16 };

export function makeId(prefix: string, random: RandomSource = cryptoRandom): string {
  const length = LENGTHS[prefix] ?? 24;
  // One flat string (adding a character at a time would keep every id as a chain of pieces in memory).
  const chars: string[] = [prefix, '_'];
  if (prefix === 'acct') chars.push('1');
  for (let n = chars.length - 2; n < length; n++) chars.push(ALPHABET[random(ALPHABET.length)]);
  return chars.join('');
}

export const requestId = () => makeId('req').slice(0, 18);
