import { describe, expect, it } from 'vitest';
import { driftHeadline, driftSentences } from './reconcile-words';

describe('driftSentences', () => {
  it('says nothing when there was no drift', () => {
    expect(driftSentences([])).toEqual([]);
    expect(driftHeadline([], 100)).toBe('No drift: the counts match Stripe and the 100 objects compared field by field equal it.');
  });

  it('groups by kind and type, lists the fields, and says whether it was repaired', () => {
    const drift = [
      { type: 'account', id: 'acct_1', kind: 'differs' as const, fields: ['requirements.currently_due'], repaired: true },
      { type: 'account', id: 'acct_2', kind: 'differs' as const, fields: ['email', 'column status'], repaired: true },
      { type: 'account', id: 'acct_3', kind: 'missing' as const, fields: [], repaired: true },
      { type: 'topup', id: 'tu_1', kind: 'extra' as const, fields: [], repaired: false },
    ];
    expect(driftSentences(drift)).toEqual([
      '2 accounts differed from Stripe: acct_1 (requirements.currently_due); acct_2 (email, column status); repaired.',
      '1 account was missing from the index: acct_3; repaired.',
      '1 top-up was in the index but is gone from Stripe: tu_1; not repaired (run a backfill).',
    ]);
    expect(driftHeadline(drift, 100)).toMatch(/^4 objects were out of step with Stripe/);
  });

  it('shows five ids and counts the rest', () => {
    const drift = Array.from({ length: 8 }, (_, i) => ({ type: 'charge', id: `ch_${i}`, kind: 'missing' as const, fields: [], repaired: i < 6 }));
    expect(driftSentences(drift)).toEqual(['8 charges were missing from the index: ch_0; ch_1; ch_2; ch_3; ch_4; and 3 more; 6 repaired, 2 not (run a backfill).']);
  });
});
