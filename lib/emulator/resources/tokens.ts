// Stripe's documented test values for payout destinations: the magic bank and card tokens
// (`btok_us_verified`, `tok_visa_debit`, ...), the test bank and card numbers, and the checks a
// bank account number or card number goes through before it becomes an external account.
// Magic tokens exist in test mode only, as on Stripe; live mode knows no tokens at all (nothing
// here creates tokens).
import { createHash } from 'node:crypto';
import { invalidRequest, StripeApiError } from '../core/errors';
import type { Mode } from '../core/world';

/** Each country's own currency (what a bank account there holds unless told otherwise). */
export const COUNTRY_CURRENCY: Record<string, string> = {
  AE: 'aed', AT: 'eur', AU: 'aud', BE: 'eur', BG: 'bgn', BR: 'brl', CA: 'cad', CH: 'chf', CY: 'eur', CZ: 'czk',
  DE: 'eur', DK: 'dkk', EE: 'eur', ES: 'eur', FI: 'eur', FR: 'eur', GB: 'gbp', GI: 'gbp', GR: 'eur', HK: 'hkd',
  HR: 'eur', HU: 'huf', IE: 'eur', IN: 'inr', IT: 'eur', JP: 'jpy', LI: 'chf', LT: 'eur', LU: 'eur', LV: 'eur',
  MT: 'eur', MX: 'mxn', MY: 'myr', NL: 'eur', NO: 'nok', NZ: 'nzd', PL: 'pln', PT: 'eur', RO: 'ron', SE: 'sek',
  SG: 'sgd', SI: 'eur', SK: 'eur', TH: 'thb', US: 'usd',
};

/** Countries whose bank accounts are given as an IBAN (account_number), with the IBAN's length. */
const IBAN_LENGTH: Record<string, number> = {
  AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18, FR: 27, GI: 23, GR: 27,
  HR: 21, HU: 28, IE: 22, IT: 27, LI: 21, LT: 20, LU: 20, LV: 21, MT: 31, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24,
  SE: 24, SI: 19, SK: 24,
};

export const isIbanCountry = (country: string): boolean => country in IBAN_LENGTH;

const TEST_BANK_NAME = 'STRIPE TEST BANK';
const TEST_NUMBERS_URL = 'https://stripe.com/docs/connect/testing#account-numbers';

/** Test account numbers by country (Stripe's Connect testing page); each one's payout outcome. */
const TEST_ACCOUNT_NUMBERS: Record<string, Record<string, string>> = {
  US: {
    '000123456789': 'succeeds',
    '000111111116': 'no_account',
    '000111111113': 'account_closed',
    '000222222227': 'insufficient_funds',
    '000333333335': 'debit_not_authorized',
    '000444444440': 'invalid_currency',
  },
  CA: {
    '000123456789': 'succeeds',
    '000111111116': 'no_account',
    '000111111113': 'account_closed',
    '000222222227': 'insufficient_funds',
    '000333333335': 'debit_not_authorized',
    '000444444440': 'invalid_currency',
  },
  GB: {
    '00012345': 'succeeds',
    '11111116': 'no_account',
    '11111113': 'account_closed',
    '22222227': 'insufficient_funds',
    '33333335': 'debit_not_authorized',
    '44444440': 'invalid_currency',
  },
};

/** Test IBANs: Stripe documents them for Germany and lets any IBAN country's code replace `DE`. */
const TEST_IBAN_BODIES: Record<string, string> = {
  '89370400440532013000': 'succeeds',
  '62370400440532013001': 'no_account',
  '89370400440532013002': 'account_closed',
  '89370400440532013003': 'insufficient_funds',
  '89370400440532013004': 'debit_not_authorized',
  '89370400440532013005': 'invalid_currency',
};

const FIRST_TEST_NUMBER: Record<string, string> = { US: '000123456789', CA: '000123456789', GB: '00012345' };

/** What a payout to an account of Stripe's test numbers does: fails with one of these codes, or succeeds. */
export type TestPayoutFailure = 'no_account' | 'account_closed' | 'insufficient_funds' | 'debit_not_authorized' | 'invalid_currency';

