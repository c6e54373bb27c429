'use client';
// Follows one console request whose outcome is unknown (Stripe's answer was lost, or the console
// itself did not answer) by its idempotency key, GET /api/requests/:key, until the console has
// found out; then reports what happened. Used by every form that can move money or end an account.
import { useEffect, useRef, useState } from 'react';
import { isSettled, type RequestLookup, type RequestStatus } from '@/lib/outcomes/status';

/** A request whose outcome the console is still finding out. */
export type Checking = { key: string; auditId: number | null; message: string; note: string | null };

export type FollowEnd =
  | { kind: 'succeeded'; status: RequestStatus }
  | { kind: 'not-done'; message: string }
  | { kind: 'not-received'; message: string };

/** How often the screen asks, and after how many "no such request" answers it concludes the console never got it. */
const POLL_MS = 2000;
const NOT_RECEIVED_AFTER = 15;

export const UNREACHABLE_MESSAGE =
  'The console server did not answer, so it is not known whether this went through. The console is checking; do not start it again. Sending it again is safe: it is the same request.';

export function settledMessage(status: RequestStatus): string {
  if (status.outcome === 'failed') return `Not done: ${status.resolution ?? status.errorMessage ?? 'the change was not made.'} Nothing was changed (audit entry #${status.auditId}).`;
  return `The console cannot tell by itself whether this went through (audit entry #${status.auditId}). ${status.resolution ?? ''}`.trim();
}

/** Returns the request being followed, a setter to start following one, and calls `onEnd` once it settles. */
export function useRequestFollow(onEnd: (end: FollowEnd) => void) {
  const [checking, setChecking] = useState<Checking | null>(null);
  const ending = useRef(onEnd);
  useEffect(() => {
    ending.current = onEnd;
  });
  const key = checking?.key ?? null;

  useEffect(() => {
    if (!key) return;
    let cancelled = false;
    let misses = 0;
    const finish = (end: FollowEnd) => {
      cancelled = true;
      setChecking(null);
      ending.current(end);
    };
    const ask = async () => {
      let lookup: RequestLookup | null = null;
      try {
        const res = await fetch(`/api/requests/${encodeURIComponent(key)}`, { cache: 'no-store' });
        if (res.ok) lookup = (await res.json()) as RequestLookup;
      } catch {
        lookup = null;
      }
      if (cancelled) return;
      if (!lookup) {
        setChecking((c) => (c ? { ...c, note: 'The console cannot be reached right now; still trying.' } : c));
      } else if (!lookup.found) {
        misses += 1;
        // Every change is written to the audit log before the backend is called: no entry after 30 s
        // means this request never reached that point, so it changed nothing.
        if (misses >= NOT_RECEIVED_AFTER) finish({ kind: 'not-received', message: 'The console has no record of this request after 30 seconds, so it changed nothing. You can send it again (it is the same request).' });
      } else if (!isSettled(lookup)) {
        const status = lookup;
        setChecking((c) => (c ? { ...c, auditId: status.auditId, note: status.errorMessage } : c));
      } else if (lookup.outcome === 'succeeded') {
        finish({ kind: 'succeeded', status: lookup });
      } else {
        finish({ kind: 'not-done', message: settledMessage(lookup) });
      }
    };
    void ask();
    const timer = setInterval(() => void ask(), POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [key]);

  return { checking, follow: setChecking };
}
