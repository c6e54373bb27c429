// Payout failures in words: each code Stripe's failing test banks give, an unknown code, and the
// account page's callout (each reason once, the count of all failed payouts).
import { describe, expect, it } from 'vitest';
import { arrivalWords, failedPayoutsCallout, failedPayoutsWords, failureWords, payoutSummary } from './words';

describe('payout failures in words', () => {
  it('says what each failing test bank code means, with the code', () => {
    expect(failureWords('account_closed')).toBe('the bank account was closed (account_closed)');
    expect(failureWords('no_account')).toBe('the bank account does not exist (no_account)');
    expect(failureWords('insufficient_funds')).toBe('the balance was short (insufficient_funds)');
    expect(failureWords('debit_not_authorized')).toBe('the bank account does not accept such payments (debit_not_authorized)');
    expect(failureWords('brand_new_code')).toBe('failure code brand_new_code');
    expect(failureWords(null)).toBe('no reason given');
  });

  it('calls out failed payouts with each reason once', () => {
    const failed = [{ failureCode: 'account_closed' }, { failureCode: 'account_closed' }, { failureCode: 'no_account' }];
    expect(failedPayoutsWords(failed, 12)).toBe('12 payouts failed: the bank account was closed (account_closed); the bank account does not exist (no_account).');
    expect(failedPayoutsWords(failed.slice(0, 1), 1)).toBe('1 payout failed: the bank account was closed (account_closed).');
  });

  it('says when the money arrived, arrives or was due', () => {
    const at = Date.parse('2026-11-03T00:00:00Z') / 1000;
    expect(['paid', 'in_transit', 'pending', 'failed', 'canceled'].map((status) => arrivalWords({ status, arrivalDate: at }))).toEqual([
      'arrived 2026-11-03',
      'arrives 2026-11-03',
      'arrives 2026-11-03',
      'was due 2026-11-03',
      'was due 2026-11-03',
    ]);
    expect(arrivalWords({ status: 'paid', arrivalDate: null })).toBe('no arrival date');
  });

  it('calls a failure newer than the last paid payout a problem now, and older ones history', () => {
    const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 1000;
    const paid = (d: string) => ({ status: 'paid', arrivalDate: day(d), failureCode: null });
    const fail = (d: string, failureCode = 'account_closed') => ({ status: 'failed', arrivalDate: day(d), failureCode });
    // Failed last week, paid before that: now.
    const now = failedPayoutsCallout([fail('2026-11-20'), paid('2026-11-01')], [fail('2026-11-20')], 1);
    expect(now).toEqual({ kind: 'current', words: '1 payout failed: the bank account was closed (account_closed).' });
    // One failure since the last paid payout, two before it: a problem now, every reason said.
    const mixed = failedPayoutsCallout([fail('2026-11-20', 'no_account'), paid('2026-11-01')], [fail('2026-11-20', 'no_account'), fail('2025-10-01'), fail('2025-09-01')], 3);
    expect(mixed).toEqual({ kind: 'current', words: '3 payouts failed: the bank account does not exist (no_account); the bank account was closed (account_closed).' });
    // A failure a year ago, paid since: history.
    expect(failedPayoutsCallout([paid('2026-11-20'), paid('2026-11-01')], [fail('2025-11-02')], 1)).toEqual({
      kind: 'past',
      words: '1 payout failed earlier, the latest due 2025-11-02; the payouts since have been paid.',
    });
    // Nothing paid in view: every failure counts as now.
    expect(failedPayoutsCallout([fail('2026-11-20')], [fail('2026-11-20')], 1).kind).toBe('current');
    // The failed payouts not read (yet, or the read failed): the count alone, no empty reason list.
    expect(failedPayoutsCallout([paid('2026-11-20')], undefined, 2)).toEqual({ kind: 'current', words: '2 payouts failed.' });
    expect(failedPayoutsCallout([paid('2026-11-20')], [], 0)).toEqual({ kind: 'none' });
  });

  it('sums up the list, and warns that an amount sort across currencies orders figures, not value', () => {
    const r = { counts: { all: 120, pending: 3, in_transit: 2, paid: 110, failed: 4, canceled: 1 } };
    const view = { tab: 'all', sort: 'arrival_date', order: 'desc', limit: 25 } as const;
    expect(payoutSummary(r, view)).not.toContain('currencies');
    expect(payoutSummary(r, { ...view, sort: 'amount' })).toContain('Amounts in different currencies are ordered by their figures alone');
    expect(payoutSummary(r, { ...view, sort: 'amount', currency: 'usd' })).not.toContain('currencies');
    expect(payoutSummary(r, { ...view, tab: 'failed' })).not.toContain('see the Failed tab');
    expect(payoutSummary(r, view)).toContain('4 payouts failed: see the Failed tab.');
  });
});