/**
 * Test numbers Stripe lists for countries whose numbers test mode does not insist on here
 * (AU: BSB 110000; JP: bank 1100, branch 000): other numbers are taken and pay out.
 */
const OTHER_TEST_NUMBERS: Record<string, Record<string, string>> = {
  AU: { '000123456': 'succeeds', '111111116': 'no_account', '111111113': 'account_closed', '222222227': 'insufficient_funds', '333333335': 'debit_not_authorized', '444444440': 'invalid_currency' },
  JP: { '0001234': 'succeeds', '1111116': 'no_account', '1111113': 'account_closed', '2222227': 'insufficient_funds', '3333335': 'debit_not_authorized', '4444440': 'invalid_currency' },
};

/** The payout outcome of a test bank account number in test mode (Stripe's Connect testing page), null when payouts succeed. */
function testPayoutFailure(country: string, number: string, testMode: boolean): TestPayoutFailure | null {
  if (!testMode) return null;
  const outcome = isIbanCountry(country) ? TEST_IBAN_BODIES[number.slice(2)] : (TEST_ACCOUNT_NUMBERS[country] ?? OTHER_TEST_NUMBERS[country])?.[number];
  return outcome === undefined || outcome === 'succeeds' ? null : (outcome as TestPayoutFailure);
}

/** What a bank account is made from: a hash's fields, or a magic token's. */
export interface BankInput {
  country: string;
  currency: string | null;
  account_number: string;
  routing_number: string | null;
  account_holder_name: string | null;
  account_holder_type: string | null;
}

/** The checked bank account, as it is shown. */
export interface BankDetails {
  country: string;
  currency: string;
  routing_number: string | null;
  last4: string;
  bank_name: string | null;
  fingerprint: string;
  account_holder_name: string | null;
  account_holder_type: string | null;
  /** Test mode: the failure code payouts to this account end with (Stripe's failing test numbers), null when they succeed. */
  payout_failure: TestPayoutFailure | null;
}

const EURO_TOKEN_COUNTRIES = ['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK'];

const US_TOKENS: Record<string, string> = {
  btok_us: '000123456789',
  btok_us_verified: '000123456789',
  btok_us_verified_noAccount: '000111111116',
  btok_us_verified_accountClosed: '000111111113',
  btok_us_verified_insufficientFunds: '000222222227',
  btok_us_verified_debitNotAuthorized: '000333333335',
  btok_us_verified_invalidCurrency: '000444444440',
};

/** The bank account a magic test token stands for (test mode only), or undefined. */
export function bankToken(token: string, mode: Mode): BankInput | undefined {
  if (mode !== 'test') return undefined;
  const holder = { account_holder_name: null, account_holder_type: null };
  if (token in US_TOKENS) return { country: 'US', currency: 'usd', routing_number: '110000000', account_number: US_TOKENS[token], ...holder };
  if (token === 'btok_gb') return { country: 'GB', currency: 'gbp', routing_number: '108800', account_number: '00012345', ...holder };
  if (token === 'btok_ca') return { country: 'CA', currency: 'cad', routing_number: '11000-000', account_number: '000123456789', ...holder };
  if (token === 'btok_au') return { country: 'AU', currency: 'aud', routing_number: '110000', account_number: '000123456', ...holder };
  const m = /^btok_([a-z]{2})$/.exec(token);
  const cc = m?.[1].toUpperCase();
  if (cc && EURO_TOKEN_COUNTRIES.includes(cc)) {
    return { country: cc, currency: 'eur', routing_number: null, account_number: `${cc}89370400440532013000`, ...holder };
  }
  return undefined;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Stripe-like fingerprint: the same number always gives the same 16 characters. */
export function fingerprint(...parts: string[]): string {
  const digest = createHash('sha256').update(parts.join('|')).digest();
  let out = '';
  for (let i = 0; i < 16; i++) out += BASE62[digest[i] % 62];
  return out;
}

function abaChecksumOk(r: string): boolean {
  const d = r.split('').map(Number);
  return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])) % 10 === 0;
}

