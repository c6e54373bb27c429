// Stripe's processing fee on a card charge, as the emulator computes it.
//
// The model: the US standard rate, 2.9% of the amount plus a fixed part, for every currency. The
// fixed part is US$0.30, or a rounded equivalent in the charge's currency (the table below:
// e.g. €0.25, £0.20, ¥45). The percentage is rounded to the nearest minor unit (half up), and the
// fee never exceeds the amount. The fee is carried by the charge's balance transaction (`fee`,
// `fee_details[type=stripe_fee]`), so `net = amount - fee`: on the platform for its own and
// destination charges, on the connected account for direct charges. Application fees are never
// charged a Stripe fee.
import type Stripe from 'stripe';

export const PERCENT = 0.029;

/** The fixed part of the fee in minor units: US$0.30 or its rounded equivalent. */
export const FIXED_FEE: Readonly<Record<string, number>> = {
  usd: 30,
  aed: 110,
  aud: 45,
  bgn: 55,
  brl: 150,
  cad: 40,
  chf: 25,
  czk: 700,
  dkk: 200,
  eur: 25,
  gbp: 20,
  hkd: 235,
  huf: 11000,
  jpy: 45,
  mxn: 550,
  myr: 140,
  nok: 300,
  nzd: 50,
  pln: 120,
  ron: 140,
  sek: 300,
  sgd: 40,
  thb: 1000,
};

/** Stripe's fee on a card charge of `amount` (minor units) in `currency`. */
export function stripeFee(amount: number, currency: string): number {
  const fee = Math.round(amount * PERCENT) + (FIXED_FEE[currency] ?? 30);
  return Math.min(fee, amount);
}

export function stripeFeeDetail(amount: number, currency: string): Stripe.BalanceTransaction.FeeDetail {
  return { amount, application: null, currency, description: 'Stripe processing fees', type: 'stripe_fee' };
}

export function applicationFeeDetail(amount: number, currency: string, application: string, name: string): Stripe.BalanceTransaction.FeeDetail {
  return { amount, application, currency, description: `${name} application fee`, type: 'application_fee' };
}
