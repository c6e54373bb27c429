import { describe, expect, it } from 'vitest';
import { nounFor, plural, tabSummary, withArticle } from './words';

describe('plural', () => {
  it('agrees with the count, zero taking the plural', () => {
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
    expect(plural(0, 'entry', 'entries')).toBe('0 entries');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
    expect(plural(1, 'top-up', 'top-ups')).toBe('1 top-up');
  });

  it('groups thousands', () => {
    expect(plural(1234, 'account', 'accounts')).toBe('1,234 accounts');
  });

  it('nounFor gives the noun alone', () => {
    expect(nounFor(1, 'reversal', 'reversals')).toBe('reversal');
    expect(nounFor(5, 'reversal', 'reversals')).toBe('reversals');
  });
});

describe('withArticle', () => {
  it('says a or an by the first letter', () => {
    expect(withArticle('account deletion')).toBe('an account deletion');
    expect(withArticle('top-up')).toBe('a top-up');
    expect(withArticle('Application fee refund')).toBe('an Application fee refund');
  });
});

describe('tabSummary', () => {
  it("says the tab's count, the tab unless it is All, and whether filters narrow it", () => {
    expect(tabSummary(22, 'schedule', 'schedules', null, false)).toBe('22 schedules.');
    expect(tabSummary(1, 'account', 'accounts', 'open', true)).toBe('1 account open matching these filters.');
    expect(tabSummary(1310, 'payout', 'payouts', 'in Failed', false)).toBe('1,310 payouts in Failed.');
  });
});
