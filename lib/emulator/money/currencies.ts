// Currencies the emulator moves money in, with Stripe's rules for each: amounts are integers in
// the currency's minor unit (cents; whole yen for zero-decimal currencies), a charge must reach
// the currency's documented minimum (Stripe's "minimum and maximum charge amounts" table, the
// equivalent of US$0.50) and has at most eight digits.
//
// The emulator keeps a balance per currency (as if the platform settled in every currency it
// charges in): there is no currency conversion and so no `exchange_rate`.
import { invalidRequest } from '../core/errors';

/** Currencies whose amounts are whole units (no minor unit): Stripe's zero-decimal list. */
export const ZERO_DECIMAL: ReadonlySet<string> = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);

/**
 * The currencies the emulator supports, each with Stripe's minimum charge amount in minor units
 * (docs.stripe.com/currencies#minimum-and-maximum-charge-amounts).
 */
export const MINIMUM_CHARGE: Readonly<Record<string, number>> = {
  usd: 50,
  aed: 200,
  aud: 50,
  bgn: 100,
  brl: 50,
  cad: 50,
  chf: 50,
  czk: 1500,
  dkk: 250,
  eur: 50,
  gbp: 30,
  hkd: 400,
  huf: 17500,
  jpy: 50,
  mxn: 1000,
  myr: 200,
  nok: 300,
  nzd: 50,
  pln: 200,
  ron: 200,
  sek: 300,
  sgd: 50,
  thb: 1000,
};

/** The largest amount Stripe accepts: eight digits (99999999, $999,999.99 for USD). */
export const MAXIMUM_AMOUNT = 99_999_999;

export const SUPPORTED_CURRENCIES: readonly string[] = Object.keys(MINIMUM_CHARGE).sort();

const SYMBOL: Record<string, string> = { usd: '$', eur: '€', gbp: '£', jpy: '¥', cad: '$', aud: '$', nzd: '$', sgd: '$', hkd: '$', mxn: '$' };

export const isZeroDecimal = (currency: string): boolean => ZERO_DECIMAL.has(currency);

/** An amount as Stripe writes it in messages: `$0.50 usd`, `¥50 jpy`, `1,000.00 sek` (without the code: `$0.50`, as refund messages have it). */
export function formatAmount(amount: number, currency: string, opts: { code?: boolean } = {}): string {
  const digits = isZeroDecimal(currency) ? 0 : 2;
  const major = digits === 0 ? amount : amount / 100;
  const text = major.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return opts.code === false ? `${SYMBOL[currency] ?? ''}${text}` : `${SYMBOL[currency] ?? ''}${text} ${currency}`;
}

/**
 * A currency parameter as Stripe takes it: ISO code, case-insensitive, answered in lowercase.
 * Unknown or unsupported codes are Stripe's "Invalid currency" 400 naming `param`.
 */
export function parseCurrency(value: string, param = 'currency'): string {
  const currency = value.toLowerCase();
  if (!(currency in MINIMUM_CHARGE)) {
    throw invalidRequest(`Invalid currency: ${currency}. Stripe currently supports these currencies: ${SUPPORTED_CURRENCIES.join(', ')}`, { param });
  }
  return currency;
}

/** Stripe's checks on a charge amount: at least the currency's minimum, at most eight digits. */
export function checkChargeAmount(amount: number, currency: string, param = 'amount'): void {
  const min = MINIMUM_CHARGE[currency] ?? 50;
  if (amount < min) throw invalidRequest(`Amount must be at least ${formatAmount(min, currency)}`, { param, code: 'amount_too_small' });
  checkMaximum(amount, currency, param);
}

/** At most eight digits, for any amount (transfers, fees, reversals, refunds). */
export function checkMaximum(amount: number, currency: string, param = 'amount'): void {
  if (amount > MAXIMUM_AMOUNT) {
    throw invalidRequest(`Amount must be no more than ${formatAmount(MAXIMUM_AMOUNT, currency)}`, { param, code: 'amount_too_large' });
  }
}
