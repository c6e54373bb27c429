// needsApproval: which actions, thresholds by currency in minor units, and modes.
import { describe, expect, it } from 'vitest';
import { APPROVAL_ACTIONS, approvalPolicySchema, DEFAULT_POLICIES, needsApproval, type ApprovalPolicy } from './policy';

const reversal = DEFAULT_POLICIES.transfer_reversal;

describe('needsApproval', () => {
  it('weighs money at or above the threshold in minor units of its own currency', () => {
    expect(needsApproval(reversal, 'transfer_reversal', { amount: 99_999, currency: 'usd' }, 'test')).toEqual({ needed: false });
    expect(needsApproval(reversal, 'transfer_reversal', { amount: 100_000, currency: 'usd' }, 'test')).toMatchObject({
      needed: true,
      why: '$1,000.00 USD is at or above the $1,000.00 USD threshold, so a second operator must approve it.',
    });
    expect(needsApproval(reversal, 'transfer_reversal', { amount: 100_000, currency: 'EUR' }, 'live').needed).toBe(true);
    expect(needsApproval(reversal, 'transfer_reversal', { amount: 99_999, currency: 'gbp' }, 'live').needed).toBe(false);
    // JPY has no minor unit: ¥149,999 is below its ¥150,000 threshold, ¥150,000 is not.
    expect(needsApproval(reversal, 'transfer_reversal', { amount: 149_999, currency: 'jpy' }, 'test').needed).toBe(false);
    expect(needsApproval(reversal, 'transfer_reversal', { amount: 150_000, currency: 'jpy' }, 'test').needed).toBe(true);
  });

  it('asks for approval of any amount in a currency the policy sets no threshold for', () => {
    expect(needsApproval(reversal, 'transfer_reversal', { amount: 1, currency: 'chf' }, 'test')).toMatchObject({ needed: true, why: expect.stringContaining('no threshold for CHF') });
  });

  it('asks nothing of a disabled policy, nor outside its mode (the emulator counts as test mode)', () => {
    expect(needsApproval({ ...reversal, enabled: false }, 'transfer_reversal', { amount: 10_000_000, currency: 'usd' }, 'live').needed).toBe(false);
    const liveOnly: ApprovalPolicy = { ...reversal, mode: 'live' };
    expect(needsApproval(liveOnly, 'transfer_reversal', { amount: 10_000_000, currency: 'usd' }, 'emulator').needed).toBe(false);
    expect(needsApproval(liveOnly, 'transfer_reversal', { amount: 10_000_000, currency: 'usd' }, 'test').needed).toBe(false);
    expect(needsApproval(liveOnly, 'transfer_reversal', { amount: 10_000_000, currency: 'usd' }, 'live').needed).toBe(true);
    const testOnly: ApprovalPolicy = { ...reversal, mode: 'test' };
    expect(needsApproval(testOnly, 'transfer_reversal', { amount: 10_000_000, currency: 'usd' }, 'emulator').needed).toBe(true);
    expect(needsApproval(testOnly, 'transfer_reversal', { amount: 10_000_000, currency: 'usd' }, 'live').needed).toBe(false);
  });

  it('by default, rejects, deletes and schedule cancels/releases need approval in live mode whatever they are, and not in test mode', () => {
    for (const action of ['account_reject', 'account_delete'] as const) {
      expect(needsApproval(DEFAULT_POLICIES[action], action, {}, 'live')).toMatchObject({ needed: true, why: expect.stringMatching(/^An account (rejection|deletion) in live mode needs a second operator's approval\.$/) });
    }
    for (const action of ['account_reject', 'account_delete', 'schedule_cancel', 'schedule_release'] as const) {
      expect(needsApproval(DEFAULT_POLICIES[action], action, {}, 'live')).toMatchObject({ needed: true, why: expect.stringContaining('in live mode') });
      expect(needsApproval(DEFAULT_POLICIES[action], action, {}, 'emulator').needed).toBe(false);
      expect(needsApproval(DEFAULT_POLICIES[action], action, {}, 'test').needed).toBe(false);
    }
    expect(needsApproval(DEFAULT_POLICIES.capability_change, 'capability_change', {}, 'live').needed).toBe(false);
  });

  it('by default, every money action needs approval from US$1,000.00 in both modes', () => {
    for (const action of ['transfer_reversal', 'fee_refund', 'topup_create'] as const) {
      for (const mode of ['emulator', 'live'] as const) {
        expect(needsApproval(DEFAULT_POLICIES[action], action, { amount: 100_000, currency: 'usd' }, mode).needed).toBe(true);
        expect(needsApproval(DEFAULT_POLICIES[action], action, { amount: 99_999, currency: 'usd' }, mode).needed).toBe(false);
      }
    }
  });

  it('refuses to weigh a money action without its amount, or with another action’s policy', () => {
    expect(() => needsApproval(reversal, 'transfer_reversal', {}, 'test')).toThrow(/amount and currency/);
    expect(() => needsApproval(reversal, 'fee_refund', { amount: 1, currency: 'usd' }, 'test')).toThrow(/cannot decide/);
  });
});

describe('approvalPolicySchema', () => {
  it('accepts every default and refuses what a form must not save', () => {
    for (const action of APPROVAL_ACTIONS) expect(approvalPolicySchema.safeParse(DEFAULT_POLICIES[action]).success).toBe(true);
    expect(approvalPolicySchema.safeParse({ ...reversal, approverRoles: [] }).success).toBe(false);
    expect(approvalPolicySchema.safeParse({ ...reversal, thresholds: { USD: 100 } }).success).toBe(false);
    expect(approvalPolicySchema.safeParse({ ...reversal, thresholds: { usd: 1.5 } }).success).toBe(false);
    expect(approvalPolicySchema.safeParse({ ...reversal, validityHours: 0 }).success).toBe(false);
  });
});
