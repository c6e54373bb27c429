// The Stripe calls behind the account actions (lib/accounts/actions.ts wraps each in the audited,
// permission-checked action). Each re-reads what Stripe's rules depend on and refuses, in words,
// what Stripe would refuse, so a forged request from the browser gets the same answer as the
// screen; each POST carries the form's idempotency key, so a retry is the same request to Stripe.
import 'server-only';
import type Stripe from 'stripe';
import { ActionError, type Written } from '@/lib/actions/result';
import { getStripe } from '@/lib/stripe/client';
import type { StripeMode } from '@/lib/stripe/mode';
import { canCreateLoginLink, canDelete, canManageCapabilities, canReject, canUnreject, type BalanceTotals } from './rules';
import { PINNED_API_VERSION } from './schemas';
import { isRejected } from './status';
import { updateFormValues, updateParams } from './view';

const requestIdOf = (r: { lastResponse?: { requestId?: string } }) => r.lastResponse?.requestId ?? null;

/** The balance as rules.ts reads it; in test mode it is not needed (and not read). */
async function balanceFor(id: string, mode: StripeMode): Promise<BalanceTotals | null> {
  if (mode !== 'live') return null;
  const b = await getStripe().balance.retrieve({}, { stripeAccount: id });
  return { available: b.available, pending: b.pending };
}

export async function updateAccount(
  input: { accountId: string; email: string; businessProfile: Record<'name' | 'url' | 'supportEmail' | 'supportPhone' | 'productDescription', string>; metadata: { key: string; value: string }[] },
  idempotencyKey: string,
): Promise<Written<{ account: Stripe.Account; changed: string[] }>> {
  const stripe = getStripe();
  const current = await stripe.accounts.retrieve(input.accountId);
  const params = updateParams(updateFormValues(current), input);
  const changed = Object.keys(params);
  if (changed.length === 0) throw new ActionError('Nothing changed: the account already has these values.');
  const account = await stripe.accounts.update(input.accountId, params, { idempotencyKey });
  return { data: { account, changed }, requestId: requestIdOf(account) };
}

export async function rejectAccount(input: { accountId: string; reason: string }, idempotencyKey: string, mode: StripeMode): Promise<Written<Stripe.Account>> {
  const stripe = getStripe();
  const [current, balance] = await Promise.all([stripe.accounts.retrieve(input.accountId), balanceFor(input.accountId, mode)]);
  // Already rejected: maybe by this very request, whose answer was lost. The same key gets
  // Stripe's replay of that answer; another key gets Stripe's own refusal.
  const verdict = isRejected(current) ? { allowed: true } : canReject(current, mode, balance);
  if (!verdict.allowed) throw new ActionError(verdict.why ?? 'Stripe would refuse to reject this account.');
  const account = await stripe.accounts.reject(input.accountId, { reason: input.reason as Stripe.AccountRejectParams.Reason }, { idempotencyKey });
  return { data: account, requestId: requestIdOf(account) };
}

export async function unrejectAccount(input: { accountId: string }, idempotencyKey: string): Promise<Written<Stripe.Account>> {
  const stripe = getStripe();
  const current = await stripe.accounts.retrieve(input.accountId);
  // Not rejected (any more): as for reject, a retried request gets Stripe's replay.
  const verdict = isRejected(current) ? canUnreject(current, PINNED_API_VERSION) : { allowed: true };
  if (!verdict.allowed) throw new ActionError(verdict.why ?? 'Stripe would refuse to unreject this account.');
  const account = await stripe.accounts.unreject(input.accountId, {}, { idempotencyKey });
  return { data: account, requestId: requestIdOf(account) };
}

export async function deleteAccount(input: { accountId: string }, idempotencyKey: string, mode: StripeMode): Promise<Written<{ id: string; deleted: boolean }>> {
  const stripe = getStripe();
  const [current, balance] = await Promise.all([stripe.accounts.retrieve(input.accountId), balanceFor(input.accountId, mode)]);
  const verdict = canDelete(current, mode, balance);
  if (!verdict.allowed) throw new ActionError(verdict.why ?? 'Stripe would refuse to delete this account.');
  // Stripe's DELETE takes no Idempotency-Key header (only POSTs do); a repeated delete answers 404.
  const deleted = await stripe.accounts.del(input.accountId);
  return { data: { id: deleted.id, deleted: deleted.deleted }, requestId: requestIdOf(deleted) };
}

export async function updateCapability(
  input: { accountId: string; capability: string; requested: boolean },
  idempotencyKey: string,
): Promise<Written<Stripe.Capability>> {
  const stripe = getStripe();
  const current = await stripe.accounts.retrieve(input.accountId);
  const verdict = canManageCapabilities(current);
  if (!verdict.allowed) throw new ActionError(verdict.why ?? 'Stripe would refuse to change this capability.');
  const capability = await stripe.accounts.updateCapability(input.accountId, input.capability, { requested: input.requested }, { idempotencyKey });
  return { data: capability, requestId: requestIdOf(capability) };
}

export async function createLoginLink(input: { accountId: string }, idempotencyKey: string): Promise<Written<{ url: string }>> {
  const stripe = getStripe();
  const verdict = canCreateLoginLink(await stripe.accounts.retrieve(input.accountId));
  if (!verdict.allowed) throw new ActionError(verdict.why ?? 'Stripe would refuse a login link for this account.');
  const link = await stripe.accounts.createLoginLink(input.accountId, {}, { idempotencyKey });
  return { data: { url: link.url }, requestId: requestIdOf(link) };
}

export async function createAccountLink(
  input: { accountId: string; type: 'account_onboarding' | 'account_update' },
  idempotencyKey: string,
  returnTo: string,
): Promise<Written<{ url: string; expiresAt: number }>> {
  const link = await getStripe().accountLinks.create(
    { account: input.accountId, type: input.type, return_url: returnTo, refresh_url: returnTo },
    { idempotencyKey },
  );
  return { data: { url: link.url, expiresAt: link.expires_at }, requestId: requestIdOf(link) };
}
