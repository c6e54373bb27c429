'use client';
// The confirmation half of every money form: the idempotency key is made when the review opens
// and reused for every retry of that confirmation (a double click, a retry after an error), so
// Stripe does it once; a second submit while one is in flight is ignored, and the button shows
// it. Going back to the form drops the key: a new review is a new request.
//
// When the outcome is unknown (Stripe's answer was lost, or the console itself did not answer),
// the form follows the request by its key (GET /api/requests/:key) until the console has found
// out, and offers no way back to a new review meanwhile: that would be a second request, and
// could move the money twice. It then shows what happened.
import { useCallback, useEffect, useRef, useState } from 'react';
import { newIdempotencyKey, type ActionFailure, type ActionResult } from '@/lib/actions/result';
import { isSettled, type RequestLookup, type RequestStatus } from '@/lib/outcomes/status';

export type Review<P> = { key: string; payload: P };

/** A request whose outcome the console is still finding out. */
export type Checking = { key: string; auditId: number | null; message: string; note: string | null };

const UNREACHABLE_MESSAGE =
  'The console server did not answer, so it is not known whether this went through. The console is checking; do not start it again. Sending it again is safe: it is the same request.';

/** How often the screen asks, and after how many "no such request" answers it concludes the console never got it. */
const POLL_MS = 2000;
const NOT_RECEIVED_AFTER = 5;

export function useConfirmedAction<P, T>(
  run: (payload: P, idempotencyKey: string) => Promise<ActionResult<T>>,
  onDone?: (data: T) => void,
  onSettled?: () => void,
  /** The outcome was unknown and turned out applied: the object it made, and how it was found. */
  onRecovered?: (status: RequestStatus) => void,
) {
  const [review, setReview] = useState<Review<P> | null>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [checking, setChecking] = useState<Checking | null>(null);
  const inFlight = useRef(false);
  const callbacks = useRef({ onSettled, onRecovered });
  useEffect(() => {
    callbacks.current = { onSettled, onRecovered };
  });

  const open = useCallback((payload: P) => {
    setFailure(null);
    setChecking(null);
    setReview({ key: newIdempotencyKey(), payload });
  }, []);

  const back = useCallback(() => {
    // Not while a request is in flight or its outcome is unknown: a new review would be a new request.
    if (inFlight.current || checking) return;
    setReview(null);
    setFailure(null);
  }, [checking]);

  // Follow a request whose outcome is unknown until the console has found out.
  useEffect(() => {
    if (!checking) return;
    let cancelled = false;
    let misses = 0;
    const ask = async () => {
      let lookup: RequestLookup | null = null;
      try {
        const res = await fetch(`/api/requests/${encodeURIComponent(checking.key)}`, { cache: 'no-store' });
        if (res.ok) lookup = (await res.json()) as RequestLookup;
      } catch {
        lookup = null;
      }
      if (cancelled) return;
      if (!lookup) {
        setChecking((c) => (c ? { ...c, note: 'The console cannot be reached right now; still trying.' } : c));
        return;
      }
      if (!lookup.found) {
        misses += 1;
        if (misses >= NOT_RECEIVED_AFTER) {
          setChecking(null);
          setFailure({ ok: false, error: 'The console never received this request, so nothing was changed. You can send it again (it is the same request) or go back.' });
        }
        return;
      }
      if (!isSettled(lookup)) {
        setChecking((c) => (c ? { ...c, auditId: lookup.auditId, note: lookup.errorMessage } : c));
        return;
      }
      setChecking(null);
      callbacks.current.onSettled?.();
      if (lookup.outcome === 'succeeded') {
        setReview(null);
        setFailure(null);
        callbacks.current.onRecovered?.(lookup);
      } else if (lookup.outcome === 'failed') {
        setFailure({ ok: false, error: `Not done: ${lookup.resolution ?? lookup.errorMessage ?? 'the change was not made'} Nothing was changed (audit entry #${lookup.auditId}).` });
      } else {
        setFailure({ ok: false, error: `The console cannot tell by itself whether this went through (audit entry #${lookup.auditId}): ${lookup.resolution ?? ''}` });
      }
    };
    void ask();
    const timer = setInterval(() => void ask(), POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [checking?.key]); // eslint-disable-line react-hooks/exhaustive-deps -- one poll per request key

  /** Confirms the review; `edited` replaces its payload (a changed payload is a new request, with a new key). */
  const confirm = useCallback(
    async (edited?: P) => {
      if (!review || inFlight.current) return;
      let current = review;
      if (!checking && edited !== undefined && JSON.stringify(edited) !== JSON.stringify(review.payload)) {
        current = { key: newIdempotencyKey(), payload: edited };
        setReview(current);
      }
      inFlight.current = true;
      setPending(true);
      setFailure(null);
      let result: ActionResult<T> | null;
      try {
        result = await run(current.payload, current.key);
      } catch {
        result = null;
      }
      inFlight.current = false;
      setPending(false);
      if (result === null) {
        setChecking({ key: current.key, auditId: null, message: UNREACHABLE_MESSAGE, note: null });
        return;
      }
      if (!result.ok && result.unknown) {
        setChecking({ key: current.key, auditId: result.unknown.auditId, message: result.error, note: null });
        return;
      }
      setChecking(null);
      onSettled?.();
      if (result.ok) {
        setReview(null);
        onDone?.(result.data);
      } else {
        setFailure(result);
      }
    },
    [review, checking, run, onDone, onSettled],
  );

  return { review, open, back, confirm, pending, failure, checking };
}
