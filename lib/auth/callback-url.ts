// Where an operator may be sent after signing in: a path on this site and nothing else. Browsers
// read `/\host`, `/<tab>/host` and `//host` as another site, so anything that is not plainly one
// leading slash followed by a path is refused and replaced by the home page. Pure (client-safe).

const FALLBACK = '/';
const MAX_LENGTH = 2048;
// A backslash or any control character (tab, CR, LF, NUL, DEL, C1): URL parsers drop or rewrite them.
const UNSAFE_CHARACTER = /[\\\p{Cc}]/u;
// Percent-decoding is repeated a few times, so `%2509` (an encoded `%09`) is seen for what it is.
const DECODE_ROUNDS = 3;

// This origin only anchors relative paths; a result on any other origin is refused.
const ANCHOR_ORIGIN = 'http://console.invalid';

/** The value and its percent-decoded forms, or null when it does not decode. */
function decodedForms(value: string): string[] | null {
  const forms = [value];
  let current = value;
  for (let round = 0; round < DECODE_ROUNDS && current.includes('%'); round += 1) {
    try {
      current = decodeURIComponent(current);
    } catch {
      return null;
    }
    forms.push(current);
  }
  return forms;
}

function isPlainPath(value: string): boolean {
  return value.startsWith('/') && !value.startsWith('//') && !UNSAFE_CHARACTER.test(value);
}

/**
 * A same-site path (`/transfers?status=paid`) to go to after sign-in, or `/` when `value` is
 * missing, not a single-slash path, or hides a backslash or control character, raw or encoded.
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return FALLBACK;
  const forms = decodedForms(value);
  if (!forms || !forms.every(isPlainPath)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(value, ANCHOR_ORIGIN);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== ANCHOR_ORIGIN) return FALLBACK;
  // Dot segments are resolved now (`/.//host` becomes `//host`), so check what actually comes out.
  const path = `${url.pathname}${url.search}${url.hash}`;
  return isPlainPath(path) ? path : FALLBACK;
}

/**
 * next-auth's `redirect` callback: `url` is a path or an absolute URL; only this site's own
 * (`baseUrl`'s origin) is kept, reduced to a safe path. Anything else goes to the home page.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const origin = new URL(baseUrl).origin;
  if (UNSAFE_CHARACTER.test(url)) return `${origin}${FALLBACK}`;
  let path = url;
  if (!url.startsWith('/')) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return `${origin}${FALLBACK}`;
    }
    if (parsed.origin !== origin) return `${origin}${FALLBACK}`;
    path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  }
  return `${origin}${safeCallbackPath(path)}`;
}
