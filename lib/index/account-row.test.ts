// The index's account columns from Stripe.Account fixtures: one account per Dashboard tab, and
// the columns the filters, counts and search read.
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { accountColumns, accountTab } from './account-row';
import { objectColumns } from './object-row';

const requirements = (over: Partial<Stripe.Account.Requirements> = {}): Stripe.Account.Requirements => ({
  alternatives: [],
  current_deadline: null,
  currently_due: [],
  disabled_reason: null,
  errors: [],
  eventually_due: [],
  past_due: [],
  pending_verification: [],
  ...over,
});

function account(over: Partial<Stripe.Account> = {}): Stripe.Account {
  return {
    id: 'acct_1Fixture',
    object: 'account',
    type: 'custom',
    country: 'US',
    email: 'owner@shop.test',
    created: 1_780_000_000,
    charges_enabled: true,
    payouts_enabled: true,
    details_submitted: true,
    business_profile: { name: 'Corner Shop' } as Stripe.Account.BusinessProfile,
    capabilities: { card_payments: 'active', transfers: 'pending' },
    metadata: { region: 'West Coast', tier: 'gold' },
    requirements: requirements(),
    ...over,
  } as Stripe.Account;
}

describe('accountTab: the Stripe Dashboard tab of every account', () => {
  const cases: Array<[string, Stripe.Account, ReturnType<typeof accountTab>]> = [
    ['enabled', account(), 'enabled'],
    ['rejected by the platform', account({ charges_enabled: false, payouts_enabled: false, requirements: requirements({ disabled_reason: 'rejected.platform_fraud' }) }), 'rejected'],
    ['rejected by Stripe', account({ charges_enabled: false, requirements: requirements({ disabled_reason: 'rejected.listed' }) }), 'rejected'],
    ['pending verification', account({ charges_enabled: false, requirements: requirements({ disabled_reason: 'requirements.pending_verification', pending_verification: ['individual.id_number'] }) }), 'in_review'],
    ['under review', account({ charges_enabled: false, requirements: requirements({ disabled_reason: 'under_review' }) }), 'in_review'],
    ['past due', account({ charges_enabled: false, requirements: requirements({ disabled_reason: 'requirements.past_due', past_due: ['external_account'] }) }), 'restricted'],
    ['past due, not yet disabled', account({ requirements: requirements({ past_due: ['tos_acceptance.date'] }) }), 'restricted'],
    ['payouts off', account({ payouts_enabled: false }), 'restricted'],
    ['paused by the platform', account({ requirements: requirements({ disabled_reason: 'platform_paused' }) }), 'restricted'],
    ['due with a deadline', account({ requirements: requirements({ currently_due: ['company.tax_id'], current_deadline: 1_790_000_000 }) }), 'restricted_soon'],
    ['due without a deadline stays enabled', account({ requirements: requirements({ currently_due: ['company.tax_id'] }) }), 'enabled'],
  ];
  it.each(cases)('%s', (_label, a, tab) => {
    expect(accountTab(a)).toBe(tab);
    expect(accountColumns(a).status).toBe(tab);
  });
});

