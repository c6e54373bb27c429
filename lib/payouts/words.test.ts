// Payout failures in words: each code Stripe's failing test banks give, an unknown code, and the
// account page's callout (each reason once, the count of all failed payouts).
import { describe, expect, it } from 'vitest';
import { arrivalWords, failedPayoutsWords, failureWords } from './words';

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
});
