// Stripe API versions, as the emulator needs them: a request's version decides the behaviour
// wherever Stripe's versions differ. Versions compare by their date.

/** The version requests without a Stripe-Version header get unless EMULATOR_API_VERSION says otherwise: the seeds' era. */
export const DEFAULT_API_VERSION = '2024-06-20';

/** Changes that matter to the emulator, named once. */
export const VERSION = {
  /** POST /v1/accounts/:id/unreject exists; reject takes payouts_action. */
  unreject: '2026-07-29.dahlia',
  /** reject's `fraud` is split in four and `credit` added; platform rejections show as rejected.platform_*. */
  rejectReasons: '2026-09-30.endive',
  /** Legacy usage-based billing is gone: no usage records, no metered prices without a billing meter. */
  legacyUsageBilling: '2025-03-31.basil',
  /** Schedule phases take `duration` (day, week, month, year and a count). */
  phaseDuration: '2025-07-30.basil',
  /** Schedule phases no longer take `iterations` (`duration` replaces it). */
  phaseIterationsRemoved: '2025-09-30.clover',
} as const;

const FORMAT = /^(\d{4}-\d{2}-\d{2})(?:\.([a-z]+))?$/;

export function isValidVersion(v: string): boolean {
  const m = FORMAT.exec(v);
  return m !== null && !Number.isNaN(Date.parse(m[1]));
}

/** True when `version` is `since` or newer. */
export function atLeast(version: string, since: string): boolean {
  return version.slice(0, 10) >= since.slice(0, 10);
}

/**
 * The versions at which an object's rendering changes (oldest first): an event renders its object
 * once per era and gives each reader the era of its version. Add a version here when a change in
 * VERSION alters how an object looks (not just which routes exist).
 */
export const RENDER_ERAS: readonly string[] = ['', VERSION.rejectReasons];

/** A version that renders like every version of `era` (the era's own first version, or the default for the oldest). */
export function eraVersion(era: string): string {
  return era === '' ? '2020-08-27' : era;
}

/** The era `version` renders in: the newest of RENDER_ERAS not newer than it. */
export function eraOf(version: string): string {
  let era = RENDER_ERAS[0];
  for (const e of RENDER_ERAS) if (e === '' || atLeast(version, e)) era = e;
  return era;
}
