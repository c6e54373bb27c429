import { describe, expect, it } from 'vitest';
import { describeTopup, topupAmount } from '@/lib/topups/schemas';
import { balanceRows } from './keys';

describe('platform balance', () => {
  it('one row per currency, usd first', () => {
    const rows = balanceRows({
      available: [
        { amount: 5, currency: 'eur', source_types: {} },
        { amount: 10, currency: 'usd', source_types: {} },
      ],
      pending: [
        { amount: 7, currency: 'usd', source_types: {} },
        { amount: 3, currency: 'jpy', source_types: {} },
      ],
    } as never);
    expect(rows).toEqual([
      { currency: 'usd', available: 10, pending: 7 },
      { currency: 'eur', available: 5, pending: 0 },
      { currency: 'jpy', available: 0, pending: 3 },
    ]);
  });
  it('top-ups: amount and sentence', () => {
    expect(topupAmount('5,000.00')).toEqual({ ok: true, amount: 500000 });
    expect(describeTopup(500000, 'btok_us_verified')).toContain('Add $5,000.00 USD to the platform balance, debited from the test bank account btok_us_verified');
  });
});
