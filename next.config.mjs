// Next.js settings: strict React checks, no framework banner, `forbidden()` for 403 pages, and
// the static security headers every response carries. The content security policy needs a nonce
// per request, so proxy.ts sets it (lib/http/security-headers.ts), with HSTS over HTTPS.

const securityHeaders = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  experimental: { authInterrupts: true },
  // Native and WASM database drivers stay plain Node modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'bcryptjs'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
