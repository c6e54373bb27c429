'use client';
// Runs one account action from a dialog: the idempotency key is made when the dialog opens and
// reused for every retry of the same input (a double click or a retry after a network failure is
// one request to Stripe); a changed input gets a new key. One call at a time, whatever the clicks.
// On success exactly the views the action changes are invalidated; on failure nothing on screen
// changes. When the outcome is unknown (Stripe's answer was lost), the dialog says so and follows
// the request until the console has found out, then shows what happened.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { UNREACHABLE_MESSAGE, useRequestFollow } from '@/components/outcomes/use-request-follow';
import { newIdempotencyKey, type ActionResult } from '@/lib/actions/result';
import type { Invalidation } from '@/lib/accounts/keys';

export type Outcome = { ok: boolean; text: string; requestId?: string | null };

export function useAccountAction<I extends { idempotencyKey: string }, T>(run: (input: I) => Promise<ActionResult<T>>) {
  const queryClient = useQueryClient();
  const [key, setKey] = useState<string | null>(null);
  /** The input the current key was last sent with. */
  const sentWith = useRef<string | null>(null);
  const inFlight = useRef(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Outcome | null>(null);
  const lastInvalidations = useRef<Invalidation[]>([]);
  const { checking, follow } = useRequestFollow((end) => {
    void Promise.all(lastInvalidations.current.map((inv) => queryClient.invalidateQueries({ queryKey: inv.queryKey, exact: inv.exact })));
    if (end.kind === 'succeeded') setFailure({ ok: true, text: `Done, although Stripe's answer had been lost. ${end.status.resolution ?? ''}`.trim() });
    else setFailure({ ok: false, text: end.message });
  });

  const open = useCallback(() => {
    setKey(newIdempotencyKey());
    sentWith.current = null;
    setFailure(null);
  }, []);

  const submit = useCallback(
    async (input: Omit<I, 'idempotencyKey'>, invalidations: Invalidation[]): Promise<ActionResult<T> | null> => {
      if (inFlight.current) return null;
      inFlight.current = true;
      setPending(true);
      setFailure(null);
      let k = key ?? newIdempotencyKey();
      try {
        const signature = JSON.stringify(input);
        if (sentWith.current !== null && sentWith.current !== signature) k = newIdempotencyKey();
        setKey(k);
        sentWith.current = signature;
        lastInvalidations.current = invalidations;
        const result = await run({ ...input, idempotencyKey: k } as I);
        if (!result.ok && result.unknown) {
          setFailure({ ok: false, text: `${result.error} (audit entry #${result.unknown.auditId})` });
          follow({ key: k, auditId: result.unknown.auditId, message: result.error, note: null });
        } else if (!result.ok && result.blockedBy?.idempotencyKey) {
          setFailure({ ok: false, text: result.error });
          follow({ key: result.blockedBy.idempotencyKey, auditId: result.blockedBy.auditId, message: result.error, note: null });
        } else if (result.ok) {
          await Promise.all(invalidations.map((inv) => queryClient.invalidateQueries({ queryKey: inv.queryKey, exact: inv.exact })));
        } else {
          setFailure({ ok: false, text: result.error, requestId: result.requestId ?? null });
        }
        return result;
      } catch {
        // The console server did not answer: whether it did anything is unknown until it says.
        setFailure({ ok: false, text: UNREACHABLE_MESSAGE });
        follow({ key: k, auditId: null, message: UNREACHABLE_MESSAGE, note: null });
        return null;
      } finally {
        inFlight.current = false;
        setPending(false);
      }
    },
    [key, queryClient, run, follow],
  );

  return { key, open, submit, pending, failure, checking };
}
