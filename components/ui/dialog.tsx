'use client';
// Our dialog: Radix's accessible primitive (focus trap, Escape, aria) with the house look.
import * as RadixDialog from '@radix-ui/react-dialog';
import clsx from 'clsx';
import type { ReactNode } from 'react';

export const Dialog = RadixDialog.Root;
export const DialogTrigger = RadixDialog.Trigger;
export const DialogClose = RadixDialog.Close;

export function DialogContent({
  title,
  description,
  children,
  className,
}: {
  title: string;
  description?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-40 bg-neutral-950/40 backdrop-blur-[1px]" />
      <RadixDialog.Content
        className={clsx(
          // Fits any screen: 1 rem from the edges on a phone, and scrolls inside when it is taller.
          'fixed left-1/2 top-4 z-50 max-h-[calc(100dvh-2rem)] w-[min(36rem,calc(100vw-2rem))] -translate-x-1/2 overflow-y-auto overscroll-contain rounded-lg border border-neutral-200 bg-surface p-4 shadow-xl focus:outline-none sm:top-[10vh] sm:max-h-[80dvh]',
          className,
        )}
      >
        <RadixDialog.Title className="text-base font-semibold text-neutral-900">{title}</RadixDialog.Title>
        {description ? (
          <RadixDialog.Description className="mt-1 text-sm text-neutral-600">{description}</RadixDialog.Description>
        ) : (
          <RadixDialog.Description className="sr-only">{title}</RadixDialog.Description>
        )}
        <div className="mt-3">{children}</div>
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}