describe('accountColumns', () => {
  it('keeps what the filters, sorts and search read', () => {
    const a = account({
      requirements: requirements({ currently_due: ['company.tax_id', 'external_account'], past_due: ['external_account'], eventually_due: ['a', 'b', 'c'], current_deadline: 1_790_000_000 }),
    });
    expect(accountColumns(a)).toEqual({
      type: 'custom',
      country: 'US',
      businessName: 'Corner Shop',
      email: 'owner@shop.test',
      created: 1_780_000_000,
      chargesEnabled: true,
      payoutsEnabled: true,
      detailsSubmitted: true,
      status: 'restricted',
      disabledReason: null,
      currentlyDueCount: 2,
      pastDueCount: 1,
      eventuallyDueCount: 3,
      pendingVerificationCount: 0,
      currentDeadline: 1_790_000_000,
      dueFields: ['company.tax_id', 'external_account'],
      capabilities: { card_payments: 'active', transfers: 'pending' },
      metadata: { region: 'West Coast', tier: 'gold' },
      searchText: 'acct_1fixture corner shop owner@shop.test west coast gold',
    });
  });

  it('names an account by its company or person, and leaves the name empty when there is none', () => {
    expect(accountColumns(account({ business_profile: null, company: { name: 'Acme GmbH' } as Stripe.Account.Company })).businessName).toBe('Acme GmbH');
    expect(accountColumns(account({ business_profile: null, email: null, metadata: {} })).businessName).toBe('');
    expect(accountColumns(account({ business_profile: null, email: null, metadata: {} })).searchText).toBe('acct_1fixture');
  });

  it('reads expanded capabilities and a sparse account', () => {
    const sparse = { id: 'acct_2', object: 'account', capabilities: { card_payments: { status: 'inactive' } } } as unknown as Stripe.Account;
    expect(accountColumns(sparse)).toMatchObject({ type: null, country: null, status: 'restricted', capabilities: { card_payments: 'inactive' }, dueFields: [], created: null });
  });
});

describe('objectColumns', () => {
  it('reads a destination charge with its risk fields', () => {
    const charge = { id: 'ch_1', object: 'charge', created: 5, amount: 1000, currency: 'usd', status: 'succeeded', refunded: false, transfer_data: { destination: 'acct_9' }, outcome: { risk_level: 'elevated', risk_score: 70 }, metadata: {} };
    expect(objectColumns(charge)).toMatchObject({ type: 'charge', account: 'acct_9', status: 'succeeded', riskLevel: 'elevated', riskScore: 70 });
  });

  it('says how far a transfer was reversed and a fee refunded, and links children to their parent', () => {
    expect(objectColumns({ id: 'tr_1', object: 'transfer', destination: 'acct_1', amount: 100, amount_reversed: 40, reversed: false }).status).toBe('partially_reversed');
    expect(objectColumns({ id: 'tr_1', object: 'transfer', destination: 'acct_1', amount: 100, amount_reversed: 100, reversed: true }).status).toBe('reversed');
    expect(objectColumns({ id: 'fee_1', object: 'application_fee', account: 'acct_1', charge: 'ch_1', amount_refunded: 0, refunded: false })).toMatchObject({ account: 'acct_1', parent: 'ch_1', status: 'collected' });
    expect(objectColumns({ id: 'trr_1', object: 'transfer_reversal', transfer: 'tr_1' })).toMatchObject({ parent: 'tr_1', account: null });
    expect(objectColumns({ id: 'fr_1', object: 'fee_refund', fee: 'fee_1' })).toMatchObject({ parent: 'fee_1' });
    expect(objectColumns({ id: 'issfr_1', object: 'radar.early_fraud_warning', charge: 'ch_1', actionable: true }, 'acct_3')).toMatchObject({ parent: 'ch_1', status: 'actionable', account: 'acct_3' });
    expect(objectColumns({ id: 'prv_1', object: 'review', charge: 'ch_1', open: false })).toMatchObject({ status: 'closed' });
  });

  it('refuses a type the index does not keep', () => {
    expect(() => objectColumns({ id: 'in_1', object: 'invoice' })).toThrow(/invoice/);
  });

  it("derives a payout's arrival date, failure code and whether it was automatic; the account is the one it was read as", () => {
    const failed = { id: 'po_1', object: 'payout', status: 'failed', amount: 5000, currency: 'usd', created: 10, arrival_date: 20, failure_code: 'account_closed', automatic: true };
    expect(objectColumns(failed, 'acct_1')).toMatchObject({ type: 'payout', account: 'acct_1', status: 'failed', amount: 5000, arrivalDate: 20, failureCode: 'account_closed', automatic: true });
    expect(objectColumns({ ...failed, status: 'paid', failure_code: null, automatic: false })).toMatchObject({ account: null, failureCode: null, automatic: false });
  });
});
