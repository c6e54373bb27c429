// What state a connected account is in, as an ops reviewer needs it at a glance: one status with
// a tone for the badge, the `disabled_reason` in words, and the predicates behind the list's state
// filter (Stripe's list cannot filter on these, so the server filters the pages it reads). Pure.
import type Stripe from 'stripe';
import { plural } from '@/lib/words';

export type Tone = 'good' | 'warn' | 'bad' | 'muted';

export const ACCOUNT_STATES = ['enabled', 'restricted', 'past_due', 'currently_due', 'rejected', 'has_errors'] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

export const STATE_LABELS: Record<AccountState, string> = {
  enabled: 'Enabled',
  restricted: 'Restricted',
  past_due: 'Past due',
  currently_due: 'Due with a deadline',
  rejected: 'Rejected',
  has_errors: 'Verification errors',
};

type Account = Pick<Stripe.Account, 'charges_enabled' | 'payouts_enabled' | 'requirements' | 'details_submitted'>;

const reasonOf = (a: Account): string | null => a.requirements?.disabled_reason ?? null;

export function isRejected(a: Account): boolean {
  return reasonOf(a)?.startsWith('rejected.') ?? false;
}

/** Whether the account matches one state of the list's filter; an account may match several. */
export function matchesState(a: Account, state: AccountState): boolean {
  const r = a.requirements;
  switch (state) {
    case 'enabled':
      return a.charges_enabled === true && a.payouts_enabled === true && reasonOf(a) === null;
    case 'restricted':
      return reasonOf(a) !== null || a.charges_enabled !== true || a.payouts_enabled !== true;
    case 'past_due':
      return (r?.past_due?.length ?? 0) > 0;
    case 'currently_due':
      return (r?.currently_due?.length ?? 0) > 0 && r?.current_deadline != null;
    case 'rejected':
      return isRejected(a);
    case 'has_errors':
      return (r?.errors?.length ?? 0) > 0;
  }
}

/** `disabled_reason` in words, for the platform's rejections (2026-09-30.endive and later) and Stripe's own. */
export function disabledReasonText(reason: string | null | undefined): string | null {
  if (!reason) return null;
  const words: Record<string, string> = {
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
  return words[reason] ?? reason;
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
