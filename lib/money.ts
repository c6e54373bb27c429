// Amounts between Stripe's minor units (integers: cents, yen, fils) and what people type and read,
// for every currency Stripe supports. Stripe's exponents are its own, not always ISO 4217's: the
// zero-decimal list below is Stripe's, and three-decimal currencies (KWD, BHD, ...) take amounts
// in thousandths that must end in 0. Parsing works on strings, never floats, so 0.29 stays 29.
// Client-safe and pure.

/** Stripe's zero-decimal currencies (docs.stripe.com/currencies#zero-decimal). */
const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);
/** Stripe's three-decimal currencies: the last digit of the minor amount must be 0. */
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

/** Stripe's largest amount: eight digits in the minor unit (99,999,999). */
export const MAX_AMOUNT = 99_999_999;

export function exponent(currency: string): 0 | 2 | 3 {
  const c = currency.toLowerCase();
  return ZERO_DECIMAL.has(c) ? 0 : THREE_DECIMAL.has(c) ? 3 : 2;
}

export type ParsedAmount = { ok: true; amount: number } | { ok: false; error: string };

/**
 * What the operator typed ("1,234.5", "12", "0.05") to minor units. Accepts digits, thousands
 * separators (`,` or spaces or `'`) between groups of three, and one `.` before at most the
 * currency's decimals. Refuses empty, negative, zero (unless allowed) and too-large amounts.
 */
export function parseAmount(input: string, currency: string, opts: { allowZero?: boolean; max?: number } = {}): ParsedAmount {
  const code = currency.toUpperCase();
  const exp = exponent(currency);
  const text = input.trim();
  if (text === '') return { ok: false, error: 'Enter an amount.' };
  if (/^[-−]/.test(text)) return { ok: false, error: 'The amount cannot be negative.' };
  const m = /^(\d{1,3}(?:[, '\u00a0\u202f]\d{3})*|\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return { ok: false, error: `Not an amount: use digits and a decimal point, e.g. ${example(exp)}.` };
  const whole = m[1].replace(/[, '\u00a0\u202f]/g, '');
  const frac = m[2] ?? '';
  if (exp === 0 && frac.replace(/0+$/, '') !== '') return { ok: false, error: `${code} has no minor unit: enter a whole number.` };
  if (frac.length > exp && frac.slice(exp).replace(/0+$/, '') !== '') return { ok: false, error: `${code} has at most ${exp} decimals.` };
  const digits = (whole + frac.padEnd(exp, '0').slice(0, exp)).replace(/^0+(?=\d)/, '');
  if (digits.length > 15) return { ok: false, error: 'The amount is too large.' };
  const amount = Number(digits);
  if (amount === 0 && !opts.allowZero) return { ok: false, error: 'The amount must be more than zero.' };
  if (exp === 3 && amount % 10 !== 0) return { ok: false, error: `${code} amounts must end in 0 (Stripe takes ${code} in steps of 0.010).` };
  const max = opts.max ?? MAX_AMOUNT;
  if (amount > max) return { ok: false, error: `The amount cannot be more than ${formatMoney(max, currency)}.` };
  return { ok: true, amount };
}

function example(exp: number): string {
  return exp === 0 ? '1200' : exp === 3 ? '12.500' : '12.50';
}

/** Minor units to the plain decimal an input field shows ("12.50", "1200", "1.250"); no grouping. */
export function toInputValue(amount: number, currency: string): string {
  assertMinor(amount);
  const exp = exponent(currency);
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(amount)).padStart(exp + 1, '0');
  return exp === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
}

/**
 * Minor units for reading, in the one format the console uses everywhere (as the Stripe Dashboard
 * writes amounts): the local symbol, the amount with its currency's decimals, then the ISO code,
 * since most symbols stand for several currencies ($ for USD, CAD, AUD...; ¥ for JPY and CNY):
 * "$1,234.50 USD", "¥1,200 JPY", "-€3.00 EUR". A currency with no symbol of its own is written
 * with its code once: "KWD 1.250". For people only: CSV exports keep minor units and codes.
 */
export function formatMoney(amount: number, currency: string): string {
  assertMinor(amount);
  const code = currency.toUpperCase();
  const exp = exponent(currency);
  const value = Number(toInputValue(amount, currency));
  let text: string;
  try {
    text = new Intl.NumberFormat('en-US', { style: 'currency', currency: code, currencyDisplay: 'narrowSymbol', minimumFractionDigits: exp, maximumFractionDigits: exp }).format(value);
  } catch {
    // A currency Intl does not know: the code and the number.
    text = `${code} ${new Intl.NumberFormat('en-US', { minimumFractionDigits: exp, maximumFractionDigits: exp }).format(value)}`;
  }
  // Where Intl already wrote the code (a currency with no symbol of its own), it is not repeated.
  return text.includes(code) ? text : `${text} ${code}`;
}

/** Money in words for review sentences: the console's one format ("$12.50 USD", "¥1,200 JPY"). */
export function moneyInWords(amount: number, currency: string): string {
  return formatMoney(amount, currency);
}

function assertMinor(amount: number): void {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Not an amount in minor units: ${amount}`);
}
