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
import { useCallback, useRef, useState } from 'react';
import { UNREACHABLE_MESSAGE, useRequestFollow } from '@/components/outcomes/use-request-follow';
import { newIdempotencyKey, type ActionFailure, type ActionResult } from '@/lib/actions/result';
import type { RequestStatus } from '@/lib/outcomes/status';

export type Review<P> = { key: string; payload: P };

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
  const inFlight = useRef(false);
  const { checking, follow } = useRequestFollow((end) => {
    onSettled?.();
    if (end.kind === 'succeeded') {
      setReview(null);
      setFailure(null);
      onRecovered?.(end.status);
    } else {
      setFailure({ ok: false, error: end.message });
    }
  });

  const open = useCallback((payload: P) => {
    setFailure(null);
    follow(null);
    setReview({ key: newIdempotencyKey(), payload });
  }, [follow]);

  const back = useCallback(() => {
    // Not while a request is in flight or its outcome is unknown: a new review would be a new request.
    if (inFlight.current || checking) return;
    setReview(null);
    setFailure(null);
  }, [checking]);

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
        follow({ key: current.key, auditId: null, message: UNREACHABLE_MESSAGE, note: null });
        return;
      }
      if (!result.ok && result.unknown) {
        follow({ key: current.key, auditId: result.unknown.auditId, message: result.error, note: null });
        return;
      }
      if (!result.ok && result.blockedBy?.idempotencyKey) {
        // An earlier request on this object is still open: follow it, and show what it did.
        follow({ key: result.blockedBy.idempotencyKey, auditId: result.blockedBy.auditId, message: result.error, note: null });
        return;
      }
      follow(null);
      onSettled?.();
      if (result.ok) {
        setReview(null);
        onDone?.(result.data);
      } else {
        setFailure(result);
      }
    },
    [review, checking, follow, run, onDone, onSettled],
  );

  return { review, open, back, confirm, pending, failure, checking };
}
