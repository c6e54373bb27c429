// Ids the console makes for its own rows: a prefix and 16 random letters and digits, shaped like
// Stripe's own ids (`op_…`, `view_…`, `apr_…`).
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function randomId(prefix: string): string {
  let body = '';
  for (const byte of randomBytes(16)) body += ALPHABET[byte % ALPHABET.length];
  return `${prefix}${body}`;
}
