// Stripe's test card tokens for charges (docs.stripe.com/testing): which card each one stands
// for, and how a charge on it ends. Tokens are test-mode only, as on Stripe: in live mode a known
// test card is declined (`test_mode_live_card`).
import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import { invalidRequest, StripeApiError, type StripeErrorBody } from '../core/errors';
import { makeId } from '../core/ids';
import type { Mode } from '../core/world';

export interface Decline {
  /** The error code (`card_declined`, `expired_card`, ...). */
  code: string;
  decline_code?: string;
  message: string;
  /** outcome.type / outcome.reason / outcome.network_status of the failed charge. */
  outcomeType: 'issuer_declined' | 'blocked';
  reason: string;
  sellerMessage: string;
}

export interface TestCard {
  number: string;
  brand: 'Visa' | 'MasterCard' | 'American Express' | 'Discover';
  network: 'visa' | 'mastercard' | 'amex' | 'discover';
  funding: 'credit' | 'debit';
  country: string;
  /** Funds are available at once (4000 0000 0000 0077) instead of after the usual 2 days. */
  bypassPending?: boolean;
  decline?: Decline;
  /** Radar's risk level for a charge on this card (docs.stripe.com/radar/testing); `normal` when unset. */
  risk?: 'elevated' | 'highest';
  /** The issuer raises an early fraud warning once the charge succeeds (4000 0000 0000 5423). */
  earlyFraudWarning?: boolean;
  /** The cardholder disputes the charge once it succeeds (docs.stripe.com/testing#disputes): see money/disputes.ts. */
  dispute?: 'fraudulent' | 'product_not_received' | 'inquiry';
}

const GENERIC: Decline = {
  code: 'card_declined',
  decline_code: 'generic_decline',
  message: 'Your card was declined.',
  outcomeType: 'issuer_declined',
  reason: 'generic_decline',
  sellerMessage: 'The bank did not return any further details with this decline.',
};

const visa = (number: string, extra: Partial<TestCard> = {}): TestCard => ({ number, brand: 'Visa', network: 'visa', funding: 'credit', country: 'US', ...extra });