function ibanChecksumOk(iban: string): boolean {
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const v = /[0-9]/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const digit of v) rem = (rem * 10 + Number(digit)) % 97;
  }
  return rem === 1;
}

const bad = (message: string, param: string, code?: string) => invalidRequest(message, { param, ...(code ? { code } : {}) });

/**
 * Checks a bank account the way Stripe does for a payout destination and answers what is shown.
 * `paramOf(field)` names the parameter a problem is reported on (a token's problems are the token's;
 * `paramOf('')` is the external account parameter itself).
 */
export function checkBankAccount(input: BankInput, mode: Mode, paramOf: (field: string) => string): BankDetails {
  const country = input.country.toUpperCase();
  if (!(country in COUNTRY_CURRENCY)) throw bad(`Invalid country: ${input.country}. Bank accounts in this country are not supported.`, paramOf('country'));
  const currency = (input.currency ?? COUNTRY_CURRENCY[country]).toLowerCase();
  if (!/^[a-z]{3}$/.test(currency)) throw bad(`Invalid currency: ${input.currency}`, paramOf('currency'));
  const raw = input.account_number.replace(/[\s-]/g, '');
  let routing: string | null = null;
  let last4: string;
  const testMode = mode === 'test';
  const testNumberRequired = (example: string) =>
    bad(`You must use a test bank account number in test mode. Try ${example} or see more options at ${TEST_NUMBERS_URL}.`, paramOf('account_number'), 'account_number_invalid');

  if (isIbanCountry(country)) {
    const iban = raw.toUpperCase();
    if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]+$/.test(iban)) throw bad('The IBAN you provided is invalid.', paramOf('account_number'), 'account_number_invalid');
    if (iban.slice(0, 2) !== country) {
      throw bad(`The IBAN you provided (${iban.slice(0, 2)}) does not match the bank account country (${country}).`, paramOf('account_number'), 'account_number_invalid');
    }
    if (testMode) {
      if (!(iban.slice(2) in TEST_IBAN_BODIES)) throw testNumberRequired(`${country}89370400440532013000`);
    } else if (iban.length !== IBAN_LENGTH[country] || !ibanChecksumOk(iban)) {
      throw bad('The IBAN you provided is invalid.', paramOf('account_number'), 'account_number_invalid');
    }
    last4 = iban.slice(-4);
    return finish(iban);
  }

  const routingRaw = input.routing_number?.trim() ?? null;
  switch (country) {
    case 'US': {
      if (!routingRaw) throw bad(`Missing required param: ${paramOf('routing_number')}.`, paramOf('routing_number'), 'parameter_missing');
      if (!/^\d{9}$/.test(routingRaw)) throw bad('Routing number must have 9 digits', paramOf('routing_number'), 'routing_number_invalid');
      if (!abaChecksumOk(routingRaw)) throw bad(`Invalid routing number: ${routingRaw}`, paramOf('routing_number'), 'routing_number_invalid');
      routing = routingRaw;
      break;
    }
    case 'CA': {
      if (!routingRaw) throw bad(`Missing required param: ${paramOf('routing_number')}.`, paramOf('routing_number'), 'parameter_missing');
      const m = /^(\d{5})-?(\d{3})$/.exec(routingRaw);
      if (!m) throw bad('Invalid routing number: a Canadian routing number is a 5-digit transit number and a 3-digit institution number (e.g. 11000-000).', paramOf('routing_number'), 'routing_number_invalid');
      routing = `${m[1]}-${m[2]}`;
      break;
    }
    case 'GB': {
      if (!routingRaw) throw bad(`Missing required param: ${paramOf('routing_number')}.`, paramOf('routing_number'), 'parameter_missing');
      const sort = routingRaw.replace(/-/g, '');
      if (!/^\d{6}$/.test(sort)) throw bad('Invalid sort code: it must have 6 digits.', paramOf('routing_number'), 'routing_number_invalid');
      routing = `${sort.slice(0, 2)}-${sort.slice(2, 4)}-${sort.slice(4)}`;
      break;
    }
    case 'AU': {
      if (!routingRaw) throw bad(`Missing required param: ${paramOf('routing_number')}.`, paramOf('routing_number'), 'parameter_missing');
      const bsb = routingRaw.replace(/-/g, '');
      if (!/^\d{6}$/.test(bsb)) throw bad('Invalid BSB number: it must have 6 digits.', paramOf('routing_number'), 'routing_number_invalid');
      routing = bsb;
      break;
    }
    default:
      routing = routingRaw && routingRaw !== '' ? routingRaw : null;
  }

  const digitsOnly = ['US', 'CA', 'GB', 'AU'].includes(country);
  if (digitsOnly ? !/^\d+$/.test(raw) : !/^[A-Za-z0-9]+$/.test(raw)) {
    throw bad('Your bank account number is invalid: it must contain only digits.', paramOf('account_number'), 'account_number_invalid');
  }
  const lengths: Record<string, [number, number]> = { US: [4, 17], CA: [7, 12], GB: [8, 8], AU: [5, 9] };
  const [min, max] = lengths[country] ?? [4, 34];
  if (raw.length < min || raw.length > max) {
    throw bad(
      min === max ? `Your bank account number must have ${min} digits.` : `Your bank account number must have between ${min} and ${max} digits.`,
      paramOf('account_number'),
      'account_number_invalid',
    );
  }
  if (testMode && TEST_ACCOUNT_NUMBERS[country] && !(raw in TEST_ACCOUNT_NUMBERS[country])) throw testNumberRequired(FIRST_TEST_NUMBER[country]);
  last4 = raw.slice(-4);
  return finish(raw);

  function finish(number: string): BankDetails {
    return {
      country,
      currency,
      routing_number: routing,
      last4,
      bank_name: testMode ? TEST_BANK_NAME : null,
      fingerprint: fingerprint(mode, 'bank', country, routing ?? '', number),
      account_holder_name: input.account_holder_name,
      account_holder_type: input.account_holder_type,
      payout_failure: testPayoutFailure(country, number, testMode),
    };
  }
}

