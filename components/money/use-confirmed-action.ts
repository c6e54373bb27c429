'use client';
// The confirmation half of every money form: the idempotency key is made when the review opens
// and reused for every retry of that confirmation (a double click, a retry after an error), so
// Stripe does it once; a second submit while one is in flight is ignored, and the button shows
// it. Going back to the form drops the key: a new review is a new request.
import { useCallback, useRef, useState } from 'react';
import { newIdempotencyKey, type ActionFailure, type ActionResult } from '@/lib/actions/result';

export type Review<P> = { key: string; payload: P };

const UNREACHABLE: ActionFailure = {
  ok: false,
  error: 'The console server could not be reached, so it is not known whether this went through. Try again: the same request is sent, so it cannot happen twice.',
};

export function useConfirmedAction<P, T>(run: (payload: P, idempotencyKey: string) => Promise<ActionResult<T>>, onDone?: (data: T) => void, onSettled?: () => void) {
  const [review, setReview] = useState<Review<P> | null>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const inFlight = useRef(false);

  const open = useCallback((payload: P) => {
    setFailure(null);
    setReview({ key: newIdempotencyKey(), payload });
  }, []);

  const back = useCallback(() => {
    if (inFlight.current) return;
    setReview(null);
    setFailure(null);
  }, []);

  /** Confirms the review; `edited` replaces its payload (a changed payload is a new request, with a new key). */
  const confirm = useCallback(async (edited?: P) => {
    if (!review || inFlight.current) return;
    let current = review;
    if (edited !== undefined && JSON.stringify(edited) !== JSON.stringify(review.payload)) {
      current = { key: newIdempotencyKey(), payload: edited };
      setReview(current);
    }
    inFlight.current = true;
    setPending(true);
    setFailure(null);
    let result: ActionResult<T>;
    try {
      result = await run(current.payload, current.key);
    } catch {
      result = UNREACHABLE;
    }
    inFlight.current = false;
    setPending(false);
    onSettled?.();
    if (result.ok) {
      setReview(null);
      onDone?.(result.data);
    } else {
      setFailure(result);
    }
  }, [review, run, onDone, onSettled]);

  return { review, open, back, confirm, pending, failure };
}
