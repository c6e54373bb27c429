// Stripe timestamps (seconds since the epoch) as the console shows them: always UTC, so two
// operators in different places read the same time. Pure, client-safe.

/** A Stripe timestamp as "2026-01-31 14:05 UTC". */
export function formatTimestamp(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().replace('T', ' ').slice(0, 16)} UTC`;
}

/** A Stripe timestamp's UTC day, "2026-01-31". */
export function utcDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}
