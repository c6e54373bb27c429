'use client';
// Who is signed in, with which role, and the ways out: sign out here, or everywhere.
import { LogOut, MonitorX } from 'lucide-react';
import { useState, useTransition } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { newIdempotencyKey } from '@/lib/actions/result';
import { signOutAction, signOutEverywhereAction } from '@/lib/auth/actions';
import { ROLE_LABELS, type Role } from '@/lib/auth/permissions';

export function OperatorMenu({ name, email, role }: { name: string; email: string; role: Role }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function signOutEverywhere() {
    startTransition(async () => {
      const result = await signOutEverywhereAction({ idempotencyKey: newIdempotencyKey() });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      await signOutAction();
    });
  }

  return (
    <div className="flex items-center gap-3" data-testid="operator-menu">
      <div className="hidden text-right leading-tight sm:block">
        <div className="text-sm font-medium text-neutral-900" data-testid="operator-name">
          {name}
        </div>
        <div className="text-xs text-neutral-500">{email}</div>
      </div>
      <Badge tone="brand" data-testid="operator-role">
        {ROLE_LABELS[role]}
      </Badge>
      <form action={signOutAction}>
        <Button type="submit" size="sm" variant="ghost" data-testid="sign-out" title="Sign out">
          <LogOut aria-hidden className="size-4" />
          <span className="sr-only sm:not-sr-only">Sign out</span>
        </Button>
      </form>
      <Button
        size="sm"
        variant="ghost"
        onClick={signOutEverywhere}
        disabled={pending}
        data-testid="sign-out-everywhere"
        title="Sign out on every device"
      >
        <MonitorX aria-hidden className="size-4" />
        <span className="sr-only">Sign out everywhere</span>
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-mode-live-ink">
          {error}
        </span>
      ) : null}
    </div>
  );
}
