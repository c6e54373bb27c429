// Application fees as CSV (RFC 4180) for the export route: amounts both in minor units (exact)
// and as decimals (readable), cells escaped by lib/http/csv.ts like every export. Pure.
import type Stripe from 'stripe';
import { csvLine } from '@/lib/http/csv';
import { toInputValue } from '@/lib/money';
import { refundStateOf } from './filters';
import { idOf } from '@/lib/stripe/ids';
import { feeRemaining } from './refunds';

export const FEE_CSV_COLUMNS = [
  'id',
  'created_utc',
  'account',
  'charge',
  'originating_transaction',
  'currency',
  'amount_minor',
  'amount_refunded_minor',
  'remaining_minor',
  'amount',
  'amount_refunded',
  'remaining',
  'refund_state',
] as const;

export function feesCsv(fees: Stripe.ApplicationFee[]): string {
  const rows = fees.map((fee) => {
    const left = feeRemaining(fee);
    return csvLine([
      fee.id,
      new Date(fee.created * 1000).toISOString(),
      idOf(fee.account),
      idOf(fee.charge),
      idOf(fee.originating_transaction),
      fee.currency.toUpperCase(),
      fee.amount,
      fee.amount_refunded,
      left,
      toInputValue(fee.amount, fee.currency),
      toInputValue(fee.amount_refunded, fee.currency),
      toInputValue(left, fee.currency),
      refundStateOf(fee),
    ]);
  });
  return csvLine(FEE_CSV_COLUMNS) + rows.join('');
}
