// The parity run's key: only a test-mode secret key (`sk_test_…`) may reach Stripe. A live key
// (`sk_live_`), a restricted key (`rk_…`) or anything else is refused before any request is made.

export type KeyCheck = { ok: true; key: string | null } | { ok: false; reason: string };

export function checkParityKey(raw: string | undefined): KeyCheck {
  const key = raw?.trim();
  if (!key) return { ok: true, key: null };
  if (/^sk_test_[A-Za-z0-9_]+$/.test(key)) return { ok: true, key };
  const shown = `${key.slice(0, 8)}…`;
  if (key.startsWith('sk_live_') || key.startsWith('rk_live_')) {
    return { ok: false, reason: `STRIPE_PARITY_KEY is a live-mode key (${shown}): the parity run creates and deletes objects, so it runs in test mode only. Use a sk_test_ key.` };
  }
  if (key.startsWith('rk_')) return { ok: false, reason: `STRIPE_PARITY_KEY is a restricted key (${shown}): the scenarios need a full test-mode secret key (sk_test_…).` };
  return { ok: false, reason: `STRIPE_PARITY_KEY is not a test-mode secret key (${shown}): it must look like sk_test_….` };
}
