'use client';
// The one confirm hook, for the money forms and the account dialogs alike. The idempotency key is
// made when the review (or dialog) opens and reused for every retry of that confirmation (a double
// click, a retry after an error), so Stripe does it once; a second submit while one is in flight
// is ignored, and the button shows it. Input edited after a send is a new request with a new key;
// going back to the form drops the key.
//
// When the outcome is unknown (Stripe's answer was lost, or the console itself did not answer), or
// an earlier request on the object is still open (`blockedBy`), the form follows that request by
// its key (GET /api/requests/:key) until the console has found out, and offers no way back to a
// new review meanwhile: that would be a second request, and could move the money twice.
//
// The outcome (failure with Stripe's request id, or "checking") is this hook's state: it stays on
// screen whatever the queries around it do, until the operator dismisses it or starts again.
// After every settled action the audit views (History panels) are refreshed: each action wrote one.
//
// A refusal because the object changed since the review (`changed`) was not sent to Stripe: the
// form reads the object again (`onChanged`) and the review opens afresh with the current figures.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { UNREACHABLE_MESSAGE, useRequestFollow } from '@/components/outcomes/use-request-follow';
import { newIdempotencyKey, type ActionFailure, type ActionResult } from '@/lib/actions/result';
import { auditKeys } from '@/lib/audit/keys';
import type { RequestStatus } from '@/lib/outcomes/status';

export type Review<P> = { key: string; payload: P };

/** What a form makes of a "changed since you reviewed" refusal: a fresh payload, or why none can be made. */
export type Revision<P> = { payload: P } | { problem: string };

export interface ConfirmedActionOptions<P, T> {
  /** Stripe did it (the form's success message; the hook has already closed the review). */
  onDone?: (data: T) => void;
  /** Any settled outcome (done, failed, found out): what Stripe now holds is worth refetching. */
  onSettled?: () => void | Promise<unknown>;
  /** The outcome was unknown and turned out applied: the object it made, and how it was found. */
  onRecovered?: (status: RequestStatus) => void;
  /** The object changed since the review of `payload`: read it again and give the payload of a fresh review. */
  onChanged?: (payload: P) => Promise<Revision<P>>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function useConfirmedAction<P, T>(run: (payload: P, idempotencyKey: string) => Promise<ActionResult<T>>, options: ConfirmedActionOptions<P, T> = {}) {
  const queryClient = useQueryClient();
  const [review, setReview] = useState<Review<P> | null>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  /** The refusal that made the current review a fresh one (shown above it until confirmed or dismissed). */
  const [changed, setChanged] = useState<ActionFailure | null>(null);
  const inFlight = useRef(false);
  /** Whether the current key has been sent: until then an edited payload keeps it. */
  const sent = useRef(false);
  const opts = useRef(options);
  useEffect(() => {
    opts.current = options;
  });

  const settled = useCallback(async () => {
    void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    await opts.current.onSettled?.();
  }, [queryClient]);

  const { checking, follow } = useRequestFollow((end) => {
    void settled();
    if (end.kind === 'succeeded') {
      setReview(null);
      setFailure(null);
      opts.current.onRecovered?.(end.status);
    } else {
      setFailure({ ok: false, error: end.message });
    }
  });

  const open = useCallback(
    (payload: P) => {
      // Not while a request is in flight or its outcome is unknown (a dialog opened again): a new
      // review would be a second request; the open one is still followed and sent again as it was.
      if (inFlight.current || checking) return;
      setFailure(null);
      setChanged(null);
      follow(null);
      sent.current = false;
      setReview({ key: newIdempotencyKey(), payload });
    },
    [checking, follow],
  );

  const back = useCallback(() => {
    // Not while a request is in flight or its outcome is unknown: a new review would be a new request.
    if (inFlight.current || checking) return;
    setReview(null);
    setFailure(null);
    setChanged(null);
  }, [checking]);

  /** Clears a shown failure (the operator has read it); the review, if any, stays. */
  const dismiss = useCallback(() => {
    if (checking) return;
    setFailure(null);
    setChanged(null);
  }, [checking]);

  /** Replaces the review's payload: the same key while nothing was sent with it or nothing changed, else a new one. */
  const revise = useCallback((current: Review<P>, payload: P): Review<P> => {
    if (same(payload, current.payload)) return current;
    if (!sent.current) return { key: current.key, payload };
    sent.current = false;
    return { key: newIdempotencyKey(), payload };
  }, []);

  const refresh = useCallback(
    async (current: Review<P>, refusal: ActionFailure) => {
      const onChanged = opts.current.onChanged;
      if (!onChanged) return setFailure(refusal);
      let revision: Revision<P>;
      try {
        revision = await onChanged(current.payload);
      } catch {
        revision = { problem: 'The current figures could not be read; review again once the page shows them.' };
      }
      if ('problem' in revision) {
        // No fresh review can be made: back to the form, which shows why.
        setReview(null);
        return setFailure({ ...refusal, error: `${refusal.error} ${revision.problem}` });
      }
      setChanged(refusal);
      setReview(revise(current, revision.payload));
    },
    [revise],
  );

  /** Sends one review's request and shows what came of it. Answers the result, or null when unknown. */
  const send = useCallback(
    async (current: Review<P>): Promise<ActionResult<T> | null> => {
      inFlight.current = true;
      sent.current = true;
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
        return null;
      }
      if (!result.ok && result.unknown) {
        follow({ key: current.key, auditId: result.unknown.auditId, message: result.error, note: null });
        return result;
      }
      if (!result.ok && result.blockedBy?.idempotencyKey) {
        // An earlier request on this object is still open: follow it, and show what it did.
        follow({ key: result.blockedBy.idempotencyKey, auditId: result.blockedBy.auditId, message: result.error, note: null });
        return result;
      }
      follow(null);
      setChanged(null);
      if (result.ok) {
        setReview(null);
        opts.current.onDone?.(result.data);
        void settled();
      } else if (result.changed) {
        await settled();
        await refresh(current, result);
      } else {
        setFailure(result);
        void settled();
      }
      return result;
    },
    [follow, run, refresh, settled],
  );

  /** Confirms the review; `edited` replaces its payload (see `revise`). */
  const confirm = useCallback(
    async (edited?: P): Promise<ActionResult<T> | null> => {
      if (!review || inFlight.current) return null;
      let current = review;
      if (!checking && edited !== undefined) {
        current = revise(review, edited);
        if (current !== review) setReview(current);
      }
      return send(current);
    },
    [review, checking, revise, send],
  );

  /** Opens and confirms at once, for one-click actions (a link made on request). */
  const start = useCallback(
    async (payload: P): Promise<ActionResult<T> | null> => {
      if (inFlight.current || checking) return null;
      const current = { key: newIdempotencyKey(), payload };
      setFailure(null);
      setChanged(null);
      setReview(current);
      return send(current);
    },
    [checking, send],
  );

  return { review, key: review?.key ?? null, open, back, dismiss, confirm, start, pending, failure, changed, checking };
}
