// The rules and words of an application fee refund, shared by the form, the review step and the
// server action: what is left to refund, whether an amount fits, and the sentence the operator
// confirms. Pure.
import type Stripe from 'stripe';
import { formatMoney, moneyInWords, parseAmount, type ParsedAmount } from '@/lib/money';
import { idOf } from '@/lib/stripe/ids';

/** What can still be refunded of a fee, in minor units. */
export function feeRemaining(fee: Pick<Stripe.ApplicationFee, 'amount' | 'amount_refunded'>): number {
  return Math.max(0, fee.amount - fee.amount_refunded);
}

/**
 * The amount to refund: everything left for a full refund, else the typed amount, refused above
 * what is left (Stripe would refuse it too, but only after a round trip).
 */
export function refundAmount(fee: Pick<Stripe.ApplicationFee, 'amount' | 'amount_refunded' | 'currency'>, full: boolean, typed: string): ParsedAmount {
  const left = feeRemaining(fee);
  if (left === 0) return { ok: false, error: 'This fee is already fully refunded.' };
  if (full) return { ok: true, amount: left };
  const parsed = parseAmount(typed, fee.currency);
  if (!parsed.ok) return parsed;
  if (parsed.amount > left) {
    return { ok: false, error: `Only ${formatMoney(left, fee.currency)} of this fee is left to refund; ${formatMoney(parsed.amount, fee.currency)} is more than that.` };
  }
  return parsed;
}

/** "Refund $12.50 USD of fee fee_… collected from acct_…" (and what is left afterwards). */
export function describeFeeRefund(fee: Pick<Stripe.ApplicationFee, 'id' | 'account' | 'amount' | 'amount_refunded' | 'currency'>, amount: number): string {
  const left = feeRemaining(fee) - amount;
  const whole = left === 0 ? (fee.amount_refunded === 0 ? ' (the whole fee)' : ' (all that is left of it)') : '';
  const after = left === 0 ? 'The fee will then be fully refunded.' : `${moneyInWords(left, fee.currency)} of it will be left.`;
  return `Refund ${moneyInWords(amount, fee.currency)} of fee ${fee.id} collected from ${idOf(fee.account)}${whole}. ${after}`;
}
