// The client address a sign-in came from, for the per-address throttle and the audit log. What is
// trusted: the LAST entry of X-Forwarded-For, i.e. the address the nearest proxy saw (a proxy
// appends the peer it received the request from; `next start` fills the header with the socket
// address when no proxy set it), then X-Real-IP. Run the console behind exactly one proxy that
// appends to X-Forwarded-For (nginx `$proxy_add_x_forwarded_for`, most load balancers) or sets
// X-Real-IP; exposed directly, a client can name its own address and only the per-e-mail limit holds.
import { isIP } from 'node:net';

export const UNKNOWN_ADDRESS = 'unknown';

function normalize(candidate: string | undefined): string | null {
  let value = candidate?.trim();
  if (!value) return null;
  // "[::1]:1234" and "1.2.3.4:5678" (some proxies include the port).
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  if (value.toLowerCase().startsWith('::ffff:') && isIP(value.slice(7)) === 4) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : null;
}

export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',').at(-1);
  return normalize(forwarded) ?? normalize(headers.get('x-real-ip') ?? undefined) ?? UNKNOWN_ADDRESS;
}

/** The browser's own description, trimmed: for the sessions table, never trusted for anything. */
export function userAgentOf(headers: Headers): string | null {
  return headers.get('user-agent')?.slice(0, 400) || null;
}
