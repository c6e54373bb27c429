// What the console can learn about a request whose outcome is open, and how long a request may
// still be running. Pure.

export type Resolution =
  /** The change happened; `resultId` is the object it made or changed. */
  | { status: 'applied'; resultId: string | null; how: string }
  /** The change did not happen. */
  | { status: 'not_applied'; how: string }
  /**
   * Not known yet: the backend did not answer, or the request is still running (`running`: its
   * process holds the request's lease, so nobody else may record anything about it).
   */
  | { status: 'unknown'; how: string; running?: boolean }
  /** The console cannot find this out by reading; an operator must look (the audit log says where). */
  | { status: 'undeterminable'; how: string };

/**
 * A request that is still running may not have made its object yet, so a missing object means
 * "not applied" only once it cannot be running any more. The action holds a lease on its entry
 * while it runs (at most RUNNING_TTL_MS, far above the longest its Stripe calls can take with
 * their timeout and retries; a crashed process's lease simply expires), and for ENDED_GRACE_MS
 * after its last attempt, in case Stripe was still finishing a request whose connection closed.
 */
export const RUNNING_TTL_MS = 15 * 60_000;
export const ENDED_GRACE_MS = 20_000;
/** The reconciler looks at started entries only once they are this old (cheap filter; the lease decides). */
export const STARTED_GRACE_MS = 5 * 60_000;

