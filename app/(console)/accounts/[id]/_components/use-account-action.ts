'use client';
// Runs one account action from a dialog: the idempotency key is made when the dialog opens and
// reused for every retry of the same input (a double click or a retry after a network failure is
// one request to Stripe); a changed input gets a new key. One call at a time, whatever the clicks.
// On success exactly the views the action changes are invalidated; on failure nothing on screen
// changes.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
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
      try {
        const signature = JSON.stringify(input);
        let k = key ?? newIdempotencyKey();
        if (sentWith.current !== null && sentWith.current !== signature) k = newIdempotencyKey();
        setKey(k);
        sentWith.current = signature;
        const result = await run({ ...input, idempotencyKey: k } as I);
        if (result.ok) {
          await Promise.all(invalidations.map((inv) => queryClient.invalidateQueries({ queryKey: inv.queryKey, exact: inv.exact })));
        } else {
          setFailure({ ok: false, text: result.error, requestId: result.requestId ?? null });
        }
        return result;
      } catch {
        // The server action itself could not be reached: nothing is known to have changed.
        setFailure({ ok: false, text: 'The console could not reach its server; nothing is known to have changed. Try again.' });
        return null;
      } finally {
        inFlight.current = false;
        setPending(false);
      }
    },
    [key, queryClient, run],
  );

  return { key, open, submit, pending, failure };
}
