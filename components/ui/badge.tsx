// Small status labels (roles, outcomes), and an object's status in a list's words and tone.
import clsx from 'clsx';
import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'good' | 'bad' | 'warn' | 'brand';

const TONES: Record<BadgeTone, string> = {
  neutral: 'bg-neutral-100 text-neutral-700 border-neutral-200',
  good: 'bg-emerald-500/10 text-emerald-700 border-emerald-500/30 dark:text-emerald-300',
  bad: 'bg-mode-live-soft text-mode-live-ink border-mode-live/30',
  warn: 'bg-mode-test-soft text-mode-test-ink border-mode-test/30',
  brand: 'bg-brand-50 text-brand-700 border-brand-500/30 dark:text-brand-100',
};

export function Badge({ tone = 'neutral', children, ...rest }: { tone?: BadgeTone; children: ReactNode; 'data-testid'?: string }) {
  return (
    <span className={clsx('inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium', TONES[tone])} {...rest}>
      {children}
    </span>
  );
}

/** A status as its list's tabs name it, in its tone; a status the list does not name shows as it is. */
export function StatusBadge<S extends string>({ status, labels, tones, testId }: { status: S; labels: Partial<Record<S, string>>; tones: Record<S, BadgeTone>; testId?: string }) {
  return (
    <Badge tone={tones[status] ?? 'neutral'} data-testid={testId}>
      {labels[status] ?? status}
    </Badge>
  );
}
