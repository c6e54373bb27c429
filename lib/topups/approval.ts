// What a top-up is, for a four-eyes policy (lib/approvals): its amount in the platform's currency
// and the review sentence. A top-up changes no existing object, so there is no state to compare.
import 'server-only';
import type { z } from 'zod';
import { ActionError } from '@/lib/actions/result';
import type { Assessment } from '@/lib/approvals/assessment';
import { type createTopupSchema, describeTopup, TOPUP_CURRENCY, topupAmount } from './schemas';

export async function assessTopup(input: z.output<typeof createTopupSchema>): Promise<Assessment> {
  const parsed = topupAmount(input.amount);
  if (!parsed.ok) throw new ActionError(parsed.error);
  return { targetId: null, subject: { amount: parsed.amount, currency: TOPUP_CURRENCY }, summary: describeTopup(parsed.amount, input.source), snapshot: {} };
}
