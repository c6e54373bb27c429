// Stripe's rules for rejecting, unrejecting and deleting a connected account, known before the
// call so the dashboard explains a refusal instead of offering an action Stripe will refuse. The
// reasons follow the API version the client pins (2026-09-30.endive split fraud into kinds and
// added credit). Pure: the form, the server action and the tests share it.
import type Stripe from 'stripe';

export interface ReasonOption {
  value: string;
  label: string;
}

/** The API version the server's Stripe client pins (the `stripe` package's). Here, not in
 * schemas.ts, so the account page can read it without loading zod. */
export const PINNED_API_VERSION = '2026-10-28.endive';

/** The first API versions with each change (Stripe's changelog). */
export const VERSIONS = { unreject: '2026-07-29.dahlia', rejectReasons: '2026-09-30.endive' } as const;

/** Whether `version` is at or after `since` (dates compare as strings; the release name follows the date). */
export function versionAtLeast(version: string, since: string): boolean {
  return version.slice(0, 10) >= since.slice(0, 10);
}

const REASONS_SINCE_ENDIVE: ReasonOption[] = [
  { value: 'fraud_payment_method_casher', label: 'Fraud: cashing out stolen payment methods' },
  { value: 'fraud_payment_method_tester', label: 'Fraud: testing stolen payment methods' },
  { value: 'fraud_no_intent_to_fulfill', label: 'Fraud: no intent to deliver what was sold' },
  { value: 'fraud_other', label: 'Fraud: other' },
  { value: 'credit', label: 'Credit risk' },
  { value: 'terms_of_service', label: 'Terms of service violation' },
  { value: 'other', label: 'Other' },
];

const REASONS_BEFORE_ENDIVE: ReasonOption[] = [
  { value: 'fraud', label: 'Fraud' },
  { value: 'terms_of_service', label: 'Terms of service violation' },
  { value: 'other', label: 'Other' },
];

export function rejectReasons(version: string): ReasonOption[] {
  return versionAtLeast(version, VERSIONS.rejectReasons) ? REASONS_SINCE_ENDIVE : REASONS_BEFORE_ENDIVE;
}

export type Mode = 'emulator' | 'test' | 'live';

/** Per-currency balances in minor units, as `GET /v1/balance` with Stripe-Account gives them. */
export interface BalanceTotals {
  available: { amount: number; currency: string }[];
  pending: { amount: number; currency: string }[];
}

type Account = Pick<Stripe.Account, 'type' | 'controller' | 'requirements'>;

/** Whether the platform is liable for the account's negative balances (Custom and Express). */
export function platformLiable(a: Account): boolean {
  const losses = a.controller?.losses?.payments;
  if (losses) return losses === 'application';
  return a.type === 'custom' || a.type === 'express';
}

export function hasBalance(b: BalanceTotals | null): boolean {
  return b !== null && [...b.available, ...b.pending].some((x) => x.amount !== 0);
}

export interface Verdict {
  allowed: boolean;
  /** Why not, in words an operator can act on. */
  why?: string;
}

/**
 * Reject: only accounts the platform is liable for (not Standard), and in live mode only once all
 * balances are zero. Test-mode Stripe lets any account be rejected; the dashboard still refuses a
 * Standard one there, so what works in test mode also works in live mode.
 */
export function canReject(a: Account, mode: Mode, balance: BalanceTotals | null): Verdict {
  if (a.requirements?.disabled_reason?.startsWith('rejected.')) return { allowed: false, why: 'The account is already rejected.' };
  if (!platformLiable(a)) return { allowed: false, why: 'Stripe is liable for this account’s losses (a Standard account): only Stripe can reject it. Contact Stripe support instead.' };
  if (mode === 'live' && balance === null) return { allowed: false, why: 'The account’s balance could not be read; Stripe rejects a live account only once all its balances are zero.' };
  if (mode === 'live' && hasBalance(balance)) return { allowed: false, why: 'Stripe rejects a live account only once all its balances are zero: pay out or reverse what it holds first.' };
  return { allowed: true };
}

/** Delete: in live mode never a Standard account, and the others only with zero balances. */
export function canDelete(a: Account, mode: Mode, balance: BalanceTotals | null): Verdict {
  if (mode !== 'live') return { allowed: true };
  if (!platformLiable(a)) return { allowed: false, why: 'Stripe does not let a platform delete a live Standard account.' };
  if (balance === null) return { allowed: false, why: 'The account’s balance could not be read; Stripe deletes a live account only once all its balances are zero.' };
  if (hasBalance(balance)) return { allowed: false, why: 'Stripe deletes a live account only once all its balances are zero: pay out or reverse what it holds first.' };
  return { allowed: true };
}

/** Unreject: only the platform's own rejections (Stripe's are final), from 2026-07-29.dahlia. */
export function canUnreject(a: Account, version: string): Verdict {
  const reason = a.requirements?.disabled_reason ?? '';
  if (!reason.startsWith('rejected.')) return { allowed: false, why: 'The account is not rejected.' };
  if (!versionAtLeast(version, VERSIONS.unreject)) return { allowed: false, why: `Unrejecting needs API version ${VERSIONS.unreject} or later.` };
  if (!reason.startsWith('rejected.platform_')) return { allowed: false, why: 'Stripe rejected this account itself; only Stripe can reverse that.' };
  return { allowed: true };
}

type Managed = Pick<Stripe.Account, 'type' | 'controller'>;

/** Whether the account's owner, not the platform, runs it in Stripe's full Dashboard (Standard). */
function ownerManaged(a: Managed): boolean {
  if (a.controller?.stripe_dashboard?.type) return a.controller.stripe_dashboard.type === 'full' && a.controller.requirement_collection !== 'application';
  return a.type === 'standard';
}

/** Capabilities: the platform requests and removes them for the accounts it onboards, not Standard ones. */
export function canManageCapabilities(a: Managed): Verdict {
  if (ownerManaged(a)) return { allowed: false, why: 'A Standard account requests its own capabilities in its Stripe Dashboard; the platform cannot change them.' };
  return { allowed: true };
}

/** Login links open the Express Dashboard, so only Express accounts have them. */
export function canCreateLoginLink(a: Managed): Verdict {
  const express = a.controller?.stripe_dashboard?.type ? a.controller.stripe_dashboard.type === 'express' : a.type === 'express';
  if (!express) return { allowed: false, why: 'Only Express accounts have an Express Dashboard to log in to.' };
  return { allowed: true };
}
