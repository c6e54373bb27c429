// What rejecting, deleting an account or changing a capability is, for a four-eyes policy
// (lib/approvals): the review sentence and the account's state to compare at approval. Reads only.
import 'server-only';
import type { Assessment, Snapshot } from '@/lib/approvals/assessment';
import { getStripe } from '@/lib/stripe/client';
import { accountStatus, isRejected } from './status';
import type Stripe from 'stripe';

function accountState(a: Stripe.Account): Snapshot {
  return {
    Status: accountStatus(a).label,
    Rejected: isRejected(a) ? 'yes' : 'no',
    'Charges enabled': a.charges_enabled ? 'yes' : 'no',
    'Payouts enabled': a.payouts_enabled ? 'yes' : 'no',
  };
}

const named = (a: Stripe.Account) => (a.business_profile?.name ? `${a.id} (${a.business_profile.name})` : a.id);

export async function assessReject(input: { accountId: string; reason: string }): Promise<Assessment> {
  const account = await getStripe().accounts.retrieve(input.accountId);
  return {
    targetId: account.id,
    subject: {},
    summary: `Reject account ${named(account)} with the reason “${input.reason}”: it can no longer accept charges or receive payouts.`,
    snapshot: accountState(account),
  };
}

export async function assessDelete(input: { accountId: string }): Promise<Assessment> {
  const account = await getStripe().accounts.retrieve(input.accountId);
  return { targetId: account.id, subject: {}, summary: `Delete account ${named(account)}. This cannot be undone.`, snapshot: accountState(account) };
}

export async function assessCapability(input: { accountId: string; capability: string; requested: boolean }): Promise<Assessment> {
  const account = await getStripe().accounts.retrieve(input.accountId);
  const status = account.capabilities?.[input.capability as keyof Stripe.Account.Capabilities] ?? 'not requested';
  return {
    targetId: account.id,
    subject: {},
    summary: `${input.requested ? 'Request' : 'Remove'} the ${input.capability} capability of account ${named(account)}.`,
    snapshot: { ...accountState(account), [`Capability ${input.capability}`]: status },
  };
}
