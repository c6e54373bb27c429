// The inputs of cancelling and releasing a subscription schedule, shared by the dialogs and the
// server actions (which add the idempotency key), and the review sentences both the dialog and a
// four-eyes request show. The operator types the schedule id to confirm. Client-safe.
import { z } from 'zod';
import { idempotencyKeySchema } from '@/lib/actions/idempotency-key';
import { formatMoney } from '@/lib/money';
import { objectIdSchema } from '@/lib/stripe/id-schema';
import { plural } from '@/lib/words';
import type { FutureFees } from './projection';

const scheduleId = objectIdSchema('sub_sched_', 'Not a subscription schedule id (sub_sched_...)');
const accountId = objectIdSchema('acct_', 'Not an account id (acct_...)');

const confirmed = (v: { scheduleId: string; confirmation: string }) => v.confirmation.trim() === v.scheduleId;
const confirmIssue = { message: 'Type the schedule id exactly to confirm.', path: ['confirmation'] };

const cancelFields = z.object({ scheduleId, accountId, invoiceNow: z.boolean(), prorate: z.boolean(), confirmation: z.string() });
/** The cancel dialog's schema (with its request key). Stripe's `invoice_now` and `prorate`. */
export const cancelScheduleSchema = cancelFields.extend({ idempotencyKey: idempotencyKeySchema }).refine(confirmed, confirmIssue);
/** The action's: the same checks; defineAction adds the request key. */
export const cancelScheduleActionSchema = cancelFields.refine(confirmed, confirmIssue);
export type CancelScheduleInput = z.output<typeof cancelScheduleActionSchema>;

const releaseFields = z.object({ scheduleId, accountId, preserveCancelDate: z.boolean(), confirmation: z.string() });
/** The release dialog's schema. Stripe's `preserve_cancel_date`. */
export const releaseScheduleSchema = releaseFields.extend({ idempotencyKey: idempotencyKeySchema }).refine(confirmed, confirmIssue);
export const releaseScheduleActionSchema = releaseFields.refine(confirmed, confirmIssue);
export type ReleaseScheduleInput = z.output<typeof releaseScheduleActionSchema>;


export function futureFeesWords(f: FutureFees): string {
  const sums = Object.entries(f.totals)
    .filter(([, amount]) => amount > 0)
    .map(([currency, amount]) => formatMoney(amount, currency));
  if (f.periods === 0 && !f.metered) return 'The projection shows no fee still to come.';
  const money = sums.length > 0 ? `about ${sums.join(' and ')} over ${plural(f.periods, 'billing period', 'billing periods')}` : plural(f.periods, 'billing period', 'billing periods');
  return `The fees the projection shows (${money}${f.metered ? ', plus the share of metered usage' : ''}) will not be produced.`;
}

export function describeCancel(input: Pick<CancelScheduleInput, 'scheduleId' | 'accountId' | 'invoiceNow' | 'prorate'>, subscriptionId: string | null, future: FutureFees): string {
  const sub = subscriptionId
    ? `Its subscription ${subscriptionId} is cancelled at once and bills nothing more${input.invoiceNow ? '; a final invoice bills the usage reported so far (invoice now)' : '; no final invoice is made for usage reported so far'}${input.prorate ? ', prorated' : ''}.`
    : 'It has no subscription yet, so none is made.';
  return `Cancel subscription schedule ${input.scheduleId} of account ${input.accountId} now. ${sub} ${futureFeesWords(future)}`;
}

export function describeRelease(input: Pick<ReleaseScheduleInput, 'scheduleId' | 'accountId' | 'preserveCancelDate'>, subscriptionId: string | null, future: FutureFees): string {
  const sub = subscriptionId
    ? `Its subscription ${subscriptionId} stays, with its current items, prices and fee percentage, and renews on its own${input.preserveCancelDate ? '; a cancellation date it has is kept' : '; a cancellation date the schedule set is removed'}. The phases still to come will not run.`
    : 'It has no subscription yet: none will be made.';
  return `Release subscription schedule ${input.scheduleId} of account ${input.accountId}. ${sub} ${futureFeesWords(future)}`;
}
