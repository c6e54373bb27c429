// How an account reads on screen, shared by the list, the account page, the CSV export and the
// update form: its name, the link into Stripe's own Dashboard, a capabilities summary, dates, and
// the update form's values turned into only the Stripe parameters that changed. Pure.
import type Stripe from 'stripe';
import type { StripeMode } from '@/lib/stripe/mode';
import type { UpdateAccountInput } from './schemas';
import { plural } from '@/lib/words';
import { formatDate } from '@/lib/dates';

type Named = Pick<Stripe.Account, 'id' | 'email' | 'business_profile' | 'settings' | 'company' | 'individual'>;

/** The name an operator knows the account by: the business name, then the legal name, the e-mail, the id. */
export function accountName(a: Named): string {
  const person = [a.individual?.first_name, a.individual?.last_name].filter(Boolean).join(' ');
  return a.business_profile?.name || a.settings?.dashboard?.display_name || a.company?.name || person || a.email || a.id;
}

/**
 * The account in Stripe's Dashboard; test-mode accounts live under /test/. The emulator's accounts
 * exist nowhere in Stripe, so there is no link to offer (null).
 */
export function dashboardUrl(id: string, mode: StripeMode): string | null {
  if (mode === 'emulator') return null;
  return `https://dashboard.stripe.com/${mode === 'live' ? '' : 'test/'}connect/accounts/${encodeURIComponent(id)}`;
}

export interface CapabilitySummary {
  active: number;
  pending: number;
  inactive: number;
  total: number;
  /** "2 of 3 active", or "None requested". */
  text: string;
}

/** The account's `capabilities` hash (name -> status) counted by status, for the list. */
export function capabilitySummary(caps: Stripe.Account['capabilities'] | null | undefined): CapabilitySummary {
  const statuses = Object.values(caps ?? {}).filter((s): s is string => typeof s === 'string');
  const count = (s: string) => statuses.filter((x) => x === s).length;
  const active = count('active');
  const pending = count('pending');
  const inactive = count('inactive');
  const total = statuses.length;
  const parts = [`${active} of ${total} active`];
  if (pending) parts.push(`${pending} pending`);
  return { active, pending, inactive, total, text: total === 0 ? 'None requested' : parts.join(', ') };
}

/** Words Stripe spells in capitals inside capability ids. */
const ACRONYMS: Record<string, string> = { au: 'AU', becs: 'BECS', sepa: 'SEPA', bacs: 'Bacs', us: 'US', ach: 'ACH', acss: 'ACSS', nz: 'NZ', upi: 'UPI', jcb: 'JCB', eps: 'EPS', fpx: 'FPX', mb: 'MB', tax: 'tax', '1099': '1099', k: 'K', misc: 'MISC', nec: 'NEC' };

/** A capability id in words: `card_payments` -> "Card payments", `au_becs_debit_payments` -> "AU BECS debit payments". */
export function capabilityLabel(id: string): string {
  const words = id.split('_').map((w) => ACRONYMS[w] ?? w).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A deadline relative to now: "in 3 days (2026-06-04)", "2 days ago (2026-05-29)". */
export function formatDeadline(unix: number, now: number = Math.floor(Date.now() / 1000)): string {
  const days = Math.round((unix - now) / 86_400);
  const rel = days === 0 ? 'today' : days > 0 ? `in ${plural(days, 'day', 'days')}` : `${plural(-days, 'day', 'days')} ago`;
  return `${rel} (${formatDate(unix)})`;
}

/** A payout schedule in words: "Daily, 2 days after payment", "Weekly on Monday", "Manual". */
export function payoutScheduleText(s: Stripe.Account.Settings.Payouts.Schedule | null | undefined): string {
  if (!s) return '—';
  const delay = typeof s.delay_days === 'number' ? `, ${plural(s.delay_days, 'day', 'days')} after payment` : '';
  switch (s.interval) {
    case 'manual':
      return 'Manual (the platform pays out)';
    case 'daily':
      return `Daily${delay}`;
    case 'weekly':
      return `Weekly${s.weekly_anchor ? ` on ${s.weekly_anchor.charAt(0).toUpperCase()}${s.weekly_anchor.slice(1)}` : ''}${delay}`;
    case 'monthly':
      return `Monthly${s.monthly_anchor ? ` on day ${s.monthly_anchor}` : ''}${delay}`;
    default:
      return String(s.interval);
  }
}

type Updatable = Pick<Stripe.Account, 'id' | 'email' | 'business_profile' | 'metadata'>;

/** The update form's starting values, from the account as Stripe has it. */
export function updateFormValues(a: Updatable): Omit<UpdateAccountInput, 'idempotencyKey'> {
  const bp = a.business_profile;
  return {
    accountId: a.id,
    email: a.email ?? '',
    businessProfile: {
      name: bp?.name ?? '',
      url: bp?.url ?? '',
      supportEmail: bp?.support_email ?? '',
      supportPhone: bp?.support_phone ?? '',
      productDescription: bp?.product_description ?? '',
    },
    metadata: Object.entries(a.metadata ?? {}).map(([key, value]) => ({ key, value })),
  };
}

type FormValues = Omit<UpdateAccountInput, 'idempotencyKey'>;

/**
 * Only what changed, as Stripe's update parameters: an emptied field is sent as '' (Stripe unsets
 * it), a removed metadata key as '' (Stripe deletes it). Nothing changed gives `{}`.
 */
export function updateParams(before: FormValues, after: FormValues): Stripe.AccountUpdateParams {
  const params: Stripe.AccountUpdateParams = {};
  if (after.email.trim() !== before.email.trim()) params.email = after.email.trim();
  const fields = [
    ['name', 'name'],
    ['url', 'url'],
    ['supportEmail', 'support_email'],
    ['supportPhone', 'support_phone'],
    ['productDescription', 'product_description'],
  ] as const;
  const bp: Record<string, string> = {};
  for (const [ours, stripes] of fields) {
    const next = after.businessProfile[ours].trim();
    if (next !== before.businessProfile[ours].trim()) bp[stripes] = next;
  }
  if (Object.keys(bp).length > 0) params.business_profile = bp as Stripe.AccountUpdateParams.BusinessProfile;
  const old = new Map(before.metadata.map((r) => [r.key.trim(), r.value]));
  const now = new Map(after.metadata.map((r) => [r.key.trim(), r.value]));
  const metadata: Record<string, string> = {};
  for (const [k, v] of now) if (old.get(k) !== v) metadata[k] = v;
  for (const k of old.keys()) if (!now.has(k)) metadata[k] = '';
  if (Object.keys(metadata).length > 0) params.metadata = metadata;
  return params;
}
