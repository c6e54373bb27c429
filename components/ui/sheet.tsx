'use client';
// A side drawer for details: Radix's dialog (focus trap, Escape, aria) sliding in from the right.
import * as RadixDialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import type { ReactNode } from 'react';

export const Sheet = RadixDialog.Root;
export const SheetTrigger = RadixDialog.Trigger;

export function SheetContent({ title, description, children, testId }: { title: string; description?: string; children: ReactNode; testId?: string }) {
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-40 bg-neutral-950/40" />
      <RadixDialog.Content
        data-testid={testId}
        className="fixed inset-y-0 right-0 z-50 flex w-[min(32rem,100vw)] flex-col border-l border-neutral-200 bg-surface shadow-xl focus:outline-none"
      >
        <div className="flex items-start justify-between gap-3 border-b border-neutral-200 p-4">
          <div>
            <RadixDialog.Title className="text-base font-semibold text-neutral-900">{title}</RadixDialog.Title>
            <RadixDialog.Description className={description ? 'mt-1 text-sm text-neutral-600' : 'sr-only'}>{description ?? title}</RadixDialog.Description>
          </div>
          <RadixDialog.Close className="rounded-md p-1 text-neutral-500 hover:bg-neutral-100 hover:text-neutral-900" aria-label="Close">
            <X aria-hidden className="size-4" />
          </RadixDialog.Close>
        </div>
        <div className="flex-1 overflow-y-auto p-4">{children}</div>
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}
