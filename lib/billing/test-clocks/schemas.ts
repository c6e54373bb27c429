// The inputs of the test clock panel's actions, shared by its forms and the server actions (which
// add the idempotency key): a clock on a connected account, a rehearsal (customer, prices and a
// schedule on that clock), advancing and deleting the clock, and usage on a rehearsal's metered
// item. Client-safe and pure.
import { z } from 'zod';
import { parseAmount } from '@/lib/money';
import { objectIdSchema } from '@/lib/stripe/id-schema';
import { parseUtcDateTime } from '@/lib/dates';

export const accountId = objectIdSchema('acct_', 'Not an account id (acct_...)');
export const clockId = objectIdSchema('clock_', 'Not a test clock id (clock_...)');
export const subscriptionItemId = objectIdSchema('si_', 'Not a subscription item id (si_...)');

/** What the panel needs to know of where it works: the connected account and its clock. */
const onClock = { account: accountId, clockId };

/** A date-time typed in UTC ("2026-01-31T14:05"). */
const utcDateTime = z.string().refine((v) => parseUtcDateTime(v) !== null, 'Enter a date and time (UTC), e.g. 2026-01-31T09:00.');

export const createClockSchema = z.object({
  account: accountId,
  name: z.string().trim().min(1, 'Name the clock.').max(100, 'At most 100 characters.'),
  frozenTime: utcDateTime,
});
export type CreateClockInput = z.input<typeof createClockSchema>;

export const REHEARSAL_CURRENCIES = ['usd', 'eur', 'gbp', 'cad', 'aud', 'jpy'] as const;
export const REHEARSAL_INTERVALS = ['day', 'week', 'month'] as const;
export const MAX_PHASES = 6;

const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce.number({ message: `${label}: enter a whole number.` }).int(`${label}: enter a whole number.`).min(min, `${label}: at least ${min}.`).max(max, `${label}: at most ${max}.`);

export const rehearsalPhaseSchema = z.object({
  /** How many billing intervals the phase lasts. */
  intervals: wholeNumber('Length', 1, 24),
  /** The unit price as typed, in the rehearsal's currency (checked with it below). */
  unitAmount: z.string().max(40),
  /** Ignored for a metered price (its quantity is the usage reported). */
  quantity: wholeNumber('Quantity', 1, 10_000),
  /** The platform's share of each invoice, as Stripe's `application_fee_percent` (up to two decimals). */
  feePercent: z
    .string()
    .trim()
    .regex(/^\d{1,3}(\.\d{1,2})?$/, 'Fee: a percentage such as 8 or 7.5.')
    .transform(Number)
    .refine((n) => n <= 100, 'Fee: at most 100%.'),
});

export const createRehearsalSchema = z
  .object({
    ...onClock,
    customerName: z.string().trim().min(1, 'Name the rehearsal customer.').max(100, 'At most 100 characters.'),
    productName: z.string().trim().min(1, 'Name the product.').max(100, 'At most 100 characters.'),
    currency: z.enum(REHEARSAL_CURRENCIES),
    usageType: z.enum(['licensed', 'metered']),
    interval: z.enum(REHEARSAL_INTERVALS),
    endBehavior: z.enum(['release', 'cancel']),
    phases: z.array(rehearsalPhaseSchema).min(1, 'Add a phase.').max(MAX_PHASES, `At most ${MAX_PHASES} phases.`),
  })
  .superRefine((input, ctx) => {
    input.phases.forEach((phase, i) => {
      const parsed = parseAmount(phase.unitAmount, input.currency);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['phases', i, 'unitAmount'], message: `Phase ${i + 1} price: ${parsed.error}` });
    });
  });
export type CreateRehearsalInput = z.input<typeof createRehearsalSchema>;
export type RehearsalInput = z.output<typeof createRehearsalSchema>;

export const advanceClockSchema = z
  .object({
    ...onClock,
    /** The clock's frozen time the operator reviewed: a clock that moved since is not advanced again. */
    fromFrozenTime: z.number().int().positive(),
    /** The target, a Stripe timestamp (the form computes it from a date or the next phase). */
    toFrozenTime: z.number().int().positive(),
  })
  .refine((v) => v.toFrozenTime > v.fromFrozenTime, { message: 'The target must be after the clock’s current time.', path: ['toFrozenTime'] });
export type AdvanceClockInput = z.input<typeof advanceClockSchema>;

export const deleteClockSchema = z.object({ ...onClock, confirmation: z.string() }).refine((v) => v.confirmation.trim() === v.clockId, {
  message: 'Type the clock’s id to confirm.',
  path: ['confirmation'],
});

export const reportUsageSchema = z.object({
  ...onClock,
  subscriptionItem: subscriptionItemId,
  quantity: wholeNumber('Quantity', 1, 1_000_000),
});
export type ReportUsageInput = z.input<typeof reportUsageSchema>;
