import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exponent, formatMoney, MAX_AMOUNT, parseAmount, toInputValue } from './money';

const amount = (input: string, currency: string) => {
  const r = parseAmount(input, currency);
  return r.ok ? r.amount : r.error;
};

describe('exponent', () => {
  it('follows Stripe: zero-decimal, three-decimal, and two otherwise', () => {
    expect(['usd', 'EUR', 'jpy', 'KRW', 'xpf', 'kwd', 'BHD', 'tnd', 'huf', 'isk'].map(exponent)).toEqual([2, 2, 0, 0, 0, 3, 3, 3, 2, 2]);
  });
});

describe('parseAmount', () => {
  it('reads what people type, exactly (no floating point)', () => {
    expect(amount('12.50', 'usd')).toBe(1250);
    expect(amount('0.29', 'usd')).toBe(29);
    expect(amount('1,234.5', 'eur')).toBe(123450);
    expect(amount('1 234', 'eur')).toBe(123400);
    expect(amount(' 7 ', 'gbp')).toBe(700);
    expect(amount('12.', 'usd')).toBe(1200);
    expect(amount('1200', 'jpy')).toBe(1200);
    expect(amount('1,200', 'jpy')).toBe(1200);
    expect(amount('1.250', 'kwd')).toBe(1250);
    expect(amount('1.25', 'kwd')).toBe(1250);
    expect(amount('0.10', 'usd')).toBe(10);
    expect(amount('12.500', 'usd')).toBe(1250);
  });

  it('refuses what is not a valid amount, saying why', () => {
    expect(amount('', 'usd')).toBe('Enter an amount.');
    expect(amount('-5', 'usd')).toBe('The amount cannot be negative.');
    expect(amount('0', 'usd')).toBe('The amount must be more than zero.');
    expect(amount('abc', 'usd')).toMatch(/^Not an amount/);
    expect(amount('1.2.3', 'usd')).toMatch(/^Not an amount/);
    expect(amount('1e3', 'usd')).toMatch(/^Not an amount/);
    expect(amount('12,34', 'usd')).toMatch(/^Not an amount/);
    expect(amount('1.005', 'usd')).toBe('USD has at most 2 decimals.');
    expect(amount('12.5', 'jpy')).toBe('JPY has no minor unit: enter a whole number.');
    expect(amount('1.255', 'kwd')).toMatch(/^KWD amounts must end in 0/);
    expect(amount('1000000', 'usd')).toBe('The amount cannot be more than $999,999.99 USD.');
    expect(amount('99999999999999999999', 'usd')).toBe('The amount is too large.');
  });

  it('takes a smaller maximum (what is left to refund) and zero when allowed', () => {
    expect(parseAmount('5.01', 'usd', { max: 500 })).toEqual({ ok: false, error: 'The amount cannot be more than $5.00 USD.' });
    expect(parseAmount('5.00', 'usd', { max: 500 })).toEqual({ ok: true, amount: 500 });
    expect(parseAmount('0', 'usd', { allowZero: true })).toEqual({ ok: true, amount: 0 });
  });

  it('round-trips every amount through the input field, in every kind of currency', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_AMOUNT }), fc.constantFrom('usd', 'jpy', 'kwd', 'eur', 'krw', 'bhd'), (n, c) => {
        const minor = exponent(c) === 3 ? n - (n % 10) || 10 : n;
        expect(parseAmount(toInputValue(minor, c), c)).toEqual({ ok: true, amount: minor });
      }),
    );
  });
});

describe('toInputValue', () => {
  it('writes plain decimals', () => {
    expect(toInputValue(1250, 'usd')).toBe('12.50');
    expect(toInputValue(5, 'usd')).toBe('0.05');
    expect(toInputValue(1200, 'jpy')).toBe('1200');
    expect(toInputValue(1250, 'kwd')).toBe('1.250');
    expect(toInputValue(-300, 'eur')).toBe('-3.00');
    expect(() => toInputValue(1.5, 'usd')).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('writes the symbol, the amount with the currency\'s own decimals, then the code', () => {
    expect(formatMoney(123450, 'usd')).toBe('$1,234.50 USD');
    expect(formatMoney(1200, 'jpy')).toBe('¥1,200 JPY');
    expect(formatMoney(-300, 'eur')).toBe('-€3.00 EUR');
    expect(formatMoney(0, 'gbp')).toBe('£0.00 GBP');
  });

  it('tells apart currencies that share a symbol, never as "US$" or "CA$"', () => {
    expect(formatMoney(500, 'usd')).toBe('$5.00 USD');
    expect(formatMoney(500, 'cad')).toBe('$5.00 CAD');
    expect(formatMoney(500, 'aud')).toBe('$5.00 AUD');
    for (const c of ['usd', 'cad', 'aud', 'jpy', 'cny', 'hkd', 'nzd']) expect(formatMoney(500, c)).not.toMatch(/[A-Z]{1,2}[$¥]/);
  });

  it('names a currency without a symbol once', () => {
    expect(formatMoney(1250, 'kwd')).toMatch(/^KWD\s1\.250$/);
    expect(formatMoney(1000, 'xyz')).toMatch(/^XYZ\s10\.00$/);
  });
});
