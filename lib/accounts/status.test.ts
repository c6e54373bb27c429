import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { accountStatus, capabilityTone, disabledReasonText } from './status';

const NOW = 1_780_272_000;
type A = Parameters<typeof accountStatus>[0];
const req = (r: Partial<Stripe.Account.Requirements>): Stripe.Account.Requirements =>
  ({ alternatives: [], current_deadline: null, currently_due: [], disabled_reason: null, errors: [], eventually_due: [], past_due: [], pending_verification: [], ...r }) as Stripe.Account.Requirements;
const account = (over: Partial<A> = {}, r: Partial<Stripe.Account.Requirements> = {}): A => ({ charges_enabled: true, payouts_enabled: true, details_submitted: true, requirements: req(r), ...over });

describe('accountStatus', () => {
  it('puts rejection first, then past due, pending verification, restriction, a deadline, errors', () => {
    expect(accountStatus(account({ charges_enabled: false }, { disabled_reason: 'rejected.platform_fraud', past_due: ['x'] }), NOW)).toEqual({ label: 'Rejected', tone: 'bad' });
    expect(accountStatus(account({ charges_enabled: false }, { disabled_reason: 'requirements.past_due', past_due: ['x'] }), NOW).label).toBe('Restricted: past due');
    expect(accountStatus(account({}, { disabled_reason: 'requirements.pending_verification' }), NOW)).toEqual({ label: 'Pending verification', tone: 'warn' });
    expect(accountStatus(account({}, { disabled_reason: 'under_review' }), NOW).label).toBe('Restricted');
    expect(accountStatus(account({}, { currently_due: ['x'], current_deadline: NOW + 86_400 }), NOW)).toEqual({ label: 'Due in 1 day', tone: 'warn' });
    expect(accountStatus(account({}, { currently_due: ['x'], current_deadline: NOW + 3 * 86_400 - 5 }), NOW).label).toBe('Due in 3 days');
    expect(accountStatus(account({}, { errors: [{ code: 'invalid_tax_id', reason: 'r', requirement: 'company.tax_id' }] }), NOW).label).toBe('Verification errors');
    expect(accountStatus(account(), NOW)).toEqual({ label: 'Enabled', tone: 'good' });
    expect(accountStatus(account({ charges_enabled: false, payouts_enabled: false, details_submitted: false }), NOW).label).toBe('Onboarding');
  });
});

describe('disabledReasonText', () => {
  it('words the platform’s and Stripe’s rejections apart', () => {
    expect(disabledReasonText('rejected.platform_fraud')).toBe('Rejected by your platform for fraud');
    expect(disabledReasonText('rejected.fraud')).toBe('Rejected by Stripe for fraud');
    expect(disabledReasonText('rejected.platform_terms_of_service')).toMatch(/platform.*terms of service/);
    expect(disabledReasonText(null)).toBeNull();
    expect(disabledReasonText('something_new')).toBe('something_new');
  });
});

describe('capabilityTone', () => {
  it('maps statuses to tones', () => {
    expect(['active', 'pending', 'inactive', 'unrequested'].map(capabilityTone)).toEqual(['good', 'warn', 'bad', 'muted']);
  });
});