/** What a card is made from: a hash's fields, or a magic token's. */
export interface CardInput {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc: string | null;
  name: string | null;
  address_city: string | null;
  address_country: string | null;
  address_line1: string | null;
  address_line2: string | null;
  address_state: string | null;
  address_zip: string | null;
}

interface TestCard {
  brand: string;
  funding: 'credit' | 'debit' | 'prepaid';
  country: string;
  /** Instant payouts: Stripe's `instantPayoutUnsupported` card has standard only. */
  instant: boolean;
}

/** Stripe's test card numbers that matter for payouts (and the usual credit ones, which are refused). */
const TEST_CARDS: Record<string, TestCard> = {
  '4242424242424242': { brand: 'Visa', funding: 'credit', country: 'US', instant: false },
  '4000056655665556': { brand: 'Visa', funding: 'debit', country: 'US', instant: true },
  '4000056655665572': { brand: 'Visa', funding: 'debit', country: 'US', instant: true },
  '4000056655665564': { brand: 'Visa', funding: 'debit', country: 'US', instant: false },
  '5555555555554444': { brand: 'MasterCard', funding: 'credit', country: 'US', instant: false },
  '5200828282828210': { brand: 'MasterCard', funding: 'debit', country: 'US', instant: true },
  '5105105105105100': { brand: 'MasterCard', funding: 'prepaid', country: 'US', instant: false },
  '378282246310005': { brand: 'American Express', funding: 'credit', country: 'US', instant: false },
  '6011111111111117': { brand: 'Discover', funding: 'credit', country: 'US', instant: false },
  '6011981111111113': { brand: 'Discover', funding: 'debit', country: 'US', instant: true },
};

const CARD_TOKENS: Record<string, string> = {
  tok_visa: '4242424242424242',
  tok_visa_debit: '4000056655665556',
  tok_visa_debit_us_transferSuccess: '4000056655665556',
  tok_visa_debit_us_transferFail: '4000056655665572',
  tok_visa_debit_us_instantPayoutUnsupported: '4000056655665564',
  tok_mastercard: '5555555555554444',
  tok_mastercard_debit: '5200828282828210',
  tok_mastercard_prepaid: '5105105105105100',
  tok_amex: '378282246310005',
  tok_discover: '6011111111111117',
};

