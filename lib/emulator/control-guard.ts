// Who may drive the control API. It has no key, so besides the loopback socket check a web page
// must not reach it: any site the operator visits can make the browser POST to 127.0.0.1 (a
// `text/plain` form or fetch needs no CORS preflight), and a DNS-rebound name can make such a
// page "same-origin". So: no foreign Origin, no foreign Host, and POST bodies must be declared
// JSON, which a browser can only send cross-site after a preflight we never answer.
import type { IncomingMessage } from 'node:http';
import { invalidRequest } from './core/errors';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parsedHost(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** The emulator's own origin: http on a loopback name and the port this request came in on. */
export function isOwnOrigin(origin: string, port: number | undefined): boolean {
  const url = parsedHost(origin);
  if (!url || url.protocol !== 'http:' || !LOOPBACK_NAMES.has(url.hostname)) return false;
  return Number(url.port || 80) === port;
}

/** A Host header naming a loopback address (not a name that happens to resolve to one). */
export function isLoopbackHost(host: string): boolean {
  const url = parsedHost(`http://${host}`);
  return url !== null && LOOPBACK_NAMES.has(url.hostname);
}

/** Refuses (403, 415) a control request a browser on another site could have sent. */
export function checkControlRequest(req: IncomingMessage, method: string): void {
  const origin = single(req.headers.origin);
  if (origin !== undefined && !isOwnOrigin(origin, req.socket.localPort)) {
    throw invalidRequest(`The control API refuses requests from other origins (Origin: ${origin}).`, { code: 'control_origin_refused' }, 403);
  }
  const host = single(req.headers.host);
  if (host !== undefined && !isLoopbackHost(host)) {
    throw invalidRequest(`The control API answers loopback addresses only (Host: ${host}).`, { code: 'control_host_refused' }, 403);
  }
  const mediaType = single(req.headers['content-type'])?.split(';')[0].trim().toLowerCase();
  if (method === 'POST' && mediaType !== 'application/json') {
    throw invalidRequest(`The control API takes POST bodies as JSON only: send Content-Type: application/json (got ${mediaType || 'none'}).`, { code: 'control_content_type' }, 415);
  }
}
