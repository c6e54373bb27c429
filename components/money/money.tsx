// An amount for reading, always through lib/money (exact in every currency), in tabular figures.
import clsx from 'clsx';
import { formatMoney } from '@/lib/money';

export function Money({ amount, currency, className, testId }: { amount: number; currency: string; className?: string; testId?: string }) {
  return (
    <span className={clsx('whitespace-nowrap tabular-nums', className)} data-testid={testId}>
      {formatMoney(amount, currency)}
    </span>
  );
}
