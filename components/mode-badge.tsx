// Labels which backend the console is talking to; live mode is loud red on purpose.
import clsx from 'clsx';
import type { StripeMode } from '@/lib/stripe/mode';

const LABELS: Record<StripeMode, string> = {
  emulator: 'Emulator',
  test: 'Test mode',
  live: 'Live mode',
};

const STYLES: Record<StripeMode, string> = {
  emulator: 'border-mode-emulator/30 bg-mode-emulator-soft text-mode-emulator-ink',
  test: 'border-mode-test/30 bg-mode-test-soft text-mode-test-ink',
  live: 'border-mode-live bg-mode-live text-white shadow-sm',
};

export function ModeBadge({ mode }: { mode: StripeMode }) {
  return (
    <span
      data-testid="mode-badge"
      data-mode={mode}
      className={clsx(
        'inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs font-semibold uppercase tracking-wide',
        STYLES[mode],
      )}
    >
      <span
        aria-hidden
        className={clsx('size-1.5 rounded-full', mode === 'live' ? 'bg-white' : 'bg-current')}
      />
      {LABELS[mode]}
    </span>
  );
}

export function LiveModeBanner() {
  return (
    <div role="alert" className="bg-mode-live px-6 py-2 text-center text-sm font-semibold text-white">
      Live mode: you are looking at real connected accounts and real money.
    </div>
  );
}
