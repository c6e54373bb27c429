import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { accountName, capabilityLabel, capabilitySummary, dashboardUrl, formatDeadline, payoutScheduleText, updateFormValues, updateParams } from './view';

const NOW = 1_780_272_000;
const account = (over: Partial<Stripe.Account> = {}) =>
  ({ id: 'acct_1A', email: 'a@shop.test', business_profile: { name: 'Shop', url: 'https://shop.test', support_email: null, support_phone: null, product_description: null }, metadata: { tier: 'gold', region: 'eu' }, ...over }) as Stripe.Account;

describe('accountName and dashboardUrl', () => {
  it('prefers the business name, then the legal names, the e-mail, the id', () => {
    expect(accountName(account())).toBe('Shop');
    expect(accountName(account({ business_profile: null, company: { name: 'Shop Ltd' } as Stripe.Account.Company }))).toBe('Shop Ltd');
    expect(accountName(account({ business_profile: null, individual: { first_name: 'Ada', last_name: 'L' } as Stripe.Person }))).toBe('Ada L');
    expect(accountName(account({ business_profile: null }))).toBe('a@shop.test');
    expect(accountName(account({ business_profile: null, email: null }))).toBe('acct_1A');
  });
  it('links test-mode accounts under /test/, and emulator accounts nowhere (Stripe has never heard of them)', () => {
    expect(dashboardUrl('acct_1A', 'live')).toBe('https://dashboard.stripe.com/connect/accounts/acct_1A');
    expect(dashboardUrl('acct_1A', 'test')).toBe('https://dashboard.stripe.com/test/connect/accounts/acct_1A');
    expect(dashboardUrl('acct_1A', 'emulator')).toBeNull();
  });
});

describe('capabilities in words', () => {
  it('counts statuses and names capabilities', () => {
    expect(capabilitySummary({ card_payments: 'active', transfers: 'pending', sepa_debit_payments: 'inactive' }).text).toBe('1 of 3 active, 1 pending');
    expect(capabilitySummary({}).text).toBe('None requested');
    expect(capabilityLabel('card_payments')).toBe('Card payments');
    expect(capabilityLabel('au_becs_debit_payments')).toBe('AU BECS debit payments');
  });
});

describe('dates and schedules', () => {
  it('says deadlines relative to now', () => {
    expect(formatDeadline(NOW + 3 * 86_400, NOW)).toBe('in 3 days (2026-06-04)');
    expect(formatDeadline(NOW - 86_400, NOW)).toBe('1 day ago (2026-05-31)');
    expect(formatDeadline(NOW, NOW)).toBe('today (2026-06-01)');
  });
  it('words payout schedules', () => {
    expect(payoutScheduleText({ interval: 'weekly', weekly_anchor: 'friday', delay_days: 2 } as Stripe.Account.Settings.Payouts.Schedule)).toBe('Weekly on Friday, 2 days after payment');
    expect(payoutScheduleText({ interval: 'manual', delay_days: 7 } as Stripe.Account.Settings.Payouts.Schedule)).toMatch(/^Manual/);
    expect(payoutScheduleText(null)).toBe('—');
  });
});

describe('updateParams', () => {
  it('sends only what changed; emptied fields and removed keys are sent empty, as Stripe unsets them', () => {
    const before = updateFormValues(account());
    expect(updateParams(before, before)).toEqual({});
    const after = {
      ...before,
      email: ' new@shop.test ',
      businessProfile: { ...before.businessProfile, url: '', supportPhone: '+44 20 7946 0000' },
      metadata: [{ key: 'tier', value: 'platinum' }, { key: 'new', value: '1' }],
    };
    expect(updateParams(before, after)).toEqual({
      email: 'new@shop.test',
      business_profile: { url: '', support_phone: '+44 20 7946 0000' },
      metadata: { tier: 'platinum', new: '1', region: '' },
    });
  });
});
