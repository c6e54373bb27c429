import { describe, expect, it } from 'vitest';
import { chargeKindWords, checkWords, fraudTypeWords, outcomeTypeWords, reviewReasonWords, riskLevelWords } from './object-words';

describe('risk object words', () => {
  it('says Stripe’s codes in words, an unknown code with its underscores as spaces, a missing one as a dash', () => {
    expect(riskLevelWords('elevated')).toBe('Elevated risk');
    expect(outcomeTypeWords('blocked')).toBe('Blocked by Radar');
    expect(checkWords('unavailable')).toBe('not available');
    expect(reviewReasonWords('refunded_as_fraud')).toBe('the charge was refunded as fraud');
    expect(riskLevelWords('some_new_level')).toBe('some new level');
    expect(outcomeTypeWords(null)).toBe('—');
    // The same fraud-type words as the risk queue's reasons.
    expect(fraudTypeWords('made_with_stolen_card')).toBe('stolen card');
    expect(fraudTypeWords('unauthorized_use_of_card')).toBe('unauthorized use of the card');
  });

  it('names how a charge reaches its account', () => {
    expect(chargeKindWords('destination', 'acct_1')).toBe('Destination charge: made on the platform, its funds transferred to acct_1');
    expect(chargeKindWords('direct', 'acct_1')).toBe('Direct charge: made on acct_1 itself');
    expect(chargeKindWords('platform', null)).toBe("The platform's own charge");
  });
});
