// Text inputs and selects with the house look.
import clsx from 'clsx';
import type { InputHTMLAttributes, SelectHTMLAttributes } from 'react';

const FIELD =
  'h-9 rounded-md border border-neutral-300 bg-surface px-2.5 text-sm text-neutral-900 placeholder:text-neutral-400 focus:border-brand-500 focus:outline-none';

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={clsx(FIELD, className)} {...props} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={clsx(FIELD, 'pr-7', className)} {...props} />;
}
