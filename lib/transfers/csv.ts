// Transfers as CSV for the export route: exact minor units and readable decimals. Pure.
import type Stripe from 'stripe';
import { csvLine } from '@/lib/http/csv';
import { idOf } from '@/lib/stripe/ids';
import { toInputValue } from '@/lib/money';
import { reversedStateOf } from './filters';
import { transferRemaining } from './reversals';

export const TRANSFER_CSV_COLUMNS = [
  'id',
  'created_utc',
  'destination',
  'transfer_group',
  'source_transaction',
  'currency',
  'amount_minor',
  'amount_reversed_minor',
  'remaining_minor',
  'amount',
  'amount_reversed',
  'remaining',
  'reversed_state',
  'description',
] as const;

export function transfersCsv(transfers: Stripe.Transfer[]): string {
  const rows = transfers.map((t) => {
    const left = transferRemaining(t);
    return csvLine([
      t.id,
      new Date(t.created * 1000).toISOString(),
      idOf(t.destination),
      t.transfer_group,
      idOf(t.source_transaction),
      t.currency.toUpperCase(),
      t.amount,
      t.amount_reversed,
      left,
      toInputValue(t.amount, t.currency),
      toInputValue(t.amount_reversed, t.currency),
      toInputValue(left, t.currency),
      reversedStateOf(t),
      t.description,
    ]);
  });
  return csvLine(TRANSFER_CSV_COLUMNS) + rows.join('');
}
