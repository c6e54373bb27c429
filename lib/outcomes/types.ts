// What the console can learn about a request whose outcome is open, and how long a request may
// still be running. Pure.

export type Resolution =
  /** The change happened; `resultId` is the object it made or changed. */
  | { status: 'applied'; resultId: string | null; how: string }
  /** The change did not happen. */
  | { status: 'not_applied'; how: string }
  /** Not known yet: the backend did not answer, or it is too soon to call a missing object missing. */
  | { status: 'unknown'; how: string }
  /** The console cannot find this out by reading; an operator must look (the audit log says where). */
  | { status: 'undeterminable'; how: string };

/**
 * A request that is still running may not have made its object yet: a missing object means "not
 * applied" only once the request cannot be running any more. Started entries wait for the longest
 * a Stripe call can take with its retries; unknown ones (their request has ended) a short while.
 */
export const STARTED_GRACE_MS = 5 * 60_000;
export const UNKNOWN_GRACE_MS = 20_000;

