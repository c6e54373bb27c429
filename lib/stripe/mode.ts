// Decides which backend the operator is looking at, so the UI can label it (and shout about live).
// Pure: shared by the Stripe client, the page and unit tests.

export type StripeMode = 'emulator' | 'test' | 'live';

export function modeFromConfig({ key, usingEmulator }: { key: string; usingEmulator: boolean }): StripeMode {
  // A live key is live wherever it points: never understate the risk of real money.
  if (key.startsWith('sk_live_') || key.startsWith('rk_live_')) return 'live';
  if (usingEmulator) return 'emulator';
  return 'test';
}
