'use client';
// The operator's dialog (see operator-menu.tsx), loaded when first opened: who they are, and "Sign
// out everywhere" behind its own confirmation.
import { MonitorX } from 'lucide-react';
import { useState, useTransition } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent } from '@/components/ui/dialog';
import { newIdempotencyKey } from '@/lib/actions/result';
import { signOutAction, signOutEverywhereAction } from '@/lib/auth/actions';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from '@/lib/auth/permissions';

/** The operator's dialog: who they are, and "Sign out everywhere" behind its own confirmation. */
export function OperatorDialog({ name, email, role, onClose }: { name: string; email: string; role: Role; onClose: () => void }) {
  const [confirming, setConfirming] = useState(false);
  // Made when the confirmation opens, so a retry after a lost answer is the same request.
  const [idempotencyKey, setIdempotencyKey] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function confirm() {
    if (!idempotencyKey) setIdempotencyKey(newIdempotencyKey());
    setConfirming(true);
  }

  function signOutEverywhere() {
    if (!idempotencyKey) return;
    setError(null);
    startTransition(async () => {
      try {
        const result = await signOutEverywhereAction({ idempotencyKey });
        if (!result.ok) {
          setError(result.unknown ? `${result.error} Try again: it is safe to repeat.` : result.error);
          return;
        }
      } catch {
        // No answer: the sessions may or may not have ended. Same key, so trying again is safe.
        setError('The console did not answer, so your sessions may or may not have ended. Try again: it is safe to repeat.');
        return;
      }
      await signOutAction();
    });
  }

  return (
    <Dialog open onOpenChange={(next) => (next ? undefined : onClose())}>
      <DialogContent title={confirming ? 'Sign out everywhere?' : name} description={confirming ? undefined : email}>
        {confirming ? (
          <div className="space-y-3 text-sm text-neutral-700" data-testid="sign-out-everywhere-dialog">
            <p>
              This ends <strong className="font-semibold text-neutral-900">every session of {email}</strong> on every device: this browser, other
              browsers and other computers. Everyone signed in as you will have to sign in again.
            </p>
            <p>Use it when a device was lost or shared. To leave only this browser, use Sign out instead.</p>
            {error ? (
              <p role="alert" className="rounded-md border border-mode-live/30 bg-mode-live-soft px-3 py-2 text-mode-live-ink">
                {error}
              </p>
            ) : null}
            <div className="flex flex-wrap justify-end gap-2 pt-1">
              <Button onClick={() => setConfirming(false)} disabled={pending}>
                Back
              </Button>
              <Button variant="danger" onClick={signOutEverywhere} disabled={pending} data-testid="sign-out-everywhere-confirm">
                <MonitorX aria-hidden className="size-4" />
                {pending ? 'Signing out everywhere…' : 'Sign out everywhere'}
              </Button>
            </div>
          </div>
        ) : (
          <div className="space-y-4 text-sm text-neutral-700">
            <div>
              <Badge tone="brand">{ROLE_LABELS[role]}</Badge>
              <p className="mt-2">{ROLE_DESCRIPTIONS[role]}</p>
            </div>
            <div className="border-t border-neutral-200 pt-3">
              <h3 className="font-medium text-neutral-900">Every device</h3>
              <p className="mt-1">Ends every session of yours, on every device, this one included.</p>
              <Button className="mt-2" onClick={confirm} data-testid="sign-out-everywhere">
                <MonitorX aria-hidden className="size-4" />
                Sign out everywhere…
              </Button>
            </div>
            <div className="flex justify-end">
              <DialogClose asChild>
                <Button>Close</Button>
              </DialogClose>
            </div>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
