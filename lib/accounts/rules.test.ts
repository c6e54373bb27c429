import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { canDelete, canReject, canUnreject, rejectReasons, versionAtLeast, type BalanceTotals } from './rules';

type A = Parameters<typeof canReject>[0];
const custom: A = { type: 'custom', controller: { type: 'application', losses: { payments: 'application' } } as Stripe.Account.Controller, requirements: null as never };
const standard: A = { type: 'standard', controller: { type: 'account' } as Stripe.Account.Controller, requirements: null as never };
const rejected = (reason: string): A => ({ ...custom, requirements: { disabled_reason: reason } as Stripe.Account.Requirements });
const zero: BalanceTotals = { available: [{ amount: 0, currency: 'usd' }], pending: [{ amount: 0, currency: 'usd' }] };
const some: BalanceTotals = { available: [{ amount: 0, currency: 'usd' }], pending: [{ amount: 120, currency: 'eur' }] };

describe('rejectReasons', () => {
  it('follows the pinned API version', () => {
    expect(rejectReasons('2026-10-28.endive').map((r) => r.value)).toEqual(['fraud_payment_method_casher', 'fraud_payment_method_tester', 'fraud_no_intent_to_fulfill', 'fraud_other', 'credit', 'terms_of_service', 'other']);
    expect(rejectReasons('2026-09-30.endive')).toHaveLength(7);
    expect(rejectReasons('2026-08-27.dahlia').map((r) => r.value)).toEqual(['fraud', 'terms_of_service', 'other']);
    expect(versionAtLeast('2026-07-29.dahlia', '2026-07-29.dahlia')).toBe(true);
    expect(versionAtLeast('2024-06-20', '2026-07-29.dahlia')).toBe(false);
  });
});

describe('canReject', () => {
  it('refuses Standard accounts in every mode, and live accounts with a balance', () => {
    expect(canReject(custom, 'emulator', null)).toEqual({ allowed: true });
    expect(canReject(custom, 'test', some)).toEqual({ allowed: true });
    expect(canReject(standard, 'test', zero).allowed).toBe(false);
    expect(canReject(standard, 'test', zero).why).toMatch(/Standard/);
    expect(canReject(custom, 'live', zero)).toEqual({ allowed: true });
    expect(canReject(custom, 'live', some).why).toMatch(/balances are zero/);
    expect(canReject(custom, 'live', null).allowed).toBe(false);
    expect(canReject(rejected('rejected.platform_fraud'), 'test', null).why).toMatch(/already rejected/);
  });
  it('reads liability from the controller before the type', () => {
    expect(canReject({ ...standard, controller: { type: 'application', losses: { payments: 'application' } } as Stripe.Account.Controller }, 'test', null).allowed).toBe(true);
    expect(canReject({ ...custom, controller: { type: 'application', losses: { payments: 'stripe' } } as Stripe.Account.Controller }, 'test', null).allowed).toBe(false);
  });
});

describe('canDelete', () => {
  it('allows any test-mode account, and live ones the platform is liable for with zero balances', () => {
    expect(canDelete(standard, 'test', null)).toEqual({ allowed: true });
    expect(canDelete(standard, 'live', zero).why).toMatch(/Standard/);
    expect(canDelete(custom, 'live', zero)).toEqual({ allowed: true });
    expect(canDelete(custom, 'live', some).allowed).toBe(false);
  });
});

describe('canUnreject', () => {
  it('reverses only the platform’s own rejections, from dahlia on', () => {
    expect(canUnreject(rejected('rejected.platform_fraud'), '2026-10-28.endive')).toEqual({ allowed: true });
    expect(canUnreject(rejected('rejected.fraud'), '2026-10-28.endive').why).toMatch(/Stripe rejected/);
    expect(canUnreject(rejected('rejected.platform_other'), '2026-06-30.basil').why).toMatch(/2026-07-29.dahlia/);
    expect(canUnreject(custom, '2026-10-28.endive').why).toMatch(/not rejected/);
  });
});

describe('canManageCapabilities and canCreateLoginLink', () => {
  it('leave Standard accounts to their owners and log in to Express only', async () => {
    const { canManageCapabilities, canCreateLoginLink } = await import('./rules');
    const express = { type: 'express', controller: { stripe_dashboard: { type: 'express' }, requirement_collection: 'application' } } as Parameters<typeof canCreateLoginLink>[0];
    const std = { type: 'standard', controller: { stripe_dashboard: { type: 'full' }, requirement_collection: 'stripe' } } as Parameters<typeof canCreateLoginLink>[0];
    expect(canManageCapabilities(express).allowed).toBe(true);
    expect(canManageCapabilities(std).why).toMatch(/Standard/);
    expect(canManageCapabilities({ type: 'custom', controller: undefined })).toEqual({ allowed: true });
    expect(canCreateLoginLink(express)).toEqual({ allowed: true });
    expect(canCreateLoginLink(std).allowed).toBe(false);
    expect(canCreateLoginLink({ type: 'custom', controller: undefined }).allowed).toBe(false);
  });
});
