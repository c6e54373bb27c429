// What the sign-in form says when a password sign-in is refused. None of it tells whether the
// e-mail belongs to an operator: unknown e-mails are paused exactly like known ones. Pure.
import { plural } from '@/lib/words';

export const WRONG_CREDENTIALS_MESSAGE = 'That e-mail and password do not match an active operator.';
export const BUSY_MESSAGE = 'The console is busy checking other sign-ins. Try again in a few seconds.';

/** "Sign-in is paused …; try again in 15 minutes." (`until` unknown: "later"). */
export function pausedMessage(until: Date | null, now = new Date()): string {
  const head = 'Sign-in is paused after too many failed attempts.';
  if (!until) return `${head} Try again later.`;
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `${head} Try again in ${plural(minutes, 'minute', 'minutes')}.`;
}
