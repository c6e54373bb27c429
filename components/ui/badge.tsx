// Small status labels (roles, outcomes).
import clsx from 'clsx';
import type { ReactNode } from 'react';

type Tone = 'neutral' | 'good' | 'bad' | 'warn' | 'brand';

const TONES: Record<Tone, string> = {
  neutral: 'bg-neutral-100 text-neutral-700 border-neutral-200',
  good: 'bg-emerald-500/10 text-emerald-700 border-emerald-500/30 dark:text-emerald-300',
  bad: 'bg-mode-live-soft text-mode-live-ink border-mode-live/30',
  warn: 'bg-mode-test-soft text-mode-test-ink border-mode-test/30',
  brand: 'bg-brand-50 text-brand-700 border-brand-500/30 dark:text-brand-100',
};

export function Badge({ tone = 'neutral', children, ...rest }: { tone?: Tone; children: ReactNode; 'data-testid'?: string }) {
  return (
    <span className={clsx('inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium', TONES[tone])} {...rest}>
      {children}
    </span>
  );
}