/** Test tokens a charge's `source` may name. */
export const TEST_TOKENS: Readonly<Record<string, TestCard>> = {
  tok_visa: visa('4242424242424242'),
  tok_visa_debit: visa('4000056655665556', { funding: 'debit' }),
  tok_mastercard: { number: '5555555555554444', brand: 'MasterCard', network: 'mastercard', funding: 'credit', country: 'US' },
  tok_mastercard_debit: { number: '5200828282828210', brand: 'MasterCard', network: 'mastercard', funding: 'debit', country: 'US' },
  tok_amex: { number: '378282246310005', brand: 'American Express', network: 'amex', funding: 'credit', country: 'US' },
  tok_discover: { number: '6011111111111117', brand: 'Discover', network: 'discover', funding: 'credit', country: 'US' },
  tok_bypassPending: visa('4000000000000077', { bypassPending: true }),
  tok_chargeDeclined: visa('4000000000000002', { decline: GENERIC }),
  tok_chargeDeclinedInsufficientFunds: visa('4000000000009995', {
    decline: { ...GENERIC, decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.', reason: 'insufficient_funds' },
  }),
  tok_chargeDeclinedLostCard: visa('4000000000009987', { decline: { ...GENERIC, decline_code: 'lost_card', reason: 'lost_card' } }),
  tok_chargeDeclinedStolenCard: visa('4000000000009979', { decline: { ...GENERIC, decline_code: 'stolen_card', reason: 'stolen_card' } }),
  tok_chargeDeclinedExpiredCard: visa('4000000000000069', {
    decline: { ...GENERIC, code: 'expired_card', decline_code: undefined, message: 'Your card has expired.', reason: 'expired_card' },
  }),
  tok_chargeDeclinedIncorrectCvc: visa('4000000000000127', {
    decline: { ...GENERIC, code: 'incorrect_cvc', decline_code: undefined, message: "Your card's security code is incorrect.", reason: 'incorrect_cvc' },
  }),
  // Radar (docs.stripe.com/radar/testing, docs.stripe.com/testing#fraud-prevention).
  tok_riskLevelElevated: visa('4000000000009235', { risk: 'elevated' }),
  tok_riskLevelHighest: visa('4000000000004954', { risk: 'highest' }),
  tok_chargeDeclinedFraudulent: visa('4100000000000019', {
    risk: 'highest',
    decline: {
      code: 'card_declined',
      decline_code: 'fraudulent',
      message: 'Your card was declined.',
      outcomeType: 'blocked',
      reason: 'highest_risk_level',
      sellerMessage: 'Stripe blocked this payment as too risky.',
    },
  }),
  tok_createIssuerFraudRecord: visa('4000000000005423', { earlyFraudWarning: true }),
  // Disputes (docs.stripe.com/testing#disputes): the charge succeeds, then is disputed.
  tok_createDispute: visa('4000000000000259', { dispute: 'fraudulent' }),
  tok_createDisputeProductNotReceived: visa('4000000000002685', { dispute: 'product_not_received' }),
  tok_createDisputeInquiry: visa('4000000000001976', { dispute: 'inquiry' }),
  tok_chargeDeclinedProcessingError: visa('4000000000000119', {
    decline: { ...GENERIC, code: 'processing_error', decline_code: undefined, message: 'An error occurred while processing your card. Try again in a little bit.', reason: 'processing_error' },
  }),
};

/** The card a `source` names, or Stripe's 400 for an unknown token (or 402 for a test card in live mode). */
export function cardForSource(source: string, mode: Mode): TestCard {
  const card = TEST_TOKENS[source];
  if (!card) throw invalidRequest(`No such token: '${source}'`, { param: 'source', code: 'resource_missing' });
  if (mode === 'live') {
    throw new StripeApiError(402, {
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'test_mode_live_card',
      message: 'Your card was declined. Your request was in live mode, but used a known test card.',
    });
  }
  return card;
}

const fingerprintOf = (number: string) => createHash('sha256').update(`card:${number}`).digest('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 16);

/** The card object a charge's `source` shows (a new card id per charge, as tokens make). */
export function cardObject(card: TestCard, now: number, id: string = makeId('card')): Stripe.Card {
  return {
    id,
    object: 'card',
    address_city: null,
    address_country: null,
    address_line1: null,
    address_line1_check: null,
    address_line2: null,
    address_state: null,
    address_zip: null,
    address_zip_check: null,
    brand: card.brand,
    country: card.country,
    customer: null,
    cvc_check: 'pass',
    dynamic_last4: null,
    exp_month: 12,
    exp_year: new Date(now * 1000).getUTCFullYear() + 3,
    fingerprint: fingerprintOf(card.number),
    funding: card.funding,
    last4: card.number.slice(-4),
    metadata: {},
    name: null,
    regulated_status: 'unregulated',
    tokenization_method: null,
    wallet: null,
  } as Stripe.Card;
}

/** `payment_method_details` of a card charge. */
export function cardDetails(card: TestCard, source: Stripe.Card, amount: number, succeeded: boolean): Stripe.Charge.PaymentMethodDetails {
  return {
    card: {
      amount_authorized: succeeded ? amount : null,
      authorization_code: succeeded ? String(100000 + (Number.parseInt(source.fingerprint?.slice(0, 6) ?? '0', 36) % 900000)) : null,
      brand: card.network,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
      country: card.country,
      exp_month: source.exp_month,
      exp_year: source.exp_year,
      extended_authorization: { status: 'disabled' },
      fingerprint: source.fingerprint ?? null,
      funding: card.funding,
      incremental_authorization: { status: 'unavailable' },
      installments: null,
      last4: source.last4,
      mandate: null,
      multicapture: { status: 'unavailable' },
      network: card.network,
      network_token: { used: false },
      network_transaction_id: succeeded ? source.id.slice(5, 20) : null,
      overcapture: { maximum_amount_capturable: amount, status: 'unavailable' },
      regulated_status: 'unregulated',
      three_d_secure: null,
      transaction_link_id: null,
      wallet: null,
      electronic_commerce_indicator: null,
    } as Stripe.Charge.PaymentMethodDetails.Card,
    type: 'card',
  } as Stripe.Charge.PaymentMethodDetails;
}

const RISK_SCORE = { normal: 18, elevated: 67, highest: 92 } as const;

/** A charge's `outcome`: approved (or held for review at elevated risk), or how it was declined. */
export function outcomeOf(card: TestCard): Stripe.Charge.Outcome {
  const risk_level = card.risk ?? 'normal';
  const base = { advice_code: null, network_advice_code: null, network_decline_code: null, risk_level, risk_score: RISK_SCORE[risk_level] };
  const d = card.decline;
  if (d) {
    return {
      ...base,
      network_status: d.outcomeType === 'blocked' ? 'not_sent_to_network' : 'declined_by_network',
      reason: d.reason,
      seller_message: d.sellerMessage,
      type: d.outcomeType,
    };
  }
  if (risk_level === 'elevated') {
    return {
      ...base,
      network_status: 'approved_by_network',
      reason: 'elevated_risk_level',
      seller_message: 'Stripe evaluated this payment as having elevated risk, and placed it in your manual review queue.',
      type: 'manual_review',
    };
  }
  return { ...base, network_status: 'approved_by_network', reason: null, seller_message: 'Payment complete.', type: 'authorized' };
}

/** The 402 a declined charge answers; it names the failed charge, as Stripe's does. */
export function declineError(decline: Decline, chargeId: string): StripeApiError {
  const body = {
    type: 'card_error',
    code: decline.code,
    ...(decline.decline_code ? { decline_code: decline.decline_code } : {}),
    message: decline.message,
    charge: chargeId,
  } as StripeErrorBody;
  return new StripeApiError(402, body);
}
