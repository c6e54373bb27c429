// The rules and words of a transfer reversal, shared by the form, the review step and the server
// action: what is left to reverse, whether an amount fits, and the sentence the operator confirms. Pure.
import type Stripe from 'stripe';
import { moneyInWords } from '@/lib/money';
import { formatMoney, parseAmount, type ParsedAmount } from '@/lib/money';
import { idOf } from '@/lib/stripe/ids';

export function transferRemaining(t: Pick<Stripe.Transfer, 'amount' | 'amount_reversed'>): number {
  return Math.max(0, t.amount - t.amount_reversed);
}

export function reversalAmount(t: Pick<Stripe.Transfer, 'amount' | 'amount_reversed' | 'currency'>, full: boolean, typed: string): ParsedAmount {
  const left = transferRemaining(t);
  if (left === 0) return { ok: false, error: 'This transfer is already fully reversed.' };
  if (full) return { ok: true, amount: left };
  const parsed = parseAmount(typed, t.currency);
  if (!parsed.ok) return parsed;
  if (parsed.amount > left) {
    return { ok: false, error: `Only ${formatMoney(left, t.currency)} of this transfer is left to reverse; ${formatMoney(parsed.amount, t.currency)} is more than that.` };
  }
  return parsed;
}

/** "Reverse $50.00 USD of transfer tr_… to acct_…, and refund its application fee in proportion. …" */
export function describeReversal(
  t: Pick<Stripe.Transfer, 'id' | 'destination' | 'amount' | 'amount_reversed' | 'currency'>,
  amount: number,
  refundApplicationFee: boolean,
): string {
  const left = transferRemaining(t) - amount;
  const whole = left === 0 ? (t.amount_reversed === 0 ? ' (the whole transfer)' : ' (all that is left of it)') : '';
  const fee = refundApplicationFee ? ', and refund the matching share of its application fee to that account' : '';
  const after = left === 0 ? 'The transfer will then be fully reversed.' : `${moneyInWords(left, t.currency)} of it will be left.`;
  return `Reverse ${moneyInWords(amount, t.currency)} of transfer ${t.id}${whole}, taking it back from ${idOf(t.destination)}${fee}. ${after}`;
}
