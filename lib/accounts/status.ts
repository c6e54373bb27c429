// What state a connected account is in, as an ops reviewer needs it at a glance: one status with
// a tone for the badge and the `disabled_reason` in words (the list's tabs are the index's:
// lib/index/account-row.ts). Pure.
import type Stripe from 'stripe';
import { plural } from '@/lib/words';

export type Tone = 'good' | 'warn' | 'bad' | 'muted';

type Account = Pick<Stripe.Account, 'charges_enabled' | 'payouts_enabled' | 'requirements' | 'details_submitted'>;

const reasonOf = (a: Account): string | null => a.requirements?.disabled_reason ?? null;

export function isRejected(a: Account): boolean {
  return reasonOf(a)?.startsWith('rejected.') ?? false;
}

/** `disabled_reason` in words, for the platform's rejections (2026-09-30.endive and later) and Stripe's own (the list's filter offers these). */
export const DISABLED_REASON_WORDS: Record<string, string> = {
  'rejected.platform_fraud': 'Rejected by your platform for fraud',
  'rejected.platform_terms_of_service': 'Rejected by your platform for a terms of service violation',
  'rejected.platform_other': 'Rejected by your platform (other reason)',
  // From 2026-09-30.endive (the pinned version) these are Stripe's own rejections; before it,
  // the platform's rejections read the same way.
  'rejected.fraud': 'Rejected by Stripe for fraud',
  'rejected.terms_of_service': 'Rejected by Stripe for a terms of service violation',
  'rejected.listed': 'Rejected by Stripe: the business is on a prohibited persons or companies list',
  'rejected.incomplete_verification': 'Rejected by Stripe: verification was not completed in time',
  'rejected.other': 'Rejected by Stripe (other reason)',
  'requirements.past_due': 'Restricted: required information is past due',
  'requirements.pending_verification': 'Restricted while Stripe verifies the information provided',
  'action_required.requested_capabilities': 'No capabilities requested: request at least one',
  listed: 'Under review by Stripe: possibly on a prohibited list',
  under_review: 'Under review by Stripe',
  platform_paused: 'Paused by your platform',
  other: 'Restricted by Stripe (other reason)',
};

export function disabledReasonText(reason: string | null | undefined): string | null {
  if (!reason) return null;
  return DISABLED_REASON_WORDS[reason] ?? reason;
}

export interface StatusBadge {
  label: string;
  tone: Tone;
}

/** The one status the list and the header show. */
export function accountStatus(a: Account, now: number = Math.floor(Date.now() / 1000)): StatusBadge {
  const r = a.requirements;
  if (isRejected(a)) return { label: 'Rejected', tone: 'bad' };
  if ((r?.past_due?.length ?? 0) > 0) return { label: 'Restricted: past due', tone: 'bad' };
  if (reasonOf(a) === 'requirements.pending_verification') return { label: 'Pending verification', tone: 'warn' };
  if (reasonOf(a) !== null) return { label: 'Restricted', tone: 'bad' };
  if ((r?.currently_due?.length ?? 0) > 0 && r?.current_deadline) {
    const days = Math.max(0, Math.ceil((r.current_deadline - now) / 86_400));
    return { label: `Due in ${plural(days, 'day', 'days')}`, tone: 'warn' };
  }
  if ((r?.errors?.length ?? 0) > 0) return { label: 'Verification errors', tone: 'warn' };
  if (a.charges_enabled && a.payouts_enabled) return { label: 'Enabled', tone: 'good' };
  if (!a.details_submitted) return { label: 'Onboarding', tone: 'muted' };
  return { label: 'Limited', tone: 'warn' };
}

/** A capability status with the tone of its badge. */
export function capabilityTone(status: Stripe.Capability.Status | string): Tone {
  return status === 'active' ? 'good' : status === 'pending' ? 'warn' : status === 'inactive' ? 'bad' : 'muted';
}
