// The inputs of the top-up actions, shared by the forms and the server actions (which add the
// idempotency key). Top-ups are in the platform's default currency; the server parses the amount
// with it. Client-safe.
import { z } from 'zod';
import { objectIdSchema } from '@/lib/stripe/id-schema';
import { formatMoney, parseAmount } from '@/lib/money';

export const topupId = objectIdSchema('tu_', 'Not a top-up id (tu_...)');

/** The platform's default currency: Stripe takes top-ups only in it. */
export const TOPUP_CURRENCY = 'usd';

/** Test bank tokens Stripe documents for top-ups (test mode only; empty = the platform's own bank account). */
export const TOPUP_TEST_SOURCES = [
  { value: '', label: 'The platform’s bank account' },
  { value: 'btok_us_verified', label: 'Test bank: succeeds (btok_us_verified)' },
  { value: 'btok_us_verified_insufficientFunds', label: 'Test bank: fails, insufficient funds' },
  { value: 'btok_us_verified_accountClosed', label: 'Test bank: fails, account closed' },
] as const;

export const createTopupSchema = z.object({
  amount: z.string().max(40),
  description: z.string().trim().min(3, 'Say what it is for, in a few words.').max(500, 'At most 500 characters.'),
  statementDescriptor: z
    .string()
    .trim()
    .max(15, 'At most 15 characters.')
    .regex(/^[^<>\\'"*]*$/, 'No < > \\ \' " or *.'),
  source: z.enum(TOPUP_TEST_SOURCES.map((s) => s.value) as [string, ...string[]]),
});
export type CreateTopupInput = z.input<typeof createTopupSchema>;

export const cancelTopupSchema = z.object({ topupId });

export function topupAmount(typed: string) {
  return parseAmount(typed, TOPUP_CURRENCY);
}

export function describeTopup(amount: number, source: string): string {
  const from = source ? `the test bank account ${source}` : 'the platform’s bank account';
  return `Add ${formatMoney(amount, TOPUP_CURRENCY)} to the platform balance, debited from ${from}. It stays pending until the bank transfer settles (about five business days).`;
}
