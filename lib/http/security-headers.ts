// The per-request security headers that proxy.ts sets: a content security policy whose scripts
// must carry this request's nonce (Next puts it on its own scripts when it finds it in the
// request's CSP header), and HSTS on requests that came over HTTPS. The static headers (nosniff,
// framing, referrer) stay in next.config.mjs. Pure, and runtime-neutral (Web Crypto only).

/** 128 random bits, base64: unguessable, and in the form Next's nonce parser accepts. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy({ nonce, dev }: { nonce: string; dev: boolean }): string {
  return [
    "default-src 'self'",
    // Only scripts carrying the nonce run; 'strict-dynamic' lets them load Next's chunks. 'self'
    // is for browsers without CSP 3 (newer ones ignore it next to 'strict-dynamic'). React's dev
    // build evaluates source maps and refresh code, hence 'unsafe-eval' in development only.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Styles keep 'unsafe-inline': React renders style attributes and Next injects style tags. A
    // nonce here would make browsers ignore 'unsafe-inline' and block those.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Whether the browser reached us over HTTPS: directly, or through a proxy that says so. */
export function cameOverHttps(url: URL, headers: Headers): boolean {
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0].trim().toLowerCase();
  return forwarded ? forwarded === 'https' : url.protocol === 'https:';
}

/** Two years, as HSTS preload lists ask; sent only over HTTPS (browsers ignore it over HTTP). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';
