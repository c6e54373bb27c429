// Payouts in words: what a failure code means (Stripe's payout failure codes), and the callout
// over an account's failed payouts. Pure and client-safe.
import { utcDay } from '@/lib/dates';
import { filtersSet } from '@/lib/lists/filter-fields';
import { plural, tabSummary } from '@/lib/words';
import { PAYOUT_FIELD_NAMES, PAYOUT_TAB_LABELS, type PayoutFilters, type PayoutTab } from './filters';

/** Stripe's payout `failure_code`s, as a sentence's object ("the payout failed: …"). */
export const FAILURE_WORDS: Record<string, string> = {
  account_closed: 'the bank account was closed',
  account_frozen: 'the bank account is frozen',
  bank_account_restricted: 'the bank account restricts this kind of payment',
  bank_ownership_changed: 'the bank account changed owners',
  could_not_process: 'the bank could not process it',
  debit_not_authorized: 'the bank account does not accept such payments',
  declined: 'the bank declined it',
  incorrect_account_holder_address: "the account holder's address is wrong",
  incorrect_account_holder_name: "the account holder's name is wrong",
  incorrect_account_holder_tax_id: "the account holder's tax id is wrong",
  insufficient_funds: 'the balance was short',
  invalid_account_number: 'the account number is not valid',
  invalid_currency: 'the bank account cannot take that currency',
  no_account: 'the bank account does not exist',
  unsupported_card: 'the debit card does not take payouts',
};

/** "the bank account was closed (account_closed)"; an unknown code is said as itself. */
export function failureWords(code: string | null): string {
  if (!code) return 'no reason given';
  const words = FAILURE_WORDS[code];
  return words ? `${words} (${code})` : `failure code ${code}`;
}

/**
 * The callout over an account's failed payouts: "2 payouts failed: the bank account was closed
 * (account_closed)". Each distinct reason once, the most recent first.
 */
export function failedPayoutsWords(failed: Array<{ failureCode: string | null }>, total: number): string {
  const reasons: string[] = [];
  for (const p of failed) {
    const reason = failureWords(p.failureCode);
    if (!reasons.includes(reason)) reasons.push(reason);
  }
  return `${plural(total, 'payout', 'payouts')} failed: ${reasons.join('; ')}.`;
}

type Dated = { status: string; arrivalDate: number | null; failureCode: string | null };

/**
 * What the account page says over its failed payouts. A failure newer than the latest paid payout
 * is a problem now (`current`: the bank account likely still fails); failures followed by a paid
 * payout are history (`past`), said quietly with the last one's date. `latest` is the account's
 * newest payouts by arrival date, `failed` its newest failed ones (undefined while unread: then
 * only the count is said, with no reasons).
 */
export function failedPayoutsCallout(
  latest: Dated[],
  failed: Dated[] | undefined,
  total: number,
): { kind: 'none' } | { kind: 'current' | 'past'; words: string } {
  if (total === 0) return { kind: 'none' };
  if (!failed) return { kind: 'current', words: `${plural(total, 'payout', 'payouts')} failed.` };
  const lastPaid = Math.max(-Infinity, ...latest.filter((p) => p.status === 'paid' && p.arrivalDate !== null).map((p) => p.arrivalDate!));
  if (failed.some((p) => (p.arrivalDate ?? Infinity) >= lastPaid)) return { kind: 'current', words: failedPayoutsWords(failed, total) };
  const newest = failed[0]?.arrivalDate ?? null;
  return {
    kind: 'past',
    words: `${plural(total, 'payout', 'payouts')} failed earlier${newest === null ? '' : `, the latest due ${utcDay(newest)}`}; the payouts since have been paid.`,
  };
}

/** When the money reaches (or reached, or was due at) the bank: "arrived 2026-11-03", "arrives …", "was due …". */
export function arrivalWords(p: { status: string; arrivalDate: number | null }): string {
  if (p.arrivalDate === null) return 'no arrival date';
  const day = utcDay(p.arrivalDate);
  if (p.status === 'paid') return `arrived ${day}`;
  if (p.status === 'failed' || p.status === 'canceled') return `was due ${day}`;
  return `arrives ${day}`;
}

/** What the list holds, in words: the tab's count under the filters, and the failed ones when another tab hides them. */
export function payoutSummary(r: { counts: Record<PayoutTab, number> }, f: PayoutFilters): string {
  const failed = f.tab !== 'failed' && r.counts.failed > 0 ? ` ${plural(r.counts.failed, 'payout', 'payouts')} failed: see the Failed tab.` : '';
  // Minor units of different currencies are not comparable: say so rather than rank ¥ against $.
  const mixed = f.sort === 'amount' && !f.currency ? ' Amounts in different currencies are ordered by their figures alone: filter by a currency to compare them.' : '';
  return `${tabSummary(r.counts[f.tab], 'payout', 'payouts', f.tab === 'all' ? null : PAYOUT_TAB_LABELS[f.tab].toLowerCase(), filtersSet({ ...f }, PAYOUT_FIELD_NAMES) > 0)}${failed}${mixed}`;
}
