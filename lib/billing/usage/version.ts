// Usage records and the API version they are read at. The console pins 2026-10-28.endive, where
// legacy usage-based billing no longer exists (removed in 2025-03-31.basil): usage record
// summaries are read, and usage reported, with the last version that has them, per request, and
// the UI says so. Pure and client-safe.

/** The last API version with usage records (Stripe's API reference documents them up to it). */
export const LEGACY_USAGE_API_VERSION = '2025-02-24.acacia';

/** What the UI says wherever it shows usage. */
export const USAGE_VERSION_NOTE = `Usage records are read with API version ${LEGACY_USAGE_API_VERSION}: Stripe removed legacy usage-based billing in 2025-03-31.basil.`;

/** What the UI says when Stripe refuses the older version's request (an account billing with meters, or a key that may not use it). */
export const USAGE_REFUSED_NOTE =
  'Stripe refused to read usage records at the older API version. This subscription item is probably billed with billing meters (usage-based billing since 2025-03-31.basil), whose usage lives in meter events, not usage records; the console does not read meters yet, so check the Stripe Dashboard for this usage.';
