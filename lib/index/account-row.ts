// What the index stores for a connected account besides the object itself: the columns the
// accounts list filters, sorts, counts and searches on, derived from a Stripe.Account in one
// place. The status is the Stripe Dashboard's tab (All, Restricted, Restricted soon, In review,
// Rejected, Enabled): every account is in exactly one. Pure.
import type Stripe from 'stripe';
import { accountName } from '@/lib/accounts/view';

export const ACCOUNT_TABS = ['enabled', 'restricted', 'restricted_soon', 'in_review', 'rejected'] as const;
export type AccountTab = (typeof ACCOUNT_TABS)[number];

/** disabled_reason values that mean Stripe is verifying or reviewing, not waiting on the account. */
const IN_REVIEW_REASONS = new Set(['requirements.pending_verification', 'under_review', 'listed']);

type Requirements = Pick<Stripe.Account.Requirements, 'currently_due' | 'past_due' | 'eventually_due' | 'pending_verification' | 'current_deadline' | 'disabled_reason'>;
type StatusInput = Pick<Stripe.Account, 'charges_enabled' | 'payouts_enabled'> & { requirements?: Partial<Requirements> | null };

/**
 * The Dashboard's tab, first match wins: rejected (a `rejected.*` reason); in review (Stripe is
 * verifying: pending verification, under review, listed); restricted (another reason, anything
 * past due, or charges or payouts off); restricted soon (something currently due with a
 * deadline); enabled.
 */
export function accountTab(a: StatusInput): AccountTab {
  const r = a.requirements;
  const reason = r?.disabled_reason ?? null;
  if (reason?.startsWith('rejected.')) return 'rejected';
  if (reason && IN_REVIEW_REASONS.has(reason)) return 'in_review';
  if (reason || (r?.past_due?.length ?? 0) > 0 || !a.charges_enabled || !a.payouts_enabled) return 'restricted';
  if ((r?.currently_due?.length ?? 0) > 0 && r?.current_deadline) return 'restricted_soon';
  return 'enabled';
}

/** The capabilities as `{ name: status }` (the API gives strings; an expanded object gives its status). */
function capabilityStatuses(a: Stripe.Account): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(a.capabilities ?? {})) {
    const status = typeof value === 'string' ? value : (value as { status?: string } | null)?.status;
    if (status) out[name] = status;
  }
  return out;
}

export interface AccountColumns {
  type: string | null;
  country: string | null;
  businessName: string;
  email: string;
  created: number | null;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  status: AccountTab;
  disabledReason: string | null;
  currentlyDueCount: number;
  pastDueCount: number;
  eventuallyDueCount: number;
  pendingVerificationCount: number;
  currentDeadline: number | null;
  dueFields: string[];
  capabilities: Record<string, string>;
  metadata: Record<string, string>;
  searchText: string;
}

/** The row's columns for an account (risk signal counts are kept by the index itself). */
export function accountColumns(a: Stripe.Account): AccountColumns {
  const r = a.requirements;
  const name = accountName(a);
  const businessName = name === a.id || name === a.email ? '' : name;
  const email = a.email ?? '';
  const metadata = Object.fromEntries(Object.entries(a.metadata ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const dueFields = [...new Set([...(r?.currently_due ?? []), ...(r?.past_due ?? [])])].sort();
  return {
    type: a.type ?? null,
    country: a.country ?? null,
    businessName,
    email,
    created: a.created ?? null,
    chargesEnabled: a.charges_enabled === true,
    payoutsEnabled: a.payouts_enabled === true,
    detailsSubmitted: a.details_submitted === true,
    status: accountTab(a),
    disabledReason: r?.disabled_reason ?? null,
    currentlyDueCount: r?.currently_due?.length ?? 0,
    pastDueCount: r?.past_due?.length ?? 0,
    eventuallyDueCount: r?.eventually_due?.length ?? 0,
    pendingVerificationCount: r?.pending_verification?.length ?? 0,
    currentDeadline: r?.current_deadline ?? null,
    dueFields,
    capabilities: capabilityStatuses(a),
    metadata,
    // Metadata values in key order: the same account gives the same text whatever order its keys came in.
    searchText: [a.id, businessName, email, ...Object.keys(metadata).sort().map((key) => metadata[key])].filter(Boolean).join(' ').toLowerCase(),
  };
}
