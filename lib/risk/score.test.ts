// Each signal's contribution to the score and its words, with the points written out: a weight
// changed in lib/risk/score.ts fails here, so a change to the ranking is always a decision.
import { describe, expect, it } from 'vitest';
import { chargesToClearDisputeRate, disputeRateShows, scoreSignals } from './score';
import { emptySignals, grownKinds, type RiskSignals } from './signals';

type Patch = { [K in keyof RiskSignals]?: Partial<RiskSignals[K]> | RiskSignals[K] };

function signals(patch: Patch): RiskSignals {
  const base = emptySignals();
  const merged = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    const start = base[key as keyof RiskSignals];
    merged[key] = value !== null && typeof value === 'object' && typeof start === 'object' && start !== null ? { ...start, ...value } : value;
  }
  return merged as unknown as RiskSignals;
}

/** The single reason a patch produces. */
function only(patch: Patch) {
  const { score, reasons } = scoreSignals(signals(patch));
  expect(reasons).toHaveLength(1);
  expect(score).toBe(reasons[0]!.points);
  return reasons[0]!;
}

describe('scoreSignals', () => {
  it('gives an account without signals no score and no reasons', () => {
    expect(scoreSignals(emptySignals())).toEqual({ score: 0, reasons: [] });
  });

  it('weighs early fraud warnings by whether the issuer can still act, and names their fraud types', () => {
    expect(only({ earlyFraudWarnings: { total: 1, actionable: 1, byFraudType: { made_with_stolen_card: 1 } } })).toEqual({
      kind: 'early_fraud_warning',
      points: 40,
      words: '1 early fraud warning from card issuers, 1 still actionable: stolen card',
    });
    expect(only({ earlyFraudWarnings: { total: 3, actionable: 1, byFraudType: { made_with_stolen_card: 2, unauthorized_use_of_card: 1 } } })).toEqual({
      kind: 'early_fraud_warning',
      points: 70,
      words: '3 early fraud warnings from card issuers, 1 still actionable: stolen card (2), unauthorized use of the card',
    });
    expect(only({ earlyFraudWarnings: { total: 1, actionable: 0, byFraudType: { misc: 1 } } }).words).toBe('1 early fraud warning from card issuers, none actionable: other fraud');
  });

  it('caps one kind at 100 points however many there are', () => {
    expect(only({ earlyFraudWarnings: { total: 5, actionable: 5, byFraudType: { misc: 5 } } }).points).toBe(100);
  });

  it('counts open reviews with their reason', () => {
    expect(only({ openReviews: { total: 2, byReason: { rule: 1, manual: 1 } } })).toEqual({ kind: 'open_review', points: 40, words: '2 Radar reviews open: placed manually, a Radar rule' });
  });

  it('weighs risky charges by level, with a bonus when they are a large share of recent charges', () => {
    expect(only({ riskyCharges: { recent: 40, elevated: 1, highest: 1 } })).toEqual({
      kind: 'risky_charges',
      points: 21,
      words: '2 of 40 charges in the last 90 days rated risky by Radar (5%): 1 highest, 1 elevated',
    });
    // 3 of 10: past the 20% share with at least three risky charges.
    expect(only({ riskyCharges: { recent: 10, elevated: 3, highest: 0 } }).points).toBe(33);
    // The same share with only two risky charges earns no bonus.
    expect(only({ riskyCharges: { recent: 5, elevated: 2, highest: 0 } }).points).toBe(12);
  });

  it('counts blocked charges', () => {
    expect(only({ blockedCharges: 2 })).toEqual({ kind: 'blocked_charges', points: 20, words: '2 charges blocked by Radar as too risky' });
  });

  it('counts requirement errors with what each one says', () => {
    expect(only({ requirementErrors: { total: 2, byCode: { verification_document_name_mismatch: 1, verification_failed_keyed_identity: 1 } } })).toEqual({
      kind: 'requirement_errors',
      points: 24,
      words: '2 verification errors: name on the document does not match, identity could not be verified',
    });
  });

  it('adds past-due requirements once, whatever their number', () => {
    expect(only({ pastDue: 3 })).toEqual({ kind: 'past_due', points: 8, words: '3 requirements past their deadline' });
    expect(only({ pastDue: 1 }).words).toBe('1 requirement past its deadline');
  });

  it("weighs Stripe's own rejection above its restriction", () => {
    expect(only({ stripeAction: 'rejected.fraud' })).toEqual({ kind: 'stripe_action', points: 60, words: 'Rejected by Stripe for fraud' });
    expect(only({ stripeAction: 'under_review' })).toEqual({ kind: 'stripe_action', points: 30, words: 'Under review by Stripe' });
  });

  it('flags a high share of reversed transfers or refunded fees, not a single one', () => {
    expect(only({ transfers: { total: 8, reversed: 4 } })).toEqual({ kind: 'reversed_transfers', points: 20, words: '4 of 8 transfers to it reversed (50%)' });
    expect(scoreSignals(signals({ transfers: { total: 3, reversed: 3 } })).score).toBe(0);
    expect(scoreSignals(signals({ transfers: { total: 10, reversed: 4 } })).score).toBe(0);
    expect(only({ fees: { total: 4, refunded: 2 } })).toEqual({ kind: 'refunded_fees', points: 15, words: '2 of 4 application fees refunded (50%)' });
  });

  it("flags a burst of volume against the account's own weekly average", () => {
    expect(only({ volume: { recent: 42_000, weeklyBefore: 10_000 } })).toEqual({
      kind: 'volume_burst',
      points: 20,
      words: 'Charge volume of the last 7 days is 4.2 times its weekly average over the 12 weeks before',
    });
    expect(scoreSignals(signals({ volume: { recent: 29_000, weeklyBefore: 10_000 } })).score).toBe(0);
    // No history to compare with: a new account's first week is not a burst.
    expect(scoreSignals(signals({ volume: { recent: 50_000, weeklyBefore: 0 } })).score).toBe(0);
  });

  it('counts open disputes with their reasons, and lost ones', () => {
    expect(only({ disputes: { open: 2, byReason: { fraudulent: 1, product_not_received: 1 }, lost: 0, recent: 0 } })).toEqual({
      kind: 'open_disputes',
      points: 60,
      words: '2 disputes open on its charges: fraudulent, product not received',
    });
    expect(only({ disputes: { open: 4, byReason: { fraudulent: 4 }, lost: 0, recent: 0 } }).points).toBe(100);
    expect(only({ disputes: { open: 0, byReason: {}, lost: 1, recent: 0 } })).toEqual({ kind: 'lost_disputes', points: 25, words: '1 dispute lost' });
    expect(only({ disputes: { open: 0, byReason: {}, lost: 3, recent: 0 } }).points).toBe(75);
  });

  it('flags a dispute rate of 1% or more of the charges of the last 90 days', () => {
    const complete = { open: 0, byReason: {}, lost: 0, chargesComplete: true };
    expect(only({ disputes: { ...complete, recent: 2 }, riskyCharges: { recent: 150, elevated: 0, highest: 0 } })).toEqual({
      kind: 'dispute_rate',
      points: 25,
      words: '2 disputes on 150 charges in the last 90 days (dispute rate 1.3%)',
    });
    expect(scoreSignals(signals({ disputes: { ...complete, recent: 1 }, riskyCharges: { recent: 101, elevated: 0, highest: 0 } })).score).toBe(0);
    expect(only({ disputes: { ...complete, recent: 1 }, riskyCharges: { recent: 100, elevated: 0, highest: 0 } }).kind).toBe('dispute_rate');
    // A dispute whose charge the index does not hold: never a rate above 100%.
    expect(only({ disputes: { ...complete, recent: 1 } }).words).toBe('1 dispute on 1 charge in the last 90 days (dispute rate 100.0%)');
  });

  it('claims no rate the index cannot know: over a count not known complete, at least that many charges and at most that rate', () => {
    const partial = { open: 0, byReason: {}, lost: 0, recent: 120 };
    expect(only({ disputes: { ...partial, chargesComplete: false }, riskyCharges: { recent: 10_000, elevated: 0, highest: 0 } }).words).toBe(
      '120 disputes on at least 10,000 charges in the last 90 days (dispute rate at most 1.2%)',
    );
    // Facts without the flag (stored before it existed) are not known complete either.
    expect(only({ disputes: { ...partial, recent: 1 }, riskyCharges: { recent: 20, elevated: 0, highest: 0 } }).words).toBe(
      '1 dispute on at least 20 charges in the last 90 days (dispute rate at most 5.0%)',
    );
  });

  it('says how many charges decide the dispute rate without reading all of them: the fewest over which it no longer shows', () => {
    for (const disputes of [1, 2, 3, 7, 29, 57, 100, 333]) {
      const needed = chargesToClearDisputeRate(disputes);
      expect(disputeRateShows(disputes, needed), `${disputes}`).toBe(false);
      expect(disputeRateShows(disputes, needed - 1), `${disputes}`).toBe(true);
    }
    expect(chargesToClearDisputeRate(1)).toBe(101);
    expect(chargesToClearDisputeRate(0)).toBe(0);
    expect(disputeRateShows(0, 0)).toBe(false);
  });

  it('reads facts stored before disputes were counted', () => {
    const old = signals({ pastDue: 1 }) as Partial<RiskSignals>;
    delete old.disputes;
    expect(scoreSignals(old as RiskSignals).reasons.map((r) => r.kind)).toEqual(['past_due']);
    expect(grownKinds(signals({ disputes: { open: 1, byReason: { fraudulent: 1 }, lost: 0, recent: 1 } }), old as RiskSignals)).toEqual(['open_disputes']);
  });

  it('adds the parts and lists the heaviest first', () => {
    const { score, reasons } = scoreSignals(signals({ pastDue: 1, stripeAction: 'rejected.listed', openReviews: { total: 1, byReason: { rule: 1 } } }));
    expect(score).toBe(88);
    expect(reasons.map((r) => r.kind)).toEqual(['stripe_action', 'open_review', 'past_due']);
  });
});

describe('grownKinds', () => {
  it('names the kinds that grew since a decision', () => {
    const before = signals({ earlyFraudWarnings: { total: 1, actionable: 1, byFraudType: { misc: 1 } }, pastDue: 2 });
    expect(grownKinds(before, before)).toEqual([]);
    expect(grownKinds(signals({ earlyFraudWarnings: { total: 2, actionable: 1, byFraudType: { misc: 2 } }, pastDue: 1 }), before)).toEqual(['early_fraud_warning']);
    expect(grownKinds(before, null)).toEqual(['early_fraud_warning', 'past_due']);
  });
});
