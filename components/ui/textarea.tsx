// A multi-line text field with the house look.
import clsx from 'clsx';
import type { TextareaHTMLAttributes } from 'react';

export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <textarea
      className={clsx(
        'min-h-20 w-full rounded-md border border-neutral-300 bg-surface px-2.5 py-2 text-sm text-neutral-900 placeholder:text-neutral-400 focus:border-brand-500 focus:outline-none',
        className,
      )}
      {...props}
    />
  );
}
