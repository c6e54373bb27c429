// Whether the Stripe backend answers, as the console shell shows it: the shape the server's probe
// returns and the banner's words for each case (the emulator restarted by the start script, the
// emulator run by hand, Stripe itself). Pure and client-safe.

export type BackendStatus = {
  /** False when the last probe could not connect (refused, reset or timed out). */
  reachable: boolean;
  backend: 'emulator' | 'stripe';
  /** The emulator is run by npm start / npm run dev, which start it again if it exits. */
  supervised: boolean;
  /** Where API calls go, e.g. http://127.0.0.1:12111 or https://api.stripe.com. */
  apiBase: string;
  emulatorPort: number;
  /** When the probe ran (ms since the epoch). */
  checkedAt: number;
};

export type BackendDownWords = { title: string; body: string; action: string };

const MEANWHILE = 'Pages that need Stripe show an error until it answers again; the accounts list (from the console\'s index), the audit log and the team page keep working.';

/** The banner's words while the backend cannot be reached; null while it answers. */
export function backendDownWords(status: BackendStatus): BackendDownWords | null {
  if (status.reachable) return null;
  if (status.backend === 'stripe') {
    return {
      title: 'Stripe cannot be reached.',
      body: `The console cannot connect to ${status.apiBase}. ${MEANWHILE}`,
      action: 'Nothing restarts here: check this machine’s network, proxy or STRIPE_API_BASE, and Stripe’s status page.',
    };
  }
  const memory = 'The emulator keeps its data in memory, so its demo data starts over: changes made in it since it started are gone (the audit log keeps its record of them).';
  return {
    title: 'The Stripe backend (emulator) is not answering.',
    body: `The console cannot connect to the emulator at ${status.apiBase}. ${MEANWHILE}`,
    action: status.supervised
      ? `The start script restarts it by itself, within seconds. ${memory}`
      : `Start it again with “EMULATOR_PORT=${status.emulatorPort} npm run emulator”, or run the console with “npm start”, which restarts it by itself. ${memory}`,
  };
}
