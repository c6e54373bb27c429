// Four-eyes approval policies: which actions need a second operator's approval, above which amount
// per currency, in which mode, who may approve and for how long a request stays valid; the
// defaults, the zod schema the Policies form and its action share, and needsApproval, the one
// decision both the review step (to say so) and the server (to refuse) make. Pure (client-safe).
import { z } from 'zod';
import { ROLES, type Permission } from '@/lib/auth/permissions';
import { formatMoney } from '@/lib/money';
import { withArticle } from '@/lib/words';
import type { StripeMode } from '@/lib/stripe/mode';

export const APPROVAL_ACTIONS = ['transfer_reversal', 'fee_refund', 'topup_create', 'account_reject', 'account_delete', 'capability_change', 'schedule_cancel', 'schedule_release'] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

export const APPROVAL_ACTION_LABELS: Record<ApprovalAction, string> = {
  transfer_reversal: 'Transfer reversal',
  fee_refund: 'Application fee refund',
  topup_create: 'Top-up',
  account_reject: 'Account rejection',
  account_delete: 'Account deletion',
  capability_change: 'Capability change',
  schedule_cancel: 'Subscription schedule cancellation',
  schedule_release: 'Subscription schedule release',
};

/** The permission of the action itself: a requester and an approver both need it. */
export const APPROVAL_ACTION_PERMISSIONS: Record<ApprovalAction, Permission> = {
  transfer_reversal: 'transfers.reverse',
  fee_refund: 'fees.refund',
  topup_create: 'topups.create',
  account_reject: 'accounts.reject',
  account_delete: 'accounts.delete',
  capability_change: 'capabilities.manage',
  schedule_cancel: 'billing.manage',
  schedule_release: 'billing.manage',
};

/** The actions that move money: they have thresholds; the others need approval whenever their policy applies. */
export const MONEY_ACTIONS: ReadonlySet<ApprovalAction> = new Set(['transfer_reversal', 'fee_refund', 'topup_create']);

export const POLICY_MODES = ['test', 'live', 'both'] as const;
export type PolicyMode = (typeof POLICY_MODES)[number];
export const POLICY_MODE_LABELS: Record<PolicyMode, string> = { test: 'Test mode only', live: 'Live mode only', both: 'Test and live mode' };

const currencyCode = z.string().regex(/^[a-z]{3}$/, 'A three-letter currency code (usd).');
export const MAX_VALIDITY_HOURS = 24 * 14;

export const approvalPolicySchema = z.object({
  action: z.enum(APPROVAL_ACTIONS),
  enabled: z.boolean(),
  /** Minor units per currency; a money action in a currency with no threshold always needs approval. */
  thresholds: z.record(currencyCode, z.number().int('Whole minor units.').min(0, 'Zero or more.').max(1e12)),
  mode: z.enum(POLICY_MODES),
  approverRoles: z.array(z.enum(ROLES)).min(1, 'At least one role must be able to approve.'),
  validityHours: z.number().int('Whole hours.').min(1, 'At least one hour.').max(MAX_VALIDITY_HOURS, `At most ${MAX_VALIDITY_HOURS} hours.`),
});
export type ApprovalPolicy = z.output<typeof approvalPolicySchema>;

/** US$1,000.00, €1,000.00, £1,000.00 and about as much in the demo's other currencies. */
const THOUSAND: Record<string, number> = { usd: 100_000, eur: 100_000, gbp: 100_000, cad: 150_000, aud: 150_000, jpy: 150_000 };

/** The defaults (stated in the README): money at or above the thresholds in both modes; live-mode rejects, deletes and schedule cancels/releases always. */
export const DEFAULT_POLICIES: Record<ApprovalAction, ApprovalPolicy> = {
  transfer_reversal: { action: 'transfer_reversal', enabled: true, thresholds: THOUSAND, mode: 'both', approverRoles: ['admin', 'finance'], validityHours: 24 },
  fee_refund: { action: 'fee_refund', enabled: true, thresholds: THOUSAND, mode: 'both', approverRoles: ['admin', 'support'], validityHours: 24 },
  topup_create: { action: 'topup_create', enabled: true, thresholds: { usd: 100_000 }, mode: 'both', approverRoles: ['admin', 'finance'], validityHours: 24 },
  account_reject: { action: 'account_reject', enabled: true, thresholds: {}, mode: 'live', approverRoles: ['admin', 'ops'], validityHours: 24 },
  account_delete: { action: 'account_delete', enabled: true, thresholds: {}, mode: 'live', approverRoles: ['admin', 'ops'], validityHours: 24 },
  capability_change: { action: 'capability_change', enabled: false, thresholds: {}, mode: 'live', approverRoles: ['admin', 'ops'], validityHours: 24 },
  schedule_cancel: { action: 'schedule_cancel', enabled: true, thresholds: {}, mode: 'live', approverRoles: ['admin', 'ops'], validityHours: 24 },
  schedule_release: { action: 'schedule_release', enabled: true, thresholds: {}, mode: 'live', approverRoles: ['admin', 'ops'], validityHours: 24 },
};

/** What the policy weighs of one action: the amount it moves, in minor units of its currency (money actions). */
export type ApprovalSubject = { amount?: number | null; currency?: string | null };

export type ApprovalDecision = { needed: false } | { needed: true; why: string };

/** Whether the policy covers this mode at all (before anything is read to weigh the action). */
export function policyApplies(policy: ApprovalPolicy, mode: StripeMode): boolean {
  if (!policy.enabled) return false;
  if (policy.mode === 'both') return true;
  // The emulator is a test backend: test-mode policies cover it.
  return policy.mode === (mode === 'live' ? 'live' : 'test');
}

export function needsApproval(policy: ApprovalPolicy, action: ApprovalAction, subject: ApprovalSubject, mode: StripeMode): ApprovalDecision {
  if (policy.action !== action) throw new Error(`The ${policy.action} policy cannot decide a ${action}.`);
  if (!policyApplies(policy, mode)) return { needed: false };
  const where = mode === 'live' ? 'in live mode' : 'in test mode';
  if (!MONEY_ACTIONS.has(action)) {
    const what = withArticle(APPROVAL_ACTION_LABELS[action].toLowerCase());
    return { needed: true, why: `${what[0]!.toUpperCase()}${what.slice(1)} ${where} needs a second operator's approval.` };
  }
  const currency = subject.currency?.toLowerCase();
  if (subject.amount == null || !currency) throw new Error(`A ${action} is weighed by its amount and currency.`);
  const threshold = policy.thresholds[currency];
  if (threshold === undefined) return { needed: true, why: `The policy sets no threshold for ${currency.toUpperCase()}, so every ${APPROVAL_ACTION_LABELS[action].toLowerCase()} in it needs a second operator's approval.` };
  if (subject.amount < threshold) return { needed: false };
  return { needed: true, why: `${formatMoney(subject.amount, currency)} is at or above the ${formatMoney(threshold, currency)} threshold, so a second operator must approve it.` };
}
