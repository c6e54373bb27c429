// Every number that protects sign-in, in one place: how many failures an e-mail or a client
// address may have in a window before sign-in pauses for it, for how long, how many password
// checks run at once, and how often a session's "last seen" time is written.

/** Failed sign-ins per e-mail (known or not) in one window before that e-mail is paused. */
export const MAX_FAILURES_PER_EMAIL = 5;
/** Failed sign-ins from one client address in one window: many operators may share an office. */
export const MAX_FAILURES_PER_ADDRESS = 50;
/** The counting window. */
export const FAILURE_WINDOW_SECONDS = 15 * 60;
/** How long sign-in stays paused once a limit is reached; it ends by itself. */
export const LOCKOUT_SECONDS = 15 * 60;

/**
 * Password checks (scrypt in libuv's thread pool, 4 threads by default) running at once. Two
 * leave the other threads to file and DNS work, so a burst of guesses cannot stall other requests.
 */
export const HASH_CONCURRENCY = 2;
/** Checks waiting for a slot; beyond this a sign-in is refused with "try again". */
export const HASH_QUEUE_LENGTH = 32;
/** How long a check may wait for a slot before it is refused. */
export const HASH_WAIT_MS = 5_000;

/** A session's last_seen_at is written at most this often (not on every request). */
export const SESSION_TOUCH_SECONDS = 60;
