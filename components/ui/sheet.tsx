'use client';
// A side drawer: Radix's dialog (focus trap, Escape, focus back to the opener, aria) sliding in
// from the right (details) or the left (the navigation on small screens).
import * as RadixDialog from '@radix-ui/react-dialog';
import clsx from 'clsx';
import { X } from 'lucide-react';
import type { ReactNode } from 'react';

export const Sheet = RadixDialog.Root;
export const SheetTrigger = RadixDialog.Trigger;
export const SheetClose = RadixDialog.Close;

export function SheetContent({
  title,
  description,
  children,
  testId,
  side = 'right',
}: {
  title: string;
  description?: string;
  children: ReactNode;
  testId?: string;
  side?: 'left' | 'right';
}) {
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-40 bg-neutral-950/40" />
      <RadixDialog.Content
        data-testid={testId}
        className={clsx(
          'fixed inset-y-0 z-50 flex flex-col bg-surface shadow-xl focus:outline-none',
          side === 'right' ? 'right-0 w-[min(32rem,100vw)] border-l border-neutral-200' : 'left-0 w-[min(18rem,85vw)] border-r border-neutral-200',
        )}
      >
        <div className="flex items-start justify-between gap-3 border-b border-neutral-200 p-4">
          <div className="min-w-0">
            <RadixDialog.Title className="text-base font-semibold text-neutral-900">{title}</RadixDialog.Title>
            <RadixDialog.Description className={description ? 'mt-1 text-sm text-neutral-600' : 'sr-only'}>{description ?? title}</RadixDialog.Description>
          </div>
          <RadixDialog.Close className="rounded-md p-1 text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900" aria-label="Close">
            <X aria-hidden className="size-4" />
          </RadixDialog.Close>
        </div>
        <div className="flex-1 overflow-y-auto p-4">{children}</div>
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}
