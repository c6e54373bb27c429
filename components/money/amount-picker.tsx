'use client';
// The one amount picker of the money forms: all that is left (the default), or part of it in the
// object's currency, never more than what is left (the form checks the parsed amount through
// lib/money; the server checks again).
import { useId } from 'react';
import { Input } from '@/components/ui/input';
import { exponent, formatMoney } from '@/lib/money';

export type AmountChoice = { full: boolean; amount: string };

export function AmountPicker({
  value,
  onChange,
  left,
  currency,
  testIdPrefix,
}: {
  value: AmountChoice;
  onChange: (value: AmountChoice) => void;
  /** What is left, in minor units. */
  left: number;
  currency: string;
  /** `refund` gives refund-full, refund-partial and refund-amount. */
  testIdPrefix: string;
}) {
  const name = useId();
  const amountId = useId();
  const digits = exponent(currency);
  return (
    <div className="space-y-3">
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">How much</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name={name} checked={value.full} onChange={() => onChange({ ...value, full: true })} className="accent-brand-600" data-testid={`${testIdPrefix}-full`} />
          All that is left ({formatMoney(left, currency)})
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name={name} checked={!value.full} onChange={() => onChange({ ...value, full: false })} className="accent-brand-600" data-testid={`${testIdPrefix}-partial`} />
          Part of it
        </label>
      </fieldset>
      {!value.full ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={amountId} className="text-xs font-medium text-neutral-600">
            Amount ({currency.toUpperCase()}, at most {formatMoney(left, currency)})
          </label>
          <Input
            id={amountId}
            inputMode="decimal"
            autoComplete="off"
            placeholder={digits === 0 ? '1200' : digits === 3 ? '12.500' : '12.50'}
            value={value.amount}
            onChange={(e) => onChange({ ...value, amount: e.target.value })}
            className="w-48 tabular-nums"
            data-testid={`${testIdPrefix}-amount`}
          />
        </div>
      ) : null}
    </div>
  );
}
