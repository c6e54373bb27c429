'use client';
// Who is signed in, with which role, and the ways out. "Sign out" (this browser) sits in the
// header; "Sign out everywhere" (every session of this operator, on every device) is a rarer,
// wider step, so it lives in the operator's own dialog behind a confirmation that says so.
// The dialog's code (and Radix's) is fetched when the pointer or focus reaches the button: not
// part of every page's first load.
import { LogOut } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useRef, useState } from 'react';
import { useFocusBackOnClose } from './use-focus-back';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { signOutAction } from '@/lib/auth/actions';
import { ROLE_LABELS, type Role } from '@/lib/auth/permissions';

const loadDialog = () => import('./operator-dialog');
const OperatorDialog = dynamic(() => loadDialog().then((m) => m.OperatorDialog), { ssr: false });

export function OperatorMenu({ name, email, role }: { name: string; email: string; role: Role }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useFocusBackOnClose(open, button);
  return (
    <div className="flex min-w-0 items-center gap-1.5 sm:gap-2" data-testid="operator-menu">
      <>
        <button
          ref={button}
          type="button"
          onClick={() => setOpen(true)}
          onPointerEnter={() => void loadDialog()}
          onFocus={() => void loadDialog()}
          aria-haspopup="dialog"
          aria-expanded={open}
          data-testid="operator-open"
          className="flex min-w-0 items-center gap-2 rounded-md px-1 py-1 text-right hover:bg-neutral-100 sm:px-2"
        >
          <span className="sr-only md:hidden">{name}, </span>
          <span className="hidden min-w-0 leading-tight md:block">
            <span className="block truncate text-sm font-medium text-neutral-900" data-testid="operator-name">
              {name}
            </span>
            <span className="block truncate text-xs text-neutral-600">{email}</span>
          </span>
          <Badge tone="brand" data-testid="operator-role">
            {ROLE_LABELS[role]}
          </Badge>
          <span className="sr-only">: session options</span>
        </button>
        {open ? <OperatorDialog name={name} email={email} role={role} onClose={() => setOpen(false)} /> : null}
      </>
      <form action={signOutAction}>
        <Button type="submit" size="sm" variant="ghost" data-testid="sign-out" title="Sign out of this browser">
          <LogOut aria-hidden className="size-4" />
          <span className="sr-only sm:not-sr-only">Sign out</span>
        </Button>
      </form>
    </div>
  );
}