/** The card a magic test token stands for (test mode only), or undefined. Expires a year from now. */
export function cardToken(token: string, mode: Mode, now: number): CardInput | undefined {
  if (mode !== 'test' || !(token in CARD_TOKENS)) return undefined;
  const d = new Date(now * 1000);
  return {
    number: CARD_TOKENS[token],
    exp_month: d.getUTCMonth() + 1,
    exp_year: d.getUTCFullYear() + 1,
    cvc: '123',
    name: null,
    address_city: null,
    address_country: null,
    address_line1: null,
    address_line2: null,
    address_state: null,
    address_zip: null,
  };
}

function luhnOk(n: string): boolean {
  let sum = 0;
  for (let i = 0; i < n.length; i++) {
    let d = Number(n[n.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function brandOf(n: string): string {
  if (/^4/.test(n)) return 'Visa';
  if (/^(5[1-5]|2[2-7])/.test(n)) return 'MasterCard';
  if (/^3[47]/.test(n)) return 'American Express';
  if (/^(6011|65|64[4-9])/.test(n)) return 'Discover';
  if (/^35/.test(n)) return 'JCB';
  if (/^3(0|6|8)/.test(n)) return 'Diners Club';
  if (/^62/.test(n)) return 'UnionPay';
  return 'Unknown';
}

export interface CardDetails {
  brand: string;
  funding: string;
  country: string;
  last4: string;
  fingerprint: string;
  available_payout_methods: ('standard' | 'instant')[];
}

const cardError = (message: string, param: string, code: string) => new StripeApiError(402, { type: 'card_error', message, param, code });

/**
 * Checks a card for use as a payout destination: a valid, unexpired debit card. Test mode takes
 * Stripe's test numbers only, as Stripe does.
 */
export function checkCard(input: CardInput, mode: Mode, now: number, paramOf: (field: string) => string): CardDetails {
  const n = input.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(n) || !luhnOk(n)) throw cardError('Your card number is incorrect.', paramOf('number'), 'incorrect_number');
  if (input.exp_month < 1 || input.exp_month > 12) throw cardError("Your card's expiration month is invalid.", paramOf('exp_month'), 'invalid_expiry_month');
  const d = new Date(now * 1000);
  const year = input.exp_year < 100 ? 2000 + input.exp_year : input.exp_year;
  if (year < d.getUTCFullYear() || year > d.getUTCFullYear() + 50) throw cardError("Your card's expiration year is invalid.", paramOf('exp_year'), 'invalid_expiry_year');
  if (year === d.getUTCFullYear() && input.exp_month < d.getUTCMonth() + 1) throw cardError("Your card's expiration month is invalid.", paramOf('exp_month'), 'invalid_expiry_month');
  if (input.cvc !== null && !/^\d{3,4}$/.test(input.cvc)) throw cardError("Your card's security code is invalid.", paramOf('cvc'), 'invalid_cvc');
  const known = TEST_CARDS[n];
  if (mode === 'test' && !known) {
    throw cardError(
      'Your card was declined. Your request was in test mode, but used a non test card. For a list of valid test cards, visit: https://stripe.com/docs/testing.',
      paramOf('number'),
      'card_declined',
    );
  }
  const card: TestCard = known ?? { brand: brandOf(n), funding: 'debit', country: input.address_country ?? 'US', instant: true };
  if (card.funding !== 'debit') {
    throw invalidRequest("This card doesn't appear to be a debit card.", { param: paramOf(''), code: 'invalid_card_type' });
  }
  return {
    brand: card.brand,
    funding: card.funding,
    country: card.country,
    last4: n.slice(-4),
    fingerprint: fingerprint(mode, 'card', n),
    available_payout_methods: card.instant ? ['standard', 'instant'] : ['standard'],
  };
}
