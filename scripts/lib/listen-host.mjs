// Where the dashboard listens. With the emulator, the sign-in page lists the demo operators and
// their shared password, so by default the dashboard listens on loopback only; any other address
// is a conscious setting (CONSOLE_HOST; not HOST, which many shells set to the machine's name),
// and exposing demo operators gets a warning. With
// a Stripe key, Next's own default (every interface) stays unless a host is set. Pure.

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const EVERY_INTERFACE = new Set(['0.0.0.0', '::', '[::]']);

/** `::1` -> `[::1]`, for URLs. */
function urlHost(host) {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * @param {Record<string, string | undefined>} env
 * @param {string} port
 */
export function dashboardListen(env, port) {
  const configured = (env.CONSOLE_HOST || '').trim();
  const usesEmulator = !env.STRIPE_SECRET_KEY?.trim();
  const demoOperators = usesEmulator && (env.AUTH_CREDENTIALS || 'auto').trim() !== 'off';
  const host = configured || (usesEmulator ? '127.0.0.1' : undefined);
  const everywhere = host === undefined || EVERY_INTERFACE.has(host);
  const loopback = host !== undefined && LOOPBACK.has(host);
  // Our own checks (is the port free, is Next up) reach a wildcard or loopback listener on 127.0.0.1.
  const probeUrl = `http://${everywhere || loopback ? '127.0.0.1' : urlHost(host)}:${port}`;
  const address = everywhere ? `every interface, port ${port}` : `${urlHost(host)}:${port}`;
  const openUrl = everywhere ? `http://localhost:${port}` : `http://${urlHost(host)}:${port}`;
  const warning =
    demoOperators && !loopback
      ? `Warning: the dashboard listens on ${address}, beyond this machine, while the sign-in page shows the demo operators and their password. Anyone who can reach it can sign in as admin. Unset CONSOLE_HOST to listen on 127.0.0.1 only.`
      : null;
  return { host, probeUrl, address, openUrl, warning };
}
